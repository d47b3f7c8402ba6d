package web

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tollcharts/tollcharts/charts/figure"
)

func TestNiceMax(t *testing.T) {
	for _, c := range []struct{ in, want int64 }{
		{0, 0}, {1, 1}, {3, 5}, {7, 10}, {11, 20}, {21, 25}, {26, 50}, {300, 500}, {1041, 2000}, {2061, 2500}, {6993, 10000},
		{1 << 62, 1 << 62}, // too large for a nicer top: the value itself
	} {
		if got := niceMax(c.in); got != c.want {
			t.Errorf("niceMax(%d) = %d, want %d", c.in, got, c.want)
		}
	}
}

// Small multiples: a grid, axes and series per panel; every value axis
// with the same top, above the largest value; panels titled by series.
func TestMultiplesOption(t *testing.T) {
	for _, lang := range langs {
		f := testFigure(figure.Multiples, lang)
		cfg, opt := pageConfig(t, render(t, f, Options{}), ChartID(f.Report, f.ID, lang))
		n := len(f.Series)
		for _, key := range []string{"grid", "xAxis", "yAxis", "series"} {
			if l, _ := opt[key].([]any); len(l) != n {
				t.Errorf("%s: %d %s, want %d", lang, len(l), key, n)
			}
		}
		var top any
		for i, y := range opt["yAxis"].([]any) {
			ym := y.(map[string]any)
			if i == 0 {
				top = ym["max"]
			}
			if fmt.Sprint(ym["max"]) != fmt.Sprint(top) || fmt.Sprint(ym["gridIndex"]) != fmt.Sprint(map[bool]any{true: nil, false: float64(i)}[i == 0]) {
				t.Errorf("%s: y axis %d: max %v gridIndex %v (first max %v)", lang, i, ym["max"], ym["gridIndex"], top)
			}
		}
		if m, ok := top.(float64); !ok || int64(m) < f.Max() {
			t.Errorf("%s: value axes end at %v, below the largest value %d", lang, top, f.Max())
		}
		for i, s := range opt["series"].([]any) {
			sm := s.(map[string]any)
			if i > 0 && (sm["xAxisIndex"] != float64(i) || sm["yAxisIndex"] != float64(i)) {
				t.Errorf("%s: series %d on axes %v/%v", lang, i, sm["xAxisIndex"], sm["yAxisIndex"])
			}
			// Every panel with an unknown value says "no data" there.
			unknown := false
			for _, v := range f.Series[i].Values {
				unknown = unknown || !v.Known
			}
			if _, has := sm["markPoint"]; has != unknown {
				t.Errorf("%s: series %d: no-data marks %v, unknown values %v", lang, i, has, unknown)
			}
		}
		if len(cfg.Panels) != n {
			t.Fatalf("%s: %d panel titles, want %d", lang, len(cfg.Panels), n)
		}
		for i, p := range cfg.Panels {
			if stripIsolates(fmt.Sprint(p["text"])) != f.Series[i].Name {
				t.Errorf("%s: panel %d titled %v, want %q", lang, i, p["text"], f.Series[i].Name)
			}
		}
	}
}

// A donut: one pie, its sectors the parts with their exact counts and
// keys, each labelled with count and share; the whole in the middle.
func TestDonutOption(t *testing.T) {
	for _, lang := range langs {
		f := testFigure(figure.Donut, lang)
		cfg, opt := pageConfig(t, render(t, f, Options{}), ChartID(f.Report, f.ID, lang))
		series := opt["series"].([]any)
		if len(series) != 1 {
			t.Fatalf("%s: %d series, want 1", lang, len(series))
		}
		s := series[0].(map[string]any)
		if s["type"] != "pie" || s["id"] != "all" {
			t.Errorf("%s: series %v %v, want pie all", lang, s["type"], s["id"])
		}
		data := s["data"].([]any)
		if len(data) != 3 || len(cfg.Labels) != 1 || len(cfg.Labels[0]) != 3 {
			t.Fatalf("%s: %d sectors, labels %v", lang, len(data), cfg.Labels)
		}
		for i, p := range f.Series[1:] {
			d := data[i].(map[string]any)
			if d["id"] != p.Key || d["value"] != float64(p.Values[0].N) {
				t.Errorf("%s: sector %d %v, want %s %d", lang, i, d, p.Key, p.Values[0].N)
			}
			share := f.Share(p.Values[0].N, 6993)
			if l := cfg.Labels[0][i]; !strings.Contains(l, p.Values[0].Label) || !strings.Contains(l, share) || !strings.Contains(l, p.Name) {
				t.Errorf("%s: sector %s label %q, want name, %q and %q", lang, p.Key, l, p.Values[0].Label, share)
			}
		}
		if title := opt["title"].(map[string]any); title["text"] != f.Series[0].Values[0].Label {
			t.Errorf("%s: centre %v, want %q", lang, title["text"], f.Series[0].Values[0].Label)
		}
	}
	// The shares of the synthetic figure, worked by hand: 2,061/6,993 is
	// 29.47%, 984/6,993 is 14.07%, 3,948/6,993 is 56.46%.
	f := testFigure(figure.Donut, "en")
	cfg, _ := pageConfig(t, render(t, f, Options{}), ChartID(f.Report, f.ID, "en"))
	for i, want := range []string{"29.5%", "14.1%", "56.5%"} {
		if !strings.Contains(cfg.Labels[0][i], want) {
			t.Errorf("label %q lacks %s", cfg.Labels[0][i], want)
		}
	}
}

// A donut whose parts do not add up to its whole, or that lacks the
// whole, is refused: the ring would show shares the data does not hold.
func TestDonutRefusesBadParts(t *testing.T) {
	for name, change := range map[string]func(f *figure.Figure){
		"sum":      func(f *figure.Figure) { f.Series[1].Values[0].N++ },
		"no whole": func(f *figure.Figure) { f.Series[0].Key = "men" },
		"unknown":  func(f *figure.Figure) { f.Series[2].Values[0] = figure.Value{} },
		"two cats": func(f *figure.Figure) {
			f.Categories = append(f.Categories, "x")
			f.CategoryKeys = append(f.CategoryKeys, "x")
			for i := range f.Series {
				f.Series[i].Values = append(f.Series[i].Values, f.Series[i].Values[0])
			}
		},
	} {
		f := testFigure(figure.Donut, "en")
		change(f)
		if err := Render(new(strings.Builder), f, Options{}); err == nil {
			t.Errorf("%s: Render accepted a bad donut", name)
		}
	}
}
