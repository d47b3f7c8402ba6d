//go:build unix

package video

import (
	"context"
	"fmt"
	"io"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

func rusage(who int) time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(who, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// targetCPU is the target for a 6 s 1080x1920 story video of a
// stat card: CPU seconds, drawing and encoding together.
const targetCPU = 2 * time.Second

// BenchmarkStoryVideo renders a 6 s 1080x1920 story MP4 of the headline
// stat card and of the bar chart (the bars grow), and reports CPU seconds
// an operation: drawing the frames (this process: the frames ffmpeg is
// sent, the moving ones and the first of the hold), encoding (ffmpeg, a
// child process, plus the pipe's cost in this one), and their sum against
// the 2 s target for the stat card. Run by `make bench`.
func BenchmarkStoryVideo(b *testing.B) {
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		b.Skip("ffmpeg not installed (apt-get install ffmpeg)")
	}
	for _, c := range []struct{ name, id string }{{"stat", "headline"}, {"bars", "victims"}} {
		b.Run(c.name, func(b *testing.B) {
			f := fig(b, c.id, "en")
			o := options(1080, 1920, 1.5, MP4)
			var drawCPU, encodeCPU time.Duration
			for b.Loop() {
				// Frame drawing alone.
				self0 := rusage(syscall.RUSAGE_SELF)
				a, err := NewAnimation(f, o, FPS)
				if err != nil {
					b.Fatal(err)
				}
				for i := range a.Frames() - a.Held() + 1 {
					if _, err := a.Frame(i); err != nil {
						b.Fatal(err)
					}
				}
				draw := rusage(syscall.RUSAGE_SELF) - self0
				// The whole video: drawing again, the pipe, ffmpeg.
				self1, child1 := rusage(syscall.RUSAGE_SELF), rusage(syscall.RUSAGE_CHILDREN)
				if err := Render(context.Background(), io.Discard, f, o); err != nil {
					b.Fatal(err)
				}
				self := rusage(syscall.RUSAGE_SELF) - self1
				child := rusage(syscall.RUSAGE_CHILDREN) - child1
				drawCPU += draw
				encodeCPU += child + max(0, self-draw)
			}
			n := time.Duration(b.N)
			d, e := drawCPU/n, encodeCPU/n
			b.ReportMetric(d.Seconds(), "draw-cpu-s/op")
			b.ReportMetric(e.Seconds(), "encode-cpu-s/op")
			b.ReportMetric((d + e).Seconds(), "cpu-s/op")
			verdict := ""
			if c.name == "stat" {
				verdict = fmt.Sprintf(" against the target of %.1f s CPU: ", targetCPU.Seconds())
				if d+e <= targetCPU {
					verdict += "met"
				} else {
					verdict += "NOT met"
				}
			}
			fmt.Printf("story video %s (6 s, 1080x1920, 30 fps): draw %.2f s CPU, encode %.2f s CPU, total %.2f s CPU%s\n", c.name, d.Seconds(), e.Seconds(), (d + e).Seconds(), verdict)
		})
	}
}
