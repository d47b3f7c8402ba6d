package infographic

import (
	"image/color"
	"math"
)

// hatch is the fill that means "no data": thin diagonal lines over a pale
// ground, unlike any class colour, so that a blank never reads as zero. It
// is a gg.Pattern in device pixels, anti-aliased by coverage.
type hatch struct {
	bg, fg  color.RGBA
	spacing float64 // between lines, device pixels
	width   float64 // line width, device pixels
	// byDiagonal holds the colour of every diagonal x+y of the canvas,
	// worked out once: a tile asks for each of its pixels.
	byDiagonal []color.Color
}

func (c *canvas) hatch() hatch {
	s := c.o.Scale
	h := hatch{
		bg:      blend(c.th.Background, c.th.NoData, 0.10),
		fg:      c.th.NoData,
		spacing: math.Round(7 * c.u * s),
		width:   1.6 * c.u * s,
	}
	n := int(math.Ceil(c.w*s)) + int(math.Ceil(c.h*s)) + 2
	h.byDiagonal = make([]color.Color, n)
	for i := range h.byDiagonal {
		h.byDiagonal[i] = h.at(i)
	}
	return h
}

// ColorAt implements gg.Pattern: lines x + y = k·period at 45°.
func (h hatch) ColorAt(x, y int) color.Color {
	if i := x + y; i >= 0 && i < len(h.byDiagonal) {
		return h.byDiagonal[i]
	}
	return h.at(x + y)
}

// at is the colour of the diagonal x+y = i.
func (h hatch) at(i int) color.RGBA {
	period := h.spacing * math.Sqrt2
	m := math.Mod(float64(i)+1, period)
	d := math.Min(m, period-m) / math.Sqrt2 // distance to the nearest line
	cov := math.Max(0, math.Min(1, h.width/2-d+0.5))
	return blend(h.bg, h.fg, cov)
}
