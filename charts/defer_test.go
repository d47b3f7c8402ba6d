package charts

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A build with Defer renders the other formats and leaves the deferred
// ones as the last build wrote them, listed under their old keys; the
// next full build renders them.
func TestDeferLeavesFormatsAsTheyWere(t *testing.T) {
	spec := syntheticProject(t)
	out := filepath.Join(t.TempDir(), "out")
	build := func(deferred ...string) []string {
		t.Helper()
		res, err := Build(context.Background(), Options{Reports: []string{spec}, Out: out, Formats: []string{"svg", "pdf"}, Jobs: 2, Defer: deferred})
		if err != nil {
			t.Fatal(err)
		}
		var rel []string
		for _, p := range res.Written {
			r, _ := filepath.Rel(out, p)
			rel = append(rel, filepath.ToSlash(r))
		}
		return rel
	}
	build()
	svg := filepath.Join(out, "synthetic", "en", "years.svg")
	before, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	manifest := func() map[string]Artifact {
		b, err := os.ReadFile(filepath.Join(out, "synthetic", "manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		var m Manifest
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		by := map[string]Artifact{}
		for _, a := range m.Artifacts {
			by[a.Path] = a
		}
		return by
	}
	old := manifest()

	// Edit the chart's title; build the PDFs only, deferring the SVGs.
	b, _ := os.ReadFile(spec)
	if err := os.WriteFile(spec, bytes.Replace(b, []byte("Synthetic years,"), []byte("Synthetic years edited,"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	written := build("svg")
	for _, p := range written {
		if strings.HasSuffix(p, ".svg") {
			t.Errorf("a deferred SVG was written: %s", p)
		}
	}
	if !slices.Contains(written, "synthetic/en/years.pdf") {
		t.Errorf("the PDF was not rendered again: %q", written)
	}
	if after, _ := os.ReadFile(svg); !bytes.Equal(after, before) {
		t.Error("the deferred SVG changed on disk")
	}
	if a := manifest()["en/years.svg"]; a.Key != old["en/years.svg"].Key || a.SHA256 != old["en/years.svg"].SHA256 {
		t.Errorf("the deferred SVG's entry changed: %+v", a)
	}

	// The full build renders the SVGs with the new title.
	written = build()
	if !slices.Contains(written, "synthetic/en/years.svg") { // only the English title changed
		t.Errorf("the full build did not render the SVGs: %q", written)
	}
	if after, _ := os.ReadFile(svg); !bytes.Contains(after, []byte("Synthetic years edited")) {
		t.Error("the SVG does not have the new title")
	}
	if again := build(); len(again) != 0 {
		t.Errorf("a rebuild with nothing changed wrote %q", again)
	}
}
