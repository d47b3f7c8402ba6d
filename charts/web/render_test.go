package web

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/theme"
)

var langs = []string{"en", "ar"}

// golden compares got with testdata/name; UPDATE_GOLDEN=1 rewrites it. On a
// mismatch the output goes to .golden-diff/ (ignored by git) for a person
// to look at.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: run UPDATE_GOLDEN=1 go test ./charts/web/ to create it", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	line := 0
	for line < len(gl) && line < len(wl) && gl[line] == wl[line] {
		line++
	}
	diff := filepath.Join(".golden-diff", name)
	if err := os.MkdirAll(filepath.Dir(diff), 0o755); err == nil {
		_ = os.WriteFile(diff, got, 0o644)
	}
	var g, w string
	if line < len(gl) {
		g = short(gl[line])
	}
	if line < len(wl) {
		w = short(wl[line])
	}
	t.Errorf("%s differs from the golden file at line %d:\n got: %s\nwant: %s\n(output written to %s; UPDATE_GOLDEN=1 accepts it)", name, line+1, g, w, diff)
}

func render(t *testing.T, fig *figure.Figure, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, fig, o); err != nil {
		t.Fatalf("Render %s/%s: %v", fig.ID, fig.Locale.Lang, err)
	}
	return b.Bytes()
}

func TestGoldenPages(t *testing.T) {
	for _, k := range Kinds {
		for _, lang := range langs {
			f := testFigure(k, lang)
			golden(t, fmt.Sprintf("%s-%s.html", k, lang), render(t, f, Options{CSVHref: f.ID + ".csv"}))
		}
	}
}

func TestGoldenSnippet(t *testing.T) {
	for _, lang := range langs {
		var b bytes.Buffer
		if err := Snippet(&b, testFigure(figure.Grouped, lang), Options{CSVHref: "grouped.csv"}); err != nil {
			t.Fatal(err)
		}
		golden(t, "snippet-grouped-"+lang+".html", b.Bytes())
	}
}

func TestDeterministic(t *testing.T) {
	for _, k := range Kinds {
		for _, lang := range langs {
			a := render(t, testFigure(k, lang), Options{})
			b := render(t, testFigure(k, lang), Options{})
			if !bytes.Equal(a, b) {
				t.Errorf("%s/%s: two renders differ", k, lang)
			}
			var s1, s2 bytes.Buffer
			_ = Snippet(&s1, testFigure(k, lang), Options{})
			_ = Snippet(&s2, testFigure(k, lang), Options{})
			if !bytes.Equal(s1.Bytes(), s2.Bytes()) {
				t.Errorf("%s/%s: two snippets differ", k, lang)
			}
		}
	}
}

func TestChartID(t *testing.T) {
	a := ChartID("anniversary-2025", "deaths-by-year", "ar")
	if a != ChartID("anniversary-2025", "deaths-by-year", "ar") {
		t.Fatal("ChartID is not stable")
	}
	if !regexp.MustCompile(`^tc_[a-z0-9_]+_[0-9a-f]{8}$`).MatchString(a) {
		t.Errorf("ChartID %q is not an identifier of the documented form", a)
	}
	seen := map[string]string{}
	for _, in := range [][3]string{{"r", "a-b", "en"}, {"r", "a_b", "en"}, {"r", "a-b", "ar"}, {"r-a", "b", "en"}, {"</script>", "\"'", "en"}} {
		id := ChartID(in[0], in[1], in[2])
		if prev, ok := seen[id]; ok {
			t.Errorf("ChartID collision: %v and %s both give %s", in, prev, id)
		}
		seen[id] = fmt.Sprint(in)
		if !regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`).MatchString(id) {
			t.Errorf("ChartID(%v) = %q: not a JavaScript identifier", in, id)
		}
	}
}

// pageConfig extracts and decodes the chart's JSON from a page.
func pageConfig(t *testing.T, page []byte, id string) (chartConfig, map[string]any) {
	t.Helper()
	start := `<script type="application/json" id="` + id + `-config">`
	i := bytes.Index(page, []byte(start))
	if i < 0 {
		t.Fatalf("no config block for %s", id)
	}
	rest := page[i+len(start):]
	j := bytes.Index(rest, []byte("</script>"))
	var cfg chartConfig
	if err := json.Unmarshal(rest[:j], &cfg); err != nil {
		t.Fatalf("config of %s: %v", id, err)
	}
	var opt map[string]any
	if len(cfg.Option) > 0 {
		if err := json.Unmarshal(cfg.Option, &opt); err != nil {
			t.Fatalf("option of %s: %v", id, err)
		}
	}
	return cfg, opt
}

// wantData is what a series must draw: the count, or "-" when unknown.
func wantData(s figure.Series) []any {
	out := make([]any, len(s.Values))
	for i, v := range s.Values {
		if v.Known {
			out[i] = float64(v.N)
		} else {
			out[i] = "-"
		}
	}
	return out
}

func axis(opt map[string]any, name string) map[string]any {
	return opt[name].([]any)[0].(map[string]any)
}

func TestOptionData(t *testing.T) {
	for _, k := range Kinds {
		if formOf(k) != formChart {
			continue
		}
		for _, lang := range langs {
			f := testFigure(k, lang)
			id := ChartID(f.Report, f.ID, lang)
			cfg, opt := pageConfig(t, render(t, f, Options{}), id)
			series := opt["series"].([]any)
			if len(series) != len(f.Series) {
				t.Fatalf("%s/%s: %d series, want %d", k, lang, len(series), len(f.Series))
			}
			for drawn, s := range series {
				sm := s.(map[string]any)
				var fs figure.Series
				for _, x := range f.Series {
					if x.Key == sm["id"] {
						fs = x
					}
				}
				if fs.Key == "" {
					t.Fatalf("%s/%s: series id %v not in the figure", k, lang, sm["id"])
				}
				if fmt.Sprint(sm["data"]) != fmt.Sprint(wantData(fs)) {
					t.Errorf("%s/%s series %s: data %v, want %v", k, lang, fs.Key, sm["data"], wantData(fs))
				}
				for i, v := range fs.Values {
					want := ""
					if v.Known {
						want = v.Label
					}
					if cfg.Labels[drawn][i] != want {
						t.Errorf("%s/%s series %s[%d]: label %q, want %q", k, lang, fs.Key, i, cfg.Labels[drawn][i], want)
					}
				}
			}
			cat, val := axis(opt, "xAxis"), axis(opt, "yAxis")
			if k == figure.Bar {
				cat, val = val, cat
			}
			var got []string
			for _, c := range cat["data"].([]any) {
				got = append(got, stripIsolates(c.(string)))
			}
			if strings.Join(got, "|") != strings.Join(f.Categories, "|") {
				t.Errorf("%s/%s: categories %q, want %q", k, lang, got, f.Categories)
			}
			wantInverse := f.MirrorCategories() || k == figure.Bar
			if cat["inverse"] != wantInverse {
				t.Errorf("%s/%s: category axis inverse = %v, want %v", k, lang, cat["inverse"], wantInverse)
			}
			rtl := lang == "ar"
			if k == figure.Bar {
				if val["inverse"] != rtl {
					t.Errorf("%s/%s: value axis inverse = %v, want %v (bars grow leftwards in Arabic)", k, lang, val["inverse"], rtl)
				}
				if (cat["position"] == "right") != rtl {
					t.Errorf("%s/%s: category axis at %v", k, lang, cat["position"])
				}
			} else if (val["position"] == "right") != rtl {
				t.Errorf("%s/%s: value axis at %v", k, lang, val["position"])
			}
			if k != figure.Bar && f.TimeAxis && !f.MirrorTime && rtl && cat["inverse"] == true {
				t.Errorf("%s/%s: time axis mirrored without MirrorTime", k, lang)
			}
			leg := opt["legend"].(map[string]any)
			if len(f.Series) > 1 && k != figure.Multiples && (leg["right"] != nil) != rtl {
				t.Errorf("%s/%s: legend %v", k, lang, leg)
			}
			aria := opt["aria"].(map[string]any)
			if aria["enabled"] != true || aria["label"].(map[string]any)["description"] != f.Alt || aria["decal"] == nil {
				t.Errorf("%s/%s: aria %v", k, lang, aria)
			}
		}
	}
}

// A grouped figure on a mirrored axis draws its series last first, and
// keeps each series' colour.
func TestDrawOrderRTL(t *testing.T) {
	f := testFigure(figure.Grouped, "ar")
	f.TimeAxis = false
	if got := drawOrder(f); fmt.Sprint(got) != "[2 1 0]" {
		t.Fatalf("drawOrder = %v, want [2 1 0]", got)
	}
	cfg, opt := pageConfig(t, render(t, f, Options{}), ChartID(f.Report, f.ID, "ar"))
	colors := opt["color"].([]any)
	for drawn, s := range opt["series"].([]any) {
		key := s.(map[string]any)["id"]
		fi := map[any]int{"children": 0, "women": 1, "other_adults": 2}[key]
		if colors[drawn] != paletteLight[fi] || cfg.DarkColor[drawn] != paletteDark[fi] {
			t.Errorf("series %v drawn %d has colour %v/%v, want %v/%v", key, drawn, colors[drawn], cfg.DarkColor[drawn], paletteLight[fi], paletteDark[fi])
		}
	}
	if !cfg.Reversed {
		t.Error("config does not say the series are reversed")
	}
	if drawOrder(testFigure(figure.Grouped, "en"))[0] != 0 || drawOrder(testFigure(figure.Stacked, "ar"))[0] != 0 {
		t.Error("only mirrored side-by-side columns are reversed")
	}
}

func TestTableAndText(t *testing.T) {
	f := testFigure(figure.Bar, "ar")
	page := string(render(t, f, Options{CSVHref: "bar.csv"}))
	for _, want := range []string{
		`<html lang="ar" dir="rtl">`,
		`role="img" aria-label="` + f.Alt + `"`,
		`<details class="tc-data"`,
		`<td>٦٬٩٩٣</td>`,
		`<td class="tc-nodata">لا توجد بيانات</td>`,
		`<td>٠</td>`,
		`<a href="bar.csv" download>`,
		` data-tc-lib="../assets/echarts.min.js"`,
		`<p class="tc-source">` + f.Source + `</p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("Arabic bar page lacks %s", want)
		}
	}
	en := string(render(t, testFigure(figure.Column, "en"), Options{}))
	if !strings.Contains(en, `<html lang="en" dir="ltr">`) || strings.Contains(en, "download>") {
		t.Error("English page: wrong html element, or a CSV link without CSVHref")
	}
	tbl := string(render(t, testFigure(figure.Map, "ar"), Options{}))
	if !strings.Contains(tbl, "echarts.min.js") || !strings.Contains(tbl, `class="tc-chart tc-map"`) || !strings.Contains(tbl, `-data" open>`) {
		t.Error("map page: does not load echarts, has no map, or hides its table")
	}
	stat := string(render(t, testFigure(figure.Stat, "en"), Options{}))
	if strings.Contains(stat, "echarts.min.js") || !strings.Contains(stat, `<span class="tc-stat-n"><bdi>230,224</bdi></span>`) {
		t.Error("stat page loads echarts or lacks its numbers")
	}
}

func TestScriptOptions(t *testing.T) {
	f := testFigure(figure.Line, "en")
	page := string(render(t, f, Options{AssetsURL: "../../shared/assets"}))
	if !strings.Contains(page, ` data-tc-lib="../../shared/assets/echarts.min.js"`) {
		t.Error("AssetsURL not used")
	}
	page = string(render(t, f, Options{Inline: []byte("window.echarts={init:function(){}};")}))
	if strings.Contains(page, ` data-tc-lib="`) || strings.Contains(page, ` data-tc-loading="`) || !strings.Contains(page, "<script>window.echarts={init:function(){}};</script>") {
		t.Error("Inline not inlined")
	}
	page = string(render(t, f, Options{CDN: "https://cdn.example.org/echarts@5.4.3/dist/echarts.min.js"}))
	if !strings.Contains(page, ` data-tc-lib="https://cdn.example.org/echarts@5.4.3/dist/echarts.min.js"`) {
		t.Error("CDN not used")
	}
	if strings.Contains(string(render(t, f, Options{})), "://") {
		t.Error("a default page names a remote host")
	}
	for _, o := range []Options{
		{AssetsURL: "https://cdn.example.org/"},
		{AssetsURL: "//cdn.example.org/"},
		{AssetsURL: "javascript:alert(1)//"},
		{CDN: "http://cdn.example.org/echarts.min.js"},
		{CDN: "javascript:alert(1)"},
		{CDN: "https://cdn.example.org/e.js", Inline: []byte("x")},
		{Inline: []byte("var s = '</script><script>alert(1)';")},
		{Inline: []byte("a <!-- b")},
		{CSVHref: "javascript:alert(1)"},
		{CSVHref: "JaVaScRiPt:alert(1)"},
		{CSVHref: "java\tscript:alert(1)"},
		{CSVHref: "data:text/html,<script>alert(1)</script>"},
		{CSVHref: " javascript:alert(1)"},
	} {
		if err := Render(&bytes.Buffer{}, f, o); err == nil {
			t.Errorf("Render accepted %+v", o)
		}
	}
}

func TestBadFigures(t *testing.T) {
	for name, change := range map[string]func(f *figure.Figure){
		"kind":          func(f *figure.Figure) { f.Kind = "pie" },
		"lang":          func(f *figure.Figure) { f.Locale.Lang = "fr" },
		"values":        func(f *figure.Figure) { f.Series[0].Values = f.Series[0].Values[:2] },
		"no label":      func(f *figure.Figure) { f.Series[0].Values[0].Label = "" },
		"no categories": func(f *figure.Figure) { f.Categories, f.CategoryKeys = nil, nil },
		"keys":          func(f *figure.Figure) { f.CategoryKeys = f.CategoryKeys[:1] },
	} {
		f := testFigure(figure.Column, "en")
		change(f)
		if err := Render(&bytes.Buffer{}, f, Options{}); err == nil {
			t.Errorf("%s: Render accepted a bad figure", name)
		}
	}
	f := testFigure(figure.Column, "en")
	f.Kind = "sankey"
	if err := Render(&bytes.Buffer{}, f, Options{}); !errors.Is(err, ErrUnsupportedKind) {
		t.Errorf("kind sankey: error %v, want ErrUnsupportedKind", err)
	}
	for _, k := range figure.Kinds {
		if !Supports(k) {
			t.Errorf("figure kind %s has no HTML form", k)
		}
	}
	if err := Render(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("Render accepted nil")
	}
}

func TestIsolate(t *testing.T) {
	for _, c := range []struct {
		in   string
		rtl  bool
		want string
	}{
		{"حلب", true, "حلب"},
		{"نيسان ٢٠٢٤", true, "نيسان ٢٠٢٤"},
		{"2024 أبريل", true, fsi + "2024 أبريل" + pdi},
		{"(HTS)", true, fsi + "(HTS)" + pdi},
		{"Aleppo", false, "Aleppo"},
		{"2024", false, "2024"},
		{"Aleppo (حلب)", false, fsi + "Aleppo (حلب)" + pdi},
		{"", true, ""},
	} {
		if got := isolate(c.in, c.rtl); got != c.want {
			t.Errorf("isolate(%q, %v) = %q, want %q", c.in, c.rtl, got, c.want)
		}
	}
}

// TestMarkContrastManySeries: on the light page every bar of a seven-series
// chart stands out from the background at 3:1 (WCAG 1.4.11), by its colour
// or, for the palette's light colours (the fifth to seventh), by its
// outline. The shipped charts are read back in Chromium likewise
// (charts.TestShippedChartsInBrowser/contrast).
func TestMarkContrastManySeries(t *testing.T) {
	white := color.RGBA{255, 255, 255, 255}
	hex := func(s string) color.RGBA {
		c, ok := theme.ParseHex(s)
		if !ok {
			t.Fatalf("colour %q: want #rrggbb", s)
		}
		return c
	}
	for _, kind := range []figure.Kind{figure.Grouped, figure.Stacked} {
		f := testFigure(kind, "en")
		base := f.Series[0]
		f.Series = nil
		for i := range 7 {
			s := base
			s.Key, s.Name = fmt.Sprintf("synthetic_%d", i), fmt.Sprintf("Synthetic series %d", i+1)
			f.Series = append(f.Series, s)
		}
		_, opt := pageConfig(t, render(t, f, Options{}), ChartID(f.Report, f.ID, "en"))
		colors := opt["color"].([]any)
		series := opt["series"].([]any)
		if len(series) != 7 {
			t.Fatalf("%s: %d series drawn, want 7", kind, len(series))
		}
		outlined := 0
		for i, s := range series {
			fill := theme.Contrast(hex(colors[i%len(colors)].(string)), white)
			if fill >= theme.MinMarkContrast {
				continue
			}
			st, _ := s.(map[string]any)["itemStyle"].(map[string]any)
			bc, _ := st["borderColor"].(string)
			bw, _ := st["borderWidth"].(float64)
			if bc == "" || bw < 1 || theme.Contrast(hex(bc), white) < theme.MinMarkContrast {
				t.Errorf("%s: series %d is %v (%.2f:1 on white) with outline %q %gpx; want 3:1 by colour or outline", kind, i+1, colors[i], fill, bc, bw)
			}
			outlined++
		}
		if outlined == 0 {
			t.Errorf("%s: no series needed an outline; the palette's light colours are not drawn", kind)
		}
	}
}

// TestHighlightContrast: a highlight's accent and muted grey, and a
// callout's ink, stand 3:1 from the page they are drawn on (WCAG 1.4.11),
// light (white) and dark (figure.css --tc-bg #121212).
func TestHighlightContrast(t *testing.T) {
	for _, c := range []struct {
		page   string
		colors []string
	}{
		{"#ffffff", []string{highlightLight[0], highlightLight[1], calloutInk[0]}},
		{"#121212", []string{highlightDark[0], highlightDark[1], calloutInk[1]}},
	} {
		bg, _ := theme.ParseHex(c.page)
		for _, h := range c.colors {
			rgb, ok := theme.ParseHex(h)
			if !ok {
				t.Fatalf("%q is not a colour", h)
			}
			if r := theme.Contrast(rgb, bg); r < theme.MinMarkContrast {
				t.Errorf("%s on %s: %.2f:1, want at least %d:1", h, c.page, r, theme.MinMarkContrast)
			}
		}
	}
}

// TestFallbackPNG: a page given its still image's bytes carries them as a
// data: URL in the image's src, base64 as it is (no entity for '+'), with
// the alt text; bytes that are not a PNG are refused.
func TestFallbackPNG(t *testing.T) {
	f := testFigure(figure.Column, "en")
	img := append([]byte("\x89PNG\r\n\x1a\n"), 0, 0xfb, 0xef, 0xbe) // base64 of these ends in "++++"
	page := string(render(t, f, Options{FallbackPNG: img, Fallback: "ignored.png", FallbackWidth: 1200, FallbackHeight: 675}))
	want := `<img class="tc-fallback" src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(img) + `" alt="` + f.Alt + `"`
	if !strings.Contains(want, "+") || !strings.Contains(page, want) || strings.Contains(page, "ignored.png") {
		t.Errorf("page lacks %s", want)
	}
	if err := Render(io.Discard, f, Options{FallbackPNG: []byte("GIF89a")}); err == nil || !strings.Contains(err.Error(), "not a PNG") {
		t.Errorf("FallbackPNG of a GIF: error %v, want \"not a PNG\"", err)
	}
}
