package infographic

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// Motion asks Render for one frame of a card's animation (package video)
// instead of the still. T, from 0 to 1, is how far the reveal has gone:
// a stat card's counts count up from zero (the only numbers that ever
// show a value the data does not hold, and only while they move), a
// pictogram's icons appear one by one, a map's governorates fill one by
// one from the largest figure down, a timeline's key dates (its rows, on
// tall formats) appear one by one in time order. The furniture (title, legend, notes,
// source line) is drawn whole from the first frame. At T >= 1 the frame
// is the still, pixel for pixel.
type Motion struct {
	T float64
}

// Animates reports whether a kind has a Motion of its own.
func Animates(k figure.Kind) bool {
	switch k {
	case figure.Stat, figure.Pictogram, figure.Map, figure.TileMap, figure.Timeline:
		return true
	}
	return false
}

// Image draws f and returns the pixels, as Render would encode them.
func Image(f *figure.Figure, o Options) (*image.RGBA, error) {
	c, err := draw(f, o)
	if err != nil {
		return nil, err
	}
	img, _ := c.dc.Image().(*image.RGBA)
	if img == nil {
		return nil, fmt.Errorf("render %s: the canvas is not RGBA", f.ID)
	}
	return img, nil
}

// progress is how far the canvas' animation has gone: 1 for the still.
func (c *canvas) progress() float64 {
	if c.o.Motion == nil || c.o.Motion.T >= 1 {
		return 1
	}
	return math.Max(0, c.o.Motion.T)
}

// moving reports whether the canvas draws a frame before the end.
func (c *canvas) moving() bool { return c.progress() < 1 }

// revealed is how many of n things a frame shows, in order: all of them
// in the still.
func (c *canvas) revealed(n int) int {
	if !c.moving() {
		return n
	}
	return min(n, int(math.Floor(c.progress()*float64(n))))
}

// count is the value a counting frame shows for v: v itself in the still
// and for "no data"; before the end, floor(N·e(T)) with an ease-out that
// never passes 1, so the count never goes past the figure. The label keeps
// the figure's own form (grouping, digits), only the number changes.
func (c *canvas) count(v figure.Value) figure.Value {
	if !c.moving() || !v.Known {
		return v
	}
	t := c.progress()
	e := 1 - (1-t)*(1-t)*(1-t)
	n := int64(math.Floor(float64(v.N) * e))
	if n >= v.N {
		n = v.N - 1 // the figure itself only at the end
	}
	if n < 0 {
		n = 0
	}
	out := v
	out.N = n
	whole := c.loc.Int(v.N)
	if strings.Contains(v.Label, whole) {
		out.Label = strings.Replace(v.Label, whole, c.loc.Int(n), 1)
	} else {
		out.Label = c.loc.Int(n)
	}
	return out
}

// grown scales a length by the frame's eased progress: bars grow with the
// count they stand beside.
func (c *canvas) grown(w float64) float64 {
	if !c.moving() {
		return w
	}
	t := c.progress()
	return w * (1 - (1-t)*(1-t)*(1-t))
}

// shownGovs is the set of governorates (by P-code) a map frame has filled:
// those with a figure, largest first, as many as the frame reveals; every
// one in the still.
func (c *canvas) shownGovs(vs []govValue) map[string]bool {
	r := ranked(vs)
	out := map[string]bool{}
	for _, gv := range r[:c.revealed(len(r))] {
		out[gv.gov.PCode] = true
	}
	return out
}

// pending is the fill of a governorate a frame has not reached yet: the
// grid colour, unlike any class or the no-data hatch.
func (c *canvas) pending() color.RGBA { return blend(c.th.Background, c.th.Grid, 0.6) }

// Still draws f as Render does and returns the pixels with the number of
// distinct frames its Motion has (0 when it moves smoothly, as a count
// does): one per icon of a pictogram, one per governorate with a figure
// on a map, one per key date of a timeline (per row on tall formats).
func Still(f *figure.Figure, o Options) (*image.RGBA, int, error) {
	o.Motion = nil
	c, err := draw(f, o)
	if err != nil {
		return nil, 0, err
	}
	steps := 0
	switch f.Kind {
	case figure.Pictogram:
		for _, n := range c.rec.icons {
			steps += n
		}
	case figure.Map, figure.TileMap:
		for _, cl := range c.rec.fills {
			if cl != noData {
				steps++
			}
		}
	case figure.Timeline:
		steps = c.rec.steps
	}
	img, _ := c.dc.Image().(*image.RGBA)
	if img == nil {
		return nil, 0, fmt.Errorf("render %s: the canvas is not RGBA", f.ID)
	}
	return img, steps, nil
}
