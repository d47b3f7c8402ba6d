package video

import (
	"bytes"
	"context"
	"fmt"
	"image"
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
//
// The hold is sent once: ffmpeg repeats its first frame clone times after
// converting it (tpad), so the still is converted to yuv420p once, not
// once a frame. x264's ultrafast preset keeps a 6 s story under 2 s of
// CPU; the files are larger than slower presets make (some 1.5 MB for a
// story), which the platforms re-encode anyway.
func ffmpegArgs(w, h, fps, clone int, title, comment, out string) []string {
	return []string{
		"-hide_banner", "-loglevel", "error", "-nostdin", "-y",
		"-f", "rawvideo", "-pix_fmt", "rgba", "-s", strconv.Itoa(w) + "x" + strconv.Itoa(h), "-r", strconv.Itoa(fps), "-i", "-",
		"-vf", "format=yuv420p,tpad=stop_mode=clone:stop=" + strconv.Itoa(clone),
		"-an", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "stillimage", "-crf", "20",
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
	wd, ht := even(a.Size())
	comment := strings.TrimSpace(o.Meta.Description + " " + o.Meta.Source)
	cmd := exec.CommandContext(ctx, bin, ffmpegArgs(wd, ht, a.FPS(), a.Held()-1, o.Meta.Title, comment, "/dev/fd/3")...)
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
	werr := writeFrames(in, a, a.Frames()-a.Held()+1)
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

// writeFrames writes the first n frames' pixels, row after row.
func writeFrames(w io.Writer, a *Animation, n int) error {
	for i := range n {
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

// even rounds a size up to even numbers: H.264 in yuv420p halves the
// colour planes, so the landscape 1200x675 is encoded as 1200x676.
func even(w, h int) (int, int) { return w + w%2, h + h%2 }

// pixels are an image's RGBA bytes, rows without padding, with the last
// column and the last row repeated where the size is odd (see even): the
// repeated pixels are the card's margin, its background.
func pixels(img *image.RGBA) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	ew, eh := even(w, h)
	if img.Stride == 4*w && ew == w && eh == h {
		return img.Pix[:4*w*h]
	}
	out := make([]byte, 0, 4*ew*eh)
	row := func(y int) {
		o := img.PixOffset(img.Rect.Min.X, y)
		out = append(out, img.Pix[o:o+4*w]...)
		if ew > w {
			out = append(out, img.Pix[o+4*(w-1):o+4*w]...)
		}
	}
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		row(y)
	}
	if eh > h {
		row(img.Rect.Max.Y - 1)
	}
	return out
}

// tempFile opens the file ffmpeg writes into, and what removes it.
func tempFile(temp func() (*os.File, func(), error)) (*os.File, func(), error) {
	if temp != nil {
		return temp()
	}
	f, err := os.CreateTemp("", ".tmp-video-*.mp4")
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close(); os.Remove(f.Name()) }, nil
}
