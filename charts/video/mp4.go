package video

import (
	"bytes"
	"image"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// ffmpegArgs are ffmpeg's arguments for raw RGBA frames of w×h at fps on
// standard input, written as H.264 (yuv420p, the pixel format every
// player plays) with the index at the front (+faststart: playback starts
// before the whole file has arrived) to out.
func ffmpegArgs(w, h, fps int, title, comment, out string) []string {
	return []string{
		"-hide_banner", "-loglevel", "error", "-nostdin", "-y",
		"-f", "rawvideo", "-pix_fmt", "rgba", "-s", strconv.Itoa(w) + "x" + strconv.Itoa(h), "-r", strconv.Itoa(fps), "-i", "-",
		"-an", "-c:v", "libx264", "-preset", "veryfast", "-tune", "animation", "-crf", "20",
		"-pix_fmt", "yuv420p", "-r", strconv.Itoa(fps), "-movflags", "+faststart",
		// The same bytes for the same frames: no encoder string or
		// creation time that differs between builds.
		"-threads", "1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1",
		"-metadata", "title=" + title, "-metadata", "comment=" + comment,
		"-f", "mp4", out,
	}
}

// encodeMP4 pipes the frames to ffmpeg, which writes the MP4 into a
// temporary file (on a descriptor it inherits: no path of the output
// folder is given to it), then copies the file to w.
func encodeMP4(ctx context.Context, w io.Writer, a *Animation, o Options) error {
	bin, err := LookFFmpeg(o.FFmpeg)
	if err != nil {
		return err
	}
	tmp, cleanup, err := tempFile(o.Temp)
	if err != nil {
		return err
	}
	defer cleanup()
	wd, ht := a.Size()
	comment := strings.TrimSpace(o.Meta.Description + " " + o.Meta.Source)
	cmd := exec.CommandContext(ctx, bin, ffmpegArgs(wd, ht, a.FPS(), o.Meta.Title, comment, "/dev/fd/3")...)
	cmd.ExtraFiles = []*os.File{tmp}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("ffmpeg: %w", err)
	}
	werr := writeFrames(in, a)
	in.Close()
	if err := cmd.Wait(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("ffmpeg: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	if werr != nil {
		return werr
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err = io.Copy(w, tmp)
	return err
}

// writeFrames writes every frame's pixels, row after row.
func writeFrames(w io.Writer, a *Animation) error {
	for i := range a.Frames() {
		img, err := a.Frame(i)
		if err != nil {
			return err
		}
		if _, err := w.Write(pixels(img)); err != nil {
			return fmt.Errorf("ffmpeg stopped reading frames: %w", err)
		}
	}
	return nil
}

// pixels are an image's RGBA bytes, rows without padding.
func pixels(img *image.RGBA) []byte {
	w := 4 * img.Rect.Dx()
	if img.Stride == w {
		return img.Pix[:w*img.Rect.Dy()]
	}
	out := make([]byte, 0, w*img.Rect.Dy())
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		o := img.PixOffset(img.Rect.Min.X, y)
		out = append(out, img.Pix[o:o+w]...)
	}
	return out
}

// tempFile opens the file ffmpeg writes into, and what removes it.
func tempFile(temp func() (*os.File, error)) (*os.File, func(), error) {
	if temp != nil {
		f, err := temp()
		if err != nil {
			return nil, nil, err
		}
		return f, func() { f.Close() }, nil
	}
	f, err := os.CreateTemp("", ".tmp-video-*.mp4")
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close(); os.Remove(f.Name()) }, nil
}
