package static

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// donutParts checks a donut figure: one category (a period), a series "all"
// (the whole) and parts that add up to it exactly, so the ring never shows
// a share that the data does not hold.
func donutParts(f *figure.Figure) (whole figure.Value, parts []figure.Series, err error) {
	if len(f.Categories) != 1 {
		return whole, nil, fmt.Errorf("render %s: a donut shows one period or place; this figure has %d (narrow select)", f.ID, len(f.Categories))
	}
	found := false
	var sum int64
	for _, s := range f.Series {
		if s.Key == "all" {
			whole, found = s.Values[0], true
			continue
		}
		if !s.Values[0].Known {
			return whole, nil, fmt.Errorf("render %s: %s has no data; a donut needs every part", f.ID, s.Name)
		}
		sum += s.Values[0].N
		parts = append(parts, s)
	}
	if !found || !whole.Known {
		return whole, nil, fmt.Errorf("render %s: a donut needs the whole (category all) selected and known", f.ID)
	}
	if sum != whole.N {
		return whole, nil, fmt.Errorf("render %s: the parts add up to %d, not the whole %d; select disjoint parts that cover it (derive: [other_adults])", f.ID, sum, whole.N)
	}
	return whole, parts, nil
}

// donut draws the parts of one whole as a ring, the whole in its centre,
// and beside it each part with its count and share. Arabic puts the list
// on the left and the ring on the right.
func (p *painter) donut(f *figure.Figure, area vg.Rectangle) error {
	whole, parts, err := donutParts(f)
	if err != nil {
		return err
	}
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
		p.dc.SetColor(th.Color(i))
		p.dc.Fill(path)
		start += sweep
	}
	big := p.style(th.Title*1.4, true, th.Text)
	big.XAlign, big.YAlign = draw.XCenter, draw.YBottom
	p.dc.FillText(big, c, whole.Label)
	sub := p.style(th.Label, false, th.Muted)
	sub.XAlign, sub.YAlign = draw.XCenter, draw.YTop
	for _, s := range f.Series {
		if s.Key == "all" {
			p.dc.FillText(sub, vg.Point{X: c.X, Y: c.Y - sub.Font.Size*0.6}, s.Name)
		}
	}
	// The list: swatch, name, count and share, one part per row.
	name := p.style(th.Label*1.1, true, th.Text)
	val := p.style(th.Label*1.1, false, th.Text)
	rowH := name.Font.Size * 3.2
	y := (list.Min.Y+list.Max.Y)/2 + rowH*vg.Length(len(parts))/2
	sw := name.Font.Size
	for i, s := range parts {
		tenths, _ := figure.ShareTenths(s.Values[0].N, whole.N)
		share := f.Locale.Percent(float64(tenths)/10, 1)
		x, tx := list.Min.X, list.Min.X+sw+10
		name.XAlign, val.XAlign = draw.XLeft, draw.XLeft
		if p.rtl {
			x, tx = list.Max.X-sw, list.Max.X-sw-10
			name.XAlign, val.XAlign = draw.XRight, draw.XRight
		}
		p.dc.SetColor(th.Color(i))
		p.dc.Fill(vg.Rectangle{Min: vg.Point{X: x, Y: y - sw}, Max: vg.Point{X: x + sw, Y: y}}.Path())
		name.YAlign, val.YAlign = draw.YTop, draw.YTop
		p.dc.FillText(name, vg.Point{X: tx, Y: y}, s.Name)
		p.dc.FillText(val, vg.Point{X: tx, Y: y - name.Font.Size*1.35}, s.Values[0].Label+"  ("+share+")")
		y -= rowH
	}
	return nil
}
