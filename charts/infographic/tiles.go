package infographic

import (
	"math"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/text"
)

// tilePos places the 14 governorates on a 5x4 grid in rough geographic
// order (column, row; north up, west left). Geography is not mirrored in
// Arabic.
var tilePos = map[string][2]int{
	"SY06": {0, 0}, "SY07": {1, 0}, "SY02": {2, 0}, "SY11": {3, 0}, "SY08": {4, 0}, // Lattakia, Idleb, Aleppo, Ar-Raqqa, Al-Hasakeh
	"SY10": {0, 1}, "SY05": {1, 1}, "SY04": {2, 1}, "SY09": {3, 1}, // Tartous, Hama, Homs, Deir-ez-Zor
	"SY14": {0, 2}, "SY01": {1, 2}, "SY03": {2, 2}, // Quneitra, Damascus, Rural Damascus
	"SY12": {1, 3}, "SY13": {2, 3}, // Dar'a, As-Sweida
}

const tileCols, tileRows = 5, 4

// drawTiles draws the governorates as equal tiles filled by class, each
// with its name and exact figure, and the legend.
func drawTiles(c *canvas, f *figure.Figure) error {
	vs, err := mapValues(f)
	if err != nil {
		return err
	}
	body, err := c.frame(f)
	if err != nil {
		return err
	}
	sc := scaleFor(vs)
	var legend, area rect
	ranking := 6
	if c.format.tall() {
		lh := c.measure(func(m *canvas) float64 { return m.mapLegend(sc, vs, body, ranking) - body.Y0 })
		s := math.Min(body.W()/tileCols, (body.H()-lh-48*c.u)/tileRows)
		top := body.Y0 + math.Max(0, (body.H()-s*tileRows-48*c.u-lh)/2)
		area, legend = rect{body.X0, top, body.X1, body.Y1}.splitY(top+s*tileRows, 48*c.u)
	} else {
		legend, area = body.splitX(body.X0+0.3*body.W(), 32*c.u)
		if c.rtl {
			area, legend = body.splitX(body.X0+0.7*body.W(), 32*c.u)
		}
	}
	s := math.Min(area.W()/tileCols, area.H()/tileRows)
	gap := math.Max(2, 0.04*s)
	grid := rect{area.X0 + (area.W()-s*tileCols)/2, area.Y0, 0, 0} // top-aligned with the legend
	h := c.hatch()
	nameSt := c.st(math.Min(c.th.Label, 0.12*s/c.u), true, c.th.Text)
	valSt := c.st(math.Min(c.th.Subtitle*1.3, 0.2*s/c.u), true, c.th.Text)
	shown := c.shownGovs(vs)
	for _, gv := range vs {
		pos := tilePos[gv.gov.PCode]
		t := rect{grid.X0 + float64(pos[0])*s, grid.Y0 + float64(pos[1])*s, 0, 0}
		t.X1, t.Y1 = t.X0+s-gap, t.Y0+s-gap
		c.rec.tiles[gv.gov.PCode] = t
		if gv.v.Known && !shown[gv.gov.PCode] {
			// Not reached yet: an empty tile with its name, no figure.
			c.fillRect(t, c.pending())
			inner := t.inset(0.07*s, 0.07*s)
			names := c.wrap(gv.gov.Name(c.loc.Lang), nameSt, inner.W())
			c.linesAt(names, (inner.X0+inner.X1)/2, inner.Y0+math.Max(0, (inner.H()-height(names))/2), text.Center, c.th.Muted)
			continue
		}
		ink := c.th.Text
		if gv.v.Known {
			cl := sc.class(gv.v.N)
			c.rec.fills[gv.gov.PCode] = cl
			c.fillRect(t, sc.colors[cl])
			ink = c.inkOn(sc.colors[cl])
		} else {
			c.rec.fills[gv.gov.PCode] = noData
			c.dc.DrawRectangle(t.X0, t.Y0, t.W(), t.H())
			c.dc.SetFillStyle(h)
			c.dc.Fill()
		}
		if gv.gov.PCode == f.Highlight {
			// A highlighted governorate: a heavy frame in the text
			// colour inside its tile.
			w := math.Max(3*c.u, 0.05*s)
			c.dc.DrawRectangle(t.X0+w/2, t.Y0+w/2, t.W()-w, t.H()-w)
			c.dc.SetColor(c.th.Text)
			c.dc.SetLineWidth(w)
			c.dc.Stroke()
			c.rec.outlined = gv.gov.PCode
		}
		inner := t.inset(0.07*s, 0.07*s)
		names := c.wrap(gv.gov.Name(c.loc.Lang), nameSt, inner.W())
		val := c.shape(c.valueText(gv.v), valSt)
		if !gv.v.Known {
			val = c.shape(c.valueText(gv.v), nameSt)
		}
		total := height(names) + 0.08*s + val.Ascent() + val.Descent()*0.3
		y := inner.Y0 + math.Max(0, (inner.H()-total)/2)
		x := (inner.X0 + inner.X1) / 2
		if !gv.v.Known {
			// A plate of the hatch's background under the words, so the
			// lines of the hatch do not run through them.
			w := val.Width()
			for _, l := range names {
				w = math.Max(w, l.Width())
			}
			pad := 0.04 * s
			plate := rect{x - w/2 - pad, y - pad, x + w/2 + pad, y + total + pad}
			plate.X0, plate.X1 = math.Max(plate.X0, t.X0+1), math.Min(plate.X1, t.X1-1)
			c.fillRect(plate, h.bg)
		}
		for i, l := range names {
			if i > 0 {
				y += leading(names[i-1], l)
			} else {
				y += l.Ascent()
			}
			if gv.v.Known {
				c.draw(l, x, y, text.Center, ink)
			} else {
				c.drawHalo(l, x, y, text.Center, ink, h.bg)
			}
		}
		y += names[len(names)-1].Descent() + 0.08*s + val.Ascent()
		if gv.v.Known {
			c.draw(val, x, y, text.Center, ink)
		} else {
			c.drawHalo(val, x, y, text.Center, c.th.Muted, h.bg)
		}
	}
	c.mapLegend(sc, vs, legend, ranking)
	return nil
}
