package infographic

import (
	"image/color"
	"math"

	"github.com/tollcharts/tollcharts/charts/text"
)

// listRow is one row of the vertical timeline: a count or an event.
type listRow struct {
	point *tpoint
	event *Event
}

// rows interleaves points and events in date order; on the same day the
// count comes first.
func (tl *timeline) rows() []listRow {
	var out []listRow
	ei := 0
	for i := range tl.points {
		p := &tl.points[i]
		for ei < len(tl.events) && tl.events[ei].Start.Before(p.t) {
			out = append(out, listRow{event: &tl.events[ei]})
			ei++
		}
		out = append(out, listRow{point: p})
	}
	for ; ei < len(tl.events); ei++ {
		out = append(out, listRow{event: &tl.events[ei]})
	}
	return out
}

// drawList draws time downwards as a list: a date column on the start
// side, the axis, and on the other side a bar per count with its value,
// or an event's date and label. Rows are evenly spaced (counts a few
// weeks apart would collide on a proportional scale).
func (tl *timeline) drawList(c *canvas, body rect) {
	rows := tl.rows()
	var vmax int64
	for _, p := range tl.points {
		if p.v.Known {
			vmax = max(vmax, p.v.N)
		}
	}
	var dateW, axis, barRoom float64 // the date column, the axis' offset from the start edge, the bars' room
	layout := func(k float64) []block {
		dateSt := c.st(c.th.Label*k, false, c.th.Muted)
		dateW = 0
		for _, p := range tl.points {
			dateW = max(dateW, c.shape(c.loc.ShortDate(p.t), dateSt).Width())
		}
		axis = dateW + 22*c.u
		barRoom = body.W() - axis - 22*c.u
		valSt := c.st(c.th.Subtitle*1.1*k, true, c.th.Text)
		var bs []block
		for _, r := range rows {
			if r.point != nil {
				p := *r.point
				d := c.shape(c.loc.ShortDate(p.t), dateSt)
				v := c.shape(c.valueText(p.v), valSt)
				bh := math.Round(26 * c.u * k)
				h := math.Max(bh, v.Ascent()+v.Descent())
				bs = append(bs, block{h: h, draw: func(y float64) {
					mid := y + h/2
					c.draw(d, c.mx(body, dateW, 0), mid+(d.Ascent()-d.Descent())/2, c.alignEnd(), c.th.Muted)
					c.dot(c.mx(body, axis, 0), mid, 5*c.u*k, c.th.Color(0))
					bw := 0.0
					if p.v.Known && vmax > 0 {
						bw = (barRoom - v.Width() - 12*c.u) * float64(p.v.N) / float64(vmax)
					}
					x0 := c.mx(body, axis+14*c.u, bw)
					c.fillRect(rect{x0, mid - bh/2, x0 + bw, mid + bh/2}, c.th.Color(0))
					c.draw(v, c.mx(body, axis+14*c.u+bw+10*c.u, v.Width()), mid+(v.Ascent()-v.Descent())/2, text.Left, c.th.Text)
				}})
				continue
			}
			e := *r.event
			w := barRoom
			date, label := c.eventBlock(e, w, k)
			h := height(date) + lineSpacing*c.th.Label*c.u*k + height(label)
			bs = append(bs, block{h: h, draw: func(y float64) {
				col := c.eventColor()
				c.diamond(c.mx(body, axis, 0), y+height(date)/2+2*c.u, 8*c.u*k, col)
				r := rect{c.mx(body, axis+14*c.u, w), y, c.mx(body, axis+14*c.u, w) + w, y}
				yy := c.lines(date, c.st(c.th.Small*k, false, c.th.Muted), r, y)
				c.lines(label, c.st(c.th.Label*k, true, c.th.Text), r, yy+lineSpacing*c.th.Label*c.u*k)
			}})
		}
		return bs
	}
	gap := func(k float64) float64 { return 16 * c.u * k }
	bs, g := fit(body, gap, layout, true)
	tops := stackTops(bs, body, g)
	// The axis runs behind the rows, from the first to the last.
	x := c.mx(body, axis, 0)
	last := len(bs) - 1
	c.fillRect(rect{x - c.u, tops[0] + bs[0].h/2, x + c.u, tops[last] + bs[last].h/2}, c.th.Grid)
	// A frame of the video shows the rows in time order, one by one.
	shown := c.revealed(len(bs))
	c.rec.steps = len(bs)
	for i, b := range bs[:shown] {
		b.draw(tops[i])
	}
}

// alignEnd aligns text against its anchor on the end of the reading
// direction (right in English, left in Arabic).
func (c *canvas) alignEnd() text.Align {
	if c.rtl {
		return text.Left
	}
	return text.Right
}

func (c *canvas) dot(x, y, r float64, col color.Color) {
	c.dc.SetColor(c.th.Background)
	c.dc.DrawCircle(x, y, r+2*c.u)
	c.dc.Fill()
	c.dc.SetColor(col)
	c.dc.DrawCircle(x, y, r)
	c.dc.Fill()
}

func (c *canvas) diamond(x, y, r float64, col color.Color) {
	c.dc.SetColor(c.th.Background)
	c.dc.DrawRegularPolygon(4, x, y, r+2*c.u, math.Pi/4)
	c.dc.Fill()
	c.dc.SetColor(col)
	c.dc.DrawRegularPolygon(4, x, y, r, math.Pi/4)
	c.dc.Fill()
}
