package video

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// ffmpegArgs are ffmpeg's arguments for raw frames of w×h at fps on
// standard input, in planar YUV 4:2:0 (BT.709, converted here from the
// renderers' RGBA, see yuv), written as H.264 (yuv420p, the pixel format
// every player plays, tagged BT.709) with the index at the front
// (+faststart: playback starts before the whole file has arrived) to out.
//
// The hold is sent once: ffmpeg repeats its first frame clone times
// (tpad). x264's ultrafast preset keeps a 6 s story under 2 s of CPU; the
// files are larger than slower presets make (about 1.5 MB for a story),
// which the platforms re-encode anyway.
func ffmpegArgs(w, h, fps, clone int, title, comment, out string) []string {
	return []string{
		"-hide_banner", "-loglevel", "error", "-nostdin", "-y",
		"-f", "rawvideo", "-pix_fmt", "yuv420p", "-color_range", "tv", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
		"-s", strconv.Itoa(w) + "x" + strconv.Itoa(h), "-r", strconv.Itoa(fps), "-i", "-",
		"-vf", "tpad=stop_mode=clone:stop=" + strconv.Itoa(clone),
		"-an", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "stillimage", "-crf", "20",
		"-pix_fmt", "yuv420p", "-color_range", "tv", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
		"-r", strconv.Itoa(fps), "-movflags", "+faststart",
		// The same bytes for the same frames: no encoder string or
		// creation time that differs between builds, and a fixed number
		// of x264 threads (its output depends on it, not on the machine;
		// one thread costs more CPU than two).
		"-threads", "2", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1",
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

// writeFrames writes the first n frames, converted to YUV 4:2:0.
func writeFrames(w io.Writer, a *Animation, n int) error {
	c := newYUV(a.Size())
	for i := range n {
		img, err := a.Frame(i)
		if err != nil {
			return err
		}
		if _, err := w.Write(c.frame(img)); err != nil {
			return fmt.Errorf("ffmpeg stopped reading frames: %w", err)
		}
	}
	return nil
}

// even rounds a size up to even numbers: H.264 in yuv420p halves the
// colour planes, so the landscape 1200x675 is encoded as 1200x676, its
// last row repeated (the card's margin).
func even(w, h int) (int, int) { return w + w%2, h + h%2 }

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
