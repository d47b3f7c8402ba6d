package static

import (
	"cmp"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// ticks labels the value axis in the figure's locale.
type ticks struct{ f *figure.Figure }

func (t ticks) Ticks(min, max float64) []plot.Tick {
	out := plot.DefaultTicks{}.Ticks(min, max)
	for i := range out {
		if out[i].Label != "" {
			out[i].Label = t.f.Locale.Int(int64(math.Round(out[i].Value)))
		}
	}
	return out
}

// atX is the plot's x of the category drawn x-th: x itself, or on a time
// scale the day of its point.
func atX(f *figure.Figure, idx []int, x int) float64 {
	if f.TimeScale() {
		return scaleX(f, float64(idx[x]))
	}
	return float64(x)
}

// groupOffset is how far the column of series si stands from the centre
// of its group, columns width wide: the first series leftmost, or
// rightmost when the categories mirror, so that each group reads in the
// direction of the axis and the legend.
func groupOffset(f *figure.Figure, si int, width vg.Length) vg.Length {
	pos := vg.Length(si) - vg.Length(len(f.Series)-1)/2
	if f.MirrorCategories() {
		pos = -pos
	}
	return width * pos
}

// order returns category indexes in drawing order, left to right.
func order(f *figure.Figure) []int {
	idx := make([]int, len(f.Categories))
	for i := range idx {
		idx[i] = i
		if f.MirrorCategories() {
			idx[i] = len(idx) - 1 - i
		}
	}
	return idx
}

// plot draws columns (single, grouped, stacked) and lines with gonum/plot,
// then the value labels at the positions the plot's transforms give.
func (p *painter) plot(f *figure.Figure, area vg.Rectangle) error {
	th := p.th
	pl := plot.New()
	pl.BackgroundColor = nil
	pl.TextHandler = p.o.Text
	tick := p.style(th.Small+1, false, th.Muted)
	for _, ax := range []*plot.Axis{&pl.X, &pl.Y} {
		ax.Tick.Label = tick
		ax.Label.TextStyle = p.style(th.Small+1, false, th.Muted)
		ax.LineStyle.Color = th.Grid
		ax.Tick.LineStyle.Color = th.Grid
	}
	pl.Y.Tick.Label.XAlign = draw.XRight
	pl.Y.Tick.Label.YAlign = draw.YCenter
	pl.X.Tick.Label.XAlign = draw.XCenter
	pl.Y.Tick.Marker = ticks{f}
	// No value-axis title: the chart's title says what is counted, and
	// every mark carries its value.
	pl.Legend.TextStyle = p.style(th.Label, false, th.Text)
	pl.Title.TextStyle = p.style(th.Title, true, th.Text)

	idx := order(f)
	names := make([]string, len(idx))
	for i, k := range idx {
		names[i] = f.Categories[k]
	}
	if f.TimeScale() {
		// Days along x: the points stand apart as their dates do; room at
		// both ends for the labels of the first and last points.
		// A label set beside the last point needs the room of the widest.
		var widest vg.Length
		for _, s := range f.Series {
			for _, v := range s.Values {
				widest = max(widest, p.style(th.Small+1, true, th.Text).Width(v.Label))
			}
		}
		// The data area is narrower than the canvas by the value axis:
		// count it as four fifths of it.
		pad := math.Max(span(f)*math.Max(0.04, float64((widest+18)/(area.Size().X*0.8))), 1)
		pl.X.Min, pl.X.Max = -pad, span(f)+pad
		pl.X.Tick.Marker = timeTicks{f: f, sty: tick, width: area.Size().X * 0.92}
	} else {
		pl.NominalX(fitLabels(names, tick, area.Size().X*0.92/vg.Length(len(names)))...)
	}
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal.Color = th.Grid
	pl.Add(grid)

	maxV := float64(f.Max())
	if f.Kind == figure.Stacked {
		maxV = 0
		for i := range f.Categories {
			var sum int64
			for _, s := range f.Series {
				if s.Values[i].Known {
					sum += s.Values[i].N
				}
			}
			maxV = max(maxV, float64(sum))
		}
	}
	if p.yMax > 0 {
		maxV = p.yMax // small multiples share one scale
	}
	pl.Y.Min, pl.Y.Max = 0, math.Max(maxV*1.12, 1)
	if len(f.Marks) > 0 {
		pl.Y.Max = math.Max(maxV*markHeadroom, 1)
		if !p.o.Furniture {
			pl.Add(markBands{p, f})
		}
	}
	// Room above each called-out value for its label, the leader and the
	// callout's text; the data area is about four fifths of the area.
	for _, c := range f.Callouts {
		ct := p.calloutText(c, area.Size().X*0.9*0.3)
		need := float64(vg.Length(th.Small+1)*1.3 + 9 + calloutGap(c) + ct.h + 6)
		v := float64(f.Series[c.Series].Values[c.Category].N)
		if frac := need / float64(area.Size().Y*0.8); frac < 0.7 {
			pl.Y.Max = math.Max(pl.Y.Max, v/(1-frac))
		}
	}

	n := len(f.Categories)
	ns := len(f.Series)
	slot := area.Size().X * 0.9 / vg.Length(n)
	// add adds a plotter of the data; a furniture render adds it hidden,
	// so that the axes span what they span with the data drawn.
	add := func(d plot.Plotter) {
		if p.o.Furniture {
			d = hidden{d}
		}
		pl.Add(d)
	}
	switch f.Kind {
	case figure.Line:
		for si, s := range f.Series {
			var seg plotter.XYs
			flush := func() {
				if len(seg) > 1 {
					if o, ok := p.outline(th.Color(si)); ok {
						// A casing under a line of too light a colour.
						c, _ := plotter.NewLine(seg)
						c.Color, c.Width = o, 3+2*outlineWidth
						add(c)
					}
					l, _ := plotter.NewLine(seg)
					l.Color, l.Width = th.Color(si), 3
					add(l)
				}
				seg = nil
			}
			var pts plotter.XYs
			for x, k := range idx {
				if v := s.Values[k]; v.Known {
					seg = append(seg, plotter.XY{X: atX(f, idx, x), Y: float64(v.N)})
					pts = append(pts, plotter.XY{X: atX(f, idx, x), Y: float64(v.N)})
				} else {
					flush()
				}
			}
			flush()
			if len(pts) > 0 {
				if o, ok := p.outline(th.Color(si)); ok {
					ring, _ := plotter.NewScatter(pts)
					ring.Color, ring.Shape, ring.Radius = o, draw.CircleGlyph{}, 5+outlineWidth
					add(ring)
				}
				sc, _ := plotter.NewScatter(pts)
				sc.Color = th.Color(si)
				sc.Shape = draw.CircleGlyph{}
				sc.Radius = 5
				add(sc)
			}
		}
	default:
		width := slot * 0.7
		if f.Kind == figure.Grouped {
			width = slot * 0.8 / vg.Length(ns)
		}
		var below *plotter.BarChart
		for si, s := range f.Series {
			vals := make(plotter.Values, n)
			for x, k := range idx {
				if v := s.Values[k]; v.Known {
					vals[x] = float64(v.N)
				}
			}
			if h := f.HighlightIndex(); h >= 0 && ns == 1 {
				// The highlighted column in the accent colour, the
				// others muted: two bar charts, each zero where the
				// other draws.
				lit := make(plotter.Values, n)
				for x, k := range idx {
					if k == h {
						lit[x], vals[x] = vals[x], 0
					}
				}
				for _, part := range []struct {
					vals plotter.Values
					col  color.Color
				}{{vals, th.MutedMark()}, {lit, th.Accent()}} {
					b, err := plotter.NewBarChart(part.vals, width)
					if err != nil {
						return err
					}
					b.Color, b.LineStyle.Width = part.col, 0
					add(b)
				}
				break
			}
			b, err := plotter.NewBarChart(vals, width)
			if err != nil {
				return err
			}
			b.Color = th.Color(si)
			b.LineStyle.Width = 0
			if f.Kind == figure.Grouped {
				b.Offset = groupOffset(f, si, width)
			}
			if f.Kind == figure.Stacked && below != nil {
				b.StackOn(below)
			}
			below = b
			add(b)
			if o, ok := p.outline(b.Color); ok && !p.o.Furniture {
				known := make([]bool, n)
				for x, k := range idx {
					known[x] = s.Values[k].Known
				}
				pl.Add(barOutlines{b, known, draw.LineStyle{Color: o, Width: outlineWidth}})
			}
		}
	}
	c := draw.Canvas{Canvas: p.dc.Canvas, Rectangle: area}
	pl.Draw(c)
	if p.o.Furniture {
		return nil // no value labels
	}
	data := pl.DataCanvas(c)
	tx, ty := pl.Transforms(&data)
	tops := p.valueLabels(f, idx, tx, ty, slot)
	if len(f.Marks) > 0 {
		p.markLabels(f, tops, data, tx)
	}
	if len(f.Callouts) > 0 {
		p.columnCallouts(f, idx, data, tx, ty, slot, tops)
	}
	return nil
}

// columnCallouts places the callouts of a column, grouped or line chart,
// clear of every text of the plot and of the columns.
func (p *painter) columnCallouts(f *figure.Figure, idx []int, data draw.Canvas, tx, ty func(float64) vg.Length, slot vg.Length, tops []vg.Length) {
	ns := len(f.Series)
	width := slot * 0.7
	if f.Kind == figure.Grouped {
		width = slot * 0.8 / vg.Length(ns)
	}
	xOf := func(k, si int) (x int, cx vg.Length) {
		x = slices.Index(idx, k)
		cx = tx(atX(f, idx, x))
		if f.Kind == figure.Grouped {
			cx += groupOffset(f, si, width)
		}
		return x, cx
	}
	avoid := append([]rect(nil), p.drawn...)
	if f.Kind != figure.Line {
		for si, s := range f.Series {
			for k, v := range s.Values {
				if v.Known {
					_, cx := xOf(k, si)
					avoid = append(avoid, rect{cx - width/2, ty(0), cx + width/2, ty(float64(v.N))})
				}
			}
		}
	}
	p.plotCallouts(f, data, avoid, func(c figure.Callout) (vg.Length, vg.Length) {
		v := f.Series[c.Series].Values[c.Category]
		x, cx := xOf(c.Category, c.Series)
		top := ty(float64(v.N)) + 4
		// The top of the value's own label: the highest text drawn
		// right above the value.
		for _, r := range p.drawn {
			if r.x0 <= cx && r.x1 >= cx && r.y0 >= ty(float64(v.N))-2 && r.y0 < ty(float64(v.N))+vg.Length(p.th.Small)*2 {
				top = max(top, r.y1)
			}
		}
		if f.Kind == figure.Line {
			top = max(top, min(tops[x], ty(float64(v.N))+vg.Length(p.th.Small)*2.5))
		}
		return cx, top
	})
}

// valueLabels writes each value above its column or point; unknown values
// get the "no data" mark at the base, never a zero.
//
// It returns, for each x of a line chart, the top of the highest label
// written above a point there (the plot's bottom where there is none).
func (p *painter) valueLabels(f *figure.Figure, idx []int, tx, ty func(float64) vg.Length, slot vg.Length) (tops []vg.Length) {
	th := p.th
	ns := len(f.Series)
	lab := p.style(th.Small+1, true, th.Text)
	lab.XAlign, lab.YAlign = draw.XCenter, draw.YBottom
	miss := p.style(th.Small, false, th.NoData)
	miss.XAlign, miss.YAlign = draw.XCenter, draw.YBottom
	missText := noData(f)
	if f.Kind != figure.Line {
		// Labels of columns fit their column: smaller text when the
		// columns are narrow, "no data" on two lines.
		w := slot * 0.7
		if f.Kind == figure.Grouped {
			w = slot * 0.8 / vg.Length(ns)
		}
		var labels []string
		for _, s := range f.Series {
			for _, v := range s.Values {
				labels = append(labels, v.Label)
			}
		}
		lab.Font.Size = fitSize(lab, labels, w)
		missText = strings.Replace(missText, " ", "\n", 1)
		miss.Font.Size = fitSize(miss, strings.Split(missText, "\n"), w)
	}
	stack := make([]float64, len(idx))
	placed := make([][]vg.Length, len(idx)) // bottoms of line labels drawn at each x
	tops = make([]vg.Length, len(idx))
	for x := range tops {
		tops[x] = ty(0)
	}
	type labelBox struct {
		x              int
		x0, x1, y0, y1 vg.Length
	}
	var boxes []labelBox                  // labels written above line points
	small := make([][]string, len(idx))   // stacked segments too thin for a label
	unknown := make([][]string, len(idx)) // stacked series with no data
	defer func() {
		// Above each stack: the values of thin segments, then the series
		// without data, one per line.
		for x := range idx {
			lines := small[x]
			for _, name := range unknown[x] {
				lines = append(lines, name+": "+noData(f))
			}
			if len(lines) == 0 {
				continue
			}
			sty := miss
			sty.Color = th.Text
			sty.Font.Size = fitSize(sty, lines, slot*0.95)
			p.fillText(sty, vg.Point{X: tx(atX(f, idx, x)), Y: ty(stack[x]) + 4}, strings.Join(lines, "\n"))
		}
	}()
	// Visit the marks series by series; on line charts, lowest value first
	// at each x, so that stacked labels keep the order of their points.
	type mark struct{ si, x int }
	var marks []mark
	for si := range f.Series {
		for x := range idx {
			marks = append(marks, mark{si, x})
		}
	}
	if f.Kind == figure.Line {
		slices.SortStableFunc(marks, func(a, b mark) int {
			if a.x != b.x {
				return a.x - b.x
			}
			va, vb := f.Series[a.si].Values[idx[a.x]], f.Series[b.si].Values[idx[b.x]]
			return cmp.Compare(va.N, vb.N)
		})
	}
	for _, mk := range marks {
		si, x, s := mk.si, mk.x, f.Series[mk.si]
		k := idx[x]
		{
			v := s.Values[k]
			cx := tx(atX(f, idx, x))
			if f.Kind == figure.Grouped {
				w := slot * 0.8 / vg.Length(ns)
				cx += groupOffset(f, si, w)
			}
			if !v.Known {
				if f.Kind == figure.Stacked {
					unknown[x] = append(unknown[x], s.Name)
					continue
				}
				t, sty := missText, miss
				if f.Kind == figure.Line && ns > 1 {
					t = s.Name + "\n" + noData(f) // say which line has the gap
					sty.Font.Size = fitSize(sty, []string{s.Name, noData(f)}, slot*0.95)
				}
				p.fillText(sty, vg.Point{X: cx, Y: ty(stack[x]) + 4}, t)
				continue
			}
			switch f.Kind {
			case figure.Stacked:
				// Label inside the segment, centred.
				in := lab
				in.YAlign = draw.YCenter
				in.Color = th.Background
				mid := stack[x] + float64(v.N)/2
				if ty(stack[x]+float64(v.N))-ty(stack[x]) > in.Font.Size*1.2 {
					p.fillText(in, vg.Point{X: cx, Y: ty(mid)}, v.Label)
				} else {
					// Too thin to hold its label: list it above the stack.
					small[x] = append(small[x], s.Name+": "+v.Label)
				}
				stack[x] += float64(v.N)
			case figure.Line:
				// Above the point; when a label of another series already
				// sits there, above the highest label at this x.
				h := lab.Font.Size * 1.2
				y := ty(float64(v.N)) + 9
				// The lowest point of several puts its label below
				// itself when the next point up is too close for both
				// labels to sit above their points (or its label would cover that
				// point).
				if len(placed[x]) == 0 && ns > 1 {
					if up, ok := nextUp(f, k, si, v.N); ok && ty(float64(up)) < y+h+6 && ty(float64(v.N))-6-h > ty(0)+2 && allKnown(f, k) {
						below := lab
						below.YAlign = draw.YTop
						p.fillText(below, vg.Point{X: cx, Y: ty(float64(v.N)) - 6}, v.Label)
						continue
					}
				}
				for _, o := range placed[x] {
					if y < o+h && y+h > o {
						y = slices.Max(placed[x]) + h
						break
					}
				}
				// On a time scale, points days apart stand close: a label
				// that would touch one written at a nearby point goes beside
				// its own point, on the side away from the other. So does a
				// label that would cover another series' point at this x
				// (two close values with no room below the lower one).
				w := lab.Width(v.Label) + 4
				side := 0 // -1 left of the point, +1 right of it
				for _, o := range boxes {
					if o.x != x && cx-w/2 < o.x1 && cx+w/2 > o.x0 && y < o.y1 && y+h > o.y0 {
						side = 1
						if cx < (o.x0+o.x1)/2 {
							side = -1
						}
						break
					}
				}
				if side == 0 && covers(f, k, si, ty, ty(float64(v.N))+0.5, y+h+4) {
					// Towards the wider gap: the edge of the plot beyond
					// the first or last point, else the farther neighbour.
					side = 1
					if x < len(idx)-1 && (x == 0 || cx-tx(atX(f, idx, x-1)) > tx(atX(f, idx, x+1))-cx) {
						side = -1
					}
				}
				if side != 0 {
					// Beside the point, level with it; if that still
					// touches a label, beside and below it.
					n := ty(float64(v.N))
					x0, x1 := cx+9, cx+9+w
					if side < 0 {
						x0, x1 = cx-9-w, cx-9
					}
					b := labelBox{x, x0, x1, n - h/2, n + h/2}
					ya := draw.YCenter
					for _, o := range boxes {
						if b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0 {
							b.y0, b.y1, ya = n-4-h, n-4, draw.YTop
							break
						}
					}
					sty := lab
					sty.YAlign, sty.XAlign = ya, draw.XLeft
					at := vg.Point{X: b.x0 + 2, Y: n}
					if ya == draw.YTop {
						at.Y = b.y1
					}
					if side < 0 {
						sty.XAlign, at.X = draw.XRight, b.x1-2
					}
					boxes = append(boxes, b)
					p.fillText(sty, at, v.Label)
					continue
				}
				boxes = append(boxes, labelBox{x, cx - w/2, cx + w/2, y, y + h})
				placed[x] = append(placed[x], y)
				tops[x] = max(tops[x], y+h)
				sty := lab
				p.fillText(sty, vg.Point{X: cx, Y: y}, v.Label)
			default:
				p.fillText(lab, vg.Point{X: cx, Y: ty(float64(v.N)) + 4}, v.Label)
			}
		}
	}
	return tops
}

// fitLabels makes category labels fit their slots: first by breaking each
// at its last space onto two lines, then by keeping every k-th label counted
// back from the last (on time axes, the latest period). The values stay labelled on the marks.
func fitLabels(names []string, sty text.Style, slot vg.Length) []string {
	widest := func(ls []string) vg.Length {
		var w vg.Length
		for _, l := range ls {
			w = max(w, sty.Width(l))
		}
		return w
	}
	if widest(names) <= slot {
		return names
	}
	two := make([]string, len(names))
	for i, n := range names {
		two[i] = n
		if j := strings.LastIndex(n, " "); j > 0 {
			two[i] = n[:j] + "\n" + n[j+1:]
		}
	}
	w := widest(two)
	if w <= slot {
		return two
	}
	k := int(math.Ceil(float64(w / slot)))
	out := make([]string, len(two))
	for i := range two {
		if (len(two)-1-i)%k == 0 { // counted from the last, the latest period
			out[i] = two[i]
		}
	}
	return out
}

// fitSize returns the largest size, up to the style's, at which every text
// fits in width w (never below 9 points).
func fitSize(sty text.Style, texts []string, w vg.Length) vg.Length {
	size := sty.Font.Size
	for _, t := range texts {
		if tw := sty.Width(t); tw > w*0.95 {
			size = min(size, sty.Font.Size*w*0.95/tw)
		}
	}
	return max(size, 9)
}

// nextUp is the smallest known value of the other series at category k
// that is not below n: the point just above a line's point.
// covers reports whether another series has a known point at category k
// whose centre lies between y0 and y1 on the drawing.
func covers(f *figure.Figure, k, si int, ty func(float64) vg.Length, y0, y1 vg.Length) bool {
	for i, s := range f.Series {
		if v := s.Values[k]; i != si && v.Known && ty(float64(v.N)) >= y0 && ty(float64(v.N)) <= y1 {
			return true
		}
	}
	return false
}

func nextUp(f *figure.Figure, k, si int, n int64) (int64, bool) {
	var up int64
	ok := false
	for i, s := range f.Series {
		if v := s.Values[k]; i != si && v.Known && v.N >= n && (!ok || v.N < up) {
			up, ok = v.N, true
		}
	}
	return up, ok
}

// allKnown reports whether every series has a value at category k (no
// "no data" label at the foot of the axis there).
func allKnown(f *figure.Figure, k int) bool {
	for _, s := range f.Series {
		if !s.Values[k].Known {
			return false
		}
	}
	return true
}

// hidden is a plotter of the data in a furniture render: it spans the
// axes as the plotter would and draws nothing.
type hidden struct{ p plot.Plotter }

func (h hidden) Plot(draw.Canvas, *plot.Plot) {}

func (h hidden) DataRange() (xmin, xmax, ymin, ymax float64) {
	if r, ok := h.p.(plot.DataRanger); ok {
		return r.DataRange()
	}
	return math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
}

func (h hidden) GlyphBoxes(pl *plot.Plot) []plot.GlyphBox {
	if g, ok := h.p.(plot.GlyphBoxer); ok {
		return g.GlyphBoxes(pl)
	}
	return nil
}

// barOutlines outlines the bars of a bar chart whose colour stands out
// from the background by less than 3:1, the known values above zero
// only: an unknown value has no bar, not an outline of one at zero.
type barOutlines struct {
	b     *plotter.BarChart
	known []bool
	ls    draw.LineStyle
}

func (o barOutlines) Plot(c draw.Canvas, plt *plot.Plot) {
	tx, ty := plt.Transforms(&c)
	for i, v := range o.b.Values {
		if !o.known[i] || v == 0 {
			continue // no bar, no outline
		}
		x0 := tx(o.b.XMin+float64(i)) - o.b.Width/2 + o.b.Offset
		top := o.b.BarHeight(i)
		y0, y1 := ty(top-v), ty(top)
		c.StrokeLines(o.ls, []vg.Point{{X: x0, Y: y0}, {X: x0, Y: y1}, {X: x0 + o.b.Width, Y: y1}, {X: x0 + o.b.Width, Y: y0}, {X: x0, Y: y0}})
	}
}
