package charts

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"hash/crc32"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"rsc.io/pdf"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/web"
)

// hostile is text a spreadsheet, a contributor or an attacker might put in
// a spec or a sidecar: markup, a script end tag, quotes, a javascript: URL,
// XML entities, bidi controls (an override and the isolates), control
// characters (BEL, ESC, a C1 one), a character XML forbids and a formula.
// Written as a YAML double-quoted string.
const hostile = `<script>alert(1)</script> </script> \"quotes' javascript:alert(1) &amp; &lt; \u202Eevil\u202C \u2066L\u2069 \u2067R\u2069 \u2068F\u2069 bell\a esc\e[31m nel\u0085 bad\uFFFE =HYPERLINK(\"http://x\") Synthetic`

// hostileProject writes a synthetic project whose every free text (report
// and chart titles, subtitles, notes, axis labels, the dataset's source)
// holds hostile text when evil is set, and plain words otherwise. It
// returns the spec path.
func hostileProject(t *testing.T, evil bool) string {
	t.Helper()
	text := func(s string) string {
		if evil {
			return s
		}
		return "Synthetic plain text"
	}
	dir := t.TempDir()
	files := map[string]string{
		"datasets/synthetic.csv": "period,category,value\n2019,all,100\n2019,children,30\n2019,women,20\n2020,all,50\n2020,children,10\n2020,women,5\n",
		"datasets/synthetic.meta.yaml": `title: Synthetic test data
publisher: Test
publisher_short: TEST
period_semantics: calendar_year
documented_minimum: true
licence: test only
defaults: {perpetrator: russian_forces, metric: civilians_killed}
default_source: s
sources:
  s: {title: "` + text("Source "+hostile) + `", date: "2021", kind: primary}
`,
		"reports/synthetic.yaml": `id: synthetic
title: {en: "` + text("Report "+hostile) + `", ar: "` + text("تقرير "+hostile) + `"}
datasets:
  d: ../datasets/synthetic.csv
charts:
  - id: parts
    kind: bar
    data: d
    title: {en: "` + text(hostile) + `", ar: "` + text("عنوان "+hostile) + `", verbatim: true}
    subtitle: {en: "` + text("Subtitle "+hostile) + `", ar: "` + text("عنوان فرعي "+hostile) + `", verbatim: true}
    notes:
      - {en: "` + text("Note "+hostile) + `", ar: "` + text("ملاحظة "+hostile) + `", verbatim: true}
    select: {metric: civilians_killed, category: [all, children, women], period: ["2019"]}
    x: category
    labels:
      all: {en: "` + text(`=HYPERLINK(\"http://x\",\"click\")`) + `", ar: "` + text(`=HYPERLINK(\"http://x\")`) + `"}
      children: {en: "` + text("+1 <script>alert(1)</script>") + `", ar: "` + text("+1") + `"}
      women: {en: "` + text("-1 </script>") + `", ar: "` + text("-1") + `"}
  - id: years
    kind: grouped
    data: d
    title: {en: "` + text(hostile) + `", ar: "` + text("سنوات "+hostile) + `", verbatim: true}
    select: {metric: civilians_killed, category: [all, children]}
    x: period
    series: category
    labels:
      "2019": {en: "` + text("@SUM(A1:A2)") + `", ar: "` + text("@SUM(1)") + `"}
      "2020": {en: "` + text(`\u202E=cmd|' /C calc'!A0`) + `", ar: "` + text(`\t=1+1`) + `"}
      children: {en: "` + text(` -2+3`) + `", ar: "` + text(`＝1`) + `"}
`,
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "reports", "synthetic.yaml")
}

// metaText is what a file's metadata should hold of s: s without control
// characters (newlines aside) and without what XML cannot carry.
func metaText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		if unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
}

// TestHostileTextInEveryOutput builds hostile text to every format and
// checks each file carries it as text, never as markup, script or formula.
func TestHostileTextInEveryOutput(t *testing.T) {
	// The plain build is only compared with for HTML. Under the race
	// detector PNGs (eight sizes a chart) take minutes: they are left out
	// there, the other tests render them.
	formats := Formats
	if raceEnabled {
		formats = []string{"svg", "pdf", "html", "oembed"}
	}
	build := func(evil bool) (string, []*figure.Figure) {
		spec := hostileProject(t, evil)
		out := filepath.Join(t.TempDir(), "out")
		f := formats
		if !evil {
			f = []string{"html"}
		}
		_, err := Build(context.Background(), Options{Reports: []string{spec}, Root: "..", Out: out, Formats: f, Jobs: 2, BaseURL: "https://example.org/charts/"})
		if err != nil {
			t.Fatalf("build (hostile %v): %v", evil, err)
		}
		loaded, err := Load([]string{spec}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return filepath.Join(out, "synthetic"), loaded[0].Figures
	}
	dir, figs := build(true)
	cleanDir, _ := build(false)
	if !strings.Contains(figs[0].Title, "<script>") || !strings.Contains(figs[0].Title, "\a") {
		t.Fatalf("the figure's title lost the hostile text: %q", figs[0].Title)
	}
	for _, f := range figs {
		stem := filepath.Join(dir, f.Locale.Lang, f.ID)
		t.Run(f.Locale.Lang+"/"+f.ID, func(t *testing.T) {
			checkSVG(t, stem+".svg", f)
			if slices.Contains(formats, "png") {
				checkPNGText(t, stem+".png", f)
			}
			checkPDF(t, stem+".pdf")
			checkCSV(t, stem+".csv", f)
			checkOEmbedJSON(t, stem+".oembed.json", f)
			for _, suffix := range []string{".html", ".single.html"} {
				clean := filepath.Join(cleanDir, f.Locale.Lang, f.ID+suffix)
				checkHTML(t, stem+suffix, clean)
			}
		})
	}
	checkHTML(t, filepath.Join(dir, "index.html"), filepath.Join(cleanDir, "index.html"))
}

// checkOEmbedJSON: the page's oEmbed response is JSON whose title is the
// figure's, and whose embed code carries it as an attribute value: one
// iframe and the one script of the embed code, no element of the text.
func checkOEmbedJSON(t *testing.T, p string, f *figure.Figure) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var o web.OEmbed
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	if o.Title != f.Title {
		t.Errorf("%s: title %q, want %q", p, o.Title, f.Title)
	}
	if n, m := strings.Count(o.HTML, "<iframe"), strings.Count(o.HTML, "<script"); n != 1 || m != 1 || strings.Contains(o.HTML, "<img") {
		t.Errorf("%s: embed code has %d iframes and %d scripts, want 1 and 1: %s", p, n, m, o.HTML)
	}
}

// checkSVG: the SVG is well-formed XML, its <title> and <desc> hold the
// title and the alt text (without control characters), and it has no
// script, event handler or javascript: link.
func checkSVG(t *testing.T, p string, f *figure.Figure) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var stack []string
	texts := map[string]string{}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s does not parse as XML: %v", p, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(tok.Name.Local)
			if name == "script" || name == "foreignobject" {
				t.Errorf("%s has a <%s> element", p, tok.Name.Local)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") || strings.Contains(strings.ToLower(a.Value), "javascript:") {
					t.Errorf("%s: <%s %s=%q>", p, tok.Name.Local, a.Name.Local, a.Value)
				}
			}
			stack = append(stack, name)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 2 && stack[0] == "svg" && (stack[1] == "title" || stack[1] == "desc") {
				texts[stack[1]] += string(tok)
			}
		}
	}
	if got, want := texts["title"], metaText(f.Title); got != want {
		t.Errorf("%s <title>\n%q\nwant\n%q", p, got, want)
	}
	if got, want := texts["desc"], metaText(f.Alt); got != want {
		t.Errorf("%s <desc>\n%q\nwant\n%q", p, got, want)
	}
}

// checkPNGText: the PNG decodes, every chunk's CRC is right, and its iTXt
// chunks hold the title, alt text and source as UTF-8 without control
// characters.
func checkPNGText(t *testing.T, p string, f *figure.Figure) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		t.Fatalf("%s does not decode: %v", p, err)
	}
	got := map[string]string{}
	for rest := b[8:]; len(rest) >= 12; {
		n := binary.BigEndian.Uint32(rest)
		if int(n) > len(rest)-12 {
			t.Fatalf("%s: chunk of %d bytes overruns the file", p, n)
		}
		typ, data := string(rest[4:8]), rest[8:8+n]
		if crc32.ChecksumIEEE(rest[4:8+n]) != binary.BigEndian.Uint32(rest[8+n:]) {
			t.Errorf("%s: %s chunk has a wrong CRC", p, typ)
		}
		rest = rest[12+n:]
		if typ != "iTXt" {
			continue
		}
		key, v, ok := bytes.Cut(data, []byte{0})
		if !ok || len(v) < 4 {
			t.Fatalf("%s: malformed iTXt chunk %q", p, data)
		}
		if v[0] != 0 {
			t.Errorf("%s: iTXt %s is compressed", p, key)
		}
		_, v, _ = bytes.Cut(v[2:], []byte{0}) // language tag
		_, v, _ = bytes.Cut(v, []byte{0})     // translated keyword
		if !utf8.Valid(v) {
			t.Errorf("%s: iTXt %s is not UTF-8", p, key)
		}
		for _, r := range string(v) {
			if unicode.IsControl(r) && r != '\n' {
				t.Errorf("%s: iTXt %s holds control character %U", p, key, r)
			}
		}
		if string(key) != "Input-SHA256" {
			got[string(key)] = string(v)
		}
	}
	for key, want := range map[string]string{"Title": f.Title, "Description": f.Alt, "Source": f.Source} {
		if got[key] != metaText(want) {
			t.Errorf("%s iTXt %s\n%q\nwant\n%q", p, key, got[key], metaText(want))
		}
	}
}

// checkPDF: the PDF opens, and no spec text is in it as text (charts are
// drawn as outlines), so no script or link can ride along.
func checkPDF(t *testing.T, p string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("%s does not open: %v", p, err)
	}
	if r.NumPage() != 1 {
		t.Errorf("%s has %d pages", p, r.NumPage())
	}
	for _, s := range []string{"alert", "script", "HYPERLINK", "/JavaScript", "/JS", "/URI", "/Launch"} {
		if bytes.Contains(b, []byte(s)) {
			t.Errorf("%s contains %q", p, s)
		}
	}
}

// checkCSV: the CSV reads back, every text cell is the figure's text, and
// a cell a spreadsheet would run as a formula (first visible character
// = + - @, or a tab or return first) starts with a quote.
func checkCSV(t *testing.T, p string, f *figure.Figure) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("%s does not read as CSV: %v", p, err)
	}
	want := map[string]bool{}
	for _, c := range f.Categories {
		want[c] = true
	}
	for _, s := range f.Series {
		want[s.Name] = true
	}
	formulas := 0
	for _, row := range rows[1:] {
		for _, cell := range []string{row[1], row[3]} { // category, series
			raw := cell
			if formulaLike(strings.TrimPrefix(cell, "'")) {
				formulas++
				if !strings.HasPrefix(cell, "'") {
					t.Errorf("%s: cell %q would run as a formula", p, cell)
				}
				raw = strings.TrimPrefix(cell, "'")
			}
			if !want[raw] {
				t.Errorf("%s: cell %q is not a label of the figure", p, cell)
			}
		}
	}
	if formulas == 0 {
		t.Errorf("%s: no formula-like cell; the test text did not reach the CSV", p)
	}
}

// formulaLike reports whether a spreadsheet might read s as a formula: its
// first character other than spaces and invisible formatting is = + - @
// (or their full-width forms), or it starts with a tab, return or newline.
func formulaLike(s string) bool {
	if s != "" && strings.ContainsRune("\t\r\n", rune(s[0])) {
		return true
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r) {
			continue
		}
		return strings.ContainsRune("=+-@＝＋－＠", r)
	}
	return false
}

var (
	scriptOpen  = regexp.MustCompile(`(?i)<script\b`)
	scriptClose = regexp.MustCompile(`(?i)</script`)
	jsURL       = regexp.MustCompile(`(?i)\b(href|src|action|formaction|xlink:href)\s*=\s*["']?\s*javascript:`)
	handler     = regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`)
)

// checkHTML: the page has as many <script> and </script> tags as the same
// page built from plain text (only its own), no javascript: link and no
// more inline event handlers.
func checkHTML(t *testing.T, p, clean string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && strings.HasSuffix(p, ".single.html") {
			return // not every kind has one
		}
		t.Fatal(err)
	}
	c, err := os.ReadFile(clean)
	if err != nil {
		t.Fatal(err)
	}
	for _, re := range []*regexp.Regexp{scriptOpen, scriptClose, handler} {
		if got, want := len(re.FindAll(b, -1)), len(re.FindAll(c, -1)); got != want {
			t.Errorf("%s: %d matches of %s, the page built from plain text has %d", p, got, re, want)
		}
	}
	if m := jsURL.Find(b); m != nil {
		t.Errorf("%s: %s", p, m)
	}
}
