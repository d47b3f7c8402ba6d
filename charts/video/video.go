// Package video draws a figure.Figure as a short animation for social
// posts (reels, stories, status): an MP4 (H.264, yuv420p, faststart, 30
// fps) written by ffmpeg, fed raw RGBA frames over a pipe, or a GIF
// written in pure Go (image/gif, 10 fps, a palette of the card's own
// colours).
//
// In: a Figure and Options: the size (the infographic or static options
// the still PNG of that size is drawn with), the format, the duration and
// the hold. Out: the file on an io.Writer. Every frame is drawn by the
// renderers the stills are drawn by (package infographic, package
// static), never by a browser:
//
//   - stat: the counts count up from zero to the exact published figure
//     (an ease-out that never passes it) and the bars grow with them;
//   - pictogram: the icons appear one by one, in the still's order;
//   - map, tilemap: the governorates with a figure fill one by one, the
//     largest first; those not reached yet are an even grey, unlike any
//     class or the no-data hatch;
//   - timeline: the key dates appear one by one in time order (on tall
//     formats, the rows: counts and key dates);
//   - line: the lines draw left to right (right to left where the Arabic
//     layout mirrors the time axis), a wipe of the finished chart over its
//     furniture (title, axes, legend, source line and notes);
//   - column: the columns grow from the axis (a wipe upwards);
//   - bar: the bars grow from their labels' side.
//
// The furniture, the source line and the notes ("documented minimum") are
// on screen from the first frame. The motion takes Duration − Hold; the
// last Hold (at least 1.5 s) shows the still, and the last frame is the
// still PNG of the same size pixel for pixel. No frame shows a number the
// data does not hold, except a count while it counts.
package video

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/infographic"
	"github.com/tollcharts/tollcharts/charts/internal/provenance"
	"github.com/tollcharts/tollcharts/charts/static"
)

// Format is a video file format.
type Format string

const (
	MP4 Format = "mp4"
	GIF Format = "gif"
)

// Formats are the video formats, in the order the build lists them.
var Formats = []Format{MP4, GIF}

// Frame rates.
const (
	FPS    = 30 // MP4
	GIFFPS = 10 // GIF: a tenth of a second a frame keeps the file small
)

// Defaults and limits of a spec's video: block.
const (
	DefaultDuration = 6 * time.Second
	DefaultHold     = 2 * time.Second
	MinHold         = 1500 * time.Millisecond // a count is held at least this long on its figure
	MaxDuration     = 60 * time.Second
)

// Options say what to draw.
type Options struct {
	Format   Format        // MP4 or GIF
	Duration time.Duration // the whole video; DefaultDuration when zero
	Hold     time.Duration // the still at the end; DefaultHold when zero
	// Infographic draws the frames of an infographic kind (its Motion is
	// set per frame); Static those of a chart (PNG). Width and Height are
	// theirs; scale 1 only.
	Infographic infographic.Options
	Static      static.Options
	// FFmpeg is the ffmpeg program ("ffmpeg", looked up in PATH, when
	// empty). Only MP4 needs it.
	FFmpeg string
	// Temp returns the file ffmpeg writes the MP4 into (an MP4 with its
	// index at the front needs a file it can seek in), read back into the
	// writer, and what removes it. Nil: a file in the system's temporary
	// folder.
	Temp func() (*os.File, func(), error)
	// Meta gives the MP4 its title and comment (the alt text and the
	// source line).
	Meta provenance.Meta
}

// Supports reports whether a kind has an animation.
func Supports(k figure.Kind) bool {
	if infographic.Animates(k) {
		return true
	}
	switch k {
	case figure.Line, figure.Column, figure.Bar:
		return true
	}
	return false
}

// SupportedKinds lists the kinds that animate, for messages.
func SupportedKinds() []figure.Kind {
	var out []figure.Kind
	for _, k := range figure.Kinds {
		if Supports(k) {
			out = append(out, k)
		}
	}
	return out
}

// ErrNoFFmpeg is returned (wrapped) when MP4 is asked for and ffmpeg is
// not installed.
var ErrNoFFmpeg = errors.New("MP4 video needs ffmpeg, which is not installed (not in PATH); want the Debian package ffmpeg (apt-get install ffmpeg), or -format without mp4 (GIF needs nothing)")

// LookFFmpeg finds the ffmpeg program, or returns ErrNoFFmpeg.
func LookFFmpeg(name string) (string, error) {
	if name == "" {
		name = "ffmpeg"
	}
	p, err := exec.LookPath(name)
	if err != nil {
		return "", ErrNoFFmpeg
	}
	return p, nil
}

func (o *Options) defaults() error {
	if o.Duration == 0 {
		o.Duration = DefaultDuration
	}
	if o.Hold == 0 {
		o.Hold = DefaultHold
	}
	if o.Duration <= 0 || o.Duration > MaxDuration {
		return fmt.Errorf("duration %v; want more than 0 and at most %v", o.Duration, MaxDuration)
	}
	if o.Hold < MinHold || o.Hold >= o.Duration {
		return fmt.Errorf("hold %v; want at least %v and less than the duration %v", o.Hold, MinHold, o.Duration)
	}
	return nil
}

// Render draws f's animation and writes it to w.
func Render(ctx context.Context, w io.Writer, f *figure.Figure, o Options) error {
	if err := o.defaults(); err != nil {
		return fmt.Errorf("video %s: %w", f.ID, err)
	}
	switch o.Format {
	case MP4, GIF:
	default:
		return fmt.Errorf("video %s: format %q; want one of: mp4, gif", f.ID, o.Format)
	}
	fps := FPS
	if o.Format == GIF {
		fps = GIFFPS
	}
	a, err := NewAnimation(f, o, fps)
	if err != nil {
		return err
	}
	if o.Format == GIF {
		return encodeGIF(ctx, w, a)
	}
	return encodeMP4(ctx, w, a, o)
}
