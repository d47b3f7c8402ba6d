package charts_test

// Every shipped chart in a real browser: the test builds every report of
// reports/ (HTML and CSV), opens each interactive page and each single-file
// page from file:// in headless Chromium, and checks what a reader gets:
// no console error, no uncaught exception, no request leaving the machine,
// <html dir> right for the language, and the numbers the chart holds
// (read back from ECharts) equal to the chart's CSV. The pages of one
// report are also opened inside iframes of an article page, as a CMS would
// embed them, from file:// and over http.
//
// The browser helpers at the end are those of charts/web
// (browser_helper_test.go), copied: test files cannot be imported.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/tollcharts/tollcharts/charts/internal/browsertest"

	"github.com/tollcharts/tollcharts/charts"
	"github.com/tollcharts/tollcharts/charts/web"
)

// root is the repository root seen from this package.
const root = ".."

// embeddedReport is the report whose pages are also checked inside iframes.
const embeddedReport = "russia-red-square-2016"

// csvRow is one row of a chart's CSV.
type csvRow struct {
	CategoryKey, Category, SeriesKey, Series, Value string
}

// shippedPage is one HTML page of the build and the CSV of its chart.
type shippedPage struct {
	Report, Path, Lang, Chart, Kind string
	Single                          bool
	Dir                             string // the report folder
	Rows                            []csvRow
}

func (p shippedPage) name() string { return p.Report + "/" + p.Path }

func (p shippedPage) fileURL() string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(p.Dir, filepath.FromSlash(p.Path)))}).String()
}

// buildShipped builds every report into a temporary folder, HTML and PNG
// (the pages' still images; CSV is always written), and lists its pages
// from the manifests on disk.
func buildShipped(t *testing.T) (out string, pages []shippedPage) {
	t.Helper()
	if _, _, err := web.Asset(root); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	specs, err := filepath.Glob(filepath.Join(root, "reports", "*.yaml"))
	if err != nil || len(specs) == 0 {
		t.Fatalf("no shipped reports (%v)", err)
	}
	out = t.TempDir()
	start := time.Now()
	res, err := charts.Build(context.Background(), charts.Options{Root: root, Out: out, Formats: []string{"html", "png"}})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if len(res.Manifests) != len(specs) {
		t.Fatalf("%d reports built, %d shipped", len(res.Manifests), len(specs))
	}
	t.Logf("built %d reports in %v", len(specs), time.Since(start).Round(time.Millisecond))
	for _, m := range res.Manifests {
		dir := filepath.Join(out, m.Report)
		b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		var man charts.Manifest
		if err := json.Unmarshal(b, &man); err != nil {
			t.Fatalf("%s/manifest.json: %v", m.Report, err)
		}
		for _, a := range man.Artifacts {
			if a.Format != "html" || a.Chart == "" {
				continue // the gallery, assets, CSV
			}
			stem := a.Lang + "/" + a.Chart
			if a.Path != stem+".html" && a.Path != stem+".single.html" {
				t.Errorf("%s: page %s is not %s.html nor %s.single.html", m.Report, a.Path, stem, stem)
				continue
			}
			p := shippedPage{Report: m.Report, Path: a.Path, Lang: a.Lang, Chart: a.Chart, Kind: a.Kind,
				Single: strings.HasSuffix(a.Path, ".single.html"), Dir: dir}
			p.Rows = readChartCSV(t, filepath.Join(dir, filepath.FromSlash(stem+".csv")))
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		t.Fatal("the build wrote no HTML page")
	}
	return out, pages
}

// readChartCSV reads a chart's CSV: category_key, category, series_key,
// series, value (blank: no data), derived.
func readChartCSV(t *testing.T, path string) []csvRow {
	t.Helper()
	recs := readCSV(t, path)
	if len(recs) < 2 || !strings.HasPrefix(strings.Join(recs[0], ","), "category_key,category,series_key,series,value,derived,source,") {
		t.Fatalf("%s: header %q, or no rows", path, recs[0])
	}
	var rows []csvRow
	for _, r := range recs[1:] {
		rows = append(rows, csvRow{CategoryKey: unformula(r[0]), Category: unformula(r[1]), SeriesKey: unformula(r[2]), Series: unformula(r[3]), Value: r[4]})
	}
	return rows
}

// unformula undoes the quote the CSV puts before a cell a spreadsheet
// would run as a formula.
func unformula(s string) string {
	if len(s) > 1 && s[0] == '\'' && charts.SafeCell(s[1:]) == s {
		return s[1:] // the writer's formula guard, undone
	}
	return s
}

// pageState is what a page reports about itself and its charts.
type pageState struct {
	Ready  bool
	Dir    string
	Lang   string
	Charts []struct {
		ID         string
		Missing    bool // a chart container without an echarts instance
		Categories []string
		Series     []struct {
			ID   string
			Name string
			Type string
			Data []json.RawMessage
		}
	}
	Tables []struct{ Rows, Cells int }
}

// readPage is evaluated in a page (or frame): it reads back every chart's
// option from ECharts.
const readPage = `(() => {
  const out = {ready: document.readyState === "complete", dir: document.documentElement.getAttribute("dir"),
    lang: document.documentElement.getAttribute("lang"), charts: [], tables: []};
  for (const el of document.querySelectorAll(".tc-chart[id]")) {
    const c = window.echarts && echarts.getInstanceByDom(el);
    if (!c) { out.charts.push({id: el.id, missing: true}); continue; }
    const o = c.getOption();
    const cat = [...(o.xAxis || []), ...(o.yAxis || [])].find(a => a.type === "category");
    // A time axis has no categories: the tooltip's, from the page's config.
    const cfg = JSON.parse(document.getElementById(el.id + "-config").textContent);
    out.charts.push({id: el.id, categories: cat ? cat.data.map(String) : (o.xAxis && o.xAxis[0].type === "time" ? cfg.categories : null),
      series: o.series.map(s => ({id: s.id, name: s.name, type: s.type, data: s.data}))});
  }
  for (const t of document.querySelectorAll("details.tc-data table")) {
    out.tables.push({rows: t.tBodies[0].rows.length, cells: t.tBodies[0].rows[0].querySelectorAll("td").length});
  }
  return JSON.stringify(out);
})()`

// chartsReady is true once the page has loaded and every chart has drawn.
const chartsReady = `document.readyState === "complete" && [...document.querySelectorAll(".tc-chart[id]")].every(e => e.getAttribute("data-tc-ready") === "1")`

// checkPageState compares what a page holds with its chart's CSV.
func checkPageState(t *testing.T, p shippedPage, raw string) {
	t.Helper()
	var st pageState
	if err := json.Unmarshal([]byte(raw), &st); err != nil {
		t.Fatalf("decode page state: %v", err)
	}
	if want := map[string]string{"ar": "rtl", "en": "ltr"}[p.Lang]; st.Dir != want || st.Lang != p.Lang {
		t.Errorf("<html dir=%q lang=%q>, want dir=%q lang=%q", st.Dir, st.Lang, want, p.Lang)
	}
	// The categories and series of the CSV, in its order.
	var cats, series []string
	value := map[[2]string]string{}
	names := map[string]string{}
	labels := map[string]string{}
	for _, r := range p.Rows {
		if !slices.Contains(cats, r.CategoryKey) {
			cats = append(cats, r.CategoryKey)
			labels[r.CategoryKey] = r.Category
		}
		if !slices.Contains(series, r.SeriesKey) {
			series = append(series, r.SeriesKey)
			names[r.SeriesKey] = r.Series
		}
		value[[2]string{r.SeriesKey, r.CategoryKey}] = r.Value
	}
	if len(value) != len(cats)*len(series) || len(p.Rows) != len(value) {
		t.Errorf("CSV: %d rows for %d categories and %d series", len(p.Rows), len(cats), len(series))
	}
	if len(st.Tables) != 1 || st.Tables[0].Rows != len(cats) || st.Tables[0].Cells != len(series) {
		t.Errorf("data tables %v, want one of %d rows and %d values a row", st.Tables, len(cats), len(series))
	}
	stat := p.Kind == "stat" || p.Kind == "pictogram"
	if stat {
		if len(st.Charts) != 0 {
			t.Errorf("a %s page has %d charts", p.Kind, len(st.Charts))
		}
		return
	}
	if len(st.Charts) != 1 {
		t.Fatalf("%d charts on the page, want 1", len(st.Charts))
	}
	c := st.Charts[0]
	if c.Missing {
		t.Fatal("the chart has no echarts instance")
	}
	if p.Kind == "donut" {
		checkDonutData(t, c.Series, cats, series, names, value)
		return
	}
	if len(c.Series) != len(series) {
		t.Fatalf("%d series drawn, the CSV has %d", len(c.Series), len(series))
	}
	isMap := p.Kind == "map" || p.Kind == "tilemap"
	if !isMap {
		var got []string
		for _, l := range c.Categories {
			got = append(got, stripIsolates(l))
		}
		var want []string
		for _, k := range cats {
			want = append(want, labels[k])
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("categories drawn %q, CSV %q", got, want)
		}
	}
	for _, s := range c.Series {
		if !slices.Contains(series, s.ID) {
			t.Errorf("series %q drawn, not in the CSV (%q)", s.ID, series)
			continue
		}
		if n := names[s.ID]; n != "" && stripIsolates(s.Name) != n {
			t.Errorf("series %s named %q, CSV %q", s.ID, stripIsolates(s.Name), n)
		}
		if isMap {
			checkMapData(t, s.ID, s.Data, cats, value)
			continue
		}
		if len(s.Data) != len(cats) {
			t.Errorf("series %s: %d values drawn, CSV %d", s.ID, len(s.Data), len(cats))
			continue
		}
		for i, d := range s.Data {
			want := value[[2]string{s.ID, cats[i]}]
			// On a time axis, [ms, value]: the day is the end of the
			// CSV's period.
			var pair []json.RawMessage
			if json.Unmarshal(d, &pair) == nil {
				_, end, _ := strings.Cut(cats[i], "/")
				day, err := time.Parse(time.DateOnly, end)
				if len(pair) != 2 || err != nil || drawnValue(pair[0]) != fmt.Sprint(day.UnixMilli()) {
					t.Errorf("series %s, %s: drawn at %s, want [the end of the period in ms (%s), value]", s.ID, cats[i], d, end)
					continue
				}
				d = pair[1]
			}
			if got := drawnValue(d); got != want {
				t.Errorf("series %s, %s (%s): drawn %s, CSV %q", s.ID, cats[i], labels[cats[i]], d, want)
			}
		}
	}
}

// drawnValue turns a value ECharts holds into the CSV's spelling: the
// count's digits, or "" for no data (charts/web draws "-" or null).
func drawnValue(d json.RawMessage) string {
	s := string(bytes.TrimSpace(d))
	var item struct{ Value json.RawMessage }
	if strings.HasPrefix(s, "{") && json.Unmarshal(d, &item) == nil && item.Value != nil {
		s = string(bytes.TrimSpace(item.Value)) // a highlighted chart's items carry their colour
	}
	if s == "null" || s == `"-"` {
		return ""
	}
	var n json.Number
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	if dec.Decode(&n) != nil {
		return "not a number: " + s
	}
	return n.String()
}

// checkMapData compares a map series with the CSV: the items of the CSV's
// categories first, in its order, each {name: P-code, value: count or
// null}; then only governorates without data.
func checkMapData(t *testing.T, key string, data []json.RawMessage, cats []string, value map[[2]string]string) {
	t.Helper()
	if len(data) < len(cats) {
		t.Errorf("map %s: %d regions for %d categories", key, len(data), len(cats))
		return
	}
	seen := map[string]bool{}
	for i, d := range data {
		var it struct {
			Name  string
			Value json.RawMessage
		}
		if err := json.Unmarshal(d, &it); err != nil {
			t.Errorf("map %s: region %s: %v", key, d, err)
			continue
		}
		if seen[it.Name] {
			t.Errorf("map %s: region %s twice", key, it.Name)
		}
		seen[it.Name] = true
		got := drawnValue(it.Value)
		if len(it.Value) == 0 {
			got = "" // no value key
		}
		want := ""
		if i < len(cats) {
			if it.Name != cats[i] {
				t.Errorf("map %s: region %d is %s, CSV %s", key, i, it.Name, cats[i])
			}
			want = value[[2]string{key, cats[i]}]
		} else if slices.Contains(cats, it.Name) {
			t.Errorf("map %s: region %s again after the CSV's", key, it.Name)
		}
		if got != want {
			t.Errorf("map %s, %s: drawn %s, CSV %q", key, it.Name, d, want)
		}
	}
}

// checkDonutData compares a donut with the CSV: one pie series keyed by
// the whole ("all"), its sectors every other series of the CSV in its
// order, each {id: key, name, value: count}.
func checkDonutData(t *testing.T, drawn []struct {
	ID   string
	Name string
	Type string
	Data []json.RawMessage
}, cats, series []string, names map[string]string, value map[[2]string]string) {
	t.Helper()
	if len(drawn) != 1 || drawn[0].Type != "pie" || drawn[0].ID != "all" || len(cats) != 1 {
		t.Fatalf("donut: %d series (want one pie keyed all), %d categories (want 1)", len(drawn), len(cats))
	}
	var parts []string
	for _, k := range series {
		if k != "all" {
			parts = append(parts, k)
		}
	}
	if len(parts) != len(drawn[0].Data) {
		t.Fatalf("donut: %d sectors, the CSV has %d parts", len(drawn[0].Data), len(parts))
	}
	for i, d := range drawn[0].Data {
		var it struct {
			ID, Name string
			Value    json.RawMessage
		}
		if err := json.Unmarshal(d, &it); err != nil {
			t.Fatalf("donut sector %s: %v", d, err)
		}
		k := parts[i]
		if it.ID != k || stripIsolates(it.Name) != names[k] || drawnValue(it.Value) != value[[2]string{k, cats[0]}] {
			t.Errorf("donut sector %d: %s %q %s, CSV %s %q %s", i, it.ID, it.Name, it.Value, k, names[k], value[[2]string{k, cats[0]}])
		}
	}
}

func stripIsolates(s string) string {
	return strings.TrimSuffix(strings.TrimPrefix(s, "\u2068"), "\u2069")
}

// TestShippedChartsInBrowser builds every shipped report once, then checks
// its pages in one browser: each on its own (checkPages) and those of one
// report embedded in an article (checkEmbedded).
func TestShippedChartsInBrowser(t *testing.T) {
	if charts.RaceEnabled {
		// make test runs it; under the race detector it would only time
		// the browser, and the build it starts is raced by the build tests.
		t.Skip("browser test: not under the race detector")
	}
	browser := newBrowser(t)
	out, pages := buildShipped(t)
	t.Run("pages", func(t *testing.T) { checkPages(t, browser, pages) })
	t.Run("iframes", func(t *testing.T) { checkEmbedded(t, browser, out, pages) })
	t.Run("oembed", func(t *testing.T) { checkOEmbed(t, browser, pages) })
	t.Run("axe", func(t *testing.T) { checkAxe(t, browser, out, pages) })
	t.Run("keyboard", func(t *testing.T) { checkKeyboard(t, browser, pages) })
	t.Run("contrast", func(t *testing.T) { checkMarkContrast(t, browser, pages) })
}

// keyState is what a page shows of its keyboard focus: the focused
// element, the category the chart is at, the echarts tooltip shown (and
// its text) and the live region's text.
const keyState = `(() => {
  const el = document.querySelector(".tc-chart[id]");
  const tip = [...el.querySelectorAll("div")].find(d => d.style.zIndex === "9999999");
  const shown = !!tip && getComputedStyle(tip).display !== "none" && getComputedStyle(tip).visibility !== "hidden" && Number(getComputedStyle(tip).opacity) > 0;
  const live = document.getElementById(el.id + "-live");
  return JSON.stringify({focused: document.activeElement === el, outline: getComputedStyle(el).outlineStyle,
    at: el.getAttribute("data-tc-at"), tip: shown ? tip.textContent : "", live: live ? live.textContent : null,
    categories: JSON.parse(document.getElementById(el.id + "-config").textContent).categories || [],
    labels: JSON.parse(document.getElementById(el.id + "-config").textContent).labels[0],
    noData: JSON.parse(document.getElementById(el.id + "-config").textContent).noData,
    points: echarts.getInstanceByDom(el).getOption().series[0].data.length});
})()`

// checkKeyboard: on every chart page, both languages, Tab reaches the
// chart and shows a visible focus ring; the arrow keys (mirrored on a
// right-to-left page) move through the categories, each shown in the
// tooltip and said in the live region; End goes to the last; Escape hides
// the tooltip.
func checkKeyboard(t *testing.T, browser context.Context, all []shippedPage) {
	for _, p := range all {
		if p.Single || p.Kind == "stat" || p.Kind == "pictogram" {
			continue
		}
		t.Run(p.name(), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, browser, 60*time.Second)
			setMedia(t, tb, &emulation.MediaFeature{Name: "prefers-reduced-motion", Value: "reduce"})
			tb.navigate(p.fileURL())
			tb.waitFor("", chartsReady, 15*time.Second)
			type state struct {
				Focused    bool
				Outline    string
				At         *string
				Tip, Live  string
				Categories []string
				Labels     []string // of the first series: a donut's or map's points have no categories
				Points     int
				NoData     string
			}
			read := func() state {
				var st state
				if err := json.Unmarshal([]byte(eval[string](tb, "", keyState)), &st); err != nil {
					t.Fatal(err)
				}
				return st
			}
			key := func(k string) {
				if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(k)); err != nil {
					t.Fatalf("key %q: %v", k, err)
				}
			}
			st := read()
			n := len(st.Categories)
			if n == 0 {
				n = st.Points
			}
			if n == 0 {
				t.Fatalf("%s chart: %d points, %d labels", p.Kind, n, len(st.Labels))
			}
			for i := 0; i < 20 && !st.Focused; i++ {
				key(kb.Tab)
				st = read()
			}
			if !st.Focused || st.Outline == "none" {
				t.Fatalf("Tab does not reach the chart with a visible focus (focused %v, outline %q)", st.Focused, st.Outline)
			}
			next, prev := kb.ArrowRight, kb.ArrowLeft
			if p.Lang == "ar" {
				next, prev = kb.ArrowLeft, kb.ArrowRight
			}
			check := func(what string, want int) {
				t.Helper()
				st := read()
				var cat string
				if len(st.Categories) > 0 {
					cat = stripIsolates(st.Categories[want])
				} else {
					cat = st.NoData // a map lists its governorates without data last
					if want < len(st.Labels) && st.Labels[want] != "" {
						cat = strings.SplitN(st.Labels[want], "\n", 2)[0]
					}
					cat = stripIsolates(cat)
				}
				if cat == "" || st.At == nil || *st.At != fmt.Sprint(want) || !strings.Contains(stripIsolates(st.Tip), cat) || !strings.Contains(stripIsolates(st.Live), cat) {
					t.Errorf("after %s: at %v, tooltip %q, live %q; want category %d (%s) shown and said", what, st.At, st.Tip, st.Live, want, cat)
				}
			}
			key(next)
			check("the first arrow", 0)
			if n > 1 {
				key(next)
				check("a second arrow", 1)
				key(prev)
				check("the arrow back", 0)
			}
			key(kb.End)
			check("End", n-1)
			key(kb.Escape)
			st = read()
			for i := 0; i < 40 && st.Tip != ""; i++ { // the tooltip fades out
				time.Sleep(50 * time.Millisecond)
				st = read()
			}
			if st.At != nil || st.Tip != "" || st.Live != "" {
				t.Errorf("after Escape: at %v, tooltip %q, live %q; want none", st.At, st.Tip, st.Live)
			}
		})
	}
}

// axeTags are the WCAG rule sets axe-core checks: 2.0, 2.1 and 2.2, A and AA.
const axeTags = `["wcag2a","wcag2aa","wcag21a","wcag21aa","wcag22aa"]`

// checkAxe runs axe-core (npm, pinned in package.json) in every page, both
// languages, once its chart is drawn, and in every report's gallery: any
// WCAG A or AA violation fails, with the rule, its help and the elements.
func checkAxe(t *testing.T, browser context.Context, out string, all []shippedPage) {
	src, err := os.ReadFile(filepath.Join(root, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip("axe-core not installed (npm ci)")
	}
	type target struct {
		name, url string
		noJS      bool
		page      *shippedPage
	}
	var targets []target
	seen := map[string]bool{}
	for _, p := range all {
		if !p.Single {
			targets = append(targets, target{p.name(), p.fileURL(), false, &p}, target{p.name() + "/no-js", p.fileURL(), true, &p})
		}
		if !seen[p.Report] {
			seen[p.Report] = true
			g := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(p.Dir, "index.html"))}).String()
			targets = append(targets, target{p.Report + "/index.html", g, false, nil})
		}
	}
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, browser, 60*time.Second)
			setMedia(t, tb, &emulation.MediaFeature{Name: "prefers-reduced-motion", Value: "reduce"})
			if tg.noJS {
				// The page's scripts do not run; the test's own
				// evaluations (the state read, axe) still do.
				setScripts(t, tb, false)
				tb.navigate(tg.url)
				tb.waitFor("", `document.readyState === "complete"`, 15*time.Second)
				checkNoJS(t, tb, *tg.page)
				// axe waits on timers, which a page without scripts
				// does not run: scripts go back on for it, and the
				// page's own, skipped at load, stay unrun (checked
				// after axe: still no chart drawn).
				setScripts(t, tb, true)
				defer checkNoJS(t, tb, *tg.page)
			} else {
				tb.navigate(tg.url)
				tb.waitFor("", chartsReady, 15*time.Second)
			}
			eval[bool](tb, "", string(src)+"\n;true")
			raw := eval[string](tb, "", `axe.run(document, {runOnly: {type: "tag", values: `+axeTags+`}, resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary)}))))`)
			var vs []struct {
				ID, Impact, Help string
				Nodes            []string
			}
			if err := json.Unmarshal([]byte(raw), &vs); err != nil {
				t.Fatal(err)
			}
			for _, v := range vs {
				t.Errorf("axe %s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
			}
		})
	}
}

// checkOEmbed builds one report as published at a test server's address
// (-base-url), then does what a CMS given a page's URL does: it opens the
// page, follows its oEmbed discovery link, reads the response, and puts
// the response's embed code in an article; the test then checks each
// chart drawn in its iframe against its CSV, and the thumbnail.
func checkOEmbed(t *testing.T, browser context.Context, all []shippedPage) {
	out := t.TempDir()
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	srvURL, _ := url.Parse(srv.URL)
	base := srv.URL + "/"
	_, err := charts.Build(context.Background(), charts.Options{Root: root, Out: out, BaseURL: base,
		Reports: []string{filepath.Join(root, "reports", embeddedReport+".yaml")}, Formats: []string{"html", "png", "oembed"}})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	var pages []shippedPage
	for _, p := range all {
		if p.Report == embeddedReport && !p.Single {
			pages = append(pages, p)
		}
	}
	tb := newTab(t, browser, 120*time.Second)
	var article strings.Builder
	article.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test article embedding charts by oEmbed</title></head><body>\n<p>Test article.</p>\n")
	for _, p := range pages {
		pageURL := base + embeddedReport + "/" + p.Path
		tb.navigate(pageURL)
		href := eval[string](tb, "", `(document.querySelector('link[rel=alternate][type="application/json+oembed"]') || {}).href || ""`)
		if href == "" {
			t.Errorf("%s: no oEmbed discovery link", p.Path)
			continue
		}
		o := getJSON[web.OEmbed](t, href)
		title := eval[string](tb, "", `document.title`)
		if o.Type != "rich" || o.Version != "1.0" || o.Title != title || o.Width <= 0 || o.Height <= 0 || o.ProviderURL != base {
			t.Errorf("%s: oEmbed %+v; want type rich, version 1.0, title %q, a size, provider %s", p.Path, o, title, base)
		}
		if !strings.HasPrefix(o.HTML, `<iframe src="`+pageURL+`"`) {
			t.Errorf("%s: oEmbed html %q does not embed %s", p.Path, short(o.HTML), pageURL)
		}
		if w, h := pngSize(t, o.ThumbnailURL); w != o.ThumbnailWidth || h != o.ThumbnailHeight || w == 0 {
			t.Errorf("%s: thumbnail %s is %dx%d, the response says %dx%d", p.Path, o.ThumbnailURL, w, h, o.ThumbnailWidth, o.ThumbnailHeight)
		}
		article.WriteString(o.HTML)
	}
	article.WriteString("</body></html>\n")
	if err := os.WriteFile(filepath.Join(out, "oembed-article.html"), []byte(article.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	tb.navigate(srv.URL + "/oembed-article.html")
	for _, p := range pages {
		t.Run(p.Path, func(t *testing.T) {
			parent := tb.t
			tb.t = t
			defer func() { tb.t = parent }()
			sel := fmt.Sprintf(`document.querySelector('iframe[src=%q]')`, base+embeddedReport+"/"+p.Path)
			if !eval[bool](tb, "", `!!`+sel) {
				t.Fatalf("no iframe for %s", p.Path)
			}
			eval[bool](tb, "", sel+`.scrollIntoView(), true`)
			ctxID := tb.frameContext("/" + p.Path)
			tb.waitFor(ctxID, chartsReady, 20*time.Second)
			checkPageState(t, p, eval[string](tb, ctxID, readPage))
		})
	}
	noProblems(t, tb, []string{srvURL.Host})
}

// getJSON fetches and decodes a JSON document.
func getJSON[T any](t *testing.T, u string) T {
	t.Helper()
	var v T
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", u, res.Status)
	}
	if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	return v
}

// pngSize fetches a PNG and returns its size (0, 0 when it is not one).
func pngSize(t *testing.T, u string) (int, int) {
	t.Helper()
	if u == "" {
		return 0, 0
	}
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	c, err := png.DecodeConfig(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Errorf("GET %s: %s, %v", u, res.Status, err)
		return 0, 0
	}
	return c.Width, c.Height
}

// checkPages opens every page from file://, one tab each, with reduced
// motion (the pages then draw without animation).
func checkPages(t *testing.T, browser context.Context, pages []shippedPage) {
	start := time.Now()
	t.Cleanup(func() { t.Logf("%d pages checked in %v", len(pages), time.Since(start).Round(time.Millisecond)) })
	for _, p := range pages {
		t.Run(p.name(), func(t *testing.T) {
			t.Parallel() // two tabs at a time (GOMAXPROCS on two cores)
			tb := newTab(t, browser, 30*time.Second)
			setMedia(t, tb, &emulation.MediaFeature{Name: "prefers-reduced-motion", Value: "reduce"})
			u := p.fileURL()
			tb.navigate(u)
			tb.waitFor("", chartsReady, 15*time.Second)
			checkPageState(t, p, eval[string](tb, "", readPage))
			noProblems(t, tb, nil)
			// The page's own request was seen: the listener works.
			reqs := tb.requestList()
			if !slices.Contains(reqs, u) {
				t.Errorf("the page's own request is not among those seen: %q", reqs)
			}
			if p.Single {
				// One self-contained file: it loads nothing else.
				for _, r := range reqs {
					if r != u && !strings.HasPrefix(r, "data:") && !strings.HasPrefix(r, "blob:") {
						t.Errorf("the single file requested %s", r)
					}
				}
			}
		})
	}
}

// checkEmbedded embeds the pages of one report, both languages, in an
// article page with the embed code of charts/web, opened from file://
// (each frame is then cross-origin: the checks run inside it) and over
// http; each page runs with its opening animation.
func checkEmbedded(t *testing.T, browser context.Context, out string, all []shippedPage) {
	var pages []shippedPage
	for _, p := range all {
		if p.Report == embeddedReport && !p.Single {
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		t.Fatalf("report %s has no pages", embeddedReport)
	}
	loaded, err := charts.Load([]string{filepath.Join(root, "reports", embeddedReport+".yaml")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var host strings.Builder
	host.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test article embedding charts</title></head><body>\n<p>Test article.</p>\n")
	for _, p := range pages {
		for _, f := range loaded[0].Figures {
			if f.ID == p.Chart && f.Locale.Lang == p.Lang {
				host.WriteString(web.Embed(f, p.Path))
			}
		}
	}
	host.WriteString("</body></html>\n")
	dir := filepath.Join(out, embeddedReport)
	if err := os.WriteFile(filepath.Join(dir, "test-article.html"), []byte(host.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	srvURL, _ := url.Parse(srv.URL)

	for _, c := range []struct{ name, url, allow string }{
		{"file", (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "test-article.html"))}).String(), ""},
		{"http", srv.URL + "/" + embeddedReport + "/test-article.html", srvURL.Host},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			tb := newTab(t, browser, 120*time.Second)
			tb.navigate(c.url)
			for _, p := range pages {
				t.Run(p.Path, func(t *testing.T) {
					// The tab's failures are this subtest's while it runs.
					parent := tb.t
					tb.t = t
					defer func() { tb.t = parent }()
					sel := fmt.Sprintf(`document.querySelector('iframe[src=%q]')`, p.Path)
					if !eval[bool](tb, "", `!!`+sel) {
						t.Fatalf("no iframe for %s", p.Path)
					}
					eval[bool](tb, "", sel+`.scrollIntoView(), true`) // off-screen frames get no animation frames
					ctxID := tb.frameContext("/" + p.Path)
					tb.waitFor(ctxID, chartsReady, 20*time.Second)
					checkPageState(t, p, eval[string](tb, ctxID, readPage))
					// The iframe takes the height its page posts.
					inner := eval[float64](tb, ctxID, `Math.ceil(document.documentElement.getBoundingClientRect().height)`)
					tb.waitFor("", fmt.Sprintf(`%s.style.height === "%.0fpx"`, sel, inner), 10*time.Second)
				})
			}
			noProblems(t, tb, []string{c.allow})
			t.Logf("%d embedded pages checked in %v", len(pages), time.Since(start).Round(time.Millisecond))
		})
	}
}

// noProblems fails on console errors and warnings, exceptions, failed loads
// and any request that leaves the machine: only file:, data:, blob: and
// about: URLs, and http to the given hosts (a test server), are allowed.
func noProblems(t *testing.T, tb *tab, hosts []string) {
	t.Helper()
	for _, p := range tb.problemList() {
		t.Errorf("browser: %s", p)
	}
	for _, r := range tb.requestList() {
		u, err := url.Parse(r)
		if err != nil {
			t.Errorf("request to %q: %v", r, err)
			continue
		}
		switch u.Scheme {
		case "file", "data", "blob", "about":
			continue
		case "http":
			if u.Host != "" && slices.Contains(hosts, u.Host) {
				continue
			}
		}
		t.Errorf("request leaving the machine: %s", r)
	}
}

// setScripts turns the page's JavaScript on or off.
func setScripts(t *testing.T, tb *tab, on bool) {
	t.Helper()
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tt, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

// noJSState is what a page shows with JavaScript off: its still image
// (loaded, its size on the page, its alt text and the chart's), whether a
// canvas was drawn, and the rows of its data table.
const noJSState = `(() => {
  const chart = document.querySelector(".tc-chart[id]");
  const img = document.querySelector(".tc-fallback"), r = img && img.getBoundingClientRect();
  const table = document.querySelector("details.tc-data table");
  return JSON.stringify({chart: !!chart, label: chart ? chart.getAttribute("aria-label") : "",
    img: !!img, loaded: !!img && img.complete && img.naturalWidth > 0, alt: img ? img.alt : "", w: r ? r.width : 0, h: r ? r.height : 0,
    stats: document.querySelectorAll(".tc-stats li").length,
    rows: table ? table.tBodies[0].rows.length : 0, canvas: !!document.querySelector("canvas")});
})()`

// checkNoJS: with JavaScript off, a chart page shows its PNG in place of
// the chart, loaded, at a readable size, with the chart's alt text; a
// card page shows its figures; and every page has its data table, one
// row per category of its CSV.
func checkNoJS(t *testing.T, tb *tab, p shippedPage) {
	t.Helper()
	var st struct {
		Chart, Img, Loaded, Canvas bool
		Label, Alt                 string
		W, H                       float64
		Stats, Rows                int
	}
	if err := json.Unmarshal([]byte(eval[string](tb, "", noJSState)), &st); err != nil {
		t.Fatal(err)
	}
	if st.Canvas {
		t.Errorf("JavaScript off: a canvas was drawn")
	}
	if st.Chart {
		if !st.Img || !st.Loaded || st.Alt == "" || st.Alt != st.Label || st.W < 300 || st.H < 100 {
			t.Errorf("JavaScript off: still image shown %v, loaded %v, %gx%g px, alt text the chart's %v; want it loaded, at least 300x100 px, with the chart's alt text", st.Img, st.Loaded, st.W, st.H, st.Alt != "" && st.Alt == st.Label)
		}
	} else if st.Stats == 0 {
		t.Errorf("JavaScript off: neither a still image nor figures shown")
	}
	cats := map[string]bool{}
	for _, r := range p.Rows {
		cats[r.CategoryKey] = true
	}
	if st.Rows != len(cats) {
		t.Errorf("JavaScript off: data table of %d rows; the CSV has %d categories", st.Rows, len(cats))
	}
}

func setMedia(t *testing.T, tb *tab, features ...*emulation.MediaFeature) {
	t.Helper()
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tt, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

// The rest is charts/web's browser_helper_test.go.

// newBrowser starts a headless browser for the test and returns its
// context; tabs are made from it with newTab. The browser stops when the
// test ends. Without Chromium the test is skipped, or fails when the CI
// environment variable is set.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	return browsertest.Browser(t, chromedp.WindowSize(1000, 900))
}

// tab is one browser tab and what it saw.
type tab struct {
	ctx context.Context
	t   *testing.T

	mu       sync.Mutex
	problems []string                                       // console errors, exceptions, failed loads
	requests []string                                       // every URL requested
	contexts map[string]runtime.ExecutionContextDescription // default contexts by frame id
}

// newTab opens a tab with its own timeout; it closes when the test ends.
func newTab(t *testing.T, browser context.Context, timeout time.Duration) *tab {
	t.Helper()
	tb := &tab{t: t, contexts: map[string]runtime.ExecutionContextDescription{}}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(tb.listen))
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() {
		cancelTimeout()
		cancel()
	})
	tb.ctx = ctx
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	return tb
}

// listen runs in the tab's event loop: it must be quick and run no command.
func (tb *tab) listen(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			var parts []string
			for _, a := range ev.Args {
				if len(a.Value) > 0 {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			tb.problems = append(tb.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " ")))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		tb.problems = append(tb.problems, fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level == log.EntryLevelError && !strings.HasSuffix(e.URL, "/favicon.ico") {
			tb.problems = append(tb.problems, fmt.Sprintf("log %s: %s %s", e.Source, e.Text, e.URL))
		}
	case *network.EventRequestWillBeSent:
		tb.requests = append(tb.requests, ev.Request.URL)
	case *network.EventLoadingFailed:
		tb.problems = append(tb.problems, fmt.Sprintf("loading failed: %s %s", ev.ErrorText, ev.Type))
	case *runtime.EventExecutionContextsCleared:
		clear(tb.contexts)
	case *runtime.EventExecutionContextCreated:
		var aux struct {
			IsDefault bool   `json:"isDefault"`
			FrameID   string `json:"frameId"`
		}
		if len(ev.Context.AuxData) > 0 && json.Unmarshal([]byte(ev.Context.AuxData), &aux) == nil && aux.IsDefault {
			tb.contexts[aux.FrameID] = *ev.Context
		}
	}
}

// navigate loads a URL and waits for its load event.
func (tb *tab) navigate(u string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(u)); err != nil {
		tb.t.Fatalf("navigate %s: %v", u, err)
	}
}

// problemList returns the console errors, exceptions and failed loads so far.
func (tb *tab) problemList() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.problems...)
}

// requestList returns every URL the tab requested so far.
func (tb *tab) requestList() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.requests...)
}

// eval evaluates a JavaScript expression in the top document (ctxID "")
// or in the execution context ctxID (see frameContext); promises are
// awaited.
func eval[T any](tb *tab, ctxID, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise,
		func(p *runtime.EvaluateParams) { p.UniqueContextID = ctxID }))
	if err != nil {
		tb.t.Fatalf("evaluate %s: %v", short(expr), err)
	}
	return v
}

// waitFor evaluates expr in ctxID ("" for the top document) until it is
// true, for at most d.
func (tb *tab) waitFor(ctxID, expr string, d time.Duration) {
	tb.t.Helper()
	deadline := time.Now().Add(d)
	for {
		ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool]("!!("+expr+")",
			func(p *runtime.EvaluateParams) { p.UniqueContextID = ctxID }))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("waited %v for %s (last error %v; problems: %v)", d, short(expr), err, tb.problemList())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// frameContext finds the default execution context of the frame whose URL
// ends with suffix, waiting for the frame to load.
func (tb *tab) frameContext(suffix string) string {
	tb.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		res, err := chromedp.Run(tb.ctx, func(ctx context.Context, t *chromedp.Target) (page.GetFrameTreeResult, error) {
			return cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
		})
		if err != nil {
			tb.t.Fatalf("frame tree: %v", err)
		}
		var id string
		var walk func(ft *page.FrameTree)
		walk = func(ft *page.FrameTree) {
			if ft == nil {
				return
			}
			if ft.Frame != nil && strings.HasSuffix(ft.Frame.URL, suffix) {
				id = string(ft.Frame.ID)
			}
			for _, c := range ft.ChildFrames {
				walk(c)
			}
		}
		walk(res.FrameTree)
		tb.mu.Lock()
		c, ok := tb.contexts[id]
		tb.mu.Unlock()
		if id != "" && ok {
			return c.UniqueID
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("no frame with a URL ending in %q (or no script context in it)", suffix)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 120 {
		return s[:117] + "..."
	}
	return s
}
