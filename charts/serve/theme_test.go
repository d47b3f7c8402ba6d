package serve

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestThemeEditRebuildsItsReports: a theme file in themes/ is an input of
// the reports that name it; saving it rebuilds them and no other.
func TestThemeEditRebuildsItsReports(t *testing.T) {
	files := maps.Clone(synthetic)
	files["themes/synthetic-brand.yaml"] = "extends: default\nsizes: {title: 31}\n"
	files["reports/synthetic-a.yaml"] = strings.Replace(syntheticSpec("synthetic-a", "Synthetic report A"), "datasets:", "theme: synthetic-brand\ndatasets:", 1)
	ts := start(t, files)
	events := ts.events(t)
	saveByRename(t, filepath.Join(ts.dir, "themes", "synthetic-brand.yaml"), "extends: default\nsizes: {title: 33}\n")
	if specs := ts.nextRebuild(t); !slices.Equal(specs, []string{ts.spec("synthetic-a")}) {
		t.Errorf("rebuilt %v, want only synthetic-a", specs)
	}
	if ev := nextEvent(t, events, "reload"); !strings.Contains(ev.data, `"reports":["synthetic-a"]`) || !strings.Contains(ev.data, "/synthetic-a/en/years.svg") {
		t.Errorf("reload %s", ev.data)
	}
	// A broken theme reaches the overlay, pointed at the theme file.
	saveByRename(t, filepath.Join(ts.dir, "themes", "synthetic-brand.yaml"), "extends: default\nsize: {title: 33}\n")
	ev := nextEvent(t, events, "errors")
	if !strings.Contains(ev.data, `synthetic-brand.yaml:2:1: unknown field \"size\"`) {
		t.Errorf("errors %s", ev.data)
	}
}
