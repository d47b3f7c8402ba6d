package infographic

import (
	"image"
	"image/color"
	"math"
	"slices"
	"testing"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/locale"
	"github.com/tollcharts/tollcharts/charts/syria"
)

// syntheticMap is a made-up figure (Synthetic data, not published) with a
// value for most governorates: a zero, small and large values, and two
// blanks.
func syntheticMap(lang string) *figure.Figure {
	loc := locale.Locale{Lang: lang}
	vals := map[string]int64{"SY01": 0, "SY02": 2500, "SY03": 40, "SY04": 120, "SY05": 300, "SY06": 75, "SY07": 2000,
		"SY09": 900, "SY10": 10, "SY12": 450, "SY13": 5, "SY14": 60} // SY08, SY11: no data
	f := &figure.Figure{ID: "synthetic-map", Kind: figure.Map, Locale: loc, Title: "Synthetic data: a test map",
		Source: "Synthetic test data, not published", ValueAxis: "Synthetic counts"}
	s := figure.Series{Key: "synthetic", Name: "Synthetic"}
	for _, g := range syria.All() {
		f.CategoryKeys = append(f.CategoryKeys, g.PCode)
		f.Categories = append(f.Categories, g.Name(lang))
		v := figure.Value{}
		if n, ok := vals[g.PCode]; ok {
			v = figure.Value{N: n, Known: true, Label: loc.Int(n)}
		}
		s.Values = append(s.Values, v)
	}
	f.Series = []figure.Series{s}
	return f
}

func TestClasses(t *testing.T) {
	for _, c := range []struct {
		max    int64
		lower  []int64
		labels []string
	}{
		{1178, []int64{0, 100, 250, 500, 1000}, []string{"0–99", "100–249", "250–499", "500–999", "1,000 or more"}},
		{2500, []int64{0, 250, 500, 1000, 2500}, []string{"0–249", "250–499", "500–999", "1,000–2,499", "2,500 or more"}},
		{3, []int64{0, 1, 2}, []string{"0", "1", "2 or more"}},
		{0, []int64{0}, []string{"0 or more"}},
	} {
		cl := newClasses(c.max)
		if !slices.Equal(cl.lower, c.lower) || len(cl.colors) != len(c.lower) {
			t.Errorf("newClasses(%d) = %v with %d colours, want %v", c.max, cl.lower, len(cl.colors), c.lower)
			continue
		}
		for i, w := range c.labels {
			if got := cl.label(i, locale.Locale{Lang: "en"}); got != w {
				t.Errorf("max %d class %d: %q, want %q", c.max, i, got, w)
			}
		}
	}
	cl := newClasses(1178)
	for n, want := range map[int64]int{0: 0, 99: 0, 100: 1, 331: 2, 652: 3, 999: 3, 1000: 4, 1178: 4} {
		if got := cl.class(n); got != want {
			t.Errorf("class(%d) = %d, want %d", n, got, want)
		}
	}
}

// TestChoroplethFills samples each governorate's pixels at a point well
// inside its polygon and away from any label: a class colour where a
// figure is published (a zero included), the hatch where none is.
func TestChoroplethFills(t *testing.T) {
	cases := []struct {
		name string
		f    *figure.Figure
		want map[string]int // P-code -> class; absent: no data
	}{
		{"shipped.en", fig(t, "map", "en"), map[string]int{"SY02": 4, "SY07": 3, "SY09": 2}},
		{"shipped.ar", fig(t, "map", "ar"), map[string]int{"SY02": 4, "SY07": 3, "SY09": 2}},
		{"synthetic", syntheticMap("en"), map[string]int{"SY01": 0, "SY02": 4, "SY03": 0, "SY04": 0, "SY05": 1, "SY06": 0,
			"SY07": 3, "SY09": 2, "SY10": 0, "SY12": 1, "SY13": 0, "SY14": 0}},
	}
	for _, tc := range cases {
		for _, scale := range []float64{1, 2} {
			c, err := draw(tc.f, Options{Scale: scale})
			if err != nil {
				t.Fatal(err)
			}
			checkBoxes(t, c)
			img := c.dc.Image().(*image.RGBA)
			vs, _ := mapValues(tc.f)
			sc := scaleFor(vs)
			for _, b := range syria.Boundaries() {
				want, known := tc.want[b.PCode]
				if !known {
					want = noData
				}
				if got := c.rec.fills[b.PCode]; got != want {
					t.Errorf("%s: %s filled as class %d, want %d", tc.name, b.PCode, got, want)
				}
				pts := interiorPoints(c, b)
				if len(pts) == 0 {
					t.Errorf("%s: no point inside %s clear of labels", tc.name, b.PCode)
					continue
				}
				var px []color.RGBA
				for _, pt := range pts {
					px = append(px, img.RGBAAt(int(pt[0]*scale), int(pt[1]*scale)))
				}
				if want == noData {
					// A governorate a few pixels wide (Damascus) may hold
					// only the hatch's ground between two lines; it must
					// still be hatch, never a class colour.
					checkHatch(t, px, c.hatch(), tc.name+" "+b.PCode, len(px) >= 40)
					continue
				}
				for i, got := range px {
					if got != sc.colors[want] {
						t.Errorf("%s: %s at %v is %v, want class %d %v", tc.name, b.PCode, pts[i], got, want, sc.colors[want])
						break
					}
				}
			}
		}
	}
}

// interiorPoints are points of b's polygon, in canvas units, 2.5 units
// or more from its outline and clear of every text box (labels have
// halos): there the fill shows undisturbed.
func interiorPoints(c *canvas, b syria.Boundary) [][2]float64 {
	p := c.rec.proj
	var segs [][4]float64
	for _, poly := range b.Polygons {
		for _, ring := range poly {
			for i := 1; i < len(ring); i++ {
				ax, ay := p.xy(ring[i-1])
				bx, by := p.xy(ring[i])
				segs = append(segs, [4]float64{ax, ay, bx, by})
			}
		}
	}
	far := func(x, y float64) bool {
		for _, s := range segs {
			dx, dy := s[2]-s[0], s[3]-s[1]
			t := 0.0
			if l := dx*dx + dy*dy; l > 0 {
				t = math.Max(0, math.Min(1, ((x-s[0])*dx+(y-s[1])*dy)/l))
			}
			if math.Hypot(x-s[0]-t*dx, y-s[1]-t*dy) < 2.5 {
				return false
			}
		}
		return true
	}
	lo, hi := b.Bounds()
	x0, y1 := p.xy(lo)
	x1, y0 := p.xy(hi)
	step := math.Max(1, math.Floor((x1-x0)/60))
	var out [][2]float64
	for y := math.Floor(y0); y <= y1; y += step {
		for x := math.Floor(x0); x <= x1; x += step {
			in := func(r rect) bool { return x >= r.X0 && x <= r.X1 && y >= r.Y0 && y <= r.Y1 }
			if b.Contains(p.lonlat(x, y)) && far(x, y) &&
				!slices.ContainsFunc(c.rec.texts, func(tb textBox) bool { return in(tb.Box.inset(-8, -8)) }) &&
				!slices.ContainsFunc(c.rec.marks, in) {
				out = append(out, [2]float64{x, y})
			}
		}
	}
	return out
}

// checkHatch asserts that pixels hold both the hatch's lines and its
// ground, and nothing else (no class colour).
func checkHatch(t *testing.T, px []color.RGBA, h hatch, what string, both bool) {
	t.Helper()
	line, ground := false, false
	for _, c := range px {
		line = line || near(c, h.fg, 40)
		ground = ground || near(c, h.bg, 3)
		if !between(c, h.bg, h.fg) {
			t.Errorf("%s: pixel %v is neither hatch nor ground", what, c)
			return
		}
	}
	if both && (!line || !ground) {
		t.Errorf("%s: hatch lines %v, ground %v; want both", what, line, ground)
	}
}

func near(a, b color.RGBA, d int) bool {
	abs := func(x int) int { return max(x, -x) }
	return abs(int(a.R)-int(b.R)) <= d && abs(int(a.G)-int(b.G)) <= d && abs(int(a.B)-int(b.B)) <= d
}

// between reports whether c is a mix of a and b (grey hatch: every
// channel between theirs, within rounding).
func between(c, a, b color.RGBA) bool {
	in := func(v, x, y uint8) bool { return int(v) >= int(min(x, y))-2 && int(v) <= int(max(x, y))+2 }
	return in(c.R, a.R, b.R) && in(c.G, a.G, b.G) && in(c.B, a.B, b.B)
}

// TestTileFills checks the tile grid the same way, at a corner of each
// tile, in every size.
func TestTileFills(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		f := syntheticMap(lang)
		f.Kind = figure.TileMap
		vs, _ := mapValues(f)
		sc := scaleFor(vs)
		for _, s := range Sizes {
			c, err := draw(f, Options{Width: s.Width, Height: s.Height})
			if err != nil {
				t.Fatal(err)
			}
			checkBoxes(t, c)
			if len(c.rec.tiles) != 14 {
				t.Fatalf("%d tiles", len(c.rec.tiles))
			}
			img := c.dc.Image().(*image.RGBA)
			for _, gv := range vs {
				tile := c.rec.tiles[gv.gov.PCode]
				px, py := int(tile.X0)+3, int(tile.Y0)+3
				if !gv.v.Known {
					var corner []color.RGBA
					for y := py; y < py+12; y++ {
						for x := px; x < px+12; x++ {
							corner = append(corner, img.RGBAAt(x, y))
						}
					}
					checkHatch(t, corner, c.hatch(), lang+" "+s.Name+" "+gv.gov.PCode, true)
					continue
				}
				want := sc.colors[sc.class(gv.v.N)]
				if got := img.RGBAAt(px, py); got != want {
					t.Errorf("%s %s: tile %s is %v, want %v", lang, s.Name, gv.gov.PCode, got, want)
				}
			}
		}
	}
}

// TestMapRejects checks that a map refuses figures it cannot draw
// honestly.
func TestMapRejects(t *testing.T) {
	f := syntheticMap("en")
	f.CategoryKeys[0] = "children"
	if _, err := draw(f, Options{}); err == nil {
		t.Error("a map of categories was drawn")
	}
	f = syntheticMap("en")
	f.Series = append(f.Series, f.Series[0])
	if _, err := draw(f, Options{}); err == nil {
		t.Error("a map of two series was drawn")
	}
}
