package infographic

import (
	"math"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/text"
)

// block is a piece of a layout: its height at a width, and how to draw it
// from a top y.
type block struct {
	h    float64
	draw func(y float64)
}

// statCard is the stat kind's content: the headline, its parts with their
// shares, and the other categories.
type statCard struct {
	head  item
	parts []item
	rest  []item
}

// drawStat draws the headline number large, the parts of it the registry
// names (children, women) with their share of it, and the figure's other
// categories smaller below.
func drawStat(c *canvas, f *figure.Figure) error {
	its, err := items(f)
	if err != nil {
		return err
	}
	card := statCard{head: its[0]}
	shared := false
	for _, it := range its[1:] {
		if isPartOf(it.Key, card.head.Key) {
			card.parts = append(card.parts, it)
			_, ok := card.share(it)
			shared = shared || ok
		} else {
			card.rest = append(card.rest, it)
		}
	}
	var notes []string
	if shared {
		notes = append(notes, c.pick(
			"Shares of "+lowerFirst(card.head.Name)+" computed by tollcharts from the counts shown, rounded half away from zero to one decimal.",
			"النسب من "+card.head.Name+" محسوبة من الأعداد المعروضة ومقرّبة إلى منزلة عشرية واحدة (النصف يُقرَّب بعيداً عن الصفر)."))
	}
	body, err := c.frame(f, notes...)
	if err != nil {
		return err
	}
	fitStack(body, c.gap, func(k float64) []block { return card.layout(c, body, k) }, c.format != landscape)
	return nil
}

// fitStack lays blocks out at the type scale k that fills r (larger on
// tall formats when there is room, smaller until they fit) and draws them
// stacked.
func fitStack(r rect, gap func(k float64) float64, layout func(k float64) []block, grow bool) {
	bs, g := fit(r, gap, layout, grow)
	stack(bs, r, g)
}

// fit returns the blocks at the type scale that fills r, and their gap.
func fit(r rect, gap func(k float64) float64, layout func(k float64) []block, grow bool) ([]block, float64) {
	k := 1.0
	if grow {
		k = math.Max(1, math.Min(1.7, 0.85*r.H()/total(layout(1), gap(1))))
	}
	for ; ; k *= 0.92 {
		bs := layout(k)
		if total(bs, gap(k)) <= r.H() || k < 0.45 {
			return bs, gap(k)
		}
	}
}

func (c *canvas) gap(k float64) float64 { return 28 * c.u * k }

func total(bs []block, gap float64) float64 {
	h := 0.0
	for i, b := range bs {
		h += b.h
		if i > 0 {
			h += gap
		}
	}
	return h
}

// stack draws blocks one below the other, centred vertically in r, and
// returns the top of each.
func stack(bs []block, r rect, gap float64) []float64 {
	tops := stackTops(bs, r, gap)
	for i, b := range bs {
		b.draw(tops[i])
	}
	return tops
}

// stackTops is where stack puts each block.
func stackTops(bs []block, r rect, gap float64) []float64 {
	h := total(bs, gap)
	g := gap
	if h > r.H() {
		g = math.Max(0, gap-(h-r.H())/float64(max(len(bs)-1, 1)))
		h = total(bs, g)
	}
	y := r.Y0 + math.Max(0, (r.H()-h)/2)
	tops := make([]float64, len(bs))
	for i, b := range bs {
		tops[i] = y
		y += b.h + g
	}
	return tops
}

// share returns a part's share of the headline in tenths of a percent.
func (s statCard) share(it item) (int64, bool) {
	if !s.head.V.Known || !it.V.Known {
		return 0, false
	}
	return shareTenths(it.V.N, s.head.V.N)
}

// layout arranges the card for the canvas' format at type scale k.
func (s statCard) layout(c *canvas, body rect, k float64) []block {
	switch c.format {
	case landscape:
		left, right := body.splitX(body.X0+0.4*body.W(), 40*c.u)
		if c.rtl {
			left, right = body.splitX(body.X0+0.6*body.W(), 40*c.u)
			left, right = right, left
		}
		head := s.headline(c, left, k)
		var parts []block
		for _, p := range s.parts {
			parts = append(parts, s.part(c, p, right, k))
		}
		top := block{h: math.Max(head.h, total(parts, c.gap(k)*0.8))}
		top.draw = func(y float64) {
			head.draw(y + (top.h-head.h)/2)
			stack(parts, rect{right.X0, y, right.X1, y + top.h}, c.gap(k)*0.8)
		}
		return append([]block{top}, s.others(c, body, k, false)...)
	case square:
		bs := []block{s.headline(c, body, k)}
		if len(s.parts) > 0 {
			n := len(s.parts)
			colW := (body.W() - float64(n-1)*32*c.u) / float64(n)
			var row []block
			for i, p := range s.parts {
				off := float64(i) * (colW + 32*c.u)
				x0 := c.mx(body, off, colW)
				row = append(row, s.part(c, p, rect{x0, body.Y0, x0 + colW, body.Y1}, k))
			}
			line := block{}
			for _, b := range row {
				line.h = math.Max(line.h, b.h)
			}
			line.draw = func(y float64) {
				for _, b := range row {
					b.draw(y)
				}
			}
			bs = append(bs, line)
		}
		return append(bs, s.others(c, body, k, false)...)
	}
	bs := []block{s.headline(c, body, k)}
	for _, p := range s.parts {
		bs = append(bs, s.part(c, p, body, k))
	}
	return append(bs, s.others(c, body, k, true)...)
}

// headline is the big number with its label under it.
func (s statCard) headline(c *canvas, r rect, k float64) block {
	bigSt := c.st(104*k, true, c.th.Text)
	big := c.shape(c.valueText(s.head.V), bigSt)
	if big.Width() > r.W() {
		bigSt = c.st(104*k*r.W()/big.Width(), true, c.th.Text)
		big = c.shape(c.valueText(s.head.V), bigSt)
	}
	lst := c.st(c.th.Subtitle*1.25*k, true, c.th.Text)
	label := c.wrap(s.head.Name, lst, r.W())
	bar := math.Round(8 * c.u * k)
	// The bar sits below the comma's tail (6,993), not through it.
	h := big.Ascent() + big.Descent()*0.8 + bar + 14*c.u*k + height(label)
	return block{h: h, draw: func(y float64) {
		x, a := c.startAnchor(r)
		base := y + big.Ascent()
		shown := big
		if c.moving() { // counting up, in the same type and place
			shown = c.shape(c.valueText(c.count(s.head.V)), bigSt)
		}
		c.draw(shown, x, base, a, c.th.Text)
		by := base + big.Descent()*0.8
		bw := c.grown(big.Width())
		c.fillRect(rect{c.mx(r, 0, bw), by, c.mx(r, 0, bw) + bw, by + bar}, c.categoryColor(s.head.Key, 0))
		c.lines(label, lst, r, by+bar+14*c.u*k)
	}}
}

// part is a part of the headline: swatch, number and label on one line,
// then a bar of its share and the share in words.
func (s statCard) part(c *canvas, p item, r rect, k float64) block {
	col := c.categoryColor(p.Key, 1)
	nst := c.st(56*k, true, c.th.Text)
	lst := c.st(c.th.Subtitle*1.1*k, true, c.th.Text)
	num := c.shape(c.valueText(p.V), nst)
	sw := math.Round(num.Ascent() * 0.45)
	gap := 12 * c.u * k
	label := c.shape(p.Name, lst)
	inline := sw+gap+num.Width()+gap+label.Width() <= r.W()
	var labelLines []*text.Line
	if !inline {
		labelLines = c.wrap(p.Name, lst, r.W())
	}
	tenths, ok := s.share(p)
	var shareLines []*text.Line
	sst := c.st(c.th.Label*1.1*k, false, c.th.Muted)
	if ok {
		phrase := c.pick(percent(c.loc, tenths)+" of "+lowerFirst(s.head.Name), percent(c.loc, tenths)+" من "+s.head.Name)
		shareLines = c.wrap(phrase, sst, r.W())
	}
	bar := math.Round(10 * c.u * k)
	h := num.Ascent() + num.Descent()*0.4
	if !inline {
		h += 4*c.u*k + height(labelLines)
	}
	if ok {
		h += 12*c.u*k + bar + 8*c.u*k + height(shareLines)
	}
	return block{h: h, draw: func(y float64) {
		base := y + num.Ascent()
		c.fillRect(rect{c.mx(r, 0, sw), base - sw, c.mx(r, 0, sw) + sw, base}, col)
		shown := num
		if c.moving() {
			shown = c.shape(c.valueText(c.count(p.V)), nst)
		}
		// The number keeps the still's place: its start side.
		xs := c.mx(r, sw+gap, num.Width())
		if c.rtl {
			xs += num.Width() - shown.Width()
		}
		c.draw(shown, xs, base, text.Left, c.th.Text)
		y2 := base + num.Descent()*0.4
		if inline {
			c.draw(label, c.mx(r, sw+gap+num.Width()+gap, label.Width()), base, text.Left, c.th.Text)
		} else {
			y2 = c.lines(labelLines, lst, r, y2+4*c.u*k)
		}
		if ok {
			by := y2 + 12*c.u*k
			c.fillRect(rect{r.X0, by, r.X1, by + bar}, blend(c.th.Background, col, 0.22))
			fw := c.grown(r.W() * float64(tenths) / 1000)
			c.fillRect(rect{c.mx(r, 0, fw), by, c.mx(r, 0, fw) + fw, by + bar}, col)
			c.lines(shareLines, sst, r, by+bar+8*c.u*k)
		}
	}}
}

// others are the remaining categories: number and label pairs flowing in
// rows, or one per row when list is set.
func (s statCard) others(c *canvas, r rect, k float64, list bool) []block {
	if len(s.rest) == 0 {
		return nil
	}
	nst := c.st(34*k, true, c.th.Text)
	lst := c.st(c.th.Label*1.15*k, false, c.th.Text)
	gap := 10 * c.u * k
	type pair struct{ num, label, shown *text.Line }
	var pairs []pair
	for _, it := range s.rest {
		p := pair{num: c.shape(c.valueText(it.V), nst), label: c.shape(it.Name, lst)}
		p.shown = p.num
		if c.moving() {
			p.shown = c.shape(c.valueText(c.count(it.V)), nst)
		}
		pairs = append(pairs, p)
	}
	width := func(p pair) float64 { return p.num.Width() + gap + p.label.Width() }
	// Flow into rows.
	var rows [][]pair
	cur, curW := []pair(nil), 0.0
	for _, p := range pairs {
		w := width(p)
		if len(cur) > 0 && (list || curW+40*c.u*k+w > r.W()) {
			rows = append(rows, cur)
			cur, curW = nil, 0
		}
		if len(cur) > 0 {
			curW += 40 * c.u * k
		}
		cur = append(cur, p)
		curW += w
	}
	rows = append(rows, cur)
	rowH := pairs[0].num.Ascent() + pairs[0].num.Descent()*0.5
	h := float64(len(rows))*rowH + float64(len(rows)-1)*8*c.u*k + 16*c.u*k
	return []block{{h: h, draw: func(y float64) {
		c.fillRect(rect{r.X0, y, r.X1, y + math.Max(1, c.u)}, c.th.Grid)
		y += 16 * c.u * k
		for _, row := range rows {
			base := y + row[0].num.Ascent()
			off := 0.0
			for _, p := range row {
				x := c.mx(r, off, p.num.Width())
				if c.rtl {
					x += p.num.Width() - p.shown.Width()
				}
				c.draw(p.shown, x, base, text.Left, c.th.Text)
				c.draw(p.label, c.mx(r, off+p.num.Width()+gap, p.label.Width()), base, text.Left, c.th.Text)
				off += width(p) + 40*c.u*k
			}
			y += rowH + 8*c.u*k
		}
	}}}
}
