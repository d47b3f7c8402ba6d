package text

import (
	"strings"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	gfont "gonum.org/v1/plot/font"
	gtext "gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Handler is a gonum.org/v1/plot/text.Handler that shapes every label
// with a font stack and fills it as a vg.Path, so Arabic is joined and
// ordered right to left in PNG, SVG and PDF output alike, rotated labels
// included. Font sizes are gonum's (points); a font.Font's Weight of
// semibold or heavier selects the bold faces; its Typeface and Style are
// ignored. It holds no global state: give each plot its own with
// [ApplyHandler].
type Handler struct {
	Fonts     *Fonts    // nil means Default()
	Direction Direction // paragraph direction of labels; Auto by default
}

var _ gtext.Handler = (*Handler)(nil)

// NewHandler returns a Handler drawing with fonts (nil: Default()).
func NewHandler(fonts *Fonts) *Handler { return &Handler{Fonts: fonts} }

// ApplyHandler makes p draw all its text with h: the title, both axes'
// labels and tick labels, and the legend. plot.New copies the global
// default handler into each of those styles, so setting p.TextHandler
// alone is not enough. Plotters with their own text styles (such as
// plotter.Labels) need their Handler set by the caller.
func ApplyHandler(p *plot.Plot, h gtext.Handler) {
	p.TextHandler = h
	p.Title.TextStyle.Handler = h
	p.X.Label.TextStyle.Handler = h
	p.Y.Label.TextStyle.Handler = h
	p.X.Tick.Label.Handler = h
	p.Y.Tick.Label.Handler = h
	p.Legend.TextStyle.Handler = h
}

func (h *Handler) fonts() *Fonts {
	if h.Fonts == nil {
		return Default()
	}
	return h.Fonts
}

func (h *Handler) style(fnt gfont.Font) Style {
	return Style{Fonts: h.fonts(), Size: float64(fnt.Size), Bold: fnt.Weight >= xfont.WeightSemiBold, Direction: h.Direction}
}

// gonumFaces is the font.Cache a Fonts offers to gonum, built once.
type gonumFaces struct{ cache *gfont.Cache }

// Cache returns a gonum font cache holding the stack's primary regular and
// bold faces. gonum/plot itself does not use it to draw through Handler;
// it is there for code that looks faces up.
func (h *Handler) Cache() *gfont.Cache {
	f := h.fonts()
	f.gonumOnce.Do(func() {
		var coll gfont.Collection
		for _, w := range []xfont.Weight{xfont.WeightNormal, xfont.WeightBold} {
			fc := f.stack(w == xfont.WeightBold)[0]
			ot, err := opentype.Parse(fc.data)
			if err != nil {
				continue
			}
			coll = append(coll, gfont.Face{Font: gfont.Font{Typeface: gfont.Typeface(f.regular[0].name), Weight: w}, Face: ot})
		}
		f.gonumFaces.cache = gfont.NewCache(coll)
	})
	return f.gonumFaces.cache
}

// Extents returns the primary face's metrics at fnt's size.
func (h *Handler) Extents(fnt gfont.Font) gfont.Extents {
	st := h.style(fnt)
	m := st.fonts().Metrics(st.Size, st.Bold)
	return gfont.Extents{Ascent: vg.Length(m.Ascent), Descent: vg.Length(m.Descent), Height: vg.Length(m.LineHeight())}
}

// Lines splits txt at "\n", as gonum's plain handler does.
func (h *Handler) Lines(txt string) []string {
	return strings.Split(strings.TrimRight(txt, "\n"), "\n")
}

// Box returns the shaped advance width of one line of text, and its
// ascent and descent.
func (h *Handler) Box(txt string, fnt gfont.Font) (width, height, depth vg.Length) {
	l := Shape(txt, h.style(fnt))
	return vg.Length(l.Width()), vg.Length(l.Ascent()), vg.Length(l.Descent())
}

// Draw fills txt on c. The block is placed as gonum's text.Style.Rectangle
// describes it: rotated by sty.Rotation about pt, each line offset by
// XAlign times its own width, and the last line's baseline at YAlign times
// the block height from pt.
func (h *Handler) Draw(c vg.Canvas, txt string, sty gtext.Style, pt vg.Point) {
	txt = strings.TrimRight(txt, "\n")
	if txt == "" {
		return
	}
	st := h.style(sty.Font)
	if !(st.Size > 0) {
		return
	}
	gap := st.fonts().Metrics(st.Size, st.Bold).LineGap
	parts := h.Lines(txt)
	lines := make([]*Line, len(parts))
	height := 0.0 // as text.Style's box: sum of ascent+descent, plus gaps
	for i, s := range parts {
		lines[i] = Shape(s, st)
		height += lines[i].Ascent() + lines[i].Descent()
		if i > 0 {
			height += gap
		}
	}

	// Each line's origin relative to pt, y up: the last line's baseline at
	// YAlign times the block height, the others above it.
	xs, baselines := make([]float64, len(lines)), make([]float64, len(lines))
	baseline := float64(sty.YAlign) * height
	for i := len(lines) - 1; i >= 0; i-- {
		if i < len(lines)-1 {
			baseline += lines[i].Descent() + gap + lines[i+1].Ascent()
		}
		xs[i], baselines[i] = float64(sty.XAlign)*lines[i].Width(), baseline
	}

	if r, ok := rasterOf(c); ok && sty.Rotation == 0 {
		img, m := r.RasterTarget()
		if s, ok := m.flippedScale(); ok {
			for i, l := range lines {
				px, py := m.Apply(float64(pt.X)+xs[i], float64(pt.Y)+baselines[i])
				l.drawRaster(img, px, py, s, sty.Color)
			}
			return
		}
	}

	var path vg.Path
	sink := vgSink{&path}
	for i, l := range lines {
		l.Path(sink, xs[i], -baselines[i])
	}
	if len(path) == 0 {
		return
	}
	c.Push()
	defer c.Pop()
	c.SetColor(sty.Color)
	c.Translate(pt)
	if sty.Rotation != 0 {
		c.Rotate(sty.Rotation)
	}
	c.Fill(path)
}

// rasterOf finds the Raster under c: draw.Canvas.FillText hands the
// handler the draw.Canvas, which wraps the canvas that draws.
func rasterOf(c vg.Canvas) (Raster, bool) {
	for {
		switch w := c.(type) {
		case Raster:
			return w, true
		case *draw.Canvas:
			c = w.Canvas
		case draw.Canvas:
			c = w.Canvas
		default:
			return nil, false
		}
	}
}

// vgSink turns y-down PathSink calls into a y-up vg.Path.
type vgSink struct{ p *vg.Path }

func vgPt(x, y float64) vg.Point { return vg.Point{X: vg.Length(x), Y: vg.Length(-y)} }

func (s vgSink) MoveTo(x, y float64)         { s.p.Move(vgPt(x, y)) }
func (s vgSink) LineTo(x, y float64)         { s.p.Line(vgPt(x, y)) }
func (s vgSink) QuadTo(cx, cy, x, y float64) { s.p.QuadTo(vgPt(cx, cy), vgPt(x, y)) }
func (s vgSink) CubicTo(c1x, c1y, c2x, c2y, x, y float64) {
	s.p.CubeTo(vgPt(c1x, c1y), vgPt(c2x, c2y), vgPt(x, y))
}
func (s vgSink) Close() { s.p.Close() }
