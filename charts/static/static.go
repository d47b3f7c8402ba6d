package static

import (
	"bytes"
	"fmt"
	"image/color"
	"io"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/internal/pngenc"
	"github.com/tollcharts/tollcharts/charts/internal/provenance"
	"github.com/tollcharts/tollcharts/charts/theme"
)

// Format is an output file format.
type Format string

const (
	PNG Format = "png"
	SVG Format = "svg"
	PDF Format = "pdf"
)

// Options say how to draw.
type Options struct {
	Width, Height int     // canvas size in pixels at scale 1 (1200x675 when zero)
	Scale         float64 // 1 or 2 for PNG; 0 means 1
	Format        Format  // PNG when empty
	Theme         *theme.Theme
	Text          text.Handler // shapes and draws every text; required
	// Typeface is the font family name the handler knows.
	Typeface font.Typeface
	// TextScale enlarges the theme's text sizes (tall social formats are
	// read on phones); 0 means 1.
	TextScale float64
	// Furniture draws the chart without its data: title, subtitle,
	// legend, axes, grid, category labels, source line, notes and logo,
	// but no line, point, bar, column, value label or event mark (package
	// video reveals the data over it). Bar, column and line charts only.
	Furniture bool
	filled    bool // the canvas already holds the background
	// Meta is written into the file (PNG text chunks, SVG title, desc
	// and metadata, PDF document information).
	Meta Meta
	// logoAt, when set, receives the box the logo was drawn in (tests).
	logoAt *vg.Rectangle
}

// Render draws f and writes it to w.
func Render(w io.Writer, f *figure.Figure, o Options) error {
	if o.Width == 0 || o.Height == 0 {
		o.Width, o.Height = 1200, 675
	}
	if o.Scale == 0 {
		o.Scale = 1
	}
	if o.Theme == nil {
		o.Theme, _ = theme.ByName("")
	}
	if o.TextScale > 0 && o.TextScale != 1 {
		t := *o.Theme
		t.Title, t.Subtitle, t.Label, t.Small = t.Title*o.TextScale, t.Subtitle*o.TextScale, t.Label*o.TextScale, t.Small*o.TextScale
		o.Theme = &t
	}
	if o.Text == nil {
		return fmt.Errorf("render %s: no text handler", f.ID)
	}
	W, H := vg.Length(o.Width), vg.Length(o.Height)
	var buf bytes.Buffer
	switch o.Format {
	case PNG, "":
		// The canvas starts filled with the background: cheaper than
		// rasterising a rectangle over it, and the same pixels.
		dpi := int(72 * o.Scale)
		px := func(l vg.Length) int { return int(l/vg.Inch*vg.Length(dpi) + 0.5) }
		c := newPixelCanvas(px(W), px(H), dpi, o.Theme.Background)
		defer c.release()
		o.filled = true
		if err := draw1(draw.New(c), f, o); err != nil {
			return err
		}
		return pngenc.Encode(w, c.img, provenance.PNGChunks(o.Meta)...)
	case imageFormat:
		dpi := int(72 * o.Scale)
		px := func(l vg.Length) int { return int(l/vg.Inch*vg.Length(dpi) + 0.5) }
		c := newPixelCanvas(px(W), px(H), dpi, o.Theme.Background)
		defer c.release()
		o.filled = true
		if err := draw1(draw.New(c), f, o); err != nil {
			return err
		}
		return w.(*imageSink).keep(c.img)
	case SVG:
		c := vgsvg.New(W, H)
		if err := draw1(draw.New(c), f, o); err != nil {
			return err
		}
		if _, err := c.WriteTo(&buf); err != nil {
			return err
		}
		_, err := w.Write(provenance.SVG(svgImageType(buf.Bytes()), o.Meta))
		return err
	case PDF:
		pdfDates()
		c := vgpdf.New(W, H)
		c.EmbedFonts(false) // text is drawn as shaped outlines; no font is used
		if err := draw1(draw.New(c), f, o); err != nil {
			return err
		}
		if _, err := c.WriteTo(&buf); err != nil {
			return err
		}
		doc, err := provenance.PDF(buf.Bytes(), o.Meta)
		if err != nil {
			return fmt.Errorf("render %s: %v", f.ID, err)
		}
		_, err = w.Write(doc)
		return err
	}
	return fmt.Errorf("render %s: unknown format %q", f.ID, o.Format)
}

// painter draws text and shapes in one canvas with one theme.
type painter struct {
	yMax float64 // when set, the value axis runs to it (shared by small multiples)
	dc   draw.Canvas
	o    Options
	th   *theme.Theme
	rtl  bool
	// indent keeps text clear of the logo on the start side (the footer).
	indent vg.Length
	// drawn are the boxes of the texts written in the plot (fillText), for
	// the callouts to keep clear of.
	drawn []rect
}

// fillText writes a text of the plot and records its box.
func (p *painter) fillText(sty text.Style, pt vg.Point, txt string) {
	p.dc.FillText(sty, pt, txt)
	if txt == "" {
		return
	}
	r := sty.Rectangle(txt)
	p.drawn = append(p.drawn, rect{r.Min.X + pt.X, r.Min.Y + pt.Y, r.Max.X + pt.X, r.Max.Y + pt.Y})
}

func (p *painter) style(size float64, bold bool, c color.Color) text.Style {
	fnt := font.Font{Typeface: p.o.Typeface, Size: vg.Length(size)}
	if bold {
		fnt.Weight = 700
	}
	return text.Style{Color: c, Font: fnt, Handler: p.o.Text, XAlign: draw.XLeft, YAlign: draw.YTop}
}

// wrap breaks s into lines no wider than maxW, at spaces.
func wrap(s string, sty text.Style, maxW vg.Length) []string {
	words := splitSpaces(s)
	var lines []string
	cur := ""
	for _, w := range words {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur != "" && sty.Width(try) > maxW {
			lines = append(lines, cur)
			cur = w
			continue
		}
		cur = try
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

func splitSpaces(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if r == ' ' || r == '\n' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// block draws wrapped lines from the top y down, aligned to the reading
// side, and returns the y below the last line.
func (p *painter) block(s string, sty text.Style, y vg.Length, lineGap float64) vg.Length {
	r := p.dc.Rectangle
	pad := p.pad()
	x := r.Min.X + pad + p.indent
	sty.XAlign = draw.XLeft
	if p.rtl {
		x = r.Max.X - pad - p.indent
		sty.XAlign = draw.XRight
	}
	for _, line := range wrap(s, sty, r.Size().X-2*pad-p.indent) {
		p.dc.FillText(sty, vg.Point{X: x, Y: y}, line)
		y -= sty.Font.Size * vg.Length(lineGap)
	}
	return y
}

// blockHeight is how tall block would draw s.
func (p *painter) blockHeight(s string, sty text.Style, lineGap float64) vg.Length {
	n := len(wrap(s, sty, p.dc.Rectangle.Size().X-2*p.pad()-p.indent))
	return vg.Length(n) * sty.Font.Size * vg.Length(lineGap)
}

func (p *painter) pad() vg.Length { return vg.Length(0.035 * float64(p.dc.Rectangle.Size().X)) }

// draw1 lays out the furniture (title, subtitle, legend, source, notes) and
// draws the chart in the space left.
func draw1(dc draw.Canvas, f *figure.Figure, o Options) error {
	th := o.Theme
	p := &painter{dc: dc, o: o, th: th, rtl: f.RTL()}
	if !o.filled {
		dc.SetColor(th.Background)
		dc.Fill(dc.Rectangle.Path())
	}
	r := dc.Rectangle
	pad := p.pad()
	y := r.Max.Y - pad
	y = p.block(f.Title, p.style(th.Title, true, th.Text), y, 1.25)
	sub := f.Subtitle
	if f.Period != "" && sub == "" {
		sub = f.Period
	}
	if sub != "" {
		y = p.block(sub, p.style(th.Subtitle, false, th.Muted), y-4, 1.3)
	}
	if len(f.Series) > 1 && f.Kind != figure.Donut && f.Kind != figure.Multiples {
		y = p.legend(f, y-6)
	}
	small := p.style(th.Small, false, th.Muted)
	foot := []string{f.Source}
	foot = append(foot, f.FooterNotes()...)
	logoW, logoH := p.logoSize() // the logo takes the footer's start side
	if logoW > 0 {
		p.indent = logoW + logoGap
	}
	var footH vg.Length
	for _, s := range foot {
		footH += p.blockHeight(s, small, 1.35)
	}
	fy := r.Min.Y + pad*0.7 + footH
	fy, footH = fy+max(logoH-footH, 0)/2, max(footH, logoH)
	for _, s := range foot {
		fy = p.block(s, small, fy, 1.35)
	}
	p.indent = 0
	p.drawLogo(logoW, logoH)
	area := vg.Rectangle{
		Min: vg.Point{X: r.Min.X + pad, Y: r.Min.Y + pad*0.7 + footH + 12},
		Max: vg.Point{X: r.Max.X - pad, Y: y - 10},
	}
	if area.Size().Y < 60 {
		return fmt.Errorf("render %s: %gx%g is too small for its title and notes", f.ID, r.Size().X, r.Size().Y)
	}
	switch f.Kind {
	case figure.Bar:
		p.bars(f, area)
		return nil
	case figure.Column, figure.Grouped, figure.Stacked, figure.Line:
		return p.plot(f, area)
	case figure.Donut:
		return p.donut(f, area)
	case figure.Multiples:
		return p.multiples(f, area)
	}
	return fmt.Errorf("render %s: kind %q has no static form", f.ID, f.Kind)
}

// legend draws one swatch and name per series in a row; returns the y below.
func (p *painter) legend(f *figure.Figure, y vg.Length) vg.Length {
	sty := p.style(p.th.Label, false, p.th.Text)
	sw := sty.Font.Size * 0.8
	r := p.dc.Rectangle
	pad := p.pad()
	x := r.Min.X + pad
	for i, s := range f.Series {
		w := sty.Width(s.Name)
		bx := x
		tx := x + sw + 6
		if p.rtl {
			bx = r.Max.X - (x - r.Min.X) - sw
			tx = bx - 6 - w
		}
		top := y - (sty.Font.Size-sw)/2
		p.fillMark(vg.Rectangle{Min: vg.Point{X: bx, Y: top - sw}, Max: vg.Point{X: bx + sw, Y: top}}.Path(), p.th.Color(i))
		p.dc.FillText(sty, vg.Point{X: tx, Y: y}, s.Name)
		x += sw + 6 + w + 22
	}
	return y - sty.Font.Size*1.4
}
