package static

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/theme"
)

// markColor is the fill of series si at category i: the series' colour,
// or with a highlighted category the accent there and a muted grey
// elsewhere.
func (p *painter) markColor(f *figure.Figure, si, i int) color.Color {
	if h := f.HighlightIndex(); h >= 0 {
		if i == h {
			return p.th.Accent()
		}
		return p.th.MutedMark()
	}
	return p.th.Color(si)
}

// outlineWidth is the width of the outline of a mark whose colour stands
// out from the background by less than 3:1.
const outlineWidth = 1.5

// outline is the colour of the outline a mark of colour c needs (WCAG
// 1.4.11: 3:1 for the parts of a chart): the muted text colour when c
// stands out from the background by less than 3:1, as Okabe-Ito's orange,
// sky blue and yellow do on white; ok is false when c needs none.
func (p *painter) outline(c color.Color) (color.RGBA, bool) {
	r, g, b, _ := c.RGBA()
	rgb := color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}
	if theme.Contrast(rgb, p.th.Background) >= theme.MinMarkContrast {
		return color.RGBA{}, false
	}
	return p.th.Muted, true
}

// fillMark fills a mark's path in colour c, outlined when c needs it.
func (p *painter) fillMark(path vg.Path, c color.Color) {
	p.dc.SetColor(c)
	p.dc.Fill(path)
	if o, ok := p.outline(c); ok {
		p.dc.SetLineStyle(draw.LineStyle{Color: o, Width: outlineWidth})
		p.dc.Stroke(path)
	}
}

// calloutGap is the room between a value's label and its callout: a
// leader line's length, or a plain gap.
func calloutGap(c figure.Callout) vg.Length {
	if c.Leader {
		return 26
	}
	return 8
}

// calloutText is a callout set for drawing: its lines (wrapped at maxW),
// its style and its size.
type calloutText struct {
	c     figure.Callout
	lines []string
	sty   text.Style
	w, h  vg.Length
}

func (p *painter) calloutText(c figure.Callout, maxW vg.Length) calloutText {
	ct := calloutText{c: c, sty: p.style(p.th.Label, true, p.th.Text)}
	ct.wrap(maxW)
	return ct
}

// wrap breaks the text into lines no wider than maxW in its style and
// measures them.
func (ct *calloutText) wrap(maxW vg.Length) {
	ct.lines, ct.w = wrap(ct.c.Text, ct.sty, maxW), 0
	for _, l := range ct.lines {
		ct.w = max(ct.w, ct.sty.Width(l))
	}
	ct.h = vg.Length(len(ct.lines)) * ct.sty.Font.Size * 1.2
}

// fitCallout sets a callout within maxW and maxH: wrapped at maxW, then
// on fewer, wider lines (up to wider) when too tall, then smaller (not
// below 9 points) until its lines fit maxH.
func (p *painter) fitCallout(c figure.Callout, maxW, wider, maxH vg.Length) calloutText {
	ct := p.calloutText(c, maxW)
	for w := maxW; ct.h > maxH && w < wider; {
		w = min(w*1.25, wider)
		ct.wrap(w)
	}
	for ct.h > maxH && ct.sty.Font.Size > 9 {
		ct.sty.Font.Size = max(9, ct.sty.Font.Size*0.9)
		ct.wrap(wider)
	}
	return ct
}

// draw writes the callout's lines in the box whose top left is (x0, top),
// each line flush with the reading side.
func (p *painter) drawCallout(ct calloutText, x0, top vg.Length) {
	sty := ct.sty
	sty.YAlign = draw.YTop
	sty.XAlign = draw.XLeft
	x := x0
	if p.rtl {
		sty.XAlign, x = draw.XRight, x0+ct.w
	}
	y := top
	for _, l := range ct.lines {
		p.dc.FillText(sty, vg.Point{X: x, Y: y}, l)
		y -= sty.Font.Size * 1.2
	}
}

// leader draws a callout's leader line from (x1, y1), by the text, to
// (x2, y2), by the value, ending in an arrowhead.
func (p *painter) leader(x1, y1, x2, y2 vg.Length) {
	ls := draw.LineStyle{Color: p.th.Text, Width: 1.5}
	p.dc.StrokeLine2(ls, x1, y1, x2, y2)
	dx, dy := float64(x2-x1), float64(y2-y1)
	n := math.Hypot(dx, dy)
	if n == 0 {
		return
	}
	ux, uy := dx/n, dy/n
	const l, w = 8, 4
	bx, by := float64(x2)-ux*l, float64(y2)-uy*l
	var head vg.Path
	head.Move(vg.Point{X: x2, Y: y2})
	head.Line(vg.Point{X: vg.Length(bx - uy*w), Y: vg.Length(by + ux*w)})
	head.Line(vg.Point{X: vg.Length(bx + uy*w), Y: vg.Length(by - ux*w)})
	head.Close()
	p.dc.SetColor(p.th.Text)
	p.dc.Fill(head)
}

type rect struct{ x0, y0, x1, y1 vg.Length }

func (a rect) overlaps(b rect, pad vg.Length) bool {
	return a.x0 < b.x1+pad && b.x0 < a.x1+pad && a.y0 < b.y1+pad && b.y0 < a.y1+pad
}

func (a rect) inside(b rect) bool {
	return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1
}

// plotCallouts writes the callouts of a column, grouped or line chart:
// above the value's label, or when that has no room (the top of the plot,
// a marked event's label, another callout) beside it, with the leader
// line from the text to the label. at gives a callout's value point: the
// x of its column or point, and the top of its value label.
func (p *painter) plotCallouts(f *figure.Figure, data draw.Canvas, avoid []rect, at func(figure.Callout) (x, top vg.Length)) {
	plotR := rect{data.Min.X, data.Min.Y, data.Max.X, data.Max.Y}
	for _, c := range f.Callouts {
		ct := p.calloutText(c, data.Size().X*0.3)
		cx, top := at(c)
		gap := calloutGap(c)
		// Candidates: above, then beside on either side (the reading
		// side's far side first), level with the label's top.
		type cand struct {
			r      rect
			lx, ly vg.Length // where the leader leaves the text
			ex, ey vg.Length // where it ends, by the value
		}
		x0 := min(max(cx-ct.w/2, data.Min.X+2), data.Max.X-2-ct.w)
		above := cand{rect{x0, top + gap, x0 + ct.w, top + gap + ct.h}, cx, top + gap - 2, cx, top + 2}
		if above.r.x0 > cx || above.r.x1 < cx {
			above.lx = min(max(cx, above.r.x0), above.r.x1)
		}
		right := cand{rect{cx + 10 + gap, top - ct.h, cx + 10 + gap + ct.w, top}, cx + 10 + gap - 3, top - ct.h/2, cx + 8, top - 4}
		left := cand{rect{cx - 10 - gap - ct.w, top - ct.h, cx - 10 - gap, top}, cx - 10 - gap + 3, top - ct.h/2, cx - 8, top - 4}
		cands := []cand{above, right, left}
		if p.rtl {
			cands = []cand{above, left, right}
		}
		// Then higher up, the leader reaching down to the value, until
		// clear of what is drawn.
		for step := vg.Length(1); step <= 12; step++ {
			k := above
			dy := step * (ct.sty.Font.Size*1.2 + 4) / 2
			k.r.y0, k.r.y1, k.ly = k.r.y0+dy, k.r.y1+dy, k.ly+dy
			cands = append(cands, k)
		}
		pick := cands[0]
		for _, k := range cands {
			ok := k.r.inside(plotR)
			for _, a := range avoid {
				if ok && k.r.overlaps(a, 4) {
					ok = false
				}
			}
			if ok {
				pick = k
				break
			}
		}
		avoid = append(avoid, pick.r)
		p.drawCallout(ct, pick.r.x0, pick.r.y1)
		if c.Leader {
			p.leader(pick.lx, pick.ly, pick.ex, pick.ey)
		}
	}
}
