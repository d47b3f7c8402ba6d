package static

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// markHeadroom is how far above the largest value the value axis of a line
// chart with marked events runs, leaving the top of the plot to their
// labels.
const markHeadroom = 1.34

// markBands draws a figure's marked events behind its lines: a band over
// a span, a dashed line on one day. It is a gonum plotter, added before the
// lines so they draw over it.
type markBands struct {
	p *painter
	f *figure.Figure
}

// axisX turns a mark position (logical order) into the plot's x, which
// runs right to left when the figure mirrors its categories.
func axisX(f *figure.Figure, pos float64) float64 {
	if f.TimeScale() {
		return scaleX(f, pos)
	}
	if f.MirrorCategories() {
		return float64(len(f.Categories)-1) - pos
	}
	return pos
}

func (m markBands) Plot(c draw.Canvas, plt *plot.Plot) {
	f, th := m.f, m.p.th
	tx, _ := plt.Transforms(&c)
	band := color.NRGBA{th.Grid.R, th.Grid.G, th.Grid.B, 150}
	for _, mk := range f.Marks {
		a, z := tx(axisX(f, mk.At)), tx(axisX(f, mk.To))
		if a > z {
			a, z = z, a
		}
		if f.Kind != figure.Line {
			// The canvas's edges are the centres of the end columns:
			// a reference band over them reaches as far as their bars.
			h := 0.35
			if f.Kind == figure.Grouped {
				h = 0.4
			}
			lo, hi := tx(-h), tx(float64(len(f.Categories)-1)+h)
			a, z = max(a, lo), min(z, hi)
		}
		if z-a < 1 {
			continue // a day: markLabels draws its line, between the labels
		}
		c.SetColor(band)
		c.Fill(vg.Rectangle{Min: vg.Point{X: a, Y: c.Min.Y}, Max: vg.Point{X: z, Y: c.Max.Y}}.Path())
	}
}

// markLabels writes each marked event's name and dates at the top of the
// plot, centred on its line or band and kept inside the plot; a label that
// would touch one already written goes below it.
//
// A day's dashed line runs from under its label down to above the value
// labels of the points beside it, so it never crosses a number.
func (p *painter) markLabels(f *figure.Figure, tops []vg.Length, data draw.Canvas, tx func(float64) vg.Length) {
	th := p.th
	name := p.style(th.Small, true, th.Text)
	date := p.style(th.Small, false, th.Muted)
	maxW := data.Size().X * 0.3
	type box struct{ x0, x1, y0, y1 vg.Length }
	var placed []box
	for _, mk := range f.Marks {
		lines := wrap(mk.Label, name, maxW)
		w := date.Width(mk.Date)
		for _, l := range lines {
			w = max(w, name.Width(l))
		}
		h := vg.Length(len(lines))*name.Font.Size*1.2 + date.Font.Size*1.2
		cx := (tx(axisX(f, mk.At)) + tx(axisX(f, mk.To))) / 2
		x0 := min(max(cx-w/2, data.Min.X+2), data.Max.X-2-w)
		// Centred on the mark; flush with the plot's edge when kept in.
		align, at := draw.XCenter, x0+w/2
		switch {
		case x0 > cx-w/2:
			align, at = draw.XLeft, x0
		case x0 < cx-w/2:
			align, at = draw.XRight, x0+w
		}
		top := data.Max.Y - 4
		for moved := true; moved; {
			moved = false
			for _, b := range placed {
				if x0 < b.x1+8 && x0+w+8 > b.x0 && top > b.y0 && top-h < b.y1 {
					top, moved = b.y0-6, true
				}
			}
		}
		placed = append(placed, box{x0, x0 + w, top - h, top})
		name.XAlign, date.XAlign = align, align
		y := top
		for _, l := range lines {
			p.fillText(name, vg.Point{X: at, Y: y}, l)
			y -= name.Font.Size * 1.2
		}
		p.fillText(date, vg.Point{X: at, Y: y}, mk.Date)
		if mk.At == mk.To {
			lo := data.Min.Y
			for _, k := range []int{int(math.Floor(mk.At)), int(math.Ceil(mk.At))} {
				xi := k // tops are in drawing order
				if f.MirrorCategories() {
					xi = len(tops) - 1 - k
				}
				if xi >= 0 && xi < len(tops) {
					lo = max(lo, tops[xi]+4)
				}
			}
			if at, end := tx(axisX(f, mk.At)), top-h-4; end > lo {
				ls := draw.LineStyle{Color: th.Muted, Width: 1.5, Dashes: []vg.Length{5, 4}}
				p.dc.StrokeLine2(ls, at, lo, at, end)
			}
		}
	}
}
