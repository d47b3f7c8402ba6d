package syria

import (
	"encoding/json"
	"testing"
)

func TestBoundaries(t *testing.T) {
	bs := Boundaries()
	all := All()
	if len(bs) != len(all) {
		t.Fatalf("%d boundaries, want %d", len(bs), len(all))
	}
	for i, b := range bs {
		if b.PCode != all[i].PCode {
			t.Errorf("boundary %d is %s, want %s (P-code order)", i, b.PCode, all[i].PCode)
		}
		if !b.Contains(b.Interior) {
			t.Errorf("%s: interior point %v is outside", b.PCode, b.Interior)
		}
		for _, o := range bs {
			if o.PCode != b.PCode && o.Contains(b.Interior) {
				t.Errorf("%s: interior point %v is inside %s too", b.PCode, b.Interior, o.PCode)
			}
		}
		lo, hi := b.Bounds()
		if lo.Lon < 35.5 || hi.Lon > 42.5 || lo.Lat < 32.2 || hi.Lat > 37.5 {
			t.Errorf("%s: bounds %v-%v are not in Syria", b.PCode, lo, hi)
		}
		for _, p := range b.Polygons {
			for j, r := range p {
				// RFC 7946: exteriors counter-clockwise, holes clockwise.
				if a := area(r); (j == 0) != (a > 0) {
					t.Errorf("%s: ring %d has signed area %g", b.PCode, j, a)
				}
			}
		}
	}
	// Damascus is a hole of Rural Damascus: the city is not in both.
	d, rd := bs[0], bs[2]
	if rd.Contains(d.Interior) {
		t.Errorf("Rural Damascus contains Damascus' interior point")
	}
	// Callers own what they get.
	bs[0].Polygons[0][0][0] = Point{}
	if Boundaries()[0].Polygons[0][0][0] == (Point{}) {
		t.Errorf("Boundaries returns shared slices")
	}
}

func area(r Ring) float64 {
	s := 0.0
	for i := 1; i < len(r); i++ {
		s += r[i-1].Lon*r[i].Lat - r[i].Lon*r[i-1].Lat
	}
	return s / 2
}

func TestBoundariesGeoJSON(t *testing.T) {
	var fc struct {
		Type     string
		Features []struct {
			Properties map[string]string
		}
	}
	if err := json.Unmarshal(BoundariesGeoJSON(), &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 14 {
		t.Fatalf("type %q with %d features", fc.Type, len(fc.Features))
	}
	for i, f := range fc.Features {
		g := All()[i]
		want := map[string]string{"pcode": g.PCode, "name_en": g.NameEN, "name_ar": g.NameAR}
		for k, v := range want {
			if f.Properties[k] != v {
				t.Errorf("feature %d: %s = %q, want %q", i, k, f.Properties[k], v)
			}
		}
	}
}
