package serve

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// linkNodeModules links the project's node_modules (echarts, which make
// installs) into a test project, for builds that write HTML.
func linkNodeModules(t testing.TB) func(dir string) {
	t.Helper()
	mods, err := filepath.Abs(filepath.Join("..", "..", "node_modules"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(mods, "echarts")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("echarts is not installed; run make first")
		}
		t.Skip("echarts is not installed; run make first")
	}
	return func(dir string) {
		if err := os.Symlink(mods, filepath.Join(dir, "node_modules")); err != nil {
			t.Fatal(err)
		}
	}
}

// An edit reloads the pages as soon as the HTML is built, then again when
// the images are: the reader sees the change without waiting for them.
func TestPagesFirstThenImages(t *testing.T) {
	ts := startWith(t, synthetic, Config{Formats: []string{"html", "svg"}}, linkNodeModules(t))
	events := ts.events(t)
	// Edit a chart's title: its page and its image change.
	saveByRename(t, ts.spec("synthetic-a"), strings.Replace(syntheticSpec("synthetic-a", "Synthetic report A"), "Synthetic years", "Synthetic years edited", 1))
	defer func() {
		if t.Failed() {
			t.Log(ts.stderr.String())
		}
	}()
	paths := func() string {
		var r reloadEvent
		if err := json.Unmarshal([]byte(nextEvent(t, events, "reload").data), &r); err != nil {
			t.Fatal(err)
		}
		return strings.Join(r.Paths, " ")
	}
	if p := paths(); !strings.Contains(p, "/synthetic-a/en/years.html") || strings.Contains(p, ".svg") {
		t.Errorf("first reload %s: want the page, no images yet", p)
	}
	if p := paths(); !strings.Contains(p, "/synthetic-a/en/years.svg") || strings.Contains(p, ".html") {
		t.Errorf("second reload %s: want the images", p)
	}
}
