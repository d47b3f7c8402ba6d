package infographic

import (
	"fmt"
	"math"
	"slices"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/syria"
	"github.com/tollcharts/tollcharts/charts/text"
)

// govValue is one governorate's figure on a map.
type govValue struct {
	gov syria.Governorate
	v   figure.Value // Known false: not published
}

// mapValues returns the 14 governorates in P-code order with the figure's
// value for each; a governorate the figure does not name has no data.
func mapValues(f *figure.Figure) ([]govValue, error) {
	if len(f.Series) != 1 {
		return nil, fmt.Errorf("map: %d series; a map shows one (select one category and metric)", len(f.Series))
	}
	byCode := map[string]figure.Value{}
	for i, k := range f.CategoryKeys {
		if _, ok := syria.ByPCode(k); !ok {
			return nil, fmt.Errorf("map: %q is not a governorate; want x: governorate with select governorate: [\"*\"]", k)
		}
		byCode[k] = f.Series[0].Values[i]
	}
	var out []govValue
	for _, g := range syria.All() {
		out = append(out, govValue{gov: g, v: byCode[g.PCode]})
	}
	return out, nil
}

// ranked returns the governorates with a known value, largest first (ties
// in P-code order).
func ranked(vs []govValue) []govValue {
	var out []govValue
	for _, v := range vs {
		if v.v.Known {
			out = append(out, v)
		}
	}
	slices.SortStableFunc(out, func(a, b govValue) int {
		switch {
		case a.v.N > b.v.N:
			return -1
		case a.v.N < b.v.N:
			return 1
		}
		return 0
	})
	return out
}

func scaleFor(vs []govValue) classes {
	var m int64
	for _, v := range vs {
		if v.v.Known {
			m = max(m, v.v.N)
		}
	}
	return newClasses(m)
}

// projection is equirectangular with longitudes scaled by the cosine of
// the middle latitude, fitted into a rectangle.
type projection struct {
	lon0, lat1 float64 // west and north edges
	k, cos     float64 // pixels per degree of latitude; cos(mid latitude)
	x0, y0     float64 // where (lon0, lat1) lands
}

func fitProjection(bs []syria.Boundary, r rect) *projection {
	lo := syria.Point{Lon: math.Inf(1), Lat: math.Inf(1)}
	hi := syria.Point{Lon: math.Inf(-1), Lat: math.Inf(-1)}
	for _, b := range bs {
		l, h := b.Bounds()
		lo.Lon, lo.Lat = math.Min(lo.Lon, l.Lon), math.Min(lo.Lat, l.Lat)
		hi.Lon, hi.Lat = math.Max(hi.Lon, h.Lon), math.Max(hi.Lat, h.Lat)
	}
	cos := math.Cos((lo.Lat + hi.Lat) / 2 * math.Pi / 180)
	w, h := (hi.Lon-lo.Lon)*cos, hi.Lat-lo.Lat
	k := math.Min(r.W()/w, r.H()/h)
	return &projection{
		lon0: lo.Lon, lat1: hi.Lat, k: k, cos: cos,
		x0: r.X0 + (r.W()-w*k)/2, y0: r.Y0 + (r.H()-h*k)/2,
	}
}

func (p *projection) xy(pt syria.Point) (float64, float64) {
	return p.x0 + (pt.Lon-p.lon0)*p.cos*p.k, p.y0 + (p.lat1-pt.Lat)*p.k
}

func (p *projection) lonlat(x, y float64) syria.Point {
	return syria.Point{Lon: p.lon0 + (x-p.x0)/(p.cos*p.k), Lat: p.lat1 - (y-p.y0)/p.k}
}

// drawChoropleth draws the governorates filled by class, hatched where no
// figure is published, with labels on the largest values and a legend.
// tracePath makes a governorate's boundary, projected, the current path.
func (c *canvas) tracePath(p *projection, b syria.Boundary) {
	c.dc.ClearPath()
	for _, poly := range b.Polygons {
		for _, ring := range poly {
			for j, pt := range ring {
				x, y := p.xy(pt)
				if j == 0 {
					c.dc.MoveTo(x, y)
				} else {
					c.dc.LineTo(x, y)
				}
			}
			c.dc.ClosePath()
		}
	}
}

func drawChoropleth(c *canvas, f *figure.Figure) error {
	vs, err := mapValues(f)
	if err != nil {
		return err
	}
	body, err := c.frame(f)
	if err != nil {
		return err
	}
	sc := scaleFor(vs)
	legend, area := body.splitX(body.X0+0.32*body.W(), 32*c.u)
	if c.rtl {
		area, legend = body.splitX(body.X0+0.68*body.W(), 32*c.u)
	}
	bs := syria.Boundaries()
	p := fitProjection(bs, area)
	c.rec.proj = p
	h := c.hatch()
	shown := c.shownGovs(vs)
	for i, b := range bs {
		c.tracePath(p, b)
		c.dc.SetFillRuleEvenOdd()
		if v := vs[i].v; v.Known && !shown[b.PCode] {
			c.dc.SetColor(c.pending())
		} else if v.Known {
			cl := sc.class(v.N)
			c.rec.fills[b.PCode] = cl
			c.dc.SetColor(sc.colors[cl])
		} else {
			c.rec.fills[b.PCode] = noData
			c.dc.SetFillStyle(h)
		}
		c.dc.FillPreserve()
		c.dc.SetColor(c.th.Background)
		c.dc.SetLineWidth(1.2 * c.u)
		c.dc.SetLineJoinRound()
		c.dc.Stroke()
	}
	// A highlighted governorate: a heavy outline in the text colour over
	// its class colour, drawn last so no border covers it. The others
	// keep their classes: a map's colours are its scale.
	if hl := f.Highlight; hl != "" {
		if i := slices.IndexFunc(bs, func(b syria.Boundary) bool { return b.PCode == hl }); i >= 0 {
			c.tracePath(p, bs[i])
			c.dc.SetColor(c.th.Text)
			c.dc.SetLineWidth(3.5 * c.u)
			c.dc.SetLineJoinRound()
			c.dc.Stroke()
			c.rec.outlined = hl
		}
	}
	// Labels on the largest values, skipped where they would collide;
	// a highlighted governorate is labelled first.
	var placed []rect
	nameSt := c.st(c.th.Label, true, c.th.Text)
	valSt := c.st(c.th.Subtitle, true, c.th.Text)
	top := firstN(ranked(vs), 3)
	if i := slices.IndexFunc(vs, func(gv govValue) bool { return gv.gov.PCode == f.Highlight }); i >= 0 && vs[i].v.Known {
		top = append([]govValue{vs[i]}, slices.DeleteFunc(top, func(gv govValue) bool { return gv.gov.PCode == f.Highlight })...)
	}
	for _, gv := range top {
		if !shown[gv.gov.PCode] {
			continue
		}
		b := bs[slices.IndexFunc(bs, func(b syria.Boundary) bool { return b.PCode == gv.gov.PCode })]
		x, y := p.xy(b.Interior)
		name := c.shape(gv.gov.Name(c.loc.Lang), nameSt)
		val := c.shape(gv.v.Label, valSt)
		hgt := name.Ascent() + name.Descent() + val.Ascent() + val.Descent()*0.3
		w := math.Max(name.Width(), val.Width())
		// At the interior point, or nudged off a label already there.
		var box rect
		ok, nudged := false, false
		for _, d := range [][2]float64{{0, 0}, {0, 0.7}, {0, -0.7}, {0.6, 0}, {-0.6, 0}, {0, 1.1}, {0, -1.1}} {
			cx, cy := x+d[0]*w, y+d[1]*hgt
			box = rect{cx - w/2, cy - hgt/2, cx + w/2, cy + hgt/2}
			if box.within(area.inset(-c.pad/2, 0)) && !slices.ContainsFunc(placed, func(r rect) bool { return r.inset(-6*c.u, -4*c.u).overlaps(box) }) {
				ok, nudged = true, d != [2]float64{}
				break
			}
		}
		if !ok {
			continue // its figure is in the legend's list
		}
		placed = append(placed, box)
		if nudged { // a leader from the governorate to its label
			ly := box.Y0
			if box.Y1 < y {
				ly = box.Y1
			}
			c.dc.SetColor(c.th.Text)
			c.dc.SetLineWidth(1.2 * c.u)
			c.dc.DrawLine(x, y, math.Max(box.X0, math.Min(box.X1, x)), ly)
			c.dc.Stroke()
			c.dot(x, y, 2.5*c.u, c.th.Text)
			c.rec.marks = append(c.rec.marks, rect{math.Min(x, box.X0) - 8*c.u, math.Min(y, ly) - 8*c.u, math.Max(x, box.X1) + 8*c.u, math.Max(y, ly) + 8*c.u})
		}
		cx := (box.X0 + box.X1) / 2
		base := box.Y0 + name.Ascent()
		c.drawHalo(name, cx, base, text.Center, c.th.Text, c.th.Background)
		c.drawHalo(val, cx, base+name.Descent()+val.Ascent(), text.Center, c.th.Text, c.th.Background)
	}
	c.mapLegend(sc, vs, legend, 6)
	return nil
}

func firstN[T any](xs []T, n int) []T {
	if len(xs) > n {
		return xs[:n]
	}
	return xs
}

// mapLegend draws, from the top of r: what is counted, the classes with
// their swatches, the "no data" hatch, then up to n governorates with
// their exact figures, largest first. It returns the y below it.
func (c *canvas) mapLegend(sc classes, vs []govValue, r rect, n int) float64 {
	head := c.st(c.th.Label*1.1, true, c.th.Text)
	lab := c.st(c.th.Label, false, c.th.Text)
	sw := 24 * c.u
	y := c.para(c.valueAxis, head, r, r.Y0) + 10*c.u
	row := func(label string, fill func(rect)) {
		l := c.shape(label, lab)
		h := math.Max(sw, l.Ascent()+l.Descent())
		box := rect{c.mx(r, 0, sw), y + (h-sw)/2, c.mx(r, 0, sw) + sw, y + (h+sw)/2}
		fill(box)
		x, a := c.startAnchor(r)
		if c.rtl {
			x -= sw + 10*c.u
		} else {
			x += sw + 10*c.u
		}
		c.draw(l, x, y+h/2+(l.Ascent()-l.Descent())/2, a, c.th.Text)
		y += h + 6*c.u
	}
	for i := range sc.lower {
		row(sc.label(i, c.loc), func(b rect) { c.fillRect(b, sc.colors[i]) })
	}
	h := c.hatch()
	row(c.pick("Not published (no data)", "لم يُنشر (لا بيانات)"), func(b rect) {
		c.dc.DrawRectangle(b.X0, b.Y0, b.W(), b.H())
		c.dc.SetFillStyle(h)
		c.dc.Fill()
	})
	rk := ranked(vs)
	if n <= 0 || len(rk) == 0 {
		return y
	}
	y += 12 * c.u
	c.fillRect(rect{r.X0, y, r.X1, y + math.Max(1, c.u)}, c.th.Grid)
	y += 12 * c.u
	numSt := c.st(c.th.Label, true, c.th.Text)
	for _, gv := range firstN(rk, n) {
		name := c.shape(gv.gov.Name(c.loc.Lang), lab)
		num := c.shape(gv.v.Label, numSt)
		base := y + name.Ascent()
		xs, as := c.startAnchor(r)
		xe, ae := c.endAnchor(r)
		c.draw(name, xs, base, as, c.th.Text)
		c.draw(num, xe, base, ae, c.th.Text)
		y = base + name.Descent() + 4*c.u
	}
	if rest := 14 - len(rk); rest > 0 {
		msg := fmt.Sprintf("%d other governorates: not published", rest)
		switch {
		case rest == 1:
			msg = c.pick("1 other governorate: not published", "محافظة واحدة أخرى: لم يُنشر رقمها")
		case c.rtl:
			msg = c.loc.Int(int64(rest)) + " " + arabicCount(int64(rest), "محافظة أخرى", "محافظتان أخريان", "محافظات أخرى", "محافظة أخرى") + ": لم تُنشر أرقامها"
		}
		y = c.para(msg, c.st(c.th.Label, false, c.th.Muted), r, y+4*c.u)
	} else if len(rk) > n {
		y = c.para(c.pick(fmt.Sprintf("and %d more", len(rk)-n), fmt.Sprintf("و%s أخرى", c.loc.Int(int64(len(rk)-n)))), c.st(c.th.Label, false, c.th.Muted), r, y+4*c.u)
	}
	return y
}
