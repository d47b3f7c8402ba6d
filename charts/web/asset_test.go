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
	if !bytes.Contains(js, []byte("echarts")) || len(js) < 500_000 {
		t.Errorf("echarts.min.js looks wrong (%d bytes)", len(js))
	}
	for _, want := range []string{"Apache License", "Apache ECharts", "zrender/LICENSE", "d3"} {
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
	_, _, err = assetFS(fsys)
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
