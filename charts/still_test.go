package charts

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var stillSrc = regexp.MustCompile(`<img class="tc-fallback" src="data:image/png;base64,([A-Za-z0-9+/=]+)"`)

// TestPageCarriesItsStill: a chart page carries its still image, the very
// bytes of the landscape PNG written beside it, in a full build and in
// rebuilds that render only the pages or only the PNGs.
func TestPageCarriesItsStill(t *testing.T) {
	spec := syntheticProject(t)
	out := filepath.Join(t.TempDir(), "out")
	check := func(when string) {
		t.Helper()
		pages, _ := filepath.Glob(filepath.Join(out, "synthetic", "*", "*.html"))
		n := 0
		for _, p := range pages {
			if strings.HasSuffix(p, ".single.html") || filepath.Base(p) == "index.html" {
				continue
			}
			page, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(page, []byte(`class="tc-chart`)) {
				continue // a page of headline numbers: no chart, no still
			}
			m := stillSrc.FindSubmatch(page)
			if m == nil {
				t.Errorf("%s: %s carries no still image", when, p)
				continue
			}
			img, err := base64.StdEncoding.DecodeString(string(m[1]))
			if err != nil {
				t.Fatal(err)
			}
			png, err := os.ReadFile(strings.TrimSuffix(p, ".html") + ".png")
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(img, png) {
				t.Errorf("%s: the still image in %s is not the PNG beside it", when, p)
			}
			n++
		}
		if n == 0 {
			t.Fatalf("%s: no chart page built", when)
		}
	}
	build := func() {
		t.Helper()
		if _, err := Build(t.Context(), Options{Reports: []string{spec}, Root: "..", Out: out, Formats: []string{"png", "html"}, Jobs: 2}); err != nil {
			t.Fatal(err)
		}
	}
	remove := func(pattern string) {
		t.Helper()
		files, _ := filepath.Glob(filepath.Join(out, "synthetic", "*", pattern))
		for _, f := range files {
			if err := os.Remove(f); err != nil {
				t.Fatal(err)
			}
		}
	}
	build()
	check("full build")
	remove("*.html")
	build()
	check("pages rebuilt")
	remove("*.png")
	build()
	check("PNGs rebuilt")
}
