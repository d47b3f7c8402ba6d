package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOEmbedBaseURL: oEmbed responses need the address where the output is
// published. Asked for without one, the build fails at once with one
// positioned line saying how to give it, and writes nothing; a -base-url
// that is not an absolute folder URL is a usage error; with -base-url, every
// page has its response, listed in the manifest, and the default build
// of a report without a base URL writes pages without one.
func TestOEmbedBaseURL(t *testing.T) {
	dir := writeFiles(t, synthetic)
	// Pages need the npm-installed echarts of the repository.
	nm, err := filepath.Abs(filepath.Join("..", "..", "node_modules"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(nm, "echarts")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip("echarts not installed (npm ci)")
	}
	if err := os.Symlink(nm, filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	spec := filepath.Join(dir, "reports", "synthetic.yaml")
	out := filepath.Join(dir, "out")
	code, stdout, stderr := runT(t, "build", "-q", "-format", "html,oembed", "-out", out, spec)
	if code != 1 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, spec+":1:1: oembed needs the address") || !strings.Contains(stderr, "-base-url") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1 and one positioned line naming base_url and -base-url", code, stdout, stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) > 1 { // the lock file at most
		t.Errorf("wrote %d entries", len(entries))
	}
	for _, bad := range []string{"example.org/charts/", "https://example.org/charts", "ftp://example.org/", "https://example.org/?a=1"} {
		code, _, stderr = runT(t, "build", "-q", "-base-url", bad, "-out", out, spec)
		if code != exitUsage || !strings.Contains(stderr, "-base-url") || !strings.Contains(stderr, "ending in /") {
			t.Errorf("-base-url %s: exit %d, stderr %q; want a usage error saying what is allowed", bad, code, stderr)
		}
	}

	code, stdout, stderr = runT(t, "build", "-q", "-format", "html,oembed", "-base-url", "https://example.org/charts/", "-out", out, spec)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var b []byte
	b, err = os.ReadFile(filepath.Join(out, "synthetic", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Artifacts []struct{ Path, Format string }
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	pages, responses := 0, 0
	for _, a := range m.Artifacts {
		switch {
		case a.Format == "html" && strings.HasSuffix(a.Path, ".single.html"):
		case a.Format == "html" && strings.Contains(a.Path, "/"):
			pages++
			page, err := os.ReadFile(filepath.Join(out, "synthetic", a.Path))
			if err != nil {
				t.Fatal(err)
			}
			want := `href="https://example.org/charts/synthetic/` + strings.TrimSuffix(a.Path, ".html") + `.oembed.json"`
			if !strings.Contains(string(page), want) {
				t.Errorf("%s has no discovery link %s", a.Path, want)
			}
		case a.Format == "oembed":
			responses++
			if !strings.Contains(stdout, a.Path) {
				t.Errorf("%s is in the manifest but was not written", a.Path)
			}
		}
	}
	if pages == 0 || responses != pages {
		t.Errorf("%d pages, %d oEmbed responses; want one each", pages, responses)
	}

	out2 := filepath.Join(dir, "out2")
	if code, stdout, stderr = runT(t, "build", "-q", "-format", "html", "-out", out2, spec); code != 0 || strings.Contains(stdout, "oembed") {
		t.Errorf("build without a base URL: exit %d, stdout %q, stderr %q; want pages without oEmbed", code, stdout, stderr)
	}
}
