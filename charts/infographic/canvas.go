package infographic

import (
	"image"
	"image/color"
	"math"

	"github.com/fogleman/gg"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/internal/raster"
	"github.com/tollcharts/tollcharts/charts/locale"
	"github.com/tollcharts/tollcharts/charts/text"
	"github.com/tollcharts/tollcharts/charts/theme"
)

// format is the layout family of a canvas size.
type format int

const (
	landscape format = iota // wider than tall: 1200x675
	square                  // 1080x1080
	portrait                // 1080x1350
	story                   // 1080x1920
)

func formatOf(w, h int) format {
	switch r := float64(h) / float64(w); {
	case r < 0.8:
		return landscape
	case r < 1.1:
		return square
	case r < 1.5:
		return portrait
	}
	return story
}

// tall reports whether the layout stacks vertically.
func (f format) tall() bool { return f == portrait || f == story }

// rect is a rectangle in canvas units (pixels at scale 1), y down.
type rect struct{ X0, Y0, X1, Y1 float64 }

func (r rect) W() float64 { return r.X1 - r.X0 }
func (r rect) H() float64 { return r.Y1 - r.Y0 }

func (r rect) inset(dx, dy float64) rect { return rect{r.X0 + dx, r.Y0 + dy, r.X1 - dx, r.Y1 - dy} }

// overlaps reports whether r and o share more than a hairline.
func (r rect) overlaps(o rect) bool {
	const eps = 0.5
	return r.X0 < o.X1-eps && o.X0 < r.X1-eps && r.Y0 < o.Y1-eps && o.Y0 < r.Y1-eps
}

// within reports whether r lies inside o.
func (r rect) within(o rect) bool {
	const eps = 0.5
	return r.X0 >= o.X0-eps && r.Y0 >= o.Y0-eps && r.X1 <= o.X1+eps && r.Y1 <= o.Y1+eps
}

// splitX cuts r at x into a left and a right part with a gap between.
func (r rect) splitX(x, gap float64) (rect, rect) {
	return rect{r.X0, r.Y0, x - gap/2, r.Y1}, rect{x + gap/2, r.Y0, r.X1, r.Y1}
}

// splitY cuts r at y into a top and a bottom part with a gap between.
func (r rect) splitY(y, gap float64) (rect, rect) {
	return rect{r.X0, r.Y0, r.X1, y - gap/2}, rect{r.X0, y + gap/2, r.X1, r.Y1}
}

// textBox is one line of text as drawn: its ink bounds.
type textBox struct {
	Text string
	Box  rect
}

// record is what a render drew, for tests: every text line's ink box,
// icons per group, the fill of each governorate.
type record struct {
	texts []textBox
	marks []rect          // map: leaders and dots drawn over fills
	icons map[string]int  // pictogram: icons drawn per group key
	unit  int64           // pictogram: people per icon
	fills map[string]int  // map: P-code -> class index, or noData
	proj  *projection     // choropleth: the projection used
	tiles map[string]rect // tile grid: P-code -> tile
	logo  rect            // where the logo was drawn (zero: none)
	steps int             // timeline: the rows or events a video reveals
	// outlined is the governorate a map highlights (Figure.Highlight),
	// drawn with a heavy outline; "" when none.
	outlined string
}

// canvas is a gg context with a figure's language, a theme and the size's
// layout family. Coordinates are canvas units: pixels at scale 1.
type canvas struct {
	dc     *gg.Context
	w, h   float64
	th     *theme.Theme
	fonts  *text.Fonts
	rtl    bool
	dir    text.Direction
	format format
	u      float64 // type scale of the format against the theme's landscape sizes
	pad    float64 // outer margin
	o      Options
	loc    locale.Locale
	// valueAxis names what is counted ("Civilians killed").
	valueAxis string
	rec       record
}

func newCanvas(dc *gg.Context, f *figure.Figure, o Options) *canvas {
	c := &canvas{dc: dc, w: float64(o.Width), h: float64(o.Height), th: o.Theme, fonts: o.Fonts, rtl: f.RTL(), o: o, loc: f.Locale, valueAxis: f.ValueAxis}
	c.format = formatOf(o.Width, o.Height)
	c.dir = text.LTR
	if c.rtl {
		c.dir = text.RTL
	}
	c.u = map[format]float64{landscape: 1, square: 1.25, portrait: 1.3, story: 1.4}[c.format]
	c.u *= math.Min(c.w/map[format]float64{landscape: 1200, square: 1080, portrait: 1080, story: 1080}[c.format], 1.5)
	c.pad = math.Round(0.045 * math.Min(c.w, c.h*1.6))
	c.rec.icons = map[string]int{}
	c.rec.fills = map[string]int{}
	c.rec.tiles = map[string]rect{}
	return c
}

// style is how a text is set.
type style struct {
	size  float64
	bold  bool
	color color.Color
}

func (c *canvas) st(size float64, bold bool, col color.Color) style {
	return style{size: size * c.u, bold: bold, color: col}
}

func (c *canvas) textStyle(s style) text.Style {
	return text.Style{Fonts: c.fonts, Size: s.size, Bold: s.bold, Direction: c.dir}
}

// shape shapes one line in the figure's direction.
func (c *canvas) shape(s string, st style) *text.Line { return text.Shape(s, c.textStyle(st)) }

// wrap breaks a paragraph into lines no wider than w.
func (c *canvas) wrap(s string, st style, w float64) []*text.Line {
	return text.Wrap(s, c.textStyle(st), math.Max(w, 1))
}

// startAnchor is where lines start in r: the left edge, or the right one
// in a right-to-left figure.
func (c *canvas) startAnchor(r rect) (float64, text.Align) {
	if c.rtl {
		return r.X1, text.Right
	}
	return r.X0, text.Left
}

// endAnchor is the opposite of startAnchor.
func (c *canvas) endAnchor(r rect) (float64, text.Align) {
	if c.rtl {
		return r.X0, text.Left
	}
	return r.X1, text.Right
}

// mx mirrors an x offset within r: from the start side of the reading
// direction.
func (c *canvas) mx(r rect, off, w float64) float64 {
	if c.rtl {
		return r.X1 - off - w
	}
	return r.X0 + off
}

// draw fills a shaped line with its baseline at y, aligned against x, and
// records its ink box.
func (c *canvas) draw(l *text.Line, x, y float64, a text.Align, col color.Color) rect {
	ox := l.OriginX(x, a)
	c.dc.SetColor(col)
	if img, m, s, ok := c.pixels(); ok {
		// Unrotated text on pixels: glyph masks, cached across cards.
		px, py := m.Apply(ox, y)
		text.DrawPixels(img, l, px, py, s, col)
	} else {
		text.DrawGG(c.dc, l, ox, y)
	}
	ink := l.Ink()
	r := rect{ox + ink.MinX, y + ink.MinY, ox + ink.MaxX, y + ink.MaxY}
	if !ink.Empty() {
		c.rec.texts = append(c.rec.texts, textBox{Text: l.Text(), Box: r})
	}
	return r
}

// drawHalo draws a line with an outline of the background colour first,
// so that it reads over fills and hatching.
func (c *canvas) drawHalo(l *text.Line, x, y float64, a text.Align, col, halo color.Color) rect {
	ox := l.OriginX(x, a)
	c.dc.ClearPath()
	l.Path(text.GGSink(c.dc), ox, y)
	c.dc.SetColor(halo)
	c.dc.SetLineWidth(math.Max(2, l.Size()*0.18))
	c.dc.SetLineJoinRound()
	c.dc.Stroke()
	return c.draw(l, x, y, a, col)
}

// para draws a wrapped paragraph from the top y of r, each line aligned to
// the start side, and returns the y below its last line.
func (c *canvas) para(s string, st style, r rect, y float64) float64 {
	lines := c.wrap(s, st, r.W())
	return c.lines(lines, st, r, y)
}

// lines draws wrapped lines from the top y, aligned to the start side of r.
func (c *canvas) lines(lines []*text.Line, st style, r rect, y float64) float64 {
	if len(lines) == 0 {
		return y
	}
	x, a := c.startAnchor(r)
	return c.linesAt(lines, x, y, a, st.color)
}

// lineSpacing is the space added between lines, in ems: Arabic letters
// reach above and below the font's line metrics, and lines that touch are
// hard to read.
const lineSpacing = 0.18

// leading is the distance between the baselines of two lines.
func leading(prev, next *text.Line) float64 {
	return text.Leading(prev, next) + lineSpacing*next.Size()
}

// height is how tall lines are when set with leading.
func height(lines []*text.Line) float64 {
	h := text.Height(lines)
	for i := 1; i < len(lines); i++ {
		h += lineSpacing * lines[i].Size()
	}
	return h
}

// linesAt draws wrapped lines from the top y, each aligned against x.
func (c *canvas) linesAt(lines []*text.Line, x, y float64, a text.Align, col color.Color) float64 {
	if len(lines) == 0 {
		return y
	}
	base := y + lines[0].Ascent()
	for i, l := range lines {
		if i > 0 {
			base += leading(lines[i-1], l)
		}
		c.draw(l, x, base, a, col)
	}
	return base + lines[len(lines)-1].Descent()
}

// fillRect fills a rectangle with a colour.
func (c *canvas) fillRect(r rect, col color.Color) {
	c.dc.SetColor(col)
	if img, m, _, ok := c.pixels(); ok {
		x0, y0 := m.Apply(r.X0, r.Y0)
		x1, y1 := m.Apply(r.X1, r.Y1)
		raster.FillRect(img, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), col)
		return
	}
	c.dc.DrawRectangle(r.X0, r.Y0, r.W(), r.H())
	c.dc.Fill()
}

// pixels returns the image the context draws on and its transform, when
// that only scales (no rotation): then text and rectangles are drawn
// into the pixels directly, the same shapes for a fraction of the time
// of gg's rasterizer.
func (c *canvas) pixels() (*image.RGBA, text.Affine, float64, bool) {
	img, ok := c.dc.Image().(*image.RGBA)
	if !ok {
		return nil, text.Affine{}, 0, false
	}
	m := text.AffineOf(c.dc.TransformPoint)
	s, ok := m.ScaleOnly()
	return img, m, s, ok
}

// lowerFirst lowers an initial capital unless the word is an acronym
// ("UN"), for phrases such as "29.5% of all civilians".
func lowerFirst(s string) string {
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] < 'A' || s[1] > 'Z') {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

// pick chooses the English or the Arabic text for the figure's language.
func (c *canvas) pick(en, ar string) string {
	if c.rtl {
		return ar
	}
	return en
}

// blend mixes a colour with the background: t=0 gives the background.
func blend(bg, fg color.RGBA, t float64) color.RGBA {
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*(1-t) + float64(b)*t)) }
	return color.RGBA{mix(bg.R, fg.R), mix(bg.G, fg.G), mix(bg.B, fg.B), 0xff}
}

// luminance is the relative luminance of a colour (WCAG).
func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.RGBA) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// inkOn returns the theme's text or background colour, whichever reads
// better on a fill.
func (c *canvas) inkOn(fill color.RGBA) color.RGBA {
	if contrast(c.th.Text, fill) >= contrast(c.th.Background, fill) {
		return c.th.Text
	}
	return c.th.Background
}

// measure runs a drawing function on a scratch canvas of the same size
// and language and returns what it returns (a height): layouts that
// depend on a part's size measure it first, then draw it in place.
func (c *canvas) measure(draw func(*canvas) float64) float64 {
	s := *c
	s.dc = gg.NewContext(1, 1)
	s.rec = record{icons: map[string]int{}, fills: map[string]int{}, tiles: map[string]rect{}}
	return draw(&s)
}
