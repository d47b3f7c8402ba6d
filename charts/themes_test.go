package charts

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-fonts/dejavu/dejavusansbold"

	"github.com/tollcharts/tollcharts/charts/internal/themetest"
)

// themedProject is the synthetic project with the synthetic theme in its
// themes/ folder, named by the spec; it returns the spec path.
func themedProject(t *testing.T) string {
	t.Helper()
	spec := syntheticProject(t)
	if err := themetest.Write(filepath.Join(filepath.Dir(spec), "..", "themes")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(spec)
	s := strings.Replace(string(b), "datasets:", "theme: "+themetest.Name+"\ndatasets:", 1)
	if err := os.WriteFile(spec, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return spec
}

func buildFormats(t *testing.T, spec, out string, formats ...string) ([]string, error) {
	t.Helper()
	res, err := Build(t.Context(), Options{Reports: []string{spec}, Out: out, Formats: formats, Jobs: 2})
	if res == nil {
		t.Fatalf("Build returned no result (%v)", err)
	}
	return res.Written, err
}

// TestThemeIsAnInput: the theme file, its fonts and its logo are inputs
// of every file drawn with them: listed in the manifest with their
// hashes, a rebuild with nothing changed writes nothing, and a change to
// any of them draws the charts again.
func TestThemeIsAnInput(t *testing.T) {
	spec := themedProject(t)
	themes := filepath.Join(filepath.Dir(spec), "..", "themes")
	out := filepath.Join(t.TempDir(), "out")
	if _, err := buildFormats(t, spec, out, "svg", "png"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "synthetic", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, in := range m.Inputs {
		if in.Kind == "theme" || in.Kind == "font" || in.Kind == "logo" {
			rel, _ := filepath.Rel(themes, filepath.FromSlash(in.Path))
			kinds = append(kinds, in.Kind+" "+filepath.ToSlash(rel))
			if len(in.SHA256) != 64 {
				t.Errorf("%s has no hash", in.Path)
			}
		}
	}
	want := []string{"font fonts/DejaVuSerif-Bold.ttf", "font fonts/DejaVuSerif.ttf", "logo synthetic-logo.png", "theme synthetic-brand.yaml"}
	if slices.Sort(kinds); !slices.Equal(kinds, want) {
		t.Errorf("manifest inputs %v, want %v", kinds, want)
	}
	svg, _ := os.ReadFile(filepath.Join(out, "synthetic", "en", "years.svg"))
	if !bytes.Contains(svg, []byte("data:image/png;base64,")) {
		t.Error("the SVG has no logo")
	}
	pngBytes, _ := os.ReadFile(filepath.Join(out, "synthetic", "ar", "years.png"))
	img, err := png.Decode(bytes.NewReader(pngBytes))
	if err != nil {
		t.Fatal(err)
	}
	if c := img.At(1200-50, 675-30); !near(c, 0x2b, 0x4c, 0x7e) {
		t.Errorf("Arabic PNG: %v at the bottom right, want the synthetic logo", c)
	}

	if w, err := buildFormats(t, spec, out, "svg", "png"); err != nil || len(w) != 0 {
		t.Fatalf("no-op rebuild wrote %v (%v)", w, err)
	}
	edit := func(what, name string, change func([]byte) []byte) {
		t.Helper()
		p := filepath.Join(themes, filepath.FromSlash(name))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, change(b), 0o644); err != nil {
			t.Fatal(err)
		}
		w, err := buildFormats(t, spec, out, "svg", "png")
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		got := strings.Join(w, "\n")
		for _, f := range []string{filepath.Join("en", "years.svg"), filepath.Join("ar", "years@2x.png"), "manifest.json"} {
			if !strings.Contains(got, f) {
				t.Errorf("after a change to the %s, %s was not written; wrote:\n%s", what, f, got)
			}
		}
		if w, err := buildFormats(t, spec, out, "svg", "png"); err != nil || len(w) != 0 {
			t.Errorf("after a change to the %s, a second rebuild wrote %v (%v)", what, w, err)
		}
	}
	edit("theme file", themetest.Name+".yaml", func(b []byte) []byte {
		return bytes.Replace(b, []byte("title: 28"), []byte("title: 29"), 1)
	})
	edit("bold font", "fonts/DejaVuSerif-Bold.ttf", func([]byte) []byte { return dejavusansbold.TTF })
	edit("logo", "synthetic-logo.png", func([]byte) []byte {
		var buf bytes.Buffer
		png.Encode(&buf, image.NewNRGBA(image.Rect(0, 0, 120, 40))) // transparent
		return buf.Bytes()
	})

	// A broken theme: the error names the theme file, nothing is written.
	before := files(t, out)
	os.Remove(filepath.Join(themes, "fonts", "DejaVuSerif.ttf"))
	w, err := buildFormats(t, spec, out, "svg", "png")
	wantErr := filepath.Join(themes, themetest.Name+".yaml") + `:15:13: fonts.regular: font file "fonts/DejaVuSerif.ttf": not found at ` +
		filepath.Join(themes, "fonts", "DejaVuSerif.ttf") + "; want a TrueType (.ttf) or OpenType (.otf) font, its path relative to the theme file"
	if err == nil || err.Error() != wantErr {
		t.Errorf("got error\n%v\nwant\n%s", err, wantErr)
	}
	if len(w) != 0 || !slices.Equal(files(t, out), before) {
		t.Errorf("a build with a broken theme wrote %v", w)
	}
}

func near(c interface{ RGBA() (r, g, b, a uint32) }, r, g, b uint8) bool {
	cr, cg, cb, _ := c.RGBA()
	d := func(x uint32, y uint8) bool { return int(x>>8)-int(y) < 3 && int(y)-int(x>>8) < 3 }
	return d(cr, r) && d(cg, g) && d(cb, b)
}

// TestThemeResolution: a spec's theme is a built-in one or a file in the
// project's themes/ folder; anything else is an error at the spec's
// theme key that lists both kinds, and a theme's errors are reported once
// however many reports use it.
func TestThemeResolution(t *testing.T) {
	spec := themedProject(t)
	dir := filepath.Dir(spec)
	themes := filepath.Join(dir, "..", "themes")
	set := func(name string) {
		b, _ := os.ReadFile(spec)
		lines := strings.Split(string(b), "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "theme:") {
				lines[i] = "theme: " + name
			}
		}
		os.WriteFile(spec, []byte(strings.Join(lines, "\n")), 0o644)
	}
	check := func(want string) {
		t.Helper()
		_, err := Load([]string{spec}, nil)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	}
	check("")
	set("neon")
	check(spec + `:3:8: theme "neon" is not known; want one of: default, dark (built in), synthetic-brand (files in ` + themes + ")")
	set("Brand")
	check(spec + `:3:8: theme "Brand" is not a theme name; want one of: default, dark (built in), synthetic-brand (files in ` + themes + ")")
	os.WriteFile(filepath.Join(themes, "dark.yaml"), []byte("extends: dark\n"), 0o644)
	set("dark")
	check(spec + `:3:8: theme "dark" is built in, and ` + filepath.Join(themes, "dark.yaml") + ` would shadow it; rename that file and name it here`)
	os.Remove(filepath.Join(themes, "dark.yaml"))
	check("")

	// Two reports, one broken theme: its error once.
	os.WriteFile(filepath.Join(themes, "broken.yaml"), []byte("extends: default\ncolour: {text: \"#000000\"}\n"), 0o644)
	set("broken")
	b, _ := os.ReadFile(spec)
	other := filepath.Join(dir, "other.yaml")
	os.WriteFile(other, bytes.Replace(b, []byte("id: synthetic"), []byte("id: other"), 1), 0o644)
	_, err := Load([]string{spec, other}, nil)
	want := filepath.Join(themes, "broken.yaml") + `:2:1: unknown field "colour"; want one of: colours, extends, fonts, logo, palette, sizes`
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}

	// No theme files at all.
	os.RemoveAll(themes)
	set("neon")
	check(spec + `:3:8: theme "neon" is not known; want one of: default, dark (built in), or a theme file ` + filepath.Join(themes, "<name>.yaml"))
}

// TestThemeFiles lists what a watcher must watch, found or not.
func TestThemeFiles(t *testing.T) {
	spec := themedProject(t)
	themes := filepath.Join(filepath.Dir(spec), "..", "themes")
	got := ThemeFiles(spec, themetest.Name)
	var rel []string
	for _, p := range got {
		r, _ := filepath.Rel(themes, p)
		rel = append(rel, filepath.ToSlash(r))
	}
	want := []string{"synthetic-brand.yaml", "fonts/DejaVuSerif.ttf", "fonts/DejaVuSerif-Bold.ttf", "synthetic-logo.png"}
	if !slices.Equal(rel, want) {
		t.Errorf("ThemeFiles = %v, want %v", rel, want)
	}
	os.Remove(filepath.Join(themes, "synthetic-logo.png"))
	if got := ThemeFiles(spec, themetest.Name); len(got) != 4 {
		t.Errorf("a missing logo is not listed: %v", got)
	}
	if got := ThemeFiles(spec, "dark"); got != nil {
		t.Errorf("built-in theme: %v", got)
	}
	if got := ThemeFiles(spec, "neon"); len(got) != 1 || got[0] != filepath.Join(themes, "neon.yaml") {
		t.Errorf("missing theme: %v, want its file, to see it appear", got)
	}
}
