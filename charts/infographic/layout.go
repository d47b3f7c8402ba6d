package infographic

import (
	"fmt"
	"math"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/text"
	"github.com/tollcharts/tollcharts/charts/theme"
)

// frame paints the background and the furniture every card carries: a
// brand stripe, the title and subtitle on top, the notes (the figure's,
// then the renderer's own, such as a rounding rule) and the source line at
// the bottom, and the logo on the start side of the footer (left in
// English, right in Arabic), the footer's text beside it. It returns the
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
	// logo takes the start side.
	small := c.st(c.th.Small, false, c.th.Muted)
	foot := content
	logoW, logoH := c.logoSize(content)
	if logoW > 0 {
		if c.rtl {
			foot.X1 -= logoW + 20*c.u
		} else {
			foot.X0 += logoW + 20*c.u
		}
	}
	var paras [][]*text.Line
	notes := f.FooterNotes(extraNotes...)
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
	if logoW > 0 {
		x := content.X0
		if c.rtl {
			x = content.X1 - logoW
		}
		c.rec.logo = rect{x, content.Y1 - logoH, x + logoW, content.Y1}
		img := c.o.Logo
		if l := c.th.Logo; l != nil && l.Image == img { // resampled once per size
			img = l.Scaled(int(math.Round(logoW*c.o.Scale)), int(math.Round(logoH*c.o.Scale)))
		}
		DrawImage(c.dc, img, x, content.Y1-logoH, logoW, logoH)
	}
	body := rect{content.X0, top, content.X1, bottom}
	if body.H() < 0.25*c.h {
		return body, fmt.Errorf("%gx%g leaves %.0f px for the graphic under the title and notes; shorten them or use a taller size", c.w, c.h, body.H())
	}
	return body, nil
}

// logoSize is the logo's size as drawn, in canvas units (pixels at 1x):
// the theme's logo height (40 without a theme logo), narrowed to at most
// 30% of the content's width, its aspect kept, in whole device pixels.
// Zero without a logo.
func (c *canvas) logoSize(content rect) (w, h float64) {
	if c.o.Logo == nil || c.o.Logo.Bounds().Empty() {
		return 0, 0
	}
	b := c.o.Logo.Bounds()
	h = theme.DefaultLogoHeight
	if l := c.th.Logo; l != nil && l.Height > 0 {
		h = l.Height
	}
	w = h * float64(b.Dx()) / float64(b.Dy())
	if maxW := 0.3 * content.W(); w > maxW {
		w, h = maxW, maxW*float64(b.Dy())/float64(b.Dx())
	}
	s := c.o.Scale
	return math.Round(w*s) / s, math.Round(h*s) / s
}
