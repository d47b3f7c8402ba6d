package web

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// repoRoot is the repository root seen from this package.
var repoRoot = filepath.Join("..", "..")

// echartsJS returns the installed echarts library, skipping the test when it
// is not installed (failing under CI).
func echartsJS(t *testing.T) []byte {
	t.Helper()
	js, _, err := Asset(repoRoot)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	return js
}

func TestAsset(t *testing.T) {
	js, lic, err := Asset(repoRoot)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	if !bytes.Contains(js, []byte("echarts")) || len(js) < 200_000 || len(js) > 900_000 {
		t.Errorf("the echarts bundle looks wrong (%d bytes)", len(js))
	}
	for _, want := range []string{"Apache License", "Apache ECharts", "zrender/LICENSE", "d3", "tslib/LICENSE.txt"} {
		if !bytes.Contains(lic, []byte(want)) {
			t.Errorf("licence text lacks %q", want)
		}
	}
	if _, err := inlineJS(js); err != nil {
		t.Errorf("echarts %s cannot be inlined: %v", EChartsVersion, err)
	}
}

func TestAssetMissing(t *testing.T) {
	_, _, err := Asset(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "npm ci") {
		t.Errorf("error %v does not name the step to run", err)
	}
	fsys := fstest.MapFS{"node_modules/echarts/package.json": {Data: []byte(`{"version":"5.5.0"}`)}}
	err = checkVersion(fsys)
	if err == nil || !strings.Contains(err.Error(), "want "+EChartsVersion) || !strings.Contains(err.Error(), "npm ci") {
		t.Errorf("wrong version: error %v", err)
	}
}

// The root package.json pins the version this package expects.
func TestPackageJSONPin(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"echarts": "`+EChartsVersion+`"`)) {
		t.Errorf("package.json does not pin echarts %s exactly", EChartsVersion)
	}
}

// Every option a page can hold is drawn by the bundle: checkBundled passes
// for a figure of every kind in both languages (Render refuses otherwise),
// and refuses what the bundle lacks.
func TestBundleCovers(t *testing.T) {
	for _, kind := range Kinds {
		for _, lang := range []string{"en", "ar"} {
			var b bytes.Buffer
			if err := Render(&b, testFigure(kind, lang), Options{}); err != nil {
				t.Errorf("%s %s: %v", kind, lang, err)
			}
		}
	}
	for _, used := range bundleUsed() {
		found := false
		for _, mod := range bundledBy {
			found = found || mod == used
		}
		if !found && used != "CanvasRenderer" {
			t.Errorf("bundleEntry registers %s, which bundledBy does not name", used)
		}
	}
	for _, bad := range []map[string]any{
		{"dataZoom": []any{}},
		{"series": []any{map[string]any{"type": "scatter"}}},
		{"series": []any{map[string]any{"type": "line", "markLine": map[string]any{}}}},
	} {
		if err := checkBundled(bad); err == nil || !strings.Contains(err.Error(), "does not register") {
			t.Errorf("%v: error %v", bad, err)
		}
	}
}

// The bundle is the same bytes every time it is made.
func TestBundleDeterministic(t *testing.T) {
	a := echartsJS(t)
	b, _, err := bundle(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two builds of the echarts bundle differ")
	}
}
