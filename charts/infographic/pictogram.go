package infographic

import (
	"fmt"
	"image/color"
	"math"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/text"
	"github.com/tollcharts/tollcharts/charts/vocab"
)

// group is one colour of the waffle.
type group struct {
	item
	icons int64 // floor(value / unit)
	color color.RGBA
}

// maxIcons caps the waffle per format, so that icons stay big enough.
var maxIcons = map[format]int64{landscape: 720, square: 800, portrait: 900, story: 1000}

// unitFor picks the smallest 1-2-5 (and 25, 250, ...) step that keeps the
// icons under the cap.
func unitFor(counts []int64, limit int64) int64 {
	for mag := int64(1); ; mag *= 10 {
		for _, m := range []int64{1, 2, 25, 5} {
			n := m * mag
			if m == 25 {
				if mag < 10 {
					continue
				}
				n = 25 * mag / 10
			}
			sum := int64(0)
			for _, v := range counts {
				sum += v / n
			}
			if sum <= limit {
				return n
			}
		}
	}
}

// pictogramGroups are the parts of the headline category (children,
// women) and the rest of it, other adults: the figure's derived series if
// it has one, else all − children − women computed here, exactly; derived
// either way. derivedNote is set when this package derived it.
func pictogramGroups(c *canvas, f *figure.Figure) (head item, gs []group, derivedNote string, err error) {
	its, err := items(f)
	if err != nil {
		return head, nil, "", err
	}
	head = its[0]
	var parts []item
	for _, it := range its[1:] {
		if isPartOf(it.Key, head.Key) {
			parts = append(parts, it)
		}
	}
	_, hasOther := find(parts, "other_adults")
	ch, okc := find(parts, "children")
	wo, okw := find(parts, "women")
	if !hasOther && okc && okw && head.Key == "all" && head.V.Known && ch.V.Known && wo.V.Known {
		oc, _ := vocab.CategoryByID("other_adults")
		n := head.V.N - ch.V.N - wo.V.N
		parts = append(parts, item{Key: oc.ID, Name: oc.Name(c.loc.Lang, vocab.Metric{}), Derived: true,
			V: figure.Value{N: n, Known: true, Label: c.loc.Int(n)}})
		derivedNote = c.pick(
			"Other adults = all civilians − children − women: derived by tollcharts, not published.",
			"البالغون الآخرون = جميع المدنيين − الأطفال − النساء: رقم محسوب وليس منشوراً.")
	}
	if len(parts) == 0 {
		parts = []item{head}
	}
	for i, p := range parts {
		if !p.V.Known || p.V.N < 0 {
			return head, nil, "", fmt.Errorf("pictogram: %s has no published figure; a waffle cannot show it", p.Key)
		}
		gs = append(gs, group{item: p, color: c.categoryColor(p.Key, i)})
	}
	return head, gs, derivedNote, nil
}

// drawPictogram draws a waffle of person icons, one per N people, with a
// legend giving each group's exact count and its icons.
func drawPictogram(c *canvas, f *figure.Figure) error {
	_, gs, derivedNote, err := pictogramGroups(c, f)
	if err != nil {
		return err
	}
	var counts []int64
	for _, g := range gs {
		counts = append(counts, g.V.N)
	}
	unit := c.o.Unit
	if unit <= 0 {
		unit = unitFor(counts, maxIcons[c.format])
	}
	total := 0
	for i := range gs {
		gs[i].icons = gs[i].V.N / unit
		total += int(gs[i].icons)
	}
	c.rec.unit = unit
	var notes []string
	if derivedNote != "" {
		notes = append(notes, derivedNote)
	}
	body, err := c.frame(f, notes...)
	if err != nil {
		return err
	}
	var legend, grid rect
	switch c.format {
	case landscape:
		legend, grid = body.splitX(body.X0+0.34*body.W(), 36*c.u)
		if c.rtl {
			grid, legend = body.splitX(body.X0+0.66*body.W(), 36*c.u)
		}
	default:
		lh := c.legendHeight(gs, unit, body)
		legend, grid = body.splitY(body.Y0+lh, 28*c.u)
	}
	c.pictoLegend(gs, unit, legend)
	c.waffle(gs, total, grid)
	return nil
}

// rule is the counting rule written on the image.
func (c *canvas) rule(unit int64) string {
	n := c.loc.Int(unit)
	if c.rtl {
		return "كل شكل = " + n + " " + arabicCount(unit, "شخص", "شخصان", "أشخاص", "شخصاً") + ". عدد الأشكال في كل فئة = العدد ÷ " + n + "، مقرَّباً إلى الأدنى."
	}
	people := "people"
	if unit == 1 {
		people = "person"
	}
	return "Each figure = " + n + " " + people + ". Figures per group = count ÷ " + n + ", rounded down."
}

// arabicCount picks the form of a counted Arabic noun after a number:
// one (1), two (2), the plural after 3-10, the accusative singular after
// 11-99, the singular after 100, 1000, ... (and their 0-2 endings).
func arabicCount(n int64, one, two, plural, acc string) string {
	switch r := n % 100; {
	case n == 1:
		return one
	case n == 2:
		return two
	case r >= 3 && r <= 10:
		return plural
	case r >= 11:
		return acc
	}
	return one
}

func (c *canvas) legendStyles() (style, style, style) {
	return c.st(c.th.Subtitle, true, c.th.Text), c.st(c.th.Label*1.1, false, c.th.Text), c.st(c.th.Label, false, c.th.Muted)
}

func (c *canvas) legendRows(gs []group, w float64) [][]*text.Line {
	nameSt, valSt, _ := c.legendStyles()
	var rows [][]*text.Line
	for _, g := range gs {
		n := c.loc.Int(g.icons)
		figures := g.V.Label + " → " + n + " figures"
		if g.icons == 1 {
			figures = g.V.Label + " → 1 figure"
		}
		if c.rtl {
			figures = g.V.Label + " ← " + n + " " + arabicCount(g.icons, "شكل", "شكلان", "أشكال", "شكلاً")
		}
		lines := c.wrap(g.Name, nameSt, w)
		lines = append(lines, c.wrap(figures, valSt, w)...)
		rows = append(rows, lines)
	}
	return rows
}

func (c *canvas) legendHeight(gs []group, unit int64, body rect) float64 {
	sw := 22 * c.u
	_, _, ruleSt := c.legendStyles()
	if c.format == square {
		// Groups side by side, the rule under them.
		colW := (body.W() - float64(len(gs)-1)*24*c.u) / float64(len(gs))
		h := 0.0
		for _, r := range c.legendRows(gs, colW-sw-10*c.u) {
			h = math.Max(h, height(r))
		}
		return h + 14*c.u + height(c.wrap(c.rule(unit), ruleSt, body.W()))
	}
	h := 0.0
	for _, r := range c.legendRows(gs, body.W()-sw-10*c.u) {
		h += height(r) + 14*c.u
	}
	return h + height(c.wrap(c.rule(unit), ruleSt, body.W()))
}

// pictoLegend draws a swatch icon, the name and "count → icons" per
// group, then the rule.
func (c *canvas) pictoLegend(gs []group, unit int64, r rect) {
	nameSt, valSt, ruleSt := c.legendStyles()
	sw := 22 * c.u
	cols := 1
	if c.format == square {
		cols = len(gs)
	}
	colW := (r.W() - float64(cols-1)*24*c.u) / float64(cols)
	rows := c.legendRows(gs, colW-sw-10*c.u)
	h := 0.0
	for i, lines := range rows {
		if cols == 1 {
			h += height(lines)
			if i > 0 {
				h += 14 * c.u
			}
		} else {
			h = math.Max(h, height(lines))
		}
	}
	ruleLines := c.wrap(c.rule(unit), ruleSt, r.W())
	h += 14*c.u + height(ruleLines)
	y := r.Y0
	if c.format == landscape {
		y += math.Max(0, (r.H()-h)/2)
	}
	top := y
	for i, lines := range rows {
		col := rect{r.X0, y, r.X1, y}
		if cols > 1 {
			x0 := c.mx(r, float64(i)*(colW+24*c.u), colW)
			col = rect{x0, top, x0 + colW, top}
			y = top
		}
		c.icon(c.mx(col, 0, sw), y+2*c.u, sw*0.62*1.2, sw*1.2, gs[i].color)
		tr := rect{col.X0, y, col.X1, y}
		if c.rtl {
			tr.X1 -= sw + 10*c.u
		} else {
			tr.X0 += sw + 10*c.u
		}
		yy := c.lines(lines[:len(lines)-1], nameSt, tr, y)
		yy = c.lines(lines[len(lines)-1:], valSt, tr, yy+lineSpacing*valSt.size)
		if cols == 1 {
			y = yy + 14*c.u
		} else {
			y = math.Max(y, yy)
		}
	}
	if cols > 1 {
		y = top
		for _, lines := range rows {
			y = math.Max(y, top+height(lines))
		}
		y += 14 * c.u
	}
	c.lines(ruleLines, ruleSt, r, y)
}

// waffle fills r with the icons, group after group, row by row from the
// start side.
func (c *canvas) waffle(gs []group, n int, r rect) {
	if n == 0 {
		return
	}
	const aspect = 0.62 // cell width / cell height
	best, cols := 0.0, 1
	for k := 1; k <= n; k++ {
		rows := (n + k - 1) / k
		s := math.Min(r.W()/(float64(k)*aspect), r.H()/float64(rows))
		if s > best {
			best, cols = s, k
		}
	}
	s := best
	rows := (n + cols - 1) / cols
	gw, gh := float64(cols)*s*aspect, float64(rows)*s
	area := rect{r.X0, r.Y0, r.X1, r.Y0 + gh}
	if c.rtl {
		area.X0 = r.X1 - gw
	} else {
		area.X1 = r.X0 + gw
	}
	if c.format == landscape {
		area.Y0 += (r.H() - gh) / 2
	}
	i := 0
	shown := c.revealed(n)
	for _, g := range gs {
		for range g.icons {
			if i >= shown {
				break
			}
			row, col := i/cols, i%cols
			x := c.mx(area, float64(col)*s*aspect, s*aspect)
			y := area.Y0 + float64(row)*s
			c.icon(x+s*aspect*0.1, y+s*0.07, s*aspect*0.8, s*0.86, g.color)
			c.rec.icons[g.Key]++
			i++
		}
	}
}

// icon draws a person in the box (x, y, w, h): a round head over a body
// with rounded shoulders, as vector shapes.
func (c *canvas) icon(x, y, w, h float64, col color.Color) {
	c.dc.SetColor(col)
	hr := math.Min(w*0.36, h*0.19)
	c.dc.DrawCircle(x+w/2, y+hr, hr)
	c.dc.Fill()
	top := y + 2*hr + h*0.06
	c.dc.DrawRoundedRectangle(x, top, w, y+h-top, w*0.38)
	c.dc.Fill()
}
