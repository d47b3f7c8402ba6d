package video

import (
	"fmt"
	"image"
	"math"
	"sync"
	"time"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/infographic"
	"github.com/tollcharts/tollcharts/charts/static"
)

// Animation is a video's frames at a frame rate: Frames() of them, the
// last Held() of which are the still.
type Animation struct {
	fps    int
	n      int // frames in all
	moving int // frames before the hold
	still  *image.RGBA
	// at draws the frame at progress t in [0, 1) into dst (the size of
	// the still), which it may also return unchanged as a cached frame.
	at func(dst *image.RGBA, t float64) (*image.RGBA, error)
	// steps is the number of distinct states of the motion (0: smooth):
	// frames of one state are drawn once.
	steps    int
	buf      *image.RGBA
	lastStep int
}

// NewAnimation prepares f's frames at fps frames a second: the still is
// drawn once, by the same function the still PNG is drawn by.
func NewAnimation(f *figure.Figure, o Options, fps int) (*Animation, error) {
	if err := o.defaults(); err != nil {
		return nil, fmt.Errorf("video %s: %w", f.ID, err)
	}
	a := &Animation{fps: fps, lastStep: -1}
	a.n = frames(o.Duration, fps)
	a.moving = a.n - frames(o.Hold, fps)
	switch {
	case infographic.Animates(f.Kind):
		io := o.Infographic
		if io.Scale > 1 {
			return nil, fmt.Errorf("video %s: scale %g; videos are drawn at 1x", f.ID, io.Scale)
		}
		still, steps, err := infographic.Still(f, io)
		if err != nil {
			return nil, err
		}
		a.still, a.steps = still, steps
		a.at = func(dst *image.RGBA, t float64) (*image.RGBA, error) {
			fo := io
			fo.Motion = &infographic.Motion{T: t}
			fo.Target = dst
			return infographic.Image(f, fo)
		}
	case Supports(f.Kind):
		so := o.Static
		if so.Scale > 1 {
			return nil, fmt.Errorf("video %s: scale %g; videos are drawn at 1x", f.ID, so.Scale)
		}
		if so.Text == nil {
			return nil, fmt.Errorf("video %s: no text handler", f.ID)
		}
		// The texts of the still that the furniture lacks are the data's
		// (value labels, "no data"): the wipe shows each whole or not at
		// all, never a cut number.
		full, bareText := &texts{Handler: so.Text}, &texts{Handler: so.Text}
		so.Furniture, so.Text = false, full
		still, err := static.Image(f, so)
		if err != nil {
			return nil, err
		}
		so.Furniture, so.Text = true, bareText
		bare, err := static.Image(f, so)
		if err != nil {
			return nil, err
		}
		a.still = still
		a.at = wipe(bare, still, wipeOf(f), full.minus(bareText, still.Rect.Dy()))
	default:
		return nil, fmt.Errorf("video %s: kind %q does not animate; want one of: %v", f.ID, f.Kind, SupportedKinds())
	}
	return a, nil
}

func frames(d time.Duration, fps int) int {
	return int(math.Round(d.Seconds() * float64(fps)))
}

// Frames is the number of frames.
func (a *Animation) Frames() int { return a.n }

// FPS is the frame rate.
func (a *Animation) FPS() int { return a.fps }

// Held is the number of frames at the end that show the still.
func (a *Animation) Held() int { return a.n - a.moving }

// Size is the frames' size in pixels.
func (a *Animation) Size() (int, int) { return a.still.Rect.Dx(), a.still.Rect.Dy() }

// Still is the last frame: the still PNG's pixels.
func (a *Animation) Still() *image.RGBA { return a.still }

// Progress is how far the motion has gone at frame i: 0 at the first
// frame, 1 from the first frame of the hold on.
func (a *Animation) Progress(i int) float64 {
	if i >= a.moving {
		return 1
	}
	return float64(i) / float64(a.moving)
}

// Frame draws frame i. The image is the animation's own and is valid
// until the next call.
func (a *Animation) Frame(i int) (*image.RGBA, error) {
	t := a.Progress(i)
	if t >= 1 {
		return a.still, nil
	}
	if a.steps > 0 {
		// One state per step: floor(t·steps) things shown, drawn at the
		// middle of the step so that rounding cannot change the count.
		s := int(math.Floor(t * float64(a.steps)))
		if s == a.lastStep && a.buf != nil {
			return a.buf, nil
		}
		t = (float64(s) + 0.5) / float64(a.steps)
		a.lastStep = s
	}
	if a.buf == nil {
		a.buf = image.NewRGBA(a.still.Rect)
	}
	img, err := a.at(a.buf, t)
	if err != nil {
		return nil, err
	}
	a.buf = img
	return img, nil
}

// direction is where a wipe starts.
type direction int

const (
	fromLeft direction = iota
	fromRight
	fromBottom
)

// wipeOf is the way a chart's data is revealed: lines along time, bars
// from their labels' side, columns from the axis.
func wipeOf(f *figure.Figure) direction {
	switch f.Kind {
	case figure.Column:
		return fromBottom
	case figure.Bar:
		if f.RTL() {
			return fromRight
		}
		return fromLeft
	}
	if f.MirrorCategories() {
		return fromRight
	}
	return fromLeft
}

// wipe reveals full over bare: the pixels where the two differ (the
// data) lie in one box, and a frame at t copies the first t of that box,
// along the direction, from full; everything else is the furniture, the
// same in both. At t = 1 it would be full itself.
//
// The edge of the wipe never cuts a label (of labels, in pixels: the
// value labels and "no data"): it waits before a label until it can pass
// it whole, so a number is shown whole or not at all.
func wipe(bare, full *image.RGBA, d direction, labels []image.Rectangle) func(*image.RGBA, float64) (*image.RGBA, error) {
	box := differ(bare, full)
	return func(dst *image.RGBA, t float64) (*image.RGBA, error) {
		copy(dst.Pix, bare.Pix)
		if box.Empty() {
			return dst, nil
		}
		r := box
		switch d {
		case fromLeft:
			r.Max.X = box.Min.X + int(math.Floor(t*float64(box.Dx())))
		case fromRight:
			r.Min.X = box.Max.X - int(math.Floor(t*float64(box.Dx())))
		case fromBottom:
			r.Min.Y = box.Max.Y - int(math.Floor(t*float64(box.Dy())))
		}
		// Hold the edge back from a label it would cut (and from the
		// next, if that one is cut in turn).
		for moved := true; moved; {
			moved = false
			for _, l := range labels {
				switch {
				case d == fromLeft && l.Min.X < r.Max.X && r.Max.X < l.Max.X:
					r.Max.X, moved = l.Min.X, true
				case d == fromRight && l.Min.X < r.Min.X && r.Min.X < l.Max.X:
					r.Min.X, moved = l.Max.X, true
				case d == fromBottom && l.Min.Y < r.Min.Y && r.Min.Y < l.Max.Y:
					r.Min.Y, moved = l.Max.Y, true
				}
			}
		}
		if r.Empty() {
			return dst, nil
		}
		for y := r.Min.Y; y < r.Max.Y; y++ {
			o := full.PixOffset(r.Min.X, y)
			n := 4 * r.Dx()
			copy(dst.Pix[o:o+n], full.Pix[o:o+n])
		}
		return dst, nil
	}
}

// differ is the smallest rectangle holding every pixel where a and b
// differ (empty when they are the same).
func differ(a, b *image.RGBA) image.Rectangle {
	var box image.Rectangle
	w := a.Rect.Dx()
	for y := 0; y < a.Rect.Dy(); y++ {
		row := y * a.Stride
		x0, x1 := -1, -1
		for x := 0; x < w; x++ {
			o := row + 4*x
			if a.Pix[o] != b.Pix[o] || a.Pix[o+1] != b.Pix[o+1] || a.Pix[o+2] != b.Pix[o+2] || a.Pix[o+3] != b.Pix[o+3] {
				if x0 < 0 {
					x0 = x
				}
				x1 = x
			}
		}
		if x0 >= 0 {
			box = box.Union(image.Rect(x0, y, x1+1, y+1))
		}
	}
	return box.Add(a.Rect.Min)
}

// texts records the boxes of the texts a render draws.
type texts struct {
	text.Handler
	mu    sync.Mutex
	boxes []textBox
}

type textBox struct {
	txt string
	r   vg.Rectangle
}

func (r *texts) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	r.Handler.Draw(c, txt, sty, pt)
	if txt == "" {
		return
	}
	sty.Handler = r.Handler
	rect := sty.Rectangle(txt)
	rect.Min, rect.Max = rect.Min.Add(pt), rect.Max.Add(pt)
	r.mu.Lock()
	r.boxes = append(r.boxes, textBox{txt, rect})
	r.mu.Unlock()
}

// minus returns the boxes of r's texts that bare did not draw at the same
// place, in pixels of an image h pixels high (videos are drawn at 1x: a
// point is a pixel), with a pixel of margin for antialiasing.
func (r *texts) minus(bare *texts, h int) []image.Rectangle {
	seen := map[textBox]bool{}
	for _, b := range bare.boxes {
		seen[b] = true
	}
	var out []image.Rectangle
	for _, b := range r.boxes {
		if seen[b] {
			continue
		}
		out = append(out, image.Rect(
			int(math.Floor(float64(b.r.Min.X)))-1, h-int(math.Ceil(float64(b.r.Max.Y)))-1,
			int(math.Ceil(float64(b.r.Max.X)))+1, h-int(math.Floor(float64(b.r.Min.Y)))+1))
	}
	return out
}
