package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// The browser tests build a report folder as the build would (pages under
// <lang>/, echarts under assets/, a gallery, a page embedding charts in
// iframes), serve it with httptest and open it over http and file://. They
// check what a reader gets: the values drawn, no console error, no request
// to another host, right-to-left layout, escaping, iframe heights.

const report = "synthetic"

// site is a report folder on disk and a server for it.
type site struct {
	dir  string // holds report/
	srv  *httptest.Server
	figs map[string]*figure.Figure // by "<lang>/<file>"
}

func (s *site) url(p string) string { return s.srv.URL + "/" + report + "/" + p }
func (s *site) file(p string) string {
	return "file://" + filepath.ToSlash(filepath.Join(s.dir, report, p))
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func buildSite(t *testing.T) *site {
	t.Helper()
	js := echartsJS(t)
	s := &site{dir: t.TempDir(), figs: map[string]*figure.Figure{}}
	root := filepath.Join(s.dir, report)
	writeFile(t, filepath.Join(root, "assets", AssetJS), js)
	add := func(name string, f *figure.Figure, o Options) {
		s.figs[name] = f
		writeFile(t, filepath.Join(root, name), render(t, f, o))
	}
	var tiny bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{0, 114, 178, 255})
	_ = png.Encode(&tiny, img)
	g := GalleryData{Report: report, Title: "Synthetic test report"}
	for _, k := range Kinds {
		gc := GalleryChart{ID: "test-" + string(k)}
		for _, lang := range langs {
			f := testFigure(k, lang)
			name := lang + "/" + f.ID + ".html"
			add(name, f, Options{CSVHref: f.ID + ".csv"})
			writeFile(t, filepath.Join(root, lang, f.ID+".csv"), []byte("synthetic\n"))
			writeFile(t, filepath.Join(root, lang, f.ID+".png"), tiny.Bytes())
			gc.Entries = append(gc.Entries, GalleryEntry{Lang: lang, Title: f.Title, Alt: f.Alt,
				Page: name, PNG: lang + "/" + f.ID + ".png", CSV: lang + "/" + f.ID + ".csv"})
		}
		g.Charts = append(g.Charts, gc)
	}
	for _, lang := range langs {
		add(lang+"/hostile.html", hostileFigure(lang), Options{})
	}
	inl := testFigure(figure.Line, "ar")
	inl.ID = "inline-line"
	add("inline/inline-line.html", inl, Options{Inline: js})

	var gal bytes.Buffer
	if err := Gallery(&gal, g); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "index.html"), gal.Bytes())

	// An article embedding two charts in iframes, as a CMS page would.
	host := "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Synthetic host article</title></head><body>\n<p>Synthetic article.</p>\n" +
		Embed(s.figs["ar/test-bar.html"], "ar/test-bar.html") +
		Embed(s.figs["en/test-line.html"], "en/test-line.html") + "</body></html>\n"
	writeFile(t, filepath.Join(root, "host.html"), []byte(host))

	// A page that loads echarts itself and holds two snippets.
	var sn bytes.Buffer
	sn.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Synthetic snippets</title><script src=\"assets/echarts.min.js\"></script></head><body>\n")
	for _, f := range []*figure.Figure{testFigure(figure.Grouped, "en"), testFigure(figure.Bar, "ar")} {
		if err := Snippet(&sn, f, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	sn.WriteString("</body></html>\n")
	writeFile(t, filepath.Join(root, "snippets.html"), sn.Bytes())

	s.srv = httptest.NewServer(http.FileServer(http.Dir(s.dir)))
	t.Cleanup(s.srv.Close)
	return s
}

// drawn is what the page reports about a drawn chart.
type drawn struct {
	Dir, Lang string
	Series    []struct {
		ID   string
		Name string
		Data []any
	}
	Labels     [][]string
	XAxis      []axisState
	YAxis      []axisState
	Color      []string
	Animation  bool
	Decal      bool
	AriaLabel  string
	Painted    int
	ColorHits  int
	CanvasCSSW float64
	BoxW       float64
}

type axisState struct {
	Type     string
	Inverse  bool
	Position string
	Data     []string
}

// readChart reads a chart back from the page: the option ECharts holds
// (getOption), the labels its formatters give, and the canvas pixels.
// colour is the "#rrggbb" the first series should be painted in.
func readChart(tb *tab, ctxID, id, colour string) drawn {
	tb.t.Helper()
	tb.waitFor(ctxID, fmt.Sprintf(`document.getElementById(%q) && document.getElementById(%q).getAttribute("data-tc-ready") === "1"`, id, id), 20*time.Second)
	js := fmt.Sprintf(`(() => {
  const el = document.getElementById(%q);
  const fig = document.getElementById(%q + "-figure");
  const o = echarts.getInstanceByDom(el).getOption();
  const cv = el.querySelector("canvas");
  const px = cv.getContext("2d").getImageData(0, 0, cv.width, cv.height).data;
  const want = [parseInt(%q.slice(1, 3), 16), parseInt(%q.slice(3, 5), 16), parseInt(%q.slice(5, 7), 16)];
  let painted = 0, hits = 0;
  for (let i = 0; i < px.length; i += 4) {
    if (px[i + 3] > 0) painted++;
    if (px[i + 3] === 255 && Math.abs(px[i] - want[0]) < 3 && Math.abs(px[i + 1] - want[1]) < 3 && Math.abs(px[i + 2] - want[2]) < 3) hits++;
  }
  const ax = a => ({type: a.type, inverse: !!a.inverse, position: a.position || "", data: a.data ? a.data.map(String) : null});
  const dirOf = e => e.closest("[dir]").getAttribute("dir");
  return {
    dir: dirOf(fig), lang: fig.closest("[lang]").getAttribute("lang"),
    series: o.series.map(s => ({id: s.id, name: s.name, data: s.data})),
    labels: o.series.map((s, si) => s.data.map((_, di) => s.label && typeof s.label.formatter === "function" ? s.label.formatter({seriesIndex: si, dataIndex: di}) : null)),
    xAxis: o.xAxis.map(ax), yAxis: o.yAxis.map(ax),
    color: o.color, animation: o.animation !== false, decal: !!(o.aria && o.aria.decal && o.aria.decal.show),
    ariaLabel: el.getAttribute("aria-label"),
    painted: painted, colorHits: hits,
    canvasCSSW: cv.getBoundingClientRect().width, boxW: el.getBoundingClientRect().width,
  };
})()`, id, id, colour, colour, colour)
	raw := eval[[]byte](tb, ctxID, js)
	var d drawn
	if err := json.Unmarshal(raw, &d); err != nil {
		tb.t.Fatalf("decode chart state: %v", err)
	}
	return d
}

// checkChart compares a drawn chart with its figure.
func checkChart(t *testing.T, d drawn, f *figure.Figure, colour string) {
	t.Helper()
	rtl := f.RTL()
	if want := dirOf(f.Locale.Lang); d.Dir != want || d.Lang != f.Locale.Lang {
		t.Errorf("dir=%q lang=%q, want %q %q", d.Dir, d.Lang, want, f.Locale.Lang)
	}
	if len(d.Series) != len(f.Series) {
		t.Fatalf("%d series drawn, want %d", len(d.Series), len(f.Series))
	}
	for si, s := range d.Series {
		var fs *figure.Series
		for i := range f.Series {
			if f.Series[i].Key == s.ID {
				fs = &f.Series[i]
			}
		}
		if fs == nil {
			t.Fatalf("drawn series %q is not in the figure", s.ID)
		}
		if stripIsolates(s.Name) != fs.Name {
			t.Errorf("series %s: name %q, want %q", fs.Key, s.Name, fs.Name)
		}
		if len(s.Data) != len(fs.Values) {
			t.Fatalf("series %s: %d values drawn, want %d", fs.Key, len(s.Data), len(fs.Values))
		}
		for i, v := range fs.Values {
			got := s.Data[i]
			if it, ok := got.(map[string]any); ok {
				got = it["value"] // a highlighted chart's items carry their colour
			}
			if f.TimeScale() {
				// [ms, value]: the point's day, then its value.
				pair, ok := got.([]any)
				if ms := f.Times()[i].UnixMilli(); !ok || len(pair) != 2 || pair[0] != float64(ms) {
					t.Errorf("series %s, %s: drawn %v, want [%d, value] (its day %s)", fs.Key, f.Categories[i], got, ms, f.Dates[i])
					continue
				}
				got = pair[1]
			}
			if v.Known {
				if n, ok := got.(float64); !ok || int64(n) != v.N || float64(v.N) != n {
					t.Errorf("series %s, %s: drawn %v, want %d", fs.Key, f.Categories[i], got, v.N)
				}
				if d.Labels[si][i] != v.Label {
					t.Errorf("series %s, %s: label %q, want %q", fs.Key, f.Categories[i], d.Labels[si][i], v.Label)
				}
			} else if got != "-" && got != nil {
				t.Errorf("series %s, %s: unknown value drawn as %v, want \"-\"", fs.Key, f.Categories[i], got)
			}
		}
	}
	cat, val := d.XAxis[0], d.YAxis[0]
	if f.Kind == figure.Bar {
		cat, val = val, cat
	}
	var cats []string
	for _, c := range cat.Data {
		cats = append(cats, stripIsolates(c))
	}
	if f.TimeScale() {
		if cat.Type != "time" {
			t.Errorf("x axis of a time scale is %s, want time", cat.Type)
		}
	} else if cat.Type != "category" || strings.Join(cats, "|") != strings.Join(f.Categories, "|") {
		t.Errorf("category axis %s %q, want %q", cat.Type, cats, f.Categories)
	}
	if want := f.MirrorCategories() || f.Kind == figure.Bar; cat.Inverse != want {
		t.Errorf("category axis inverse = %v, want %v", cat.Inverse, want)
	}
	if f.Kind == figure.Bar {
		if val.Inverse != rtl || (cat.Position == "right") != rtl {
			t.Errorf("ranking: value axis inverse %v, category axis at %q (rtl %v)", val.Inverse, cat.Position, rtl)
		}
	} else if (val.Position == "right") != rtl {
		t.Errorf("value axis at %q (rtl %v)", val.Position, rtl)
	}
	if d.AriaLabel != f.Alt {
		t.Errorf("chart aria-label %q, want the alt text %q", d.AriaLabel, f.Alt)
	}
	if d.Painted < 2000 {
		t.Errorf("canvas nearly blank: %d painted pixels", d.Painted)
	}
	if d.ColorHits < 50 {
		t.Errorf("canvas has %d pixels of the first series' colour %s", d.ColorHits, colour)
	}
	if d.BoxW < 100 || d.CanvasCSSW < d.BoxW-2 || d.CanvasCSSW > d.BoxW+2 {
		t.Errorf("canvas %.0f px wide in a %.0f px box", d.CanvasCSSW, d.BoxW)
	}
}

// firstColour is the colour of the figure's first series in light mode.
func firstColour(f *figure.Figure) string { return paletteLight[0] }

// noProblems fails on console errors, exceptions, failed loads and
// requests to other hosts.
func noProblems(t *testing.T, tb *tab) {
	t.Helper()
	for _, p := range tb.problemList() {
		t.Errorf("browser: %s", p)
	}
	for _, r := range tb.remoteRequests() {
		t.Errorf("request to a remote host: %s", r)
	}
}

// showTip points at a category, as a reader's mouse would, and returns the
// tooltip's text.
func showTip(tb *tab, ctxID, id string, horizontal bool, dataIndex int) string {
	tb.t.Helper()
	cat, val := "xAxisIndex", "yAxisIndex"
	if horizontal {
		cat, val = val, cat
	}
	eval[bool](tb, ctxID, fmt.Sprintf(`(() => {
  const c = echarts.getInstanceByDom(document.getElementById(%q));
  const p = {};
  p[%q === "xAxisIndex" ? "x" : "y"] = c.convertToPixel({%s: 0}, %d);
  p[%q === "xAxisIndex" ? "x" : "y"] = c.convertToPixel({%s: 0}, 1);
  c.dispatchAction({type: "showTip", x: p.x, y: p.y});
  return true;
})()`, id, cat, cat, dataIndex, val, val))
	tip := fmt.Sprintf(`[...document.getElementById(%q).querySelectorAll("div")].filter(d => d.style.zIndex === "9999999" && d.style.visibility !== "hidden")`, id)
	tb.waitFor(ctxID, tip+`.some(d => d.textContent.length > 0)`, 5*time.Second)
	return eval[string](tb, ctxID, tip+`.map(d => d.textContent).join("|")`)
}

// shot saves a screenshot of the tab for a person to look at, when
// WEB_SCREENSHOTS names a folder. Screenshots depend on the installed fonts:
// they are never compared with saved images.
func shot(t *testing.T, tb *tab, name string) {
	t.Helper()
	dir := os.Getenv("WEB_SCREENSHOTS")
	if dir == "" {
		return
	}
	b, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	writeFile(t, filepath.Join(dir, name+".png"), b)
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

func TestBrowser(t *testing.T) {
	browser := newBrowser(t)
	s := buildSite(t)
	const tabTime = 60 * time.Second

	t.Run("pages", func(t *testing.T) {
		for _, k := range Kinds {
			for _, lang := range langs {
				t.Run(string(k)+"-"+lang, func(t *testing.T) {
					name := lang + "/test-" + string(k) + ".html"
					f := s.figs[name]
					id := ChartID(report, f.ID, lang)
					tb := newTab(t, browser, tabTime)
					tb.navigate(s.url(name))
					if got := eval[string](tb, "", `document.documentElement.dir + " " + document.documentElement.lang`); got != dirOf(lang)+" "+lang {
						t.Errorf("<html> dir and lang: %q", got)
					}
					// The table holds every value, unknown ones as "no data".
					checkTable(t, tb, id, f)
					switch formOf(k) {
					case formStat:
						tb.waitFor("", `document.readyState === "complete"`, 10*time.Second)
						if eval[bool](tb, "", `typeof window.echarts !== "undefined"`) {
							t.Error("a page without a chart loaded echarts")
						}
						if n := eval[int](tb, "", `document.querySelectorAll(".tc-stat-n").length`); n != 3 {
							t.Errorf("%d headline numbers, want 3", n)
						}
						shot(t, tb, string(k)+"-"+lang)
						noProblems(t, tb)
						return
					case formDonut:
						checkDonut(t, tb, id, f)
						shot(t, tb, string(k)+"-"+lang)
						noProblems(t, tb)
						return
					case formMap:
						checkMapPage(t, tb, id, f)
						shot(t, tb, string(k)+"-"+lang)
						noProblems(t, tb)
						return
					}
					d := readChart(tb, "", id, firstColour(f))
					checkChart(t, d, f, firstColour(f))
					if !d.Animation {
						t.Error("animation is off without a reason")
					}
					// The tooltip of a category with an unknown value says so.
					unknown := -1
					for i, v := range f.Series[0].Values {
						if !v.Known {
							unknown = i
						}
					}
					if tip := showTip(tb, "", id, k == figure.Bar, unknown); !strings.Contains(tip, uiFor(lang).NoData) {
						t.Errorf("tooltip of %s: %q lacks %q", f.Categories[unknown], tip, uiFor(lang).NoData)
					}
					shot(t, tb, string(k)+"-"+lang)
					if lang == "ar" {
						// The title sits at the right edge of the page.
						gap := eval[float64](tb, "", `(() => { const h = document.querySelector(".tc-title"); const r = document.createRange(); r.selectNodeContents(h); return h.getBoundingClientRect().right - r.getBoundingClientRect().right; })()`)
						if gap > 2 || gap < -2 {
							t.Errorf("Arabic title is %.0f px from the right edge", gap)
						}
					}
					noProblems(t, tb)
				})
			}
		}
	})

	t.Run("marks", func(t *testing.T) {
		for _, lang := range langs {
			f := testFigure(figure.Line, lang)
			f.ID = "marks"
			f.Marks = []figure.Mark{
				{ID: "span", Label: pick(lang, "A synthetic span", "مدة مصطنعة"), Date: "1 Apr 2021 – 11 Apr 2022", At: 0.25, To: 1.28},
				{ID: "day", Label: pick(lang, "A synthetic day", "يوم مصطنع"), Date: "8 Dec 2023", At: 2.5, To: 2.5},
			}
			name := lang + "/marks.html"
			writeFile(t, filepath.Join(s.dir, report, name), render(t, f, Options{}))
			tb := newTab(t, browser, tabTime)
			tb.navigate(s.url(name))
			id := ChartID(report, f.ID, lang)
			checkChart(t, readChart(tb, "", id, firstColour(f)), f, firstColour(f))
			raw := eval[[]byte](tb, "", fmt.Sprintf(`(() => {
  const c = echarts.getInstanceByDom(document.getElementById(%q));
  const kids = c.getOption().graphic[0].elements.filter(e => e.parentId === "tc-marks");
  const px = i => c.convertToPixel({xAxisIndex: 0}, i);
  const at = p => { const i = Math.floor(p); return px(i) + (p - i) * (px(i + 1) - px(i)); };
  return {kids: kids.map(e => ({type: e.type, text: e.style && e.style.text || "", x: e.shape ? (e.shape.x !== undefined ? e.shape.x : e.shape.x1) : e.x, w: e.shape && e.shape.width || 0})),
    span: [at(0.25), at(1.28)], day: at(2.5)};
})()`, id))
			var got struct {
				Kids []struct {
					Type, Text string
					X, W       float64
				}
				Span []float64
				Day  float64
			}
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Fatal(err)
			}
			if len(got.Kids) != 4 || got.Kids[0].Type != "rect" || got.Kids[2].Type != "line" {
				t.Fatalf("%s: mark elements %+v, want a band, its label, a line, its label", lang, got.Kids)
			}
			lo, hi := min(got.Span[0], got.Span[1]), max(got.Span[0], got.Span[1])
			if math.Abs(got.Kids[0].X-lo) > 0.5 || math.Abs(got.Kids[0].X+got.Kids[0].W-hi) > 0.5 {
				t.Errorf("%s: band from %.1f width %.1f, want %.1f to %.1f", lang, got.Kids[0].X, got.Kids[0].W, lo, hi)
			}
			if math.Abs(got.Kids[2].X-got.Day) > 0.5 {
				t.Errorf("%s: day line at %.1f, want %.1f", lang, got.Kids[2].X, got.Day)
			}
			for i, m := range f.Marks {
				if txt := got.Kids[2*i+1].Text; !strings.Contains(txt, m.Label) || !strings.Contains(txt, m.Date) {
					t.Errorf("%s: mark %s labelled %q", lang, m.ID, txt)
				}
			}
			shot(t, tb, "marks-"+lang)
			noProblems(t, tb)
		}
	})

	t.Run("annotations", func(t *testing.T) {
		for _, lang := range langs {
			for _, kind := range []figure.Kind{figure.Bar, figure.Column, figure.Line, figure.Map} {
				for _, dark := range []bool{false, true} {
					name := fmt.Sprintf("%s-%s-dark=%v", kind, lang, dark)
					t.Run(name, func(t *testing.T) { checkAnnotations(t, browser, s, kind, lang, dark) })
				}
			}
		}
	})

	t.Run("time-scale", func(t *testing.T) {
		for _, c := range []struct {
			lang   string
			mirror bool
		}{{"en", false}, {"ar", false}, {"ar", true}} {
			f := unevenDates(c.lang, c.mirror)
			name := fmt.Sprintf("%s/%s-%v.html", c.lang, f.ID, c.mirror)
			writeFile(t, filepath.Join(s.dir, report, name), render(t, f, Options{}))
			tb := newTab(t, browser, tabTime)
			tb.navigate(s.url(name))
			id := ChartID(report, f.ID, c.lang)
			checkChart(t, readChart(tb, "", id, firstColour(f)), f, firstColour(f))
			raw := eval[[]byte](tb, "", fmt.Sprintf(`(() => {
  const c = echarts.getInstanceByDom(document.getElementById(%q));
  const o = c.getOption();
  const xs = o.series[0].data.map(d => c.convertToPixel({xAxisIndex: 0}, d[0]));
  const ax = c.getModel().getComponent("xAxis", 0).axis;
  const ticks = ax.getViewLabels().map(l => ({label: l.formattedLabel, at: l.tickValue}));
  const kids = o.graphic[0].elements.filter(e => e.parentId === "tc-marks" && e.type === "line");
  return {xs, ticks, day: kids.length ? kids[0].shape.x1 : null, dayWant: c.convertToPixel({xAxisIndex: 0}, Date.UTC(2021, 10, 3))};
})()`, id))
			var got struct {
				Xs    []float64
				Ticks []struct {
					Label string
					At    float64
				}
				Day, DayWant *float64
			}
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Fatal(err)
			}
			// Points stand apart in proportion to the days between them.
			days := []float64{0, 366, 731, 800}
			for i := 1; i < len(got.Xs); i++ {
				want := days[i] / 800 * (got.Xs[3] - got.Xs[0])
				if math.Abs(got.Xs[i]-got.Xs[0]-want) > 1 {
					t.Errorf("%s mirror=%v: point %d at %.1f px from the first, want %.1f (day %v of 800)", c.lang, c.mirror, i, got.Xs[i]-got.Xs[0], want, days[i])
				}
			}
			if mirrored := got.Xs[3] < got.Xs[0]; mirrored != f.MirrorCategories() {
				t.Errorf("%s mirror=%v: first point at %.0f, last at %.0f", c.lang, c.mirror, got.Xs[0], got.Xs[3])
			}
			// Ticks on the first of a month, in the figure's locale.
			labels := timeLabels(f)
			shown := 0
			for _, tk := range got.Ticks {
				if tk.Label == "" {
					continue
				}
				shown++
				d := time.UnixMilli(int64(tk.At)).UTC()
				if d.Day() != 1 || labels[d.Format("2006-01")] != tk.Label {
					t.Errorf("%s: tick %q at %s, want the locale's label of the first of a month (%q)", c.lang, tk.Label, d.Format(time.DateOnly), labels[d.Format("2006-01")])
				}
			}
			if shown < 2 {
				t.Errorf("%s: %d labelled ticks (%+v), want at least 2", c.lang, shown, got.Ticks)
			}
			if c.lang == "ar" && !strings.Contains(fmt.Sprint(got.Ticks), "٢٠٢١") {
				t.Errorf("ar: ticks %+v do not write the year in the locale's digits", got.Ticks)
			}
			// The marked day (position 2.5: half-way between 30 Sep and
			// 8 Dec 2021, 3 Nov) stands on its day.
			if got.Day == nil || math.Abs(*got.Day-*got.DayWant) > 1 {
				t.Errorf("%s: marked day at %v px, want %v", c.lang, got.Day, got.DayWant)
			}
			// The tooltip at each point names its category.
			for i := range f.Categories {
				eval[bool](tb, "", fmt.Sprintf(`(() => {
  const c = echarts.getInstanceByDom(document.getElementById(%q));
  c.dispatchAction({type: "showTip", x: c.convertToPixel({xAxisIndex: 0}, %d), y: c.convertToPixel({yAxisIndex: 0}, 1)});
  return true;
})()`, id, f.Times()[i].UnixMilli()))
				sel := fmt.Sprintf(`[...document.getElementById(%q).querySelectorAll("div")].filter(d => d.style.zIndex === "9999999" && d.style.visibility !== "hidden")`, id)
				tb.waitFor("", sel+fmt.Sprintf(`.some(d => d.textContent.includes(%q))`, f.Categories[i]), 5*time.Second)
			}
			shot(t, tb, fmt.Sprintf("time-scale-%s-%v", c.lang, c.mirror))
			noProblems(t, tb)
		}
	})

	t.Run("no-js", func(t *testing.T) {
		// With JavaScript off, the page shows its still image in place of
		// the chart, with the alt text, and the data table; with it on,
		// the chart replaces the image.
		for _, lang := range langs {
			f := testFigure(figure.Line, lang)
			name := lang + "/still.html"
			writeFile(t, filepath.Join(s.dir, report, name), render(t, f, Options{Fallback: f.ID + ".png", FallbackWidth: 1200, FallbackHeight: 675}))
			id := ChartID(report, f.ID, lang)
			const state = `(() => {
  const img = document.querySelector(".tc-fallback"), r = img && img.getBoundingClientRect();
  const table = document.querySelector("details.tc-data table");
  return {img: !!img, loaded: !!img && img.complete && img.naturalWidth > 0, alt: img ? img.alt : "", w: r ? r.width : 0, h: r ? r.height : 0,
    rows: table ? table.tBodies[0].rows.length : 0, canvas: !!document.querySelector(".tc-chart canvas")};
})()`
			type still struct {
				Img, Loaded bool
				Alt         string
				W, H        float64
				Rows        int
				Canvas      bool
			}
			off := newTab(t, browser, tabTime)
			if err := chromedp.Do(off.ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
				_, err := cdp.Call(ctx, tt, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
				return err
			})); err != nil {
				t.Fatal(err)
			}
			off.navigate(s.url(name))
			off.waitFor("", `document.readyState === "complete"`, 10*time.Second)
			var got still
			if err := json.Unmarshal(eval[[]byte](off, "", state), &got); err != nil {
				t.Fatal(err)
			}
			if !got.Img || !got.Loaded || got.Alt != f.Alt || got.W < 300 || got.H < 100 || got.Canvas {
				t.Errorf("%s, JavaScript off: still image %+v; want it loaded, shown at least 300x100 px, with the alt text %q, and no canvas", lang, got, f.Alt)
			}
			if got.Rows != len(f.Categories) {
				t.Errorf("%s, JavaScript off: data table of %d rows, want %d", lang, got.Rows, len(f.Categories))
			}
			on := newTab(t, browser, tabTime)
			on.navigate(s.url(name))
			checkChart(t, readChart(on, "", id, firstColour(f)), f, firstColour(f))
			if err := json.Unmarshal(eval[[]byte](on, "", state), &got); err != nil {
				t.Fatal(err)
			}
			if got.Img || !got.Canvas {
				t.Errorf("%s, JavaScript on: still image still in place (%+v) once the chart is drawn", lang, got)
			}
			noProblems(t, on)
		}
	})

	t.Run("data-light", func(t *testing.T) {
		// On a connection the browser reports as slow (3G), or with the
		// reader's data saver on, a page shows its still image, as wide
		// as the chart (a ranking's box too, made for its bars), and
		// loads no echarts until the reader asks, with a click (English,
		// a ranking) or from the keyboard (Arabic, a line chart); the
		// chart then replaces the image and takes the focus.
		for _, lang := range langs {
			f := testFigure(figure.Line, lang)
			if lang == "en" {
				f = testFigure(figure.Bar, lang)
			}
			name := lang + "/light.html"
			// A synthetic 16:9 still, carried in the page.
			pic := image.NewRGBA(image.Rect(0, 0, 160, 90))
			draw.Draw(pic, image.Rect(10, 20, 120, 40), &image.Uniform{color.RGBA{0, 114, 178, 255}}, image.Point{}, draw.Src)
			var still bytes.Buffer
			if err := png.Encode(&still, pic); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(s.dir, report, name), render(t, f, Options{FallbackPNG: still.Bytes(), FallbackWidth: 1200, FallbackHeight: 675}))
			id := ChartID(report, f.ID, lang)
			tb := newTab(t, browser, tabTime)
			if err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
				if lang == "ar" {
					on := true
					_, err := cdp.Call(ctx, tt, emulation.SetDataSaverOverride, emulation.SetDataSaverOverrideParams{DataSaverEnabled: &on})
					return err
				}
				if _, err := cdp.Call(ctx, tt, network.Enable, network.EnableParams{}); err != nil {
					return err
				}
				_, err := cdp.Call(ctx, tt, network.OverrideNetworkState, network.OverrideNetworkStateParams{Latency: 400, DownloadThroughput: 400 * 1000 / 8, UploadThroughput: 400 * 1000 / 8})
				return err
			})); err != nil {
				t.Fatal(err)
			}
			tb.navigate(s.url(name))
			tb.waitFor("", `document.readyState === "complete"`, 10*time.Second)
			time.Sleep(500 * time.Millisecond) // nothing more may load meanwhile
			btn := "#" + id + "-load"
			type state struct {
				Echarts, Still, Canvas, Shown bool
				Text, Focus                   string
				StillW, BoxW                  float64
			}
			read := func() state {
				var st state
				js := fmt.Sprintf(`(() => { const b = document.querySelector(%q), img = document.querySelector(".tc-fallback");
  return {echarts: typeof window.echarts !== "undefined", still: !!img && img.complete && img.naturalWidth > 0,
    canvas: !!document.querySelector(".tc-chart canvas"), shown: !!b && !b.hidden && b.offsetParent !== null,
    text: b ? b.textContent : "", focus: document.activeElement ? document.activeElement.id : "",
    stillW: img && img.naturalHeight ? Math.min(img.getBoundingClientRect().width, img.getBoundingClientRect().height * img.naturalWidth / img.naturalHeight) : 0, boxW: document.querySelector(".tc-chart").getBoundingClientRect().width}; })()`, btn)
				if err := json.Unmarshal(eval[[]byte](tb, "", js), &st); err != nil {
					t.Fatal(err)
				}
				return st
			}
			libLoads := func() int {
				n := 0
				for _, r := range tb.requestList() {
					if strings.HasSuffix(r, "/"+AssetJS) {
						n++
					}
				}
				return n
			}
			if st := read(); st.Echarts || st.Canvas || !st.Still || st.StillW < 0.95*st.BoxW || !st.Shown || st.Text != uiFor(lang).Load || libLoads() != 0 {
				t.Fatalf("%s, data-light: %+v, %d requests of echarts; want the still image as wide as the chart, the button %q and no echarts", lang, st, libLoads(), uiFor(lang).Load)
			}
			shot(t, tb, "data-light-"+lang)
			if lang == "ar" {
				if err := chromedp.Do(tb.ctx, chromedp.Focus(chromedp.CSS(btn))); err != nil {
					t.Fatal(err)
				}
				if err := chromedp.Do(tb.ctx, chromedp.KeyEvent("\r")); err != nil {
					t.Fatal(err)
				}
			} else if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(btn))); err != nil {
				t.Fatal(err)
			}
			checkChart(t, readChart(tb, "", id, firstColour(f)), f, firstColour(f))
			if st := read(); st.Still || !st.Canvas || st.Shown || st.Focus != id || libLoads() != 1 {
				t.Errorf("%s, data-light, asked: %+v, %d requests of echarts; want the chart drawn once, focused, the button gone", lang, st, libLoads())
			}
			shot(t, tb, "data-light-asked-"+lang)
			noProblems(t, tb)
		}
	})

	t.Run("file", func(t *testing.T) {
		for _, name := range []string{"ar/test-bar.html", "en/test-line.html", "inline/inline-line.html"} {
			f := s.figs[name]
			tb := newTab(t, browser, tabTime)
			tb.navigate(s.file(name))
			checkChart(t, readChart(tb, "", ChartID(report, f.ID, f.Locale.Lang), firstColour(f)), f, firstColour(f))
			noProblems(t, tb)
		}
	})

	t.Run("inline", func(t *testing.T) {
		tb := newTab(t, browser, tabTime)
		tb.navigate(s.url("inline/inline-line.html"))
		f := s.figs["inline/inline-line.html"]
		checkChart(t, readChart(tb, "", ChartID(report, f.ID, "ar"), firstColour(f)), f, firstColour(f))
		for _, r := range tb.requestList() {
			if strings.HasSuffix(r, ".js") {
				t.Errorf("self-contained page requested %s", r)
			}
		}
		noProblems(t, tb)
	})

	t.Run("injection", func(t *testing.T) {
		for _, lang := range langs {
			f := s.figs[lang+"/hostile.html"]
			id := ChartID(report, f.ID, lang)
			tb := newTab(t, browser, tabTime)
			tb.navigate(s.url(lang + "/hostile.html"))
			d := readChart(tb, "", id, firstColour(f))
			checkChart(t, d, f, firstColour(f))
			for i := range f.Categories {
				if tip := showTip(tb, "", id, false, i); !strings.Contains(tip, f.Categories[i]) {
					t.Errorf("%s: tooltip %q lacks the category %q as text", lang, tip, f.Categories[i])
				}
			}
			time.Sleep(200 * time.Millisecond) // let an injected onerror fire, if any
			if got := eval[string](tb, "", `typeof window.pwned + " " + document.querySelectorAll("img").length`); got != "undefined 0" {
				t.Errorf("%s: injected code ran or injected elements exist: %s", lang, got)
			}
			if got := eval[string](tb, "", `document.title`); got != f.Title {
				t.Errorf("%s: title %q, want %q", lang, got, f.Title)
			}
			if got := eval[[]string](tb, "", `[...document.querySelectorAll(".tc-note")].map(p => p.textContent)`); strings.Join(got, "|") != strings.Join(f.Notes, "|") {
				t.Errorf("%s: notes %q, want %q", lang, got, f.Notes)
			}
			noProblems(t, tb)
		}
	})

	t.Run("iframe-http", func(t *testing.T) {
		tb := newTab(t, browser, tabTime)
		tb.navigate(s.url("host.html"))
		checkEmbedded(t, tb, s)
	})

	t.Run("iframe-file", func(t *testing.T) {
		tb := newTab(t, browser, tabTime)
		tb.navigate(s.file("host.html"))
		checkEmbedded(t, tb, s)
	})

	t.Run("snippets", func(t *testing.T) {
		tb := newTab(t, browser, tabTime)
		tb.navigate(s.url("snippets.html"))
		for _, f := range []*figure.Figure{testFigure(figure.Grouped, "en"), testFigure(figure.Bar, "ar")} {
			checkChart(t, readChart(tb, "", ChartID(report, f.ID, f.Locale.Lang), firstColour(f)), f, firstColour(f))
		}
		noProblems(t, tb)
	})

	t.Run("dark-and-reduced-motion", func(t *testing.T) {
		tb := newTab(t, browser, tabTime)
		setMedia(t, tb,
			&emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"},
			&emulation.MediaFeature{Name: "prefers-reduced-motion", Value: "reduce"})
		f := s.figs["en/test-column.html"]
		tb.navigate(s.url("en/test-column.html"))
		d := readChart(tb, "", ChartID(report, f.ID, "en"), paletteDark[0])
		checkChart(t, d, f, paletteDark[0])
		if d.Color[0] != paletteDark[0] || d.Animation {
			t.Errorf("dark, reduced motion: colour %v, animation %v", d.Color, d.Animation)
		}
		shot(t, tb, "dark-column-en")
		if bg := eval[string](tb, "", `getComputedStyle(document.body).backgroundColor`); bg != "rgb(18, 18, 18)" {
			t.Errorf("dark page background %s", bg)
		}
		noProblems(t, tb)
	})

	t.Run("map-dark-narrow", func(t *testing.T) {
		tb := newTab(t, browser, tabTime)
		setMedia(t, tb, &emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"})
		if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(420, 900)); err != nil {
			t.Fatal(err)
		}
		f := s.figs["ar/test-map.html"]
		id := ChartID(report, f.ID, "ar")
		tb.navigate(s.url("ar/test-map.html"))
		d := readMap(tb, "", id, mapDark)
		checkMapDrawn(t, d, f, mapDark)
		if !d.Narrow {
			t.Error("no narrow layout at 420 px")
		}
		shot(t, tb, "map-dark-narrow-ar")
		// Wider: the classes go back beside the map.
		if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(1000, 900)); err != nil {
			t.Fatal(err)
		}
		tb.waitFor("", fmt.Sprintf(`!document.getElementById(%q).classList.contains("tc-narrow")`, id), 5*time.Second)
		time.Sleep(1200 * time.Millisecond) // the resize animates
		checkMapDrawn(t, readMap(tb, "", id, mapDark), f, mapDark)
		shot(t, tb, "map-dark-wide-ar")
		noProblems(t, tb)
	})

	t.Run("patterns-and-resize", func(t *testing.T) {
		tb := newTab(t, browser, tabTime)
		f := s.figs["ar/test-grouped.html"]
		id := ChartID(report, f.ID, "ar")
		tb.navigate(s.url("ar/test-grouped.html"))
		if d := readChart(tb, "", id, firstColour(f)); d.Decal {
			t.Error("patterns on before the reader asked")
		}
		if !eval[bool](tb, "", fmt.Sprintf(`echarts.getInstanceByDom(document.getElementById(%q)).getOption().series.every(s => s.label.show === true)`, id)) {
			t.Error("value labels hidden on a wide page")
		}
		eval[bool](tb, "", fmt.Sprintf(`(document.getElementById(%q).click(), true)`, id+"-decal"))
		tb.waitFor("", fmt.Sprintf(`echarts.getInstanceByDom(document.getElementById(%q)).getOption().aria.decal.show === true`, id), 5*time.Second)
		if p := eval[string](tb, "", fmt.Sprintf(`document.getElementById(%q).getAttribute("aria-pressed")`, id+"-decal")); p != "true" {
			t.Errorf("pattern button aria-pressed=%s", p)
		}
		if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(420, 800)); err != nil {
			t.Fatal(err)
		}
		tb.waitFor("", fmt.Sprintf(`(() => { const el = document.getElementById(%q); const c = echarts.getInstanceByDom(el); return c.getWidth() < 420 && Math.abs(c.getWidth() - el.clientWidth) < 2; })()`, id), 10*time.Second)
		// Too narrow for the value labels of 3 columns per year: hidden, not
		// overlapping (the tooltip and the table keep every value).
		tb.waitFor("", fmt.Sprintf(`echarts.getInstanceByDom(document.getElementById(%q)).getOption().series.every(s => s.label.show === false)`, id), 5*time.Second)
		time.Sleep(1500 * time.Millisecond) // the resize animates
		shot(t, tb, "patterns-narrow-grouped-ar")
		noProblems(t, tb)
	})

	t.Run("gallery", func(t *testing.T) {
		tb := newTab(t, browser, tabTime)
		tb.navigate(s.url("index.html"))
		n := eval[int](tb, "", `Promise.all([...document.images].map(i => { i.loading = "eager"; return i.decode().then(() => i.alt.length > 0 ? 1 : 0, () => 0); })).then(a => a.reduce((x, y) => x + y, 0))`)
		if want := 2 * len(Kinds); n != want {
			t.Errorf("%d previews loaded with alt text, want %d", n, want)
		}
		embed := eval[string](tb, "", `document.querySelector("textarea.g-embed").value`)
		if want := `src="` + s.url("en/test-bar.html") + `"`; !strings.Contains(embed, want) {
			t.Errorf("embed code %q lacks the absolute page URL %s", embed, want)
		}
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("button[data-copy]"))); err != nil {
			t.Fatal(err)
		}
		tb.waitFor("", `document.querySelector(".g-status").textContent === "Copied"`, 5*time.Second)
		shot(t, tb, "gallery")
		noProblems(t, tb)
	})
}

// checkTable compares the page's data table with the figure: every value,
// unknown ones as "no data".
func checkTable(t *testing.T, tb *tab, id string, f *figure.Figure) {
	t.Helper()
	cells := eval[[]string](tb, "", fmt.Sprintf(`[...document.querySelectorAll("#%s-data td")].map(td => td.textContent)`, id))
	var want []string
	for i := range f.Categories {
		for _, s := range f.Series {
			if v := s.Values[i]; v.Known {
				want = append(want, v.Label)
			} else {
				want = append(want, uiFor(f.Locale.Lang).NoData)
			}
		}
	}
	if strings.Join(cells, "|") != strings.Join(want, "|") {
		t.Errorf("table cells %q, want %q", cells, want)
	}
}

// checkEmbedded checks the host article: each iframe takes the height its
// page posts, and the charts inside draw the figures' values.
func checkEmbedded(t *testing.T, tb *tab, s *site) {
	t.Helper()
	defer shot(t, tb, "host-"+strings.TrimSuffix(eval[string](tb, "", "location.protocol"), ":"))
	for _, name := range []string{"ar/test-bar.html", "en/test-line.html"} {
		f := s.figs[name]
		id := ChartID(report, f.ID, f.Locale.Lang)
		sel := fmt.Sprintf(`document.querySelector('iframe[data-tollcharts=%q]')`, id)
		eval[bool](tb, "", sel+`.scrollIntoView(), true`)
		ctxID := tb.frameContext(name)
		checkChart(t, readChart(tb, ctxID, id, firstColour(f)), f, firstColour(f))
		inner := eval[float64](tb, ctxID, `Math.ceil(document.documentElement.getBoundingClientRect().height)`)
		tb.waitFor("", fmt.Sprintf(`%s.style.height === "%.0fpx"`, sel, inner), 10*time.Second)
		if h := eval[float64](tb, "", sel+`.getBoundingClientRect().height`); h != inner {
			t.Errorf("%s: iframe %.0f px high, its page %.0f px", name, h, inner)
		}
	}
	noProblems(t, tb)
}

// checkDonut reads a donut back from the page: one pie series holding the
// whole's key, its items the parts with their exact counts, each sector
// labelled with its count and share, the whole in the middle, the ring
// painted in the parts' colours, and a tooltip per part.
func checkDonut(t *testing.T, tb *tab, id string, f *figure.Figure) {
	t.Helper()
	tb.waitFor("", fmt.Sprintf(`document.getElementById(%q).getAttribute("data-tc-ready") === "1"`, id), 20*time.Second)
	raw := eval[[]byte](tb, "", fmt.Sprintf(`(() => {
  const el = document.getElementById(%q);
  const c = echarts.getInstanceByDom(el), o = c.getOption();
  const s = o.series[0];
  const cv = el.querySelector("canvas");
  const px = cv.getContext("2d").getImageData(0, 0, cv.width, cv.height).data;
  const hits = o.color.slice(0, s.data.length).map(col => {
    const w = [1, 3, 5].map(i => parseInt(col.slice(i, i + 2), 16));
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] === 255 && Math.abs(px[i] - w[0]) < 3 && Math.abs(px[i + 1] - w[1]) < 3 && Math.abs(px[i + 2] - w[2]) < 3) n++;
    return n;
  });
  return ({n: o.series.length, type: s.type, id: s.id, name: s.name,
    items: s.data.map((d, i) => ({id: d.id, name: d.name, value: d.value, label: s.label.formatter({dataIndex: i})})),
    title: o.title[0].text, sub: o.title[0].subtext, hits: hits, aria: el.getAttribute("aria-label")});
})()`, id))
	var d struct {
		N              int
		Type, ID, Name string
		Items          []struct {
			ID, Name, Label string
			Value           float64
		}
		Title, Sub, Aria string
		Hits             []int
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatalf("decode donut: %v", err)
	}
	whole, parts, err := f.DonutParts()
	if err != nil {
		t.Fatal(err)
	}
	if d.N != 1 || d.Type != "pie" || d.ID != whole.Key || stripIsolates(d.Name) != whole.Name {
		t.Errorf("donut drawn as %d series, the first %s %q %q; want one pie %q %q", d.N, d.Type, d.ID, d.Name, whole.Key, whole.Name)
	}
	if d.Title != whole.Values[0].Label || stripIsolates(d.Sub) != whole.Name {
		t.Errorf("centre reads %q / %q, want %q / %q", d.Title, d.Sub, whole.Values[0].Label, whole.Name)
	}
	if len(d.Items) != len(parts) {
		t.Fatalf("%d sectors, want %d parts", len(d.Items), len(parts))
	}
	for i, p := range parts {
		it := d.Items[i]
		share := f.Share(p.Values[0].N, whole.Values[0].N)
		if it.ID != p.Key || stripIsolates(it.Name) != p.Name || it.Value != float64(p.Values[0].N) {
			t.Errorf("sector %d: %s %q %v, want %s %q %d", i, it.ID, it.Name, it.Value, p.Key, p.Name, p.Values[0].N)
		}
		if !strings.Contains(it.Label, p.Values[0].Label) || !strings.Contains(it.Label, share) {
			t.Errorf("sector %s: label %q lacks the count %q or the share %q", p.Key, it.Label, p.Values[0].Label, share)
		}
	}
	for i, h := range d.Hits {
		if h < 200 {
			t.Errorf("sector %d: %d pixels of its colour on the canvas", i, h)
		}
	}
	if d.Aria != f.Alt {
		t.Errorf("aria-label %q, want %q", d.Aria, f.Alt)
	}
	// A reader pointing at a sector sees its name, count and share.
	eval[bool](tb, "", fmt.Sprintf(`(() => { echarts.getInstanceByDom(document.getElementById(%q)).dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: 0}); return true; })()`, id))
	tip := fmt.Sprintf(`[...document.getElementById(%q).querySelectorAll("div")].filter(d => d.style.zIndex === "9999999" && d.style.visibility !== "hidden").map(d => d.textContent).join("|")`, id)
	tb.waitFor("", tip+`.length > 0`, 5*time.Second)
	if got := eval[string](tb, "", tip); !strings.Contains(got, parts[0].Values[0].Label) || !strings.Contains(got, parts[0].Name) {
		t.Errorf("tooltip of %s: %q", parts[0].Key, got)
	}
}
