package infographic

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/tollcharts/tollcharts/charts/dataset"
	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/spec"
)

// shipped builds the figures of testdata/infographics.yaml (a test spec
// over the shipped datasets) through figure.Build, keyed "id.lang".
var shipped = sync.OnceValues(func() (map[string]*figure.Figure, error) {
	r, err := spec.Load(filepath.Join("testdata", "infographics.yaml"))
	if err != nil {
		return nil, err
	}
	out := map[string]*figure.Figure{}
	for i := range r.Charts {
		c := &r.Charts[i]
		t, err := dataset.Load(r.DatasetPaths[c.Data.Value])
		if err != nil {
			return nil, err
		}
		for _, lang := range []string{"en", "ar"} {
			f, err := figure.Build(r, c, t, lang)
			if err != nil {
				return nil, err
			}
			out[c.ID.Value+"."+lang] = f
		}
	}
	return out, nil
})

func fig(t *testing.T, id, lang string) *figure.Figure {
	t.Helper()
	figs, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	f, ok := figs[id+"."+lang]
	if !ok {
		t.Fatalf("no figure %s.%s", id, lang)
	}
	return f
}

// TestPreview writes every kind in every size and language to the folder
// named by INFOGRAPHIC_PREVIEW, for a person to look at.
func TestPreview(t *testing.T) {
	dir := os.Getenv("INFOGRAPHIC_PREVIEW")
	if dir == "" {
		t.Skip("set INFOGRAPHIC_PREVIEW=DIR to write previews")
	}
	for _, id := range []string{"stat", "pictogram", "map", "timeline"} {
		for _, lang := range []string{"en", "ar"} {
			for _, s := range Sizes {
				var buf bytes.Buffer
				if err := Render(&buf, fig(t, id, lang), Options{Width: s.Width, Height: s.Height}); err != nil {
					t.Errorf("%s %s %s: %v", id, lang, s.Name, err)
					continue
				}
				os.WriteFile(filepath.Join(dir, id+"."+lang+s.Suffix+".png"), buf.Bytes(), 0o644)
			}
		}
	}
}
