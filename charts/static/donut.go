package static

import (
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// donut draws the parts of one whole as a ring, the whole in its centre,
// and beside it each part with its count and share. Arabic puts the list
// on the left and the ring on the right.
func (p *painter) donut(f *figure.Figure, area vg.Rectangle) error {
	all, parts, err := f.DonutParts()
	if err != nil {
		return err
	}
	whole := all.Values[0]
	th := p.th
	tall := area.Size().Y > area.Size().X
	ring, list := area, area
	if tall {
		ring.Min.Y = area.Min.Y + area.Size().Y*0.45
		list.Max.Y = ring.Min.Y - 10
	} else {
		mid := area.Min.X + area.Size().X*0.45
		ring.Max.X, list.Min.X = mid, mid+20
		if p.rtl {
			ring.Min.X, ring.Max.X = area.Max.X-area.Size().X*0.45, area.Max.X
			list.Min.X, list.Max.X = area.Min.X, ring.Min.X-20
		}
	}
	c := vg.Point{X: (ring.Min.X + ring.Max.X) / 2, Y: (ring.Min.Y + ring.Max.Y) / 2}
	outer := min(ring.Size().X, ring.Size().Y) / 2 * 0.95
	inner := outer * 0.6
	start := math.Pi / 2 // twelve o'clock, going clockwise
	for i, s := range parts {
		sweep := -2 * math.Pi * float64(s.Values[0].N) / float64(whole.N)
		var path vg.Path
		path.Move(vg.Point{X: c.X + outer*vg.Length(math.Cos(start)), Y: c.Y + outer*vg.Length(math.Sin(start))})
		path.Arc(c, outer, start, sweep)
		path.Arc(c, inner, start+sweep, -sweep)
		path.Close()
		p.fillMark(path, th.Color(i))
		start += sweep
	}
	big := p.style(th.Title*1.4, true, th.Text)
	big.XAlign, big.YAlign = draw.XCenter, draw.YBottom
	p.dc.FillText(big, c, whole.Label)
	sub := p.style(th.Label, false, th.Muted)
	sub.XAlign, sub.YAlign = draw.XCenter, draw.YTop
	p.dc.FillText(sub, vg.Point{X: c.X, Y: c.Y - sub.Font.Size*0.6}, all.Name)
	// The list: swatch, name, count and share, one part per row.
	name := p.style(th.Label*1.1, true, th.Text)
	val := p.style(th.Label*1.1, false, th.Text)
	rowH := name.Font.Size * 3.2
	y := (list.Min.Y+list.Max.Y)/2 + rowH*vg.Length(len(parts))/2
	sw := name.Font.Size
	for i, s := range parts {
		share := f.Share(s.Values[0].N, whole.N)
		x, tx := list.Min.X, list.Min.X+sw+10
		name.XAlign, val.XAlign = draw.XLeft, draw.XLeft
		if p.rtl {
			x, tx = list.Max.X-sw, list.Max.X-sw-10
			name.XAlign, val.XAlign = draw.XRight, draw.XRight
		}
		p.fillMark(vg.Rectangle{Min: vg.Point{X: x, Y: y - sw}, Max: vg.Point{X: x + sw, Y: y}}.Path(), th.Color(i))
		name.YAlign, val.YAlign = draw.YTop, draw.YTop
		p.dc.FillText(name, vg.Point{X: tx, Y: y}, s.Name)
		p.dc.FillText(val, vg.Point{X: tx, Y: y - name.Font.Size*1.35}, s.Values[0].Label+"  ("+share+")")
		y -= rowH
	}
	return nil
}
