package web

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// scripts returns the contents of the <script> elements of a page, cut as
// an HTML parser cuts them: at the first "</script".
func scripts(page string) []string {
	var out []string
	low := strings.ToLower(page)
	for {
		i := strings.Index(low, "<script")
		if i < 0 {
			return out
		}
		gt := strings.Index(low[i:], ">")
		start := i + gt + 1
		end := strings.Index(low[start:], "</script")
		if end < 0 {
			out = append(out, page[start:])
			return out
		}
		out = append(out, page[start:start+end])
		page, low = page[start+end:], low[start+end:]
	}
}

func TestEscapingPage(t *testing.T) {
	for _, lang := range langs {
		f := hostileFigure(lang)
		for _, snippet := range []bool{false, true} {
			var b bytes.Buffer
			var err error
			if snippet {
				err = Snippet(&b, f, Options{})
			} else {
				err = Render(&b, f, Options{})
			}
			if err != nil {
				t.Fatal(err)
			}
			page := b.String()
			// Exactly our script elements: the JSON and the runtime (which
			// loads echarts). An injected one would add to the count.
			want := 2
			ss := scripts(page)
			if len(ss) != want {
				t.Errorf("%s snippet=%v: %d script elements, want %d", lang, snippet, len(ss), want)
			}
			for _, bad := range []string{"<!--", "</", "\u2028", "\u2029"} {
				for _, s := range ss {
					if strings.Contains(s, bad) {
						t.Errorf("%s snippet=%v: a script element contains %q", lang, snippet, bad)
					}
				}
			}
			for _, bad := range []string{evilScript, evilComment, evilImg, `<img`, `onmouseover="`, `href="javascript:`, `<!--`} {
				if strings.Contains(page, bad) {
					t.Errorf("%s snippet=%v: page contains raw %q", lang, snippet, bad)
				}
			}
			// The texts are all there, escaped, not lost.
			if !strings.Contains(page, "&lt;/script&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;") {
				t.Errorf("%s: escaped title missing", lang)
			}
			if !strings.Contains(page, `aria-label="Synthetic &#34; onmouseover=&#34;window.pwned=4&#34; x=&#39;&lt;/script&gt;`) {
				t.Errorf("%s: alt text not attribute-escaped", lang)
			}
			// The JSON block parses back to the exact texts.
			id := ChartID(f.Report, f.ID, lang)
			cfg, opt := pageConfig(t, b.Bytes(), id)
			if cfg.Categories[0] != evilScript || cfg.Categories[3] != evilFunc {
				t.Errorf("%s: categories changed in the JSON: %q", lang, cfg.Categories)
			}
			names := map[string]bool{}
			for _, s := range opt["series"].([]any) {
				names[stripIsolates(s.(map[string]any)["name"].(string))] = true
			}
			if !names[evilImg] || !names[evilScript] || !names[evilQuote+evilLines] {
				t.Errorf("%s: series names changed in the JSON: %v", lang, names)
			}
		}
	}
}

func TestScriptJSON(t *testing.T) {
	in, _ := json.Marshal(map[string]string{"a": evilScript + evilComment + evilLines + "&'\""})
	// go-echarts writes its JSON with SetEscapeHTML(false): simulate it.
	raw := bytes.ReplaceAll(bytes.ReplaceAll(bytes.ReplaceAll(in, []byte(`\u003c`), []byte("<")), []byte(`\u003e`), []byte(">")), []byte(`\u0026`), []byte("&"))
	raw = bytes.ReplaceAll(bytes.ReplaceAll(raw, []byte(`\u2028`), []byte("\u2028")), []byte(`\u2029`), []byte("\u2029"))
	out := scriptJSON(raw)
	if regexp.MustCompile("(?i)</script|<!--|[<>&\u2028\u2029]").Match(out) {
		t.Errorf("scriptJSON left an unsafe sequence: %s", out)
	}
	var back map[string]string
	if err := json.Unmarshal(out, &back); err != nil || back["a"] != evilScript+evilComment+evilLines+"&'\"" {
		t.Errorf("scriptJSON changed the meaning: %v %q", err, back["a"])
	}
}

func TestEscapingEmbed(t *testing.T) {
	f := hostileFigure("en")
	code := Embed(f, "https://example.org/r/en/hostile.html?a=1&b=2")
	if !strings.Contains(code, `src="https://example.org/r/en/hostile.html?a=1&amp;b=2"`) {
		t.Errorf("embed src wrong: %s", code)
	}
	if strings.Contains(code, evilScript) || strings.Contains(code, `onmouseover="`) || len(scripts(code)) != 1 {
		t.Errorf("embed code not escaped: %s", code)
	}
	for _, bad := range []string{evilURL, "JAVASCRIPT:alert(1)", "data:text/html,x", "java\nscript:alert(1)", ""} {
		code := Embed(f, bad)
		if !strings.Contains(code, `src="about:blank"`) {
			t.Errorf("Embed(%q) did not neutralise the URL: %s", bad, code)
		}
	}
	rel := Embed(testFigure(figure.Bar, "ar"), "ar/test-bar.html")
	for _, want := range []string{`src="ar/test-bar.html"`, `lang="ar"`, `width="100%"`, `tollcharts:height`, `data-tollcharts="` + ChartID("synthetic", "test-bar", "ar") + `"`} {
		if !strings.Contains(rel, want) {
			t.Errorf("embed code lacks %s: %s", want, rel)
		}
	}
}

// stripIsolates removes FSI/PDI added by isolate.
func stripIsolates(s string) string {
	if len(s) >= len(fsi)+len(pdi) && s[:len(fsi)] == fsi && s[len(s)-len(pdi):] == pdi {
		return s[len(fsi) : len(s)-len(pdi)]
	}
	return s
}
