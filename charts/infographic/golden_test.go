package infographic

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot/cmpimg"
)

// goldenSizes are the sizes with golden images: the widest and the
// tallest layout. Every size is checked for geometry in TestLayout.
var goldenSizes = []Size{Sizes[0], Sizes[3]}

// TestGolden renders each kind in landscape and story, English and
// Arabic, and compares it with testdata/<kind>.<lang><suffix>.png within a
// perceptual tolerance. Regenerate with UPDATE_GOLDEN=1 go test
// ./charts/infographic/ -run Golden, then look at every image. On a
// mismatch the test writes <case>.got.png and <case>.diff.got.png beside
// the golden file (git-ignored).
func TestGolden(t *testing.T) {
	update := goldenUpdate()
	for _, id := range []string{"stat", "pictogram", "map", "timeline"} {
		for _, lang := range []string{"en", "ar"} {
			for _, s := range goldenSizes {
				name := id + "." + lang + s.Suffix
				t.Run(name, func(t *testing.T) {
					var got bytes.Buffer
					if err := Render(&got, fig(t, id, lang), Options{Width: s.Width, Height: s.Height}); err != nil {
						t.Fatal(err)
					}
					compareGolden(t, name, got.Bytes(), update)
				})
			}
		}
	}
}

func goldenUpdate() bool { return os.Getenv("UPDATE_GOLDEN") != "" }

func compareGolden(t *testing.T, name string, got []byte, update bool) {
	t.Helper()
	golden := filepath.Join("testdata", name+".png")
	if update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	ok, err := cmpimg.EqualApprox("png", got, want, 0.05)
	if err != nil {
		t.Fatal(err)
	}
	if ok {
		return
	}
	gotPath := filepath.Join("testdata", name+".got.png")
	diffPath := filepath.Join("testdata", name+".diff.got.png")
	_ = os.WriteFile(gotPath, got, 0o644)
	gi, err1 := png.Decode(bytes.NewReader(got))
	wi, err2 := png.Decode(bytes.NewReader(want))
	if err1 == nil && err2 == nil {
		diff := image.NewRGBA(gi.Bounds().Union(wi.Bounds()))
		cmpimg.Diff(diff, gi, wi)
		var buf bytes.Buffer
		if png.Encode(&buf, diff) == nil {
			_ = os.WriteFile(diffPath, buf.Bytes(), 0o644)
		}
	}
	t.Errorf("%s differs from %s: see %s and %s", name, golden, gotPath, diffPath)
}
