package static

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/theme"
)

// multiples draws one small column chart per series, in a grid, all on the
// value scale of the largest value, so panels compare honestly. Panels read
// in the figure's direction: right to left in Arabic.
func (p *painter) multiples(f *figure.Figure, area vg.Rectangle) error {
	n := len(f.Series)
	cols := int(math.Ceil(math.Sqrt(float64(n) * float64(area.Size().X/area.Size().Y) / 1.6)))
	cols = max(1, min(cols, n))
	rows := (n + cols - 1) / cols
	const gap = 18
	w := (area.Size().X - gap*vg.Length(cols-1)) / vg.Length(cols)
	h := (area.Size().Y - gap*vg.Length(rows-1)) / vg.Length(rows)
	title := p.style(p.th.Label, true, p.th.Text)
	title.YAlign = draw.YTop
	sub := *p
	sub.yMax = float64(f.Max())
	for i, s := range f.Series {
		r, c := i/cols, i%cols
		if p.rtl {
			c = cols - 1 - c
		}
		panel := vg.Rectangle{
			Min: vg.Point{X: area.Min.X + vg.Length(c)*(w+gap), Y: area.Max.Y - vg.Length(r+1)*h - vg.Length(r)*gap},
		}
		panel.Max = vg.Point{X: panel.Min.X + w, Y: panel.Min.Y + h}
		x, align := panel.Min.X, draw.XLeft
		if p.rtl {
			x, align = panel.Max.X, draw.XRight
		}
		title.XAlign = align
		p.dc.FillText(title, vg.Point{X: x, Y: panel.Max.Y}, s.Name)
		panel.Max.Y -= title.Font.Size * 1.5
		one := *f
		one.Kind = figure.Column
		one.Series = []figure.Series{s}
		// Each panel keeps its series' colour.
		sub.th = p.themeWithFirst(i)
		if err := sub.plot(&one, panel); err != nil {
			return err
		}
	}
	return nil
}

// themeWithFirst returns the theme with palette colour i first.
func (p *painter) themeWithFirst(i int) *theme.Theme {
	t := *p.th
	t.Palette = append([]color.RGBA{p.th.Color(i)}, p.th.Palette...)
	return &t
}
