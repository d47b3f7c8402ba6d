package static

import (
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// noData is the mark drawn where a figure was not published.
func noData(f *figure.Figure) string {
	if f.RTL() {
		return "لا بيانات"
	}
	return "no data"
}

// bars draws a horizontal bar ranking: one row per category, first at the
// top; labels on the reading side, bars growing away from them, value labels
// at the bar ends. Arabic mirrors the whole geometry.
func (p *painter) bars(f *figure.Figure, area vg.Rectangle) {
	th := p.th
	lab := p.style(th.Label, false, th.Text)
	val := p.style(th.Label, true, th.Text)
	miss := p.style(th.Small, false, th.NoData)
	var labelW, valW vg.Length
	for _, c := range f.Categories {
		labelW = max(labelW, lab.Width(c))
	}
	labelW = min(labelW, area.Size().X*0.4)
	// On tall formats (portrait, story) each label sits above its bar, and
	// the bars use the whole width.
	stacked := area.Size().Y > area.Size().X*1.1
	if stacked {
		labelW = -10 // the bars start at the edge (x0 = Min.X)
	}
	for _, s := range f.Series {
		for _, v := range s.Values {
			if v.Known {
				valW = max(valW, val.Width(v.Label))
			}
		}
	}
	valW = max(valW, miss.Width(noData(f)))
	const gap = 10
	x0 := area.Min.X + labelW + gap
	barMax := area.Max.X - valW - gap - x0
	maxV := float64(f.Max())
	if maxV == 0 {
		maxV = 1
	}
	// A callout follows its value's label on the bar's row, within the
	// row's height: the bars shorten until the called-out one leaves it
	// room.
	rowRoom := area.Size().Y / vg.Length(len(f.Categories))
	if stacked {
		rowRoom = min(rowRoom, 200) - lab.Font.Size*1.6 // as the rows below
	}
	rowRoom *= 0.9
	callouts := map[[2]int]calloutText{}
	for _, c := range f.Callouts {
		ct := p.fitCallout(c, (area.Max.X-x0)*0.32, (area.Max.X-x0)*0.5, rowRoom)
		callouts[[2]int{c.Category, c.Series}] = ct
		v := f.Series[c.Series].Values[c.Category]
		room := area.Max.X - x0 - 6 - val.Width(v.Label) - calloutGap(c) - 8 - ct.w
		if v.N > 0 {
			barMax = min(barMax, room*vg.Length(maxV/float64(v.N)))
		}
	}
	// mx mirrors an x for right-to-left figures.
	mx := func(x vg.Length) vg.Length {
		if p.rtl {
			return area.Max.X - (x - area.Min.X)
		}
		return x
	}
	n := len(f.Categories)
	rowH := area.Size().Y / vg.Length(n)
	if stacked && rowH > 200 {
		// Few bars on a tall canvas: keep rows compact and centre the block.
		rowH = 200
		mid := (area.Min.Y + area.Max.Y) / 2
		area.Max.Y = mid + rowH*vg.Length(n)/2
		area.Min.Y = mid - rowH*vg.Length(n)/2
	}
	ns := len(f.Series)
	thick := min(rowH*0.72/vg.Length(ns), 46)
	if stacked {
		thick = min((rowH-lab.Font.Size*1.6)*0.7/vg.Length(ns), 90)
	}
	for i, c := range f.Categories {
		cy := area.Max.Y - (vg.Length(i)+0.5)*rowH
		ls := lab
		ls.YAlign = draw.YCenter
		ls.XAlign = draw.XRight
		at := vg.Point{X: area.Min.X + labelW, Y: cy}
		if p.rtl {
			// Arabic labels are set flush right, on the canvas's edge.
			at.X = area.Max.X
		}
		if stacked {
			// Label above the bars of the row, on the reading side.
			ls.YAlign = draw.YBottom
			ls.XAlign = draw.XLeft
			if p.rtl {
				ls.XAlign = draw.XRight
			}
			at = vg.Point{X: mx(area.Min.X), Y: cy + thick*vg.Length(ns)/2 + 6}
		}
		p.dc.FillText(ls, at, c)
		if p.o.Furniture {
			continue // the labels without the bars and their values
		}
		for si, s := range f.Series {
			v := s.Values[i]
			by := cy + thick*vg.Length(ns)/2 - thick*vg.Length(si+1)
			end := x0
			if v.Known {
				end = x0 + barMax*vg.Length(float64(v.N)/maxV)
				a, b := mx(x0), mx(end)
				if a > b {
					a, b = b, a
				}
				p.fillMark(vg.Rectangle{Min: vg.Point{X: a, Y: by}, Max: vg.Point{X: b, Y: by + thick*0.92}}.Path(), p.markColor(f, si, i))
			}
			vs := val
			text := v.Label
			if !v.Known {
				vs, text = miss, noData(f)
			}
			vs.YAlign = draw.YCenter
			vs.XAlign = draw.XLeft
			if p.rtl {
				vs.XAlign = draw.XRight
			}
			p.dc.FillText(vs, vg.Point{X: mx(end + 6), Y: by + thick*0.46}, text)
			if ct, ok := callouts[[2]int{i, si}]; ok {
				// After the value's label, centred on the bar.
				vEnd := end + 6 + vs.Width(text)
				cx0 := vEnd + calloutGap(ct.c) + 4
				x0 := mx(cx0)
				if p.rtl {
					x0 -= ct.w
				}
				p.drawCallout(ct, x0, by+thick*0.46+ct.h/2)
				if ct.c.Leader {
					p.leader(mx(cx0-4), by+thick*0.46, mx(vEnd+4), by+thick*0.46)
				}
			}
		}
	}
	// The baseline the bars grow from.
	if stacked {
		return
	}
	p.dc.SetColor(th.Muted)
	p.dc.StrokeLine2(draw.LineStyle{Color: th.Muted, Width: 1}, mx(x0), area.Min.Y, mx(x0), area.Max.Y)
}
