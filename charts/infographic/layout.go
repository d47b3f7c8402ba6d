package infographic

import (
	"fmt"
	"math"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/text"
)

// frame paints the background and the furniture every card carries: a
// brand stripe, the title and subtitle on top, the notes (the figure's,
// then the renderer's own, such as a rounding rule) and the source line at
// the bottom, and the logo on the end side of the footer. It returns the
// body: the space left for the graphic.
func (c *canvas) frame(f *figure.Figure, extraNotes ...string) (rect, error) {
	c.fillRect(rect{0, 0, c.w, c.h}, c.th.Background)
	c.fillRect(rect{0, 0, c.w, math.Round(6 * c.u)}, c.th.Color(0))
	content := rect{c.pad, c.pad, c.w - c.pad, c.h - 0.7*c.pad}

	// Header.
	title := c.st(c.th.Title, true, c.th.Text)
	y := c.para(f.Title, title, content, content.Y0)
	sub := f.Subtitle
	if sub == "" {
		sub = f.Period
	}
	if sub != "" {
		y = c.para(sub, c.st(c.th.Subtitle, false, c.th.Muted), content, y+6*c.u)
	}
	top := y + 18*c.u

	// Footer: notes, then the source line, above the bottom margin; the
	// logo takes the end side.
	small := c.st(c.th.Small, false, c.th.Muted)
	foot := content
	logoW, logoH := 0.0, 0.0
	if c.o.Logo != nil {
		b := c.o.Logo.Bounds()
		logoH = math.Round(40 * c.u)
		logoW = math.Min(logoH*float64(b.Dx())/float64(max(b.Dy(), 1)), 0.3*content.W())
		logoH = logoW * float64(b.Dy()) / float64(max(b.Dx(), 1))
		if c.rtl {
			foot.X0 += logoW + 20*c.u
		} else {
			foot.X1 -= logoW + 20*c.u
		}
	}
	var paras [][]*text.Line
	notes := append(append([]string(nil), f.Notes...), extraNotes...)
	for _, n := range append(notes, f.Source) {
		if n != "" {
			paras = append(paras, c.wrap(n, small, foot.W()))
		}
	}
	h := 0.0
	for i, p := range paras {
		h += height(p)
		if i > 0 {
			h += lineSpacing * small.size
		}
	}
	h = math.Max(h, logoH)
	fy := content.Y1 - h
	bottom := fy - 18*c.u
	// A hairline between the graphic and the footer.
	c.fillRect(rect{content.X0, fy - 9*c.u, content.X1, fy - 9*c.u + math.Max(1, c.u)}, c.th.Grid)
	for _, p := range paras {
		fy = c.lines(p, small, foot, fy) + lineSpacing*small.size
	}
	if c.o.Logo != nil {
		x := content.X1 - logoW
		if c.rtl {
			x = content.X0
		}
		DrawImage(c.dc, c.o.Logo, x, content.Y1-logoH, logoW, logoH)
	}
	body := rect{content.X0, top, content.X1, bottom}
	if body.H() < 0.25*c.h {
		return body, fmt.Errorf("%gx%g leaves %.0f px for the graphic under the title and notes; shorten them or use a taller size", c.w, c.h, body.H())
	}
	return body, nil
}
