package infographic

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"time"

	"github.com/tollcharts/tollcharts/charts/dataset"
	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/text"
)

// tpoint is a cumulative count at a date (the end of its period).
type tpoint struct {
	t time.Time
	v figure.Value
}

// timeline is a timeline's content: the counts in time order, the window
// they cover, and the events within it.
type timeline struct {
	points []tpoint
	t0, t1 time.Time
	events []Event
}

func newTimeline(f *figure.Figure, events []Event) (*timeline, error) {
	if len(f.Series) != 1 {
		return nil, fmt.Errorf("timeline: %d series; a timeline shows one (select one category)", len(f.Series))
	}
	tl := &timeline{}
	for i, k := range f.CategoryKeys {
		p, err := dataset.ParsePeriod(k)
		if err != nil || !f.TimeAxis {
			return nil, fmt.Errorf("timeline: %q is not a period; want x: period", k)
		}
		tl.points = append(tl.points, tpoint{t: p.End, v: f.Series[0].Values[i]})
		if s := p.Start; !s.IsZero() && (tl.t0.IsZero() || s.Before(tl.t0)) {
			tl.t0 = s
		}
		if p.End.After(tl.t1) {
			tl.t1 = p.End
		}
	}
	slices.SortStableFunc(tl.points, func(a, b tpoint) int { return a.t.Compare(b.t) })
	if tl.t0.IsZero() || !tl.t0.Before(tl.points[0].t) {
		tl.t0 = tl.points[0].t
	}
	for _, e := range events {
		if !e.Start.After(tl.t1) && !e.Last().Before(tl.t0) {
			tl.events = append(tl.events, e)
		}
	}
	return tl, nil
}

// drawTimeline draws the counts along time with the key dates: across
// the card on landscape and square, down it as a list on portrait and
// story.
func drawTimeline(c *canvas, f *figure.Figure) error {
	tl, err := newTimeline(f, c.o.Events)
	if err != nil {
		return err
	}
	body, err := c.frame(f)
	if err != nil {
		return err
	}
	if c.format.tall() {
		tl.drawList(c, body)
		return nil
	}
	tl.drawAcross(c, body, f.RTL() && f.MirrorTime)
	return nil
}

func (c *canvas) eventColor() color.RGBA { return c.th.Color(5) }

// dateText is an event's date or span.
func (c *canvas) dateText(e Event) string { return e.Dates(c.loc) }

// eventBlock shapes an event's date and label to a width.
func (c *canvas) eventBlock(e Event, w, k float64) (date []*text.Line, label []*text.Line) {
	date = c.wrap(c.dateText(e), c.st(c.th.Small*k, false, c.th.Muted), w)
	label = c.wrap(e.Label(c.loc.Lang), c.st(c.th.Label*k, true, c.th.Text), w)
	return date, label
}

// drawAcross draws time left to right (right to left when mirrored): an
// area of the counts with each value over its point, years under the axis,
// spans shaded, and the events' labels in lanes below.
func (tl *timeline) drawAcross(c *canvas, body rect, mirror bool) {
	inner := body.inset(24*c.u, 0)
	span := tl.t1.Sub(tl.t0).Hours()
	x := func(t time.Time) float64 {
		f := t.Sub(tl.t0).Hours() / span
		if mirror {
			f = 1 - f
		}
		return inner.X0 + f*inner.W()
	}
	// Event labels in lanes under the axis.
	type placed struct {
		e          Event
		x          float64
		box        rect
		date, lbls []*text.Line
	}
	maxW := math.Min(250*c.u, 0.34*inner.W())
	var lanes [][]rect
	var laneH []float64
	var evs []placed
	for _, e := range tl.events {
		d, l := c.eventBlock(e, maxW, 1)
		w := math.Max(text.MaxWidth(d), text.MaxWidth(l))
		h := height(d) + lineSpacing*c.th.Label*c.u + height(l)
		ex := x(e.Start)
		after := !c.rtl // labels on the reading side of their marker
		box := rect{ex + 8*c.u, 0, ex + 8*c.u + w, h}
		if !after || box.X1 > body.X1 {
			box = rect{ex - 8*c.u - w, 0, ex - 8*c.u, h}
		}
		if box.X0 < body.X0 {
			box = rect{ex + 8*c.u, 0, ex + 8*c.u + w, h}
		}
		lane := 0
		for ; lane < len(lanes); lane++ {
			if !slices.ContainsFunc(lanes[lane], func(r rect) bool { return r.X0 < box.X1+16*c.u && box.X0 < r.X1+16*c.u }) {
				break
			}
		}
		if lane == len(lanes) {
			lanes = append(lanes, nil)
			laneH = append(laneH, 0)
		}
		lanes[lane] = append(lanes[lane], box)
		laneH[lane] = math.Max(laneH[lane], h)
		box.Y0, box.Y1 = float64(lane), float64(lane) // lane index until placed
		evs = append(evs, placed{e: e, x: ex, box: box, date: d, lbls: l})
	}
	stripH := 0.0
	for _, h := range laneH {
		stripH += h + 14*c.u
	}
	yearSt := c.st(c.th.Small, false, c.th.Muted)
	yearH := c.shape("2024", yearSt).LineHeight()
	chart := rect{inner.X0, body.Y0 + 30*c.u, inner.X1, body.Y1 - stripH - yearH - 16*c.u}
	base := chart.Y1

	// The counts: an area, a line, a dot per point.
	vmax := 0.0
	for _, p := range tl.points {
		if p.v.Known {
			vmax = math.Max(vmax, float64(p.v.N))
		}
	}
	y := func(v int64) float64 { return base - float64(v)/math.Max(vmax, 1)*chart.H() }
	col := c.th.Color(0)
	var known []tpoint
	for _, p := range tl.points {
		if p.v.Known {
			known = append(known, p)
		}
	}
	if len(known) > 0 {
		c.dc.ClearPath()
		c.dc.MoveTo(x(known[0].t), base)
		for _, p := range known {
			c.dc.LineTo(x(p.t), y(p.v.N))
		}
		c.dc.LineTo(x(known[len(known)-1].t), base)
		c.dc.ClosePath()
		c.dc.SetColor(blend(c.th.Background, col, 0.16))
		c.dc.Fill()
		c.dc.ClearPath()
		for i, p := range known {
			if i == 0 {
				c.dc.MoveTo(x(p.t), y(p.v.N))
			} else {
				c.dc.LineTo(x(p.t), y(p.v.N))
			}
		}
		c.dc.SetColor(col)
		c.dc.SetLineWidth(3 * c.u)
		c.dc.SetLineJoinRound()
		c.dc.Stroke()
	}
	// Spans and the day of each point event, over the area, see-through;
	// a frame of the video shows the events in time order, one by one.
	shown := c.revealed(len(tl.events))
	c.rec.steps = len(tl.events)
	for _, e := range tl.events[:shown] {
		x0, x1 := x(e.Start), x(e.Last())
		if e.End.IsZero() {
			x0, x1 = x0-0.75*c.u, x0+0.75*c.u
		}
		ec := c.eventColor()
		c.dc.SetColor(color.NRGBA{ec.R, ec.G, ec.B, 0x2c})
		c.dc.DrawRectangle(math.Min(x0, x1), chart.Y0, math.Abs(x1-x0), base-chart.Y0)
		c.dc.Fill()
	}
	// Axis and years.
	c.fillRect(rect{chart.X0, base, chart.X1, base + math.Max(1.5, 1.5*c.u)}, c.th.Muted)
	var yearBoxes []rect
	for yr := tl.t0.Year(); yr <= tl.t1.Year(); yr++ {
		jan := time.Date(yr, 1, 1, 0, 0, 0, 0, time.UTC)
		if !jan.Before(tl.t0) {
			c.fillRect(rect{x(jan) - 0.75, base, x(jan) + 0.75, base + 6*c.u}, c.th.Muted)
		}
		mid := time.Date(yr, 7, 1, 0, 0, 0, 0, time.UTC)
		if mid.Before(tl.t0) || mid.After(tl.t1) {
			continue
		}
		l := c.shape(c.loc.Year(yr), yearSt)
		bx := rect{x(mid) - l.Width()/2, base + 6*c.u, x(mid) + l.Width()/2, base + 6*c.u + yearH}
		if slices.ContainsFunc(yearBoxes, func(r rect) bool { return r.inset(-6*c.u, 0).overlaps(bx) }) {
			continue
		}
		yearBoxes = append(yearBoxes, bx)
		c.draw(l, x(mid), base+6*c.u+l.Ascent(), text.Center, c.th.Muted)
	}
	// Dots and values, the latest first so that it keeps its label.
	valSt := c.st(c.th.Label, true, c.th.Text)
	var taken []rect
	for i := len(known) - 1; i >= 0; i-- {
		p := known[i]
		px, py := x(p.t), y(p.v.N)
		c.dc.SetColor(c.th.Background)
		c.dc.DrawCircle(px, py, 6*c.u)
		c.dc.Fill()
		c.dc.SetColor(col)
		c.dc.DrawCircle(px, py, 4.5*c.u)
		c.dc.Fill()
		l := c.shape(p.v.Label, valSt)
		for _, by := range []float64{py - 10*c.u, py + 12*c.u + l.Ascent()} {
			bx := rect{px - l.Width()/2, by - l.Ascent(), px + l.Width()/2, by + l.Descent()}
			if bx.X1 > body.X1 {
				bx.X0, bx.X1 = body.X1-l.Width(), body.X1
			}
			if bx.X0 < body.X0 {
				bx.X0, bx.X1 = body.X0, body.X0+l.Width()
			}
			if bx.Y1 > base || slices.ContainsFunc(taken, func(r rect) bool { return r.inset(-4*c.u, -2*c.u).overlaps(bx) }) {
				continue
			}
			taken = append(taken, bx)
			c.draw(l, bx.X0, by, text.Left, c.th.Text)
			break
		}
	}
	// Event markers, leaders and labels.
	laneTop := make([]float64, len(laneH))
	ty := base + yearH + 20*c.u
	for i, h := range laneH {
		laneTop[i] = ty
		ty += h + 14*c.u
	}
	for _, p := range evs[:shown] {
		top := laneTop[int(p.box.Y0)]
		c.fillRect(rect{p.x - 0.75*c.u, base, p.x + 0.75*c.u, top + 4*c.u}, c.eventColor())
		c.diamond(p.x, base, 6*c.u, c.eventColor())
		// Text aligned towards its marker.
		ax, a := p.box.X0, text.Left
		if p.box.X1 < p.x {
			ax, a = p.box.X1, text.Right
		}
		yy := c.linesAt(p.date, ax, top, a, c.th.Muted)
		c.linesAt(p.lbls, ax, yy+lineSpacing*c.th.Label*c.u, a, c.th.Text)
	}
}
