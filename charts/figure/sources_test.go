package figure_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollcharts/tollcharts/charts/dataset"
	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/spec"
)

// synthSources loads a synthetic dataset of windows with the given
// sidecar sources and inferred periods, and builds its one chart.
func synthSources(t *testing.T, csv, sources, extra, chart, lang string) (*figure.Figure, error) {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "s.csv"), []byte(csv), 0o644)
	os.WriteFile(filepath.Join(dir, "s.meta.yaml"), []byte(`title: Synthetic
publisher: Test
publisher_short: TEST
period_semantics: window
documented_minimum: false
licence: test only
defaults: {perpetrator: russian_forces, metric: civilians_killed}
default_source: p1
`+extra+"sources:\n"+sources), 0o644)
	sp := filepath.Join(dir, "r.yaml")
	os.WriteFile(sp, []byte("id: synthetic\ntitle: {en: Synthetic, ar: تجريبي}\ndatasets: {d: s.csv}\ncharts:\n"+chart), 0o644)
	r, err := spec.Load(sp)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := dataset.Load(filepath.Join(dir, "s.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return figure.Build(r, &r.Charts[0], tab, lang)
}

const barChart = `  - id: c
    kind: bar
    data: d
    title: {en: Synthetic, ar: تجريبي}
    select: {metric: civilians_killed}
    x: category
`

func TestInferredPeriod(t *testing.T) {
	csv := "period,category,value\n2016-09-19/2016-10-14,all,100\n2016-09-19/2016-10-14,children,30\n"
	src := "  p1: {title: Synthetic statement, date: \"2016-10\", kind: primary}\n"
	inferred := "inferred_periods:\n  2016-09-19/2016-10-14: the source states a length of 25 days, not dates\n"
	for _, c := range []struct{ lang, period, note string }{
		{"en", "about 19 Sep 2016 – 14 Oct 2016", "inferred from the source"},
		{"ar", "نحو 19 أيلول 2016 – 14 تشرين الأول 2016", "مستنتجة من المصدر"},
	} {
		f, err := synthSources(t, csv, src, inferred, barChart, c.lang)
		if err != nil {
			t.Fatal(err)
		}
		if f.Period != c.period {
			t.Errorf("%s: period %q, want %q", c.lang, f.Period, c.period)
		}
		if !strings.Contains(strings.ToLower(f.Subtitle), strings.ToLower(c.period)) {
			t.Errorf("%s: the subtitle %q does not state the period", c.lang, f.Subtitle)
		}
		if !strings.Contains(strings.Join(f.Notes, "\n"), c.note) {
			t.Errorf("%s: notes %q do not say the dates are inferred", c.lang, f.Notes)
		}
		// The same window, not marked inferred, is stated as it is.
		f, err = synthSources(t, csv, src, "", barChart, c.lang)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(f.Period, "about") || strings.Contains(f.Period, "نحو") || strings.Contains(strings.Join(f.Notes, "\n"), c.note) {
			t.Errorf("%s: a stated window reads as inferred: %q %q", c.lang, f.Period, f.Notes)
		}
	}
}

func TestSourceLines(t *testing.T) {
	csv := "period,category,value,source\n/2016-10-01,all,100,p1\n/2017-10-01,all,200,p2\n/2018-10-01,all,300,n1\n/2019-10-01,all,400,n2\n"
	srcs := `  p1: {title: First report, date: "2016-10-01", kind: primary}
  p2: {title: Second report, date: "2017-10-01", kind: primary}
  n1: {title: "Headline 300", date: "2018-10-02", kind: secondary, cites: TEST third report, outlet: Outlet One}
  n2: {title: "Headline 400", date: n.d., kind: secondary, cites: TEST fourth report, outlet: Outlet Two}
`
	line := `  - id: c
    kind: line
    data: d
    title: {en: Synthetic, ar: تجريبي}
    select: {metric: civilians_killed%s}
    x: period
`
	for _, c := range []struct{ sel, lang, want string }{
		{", period: [/2016-10-01]", "en", "Source: TEST, First report, 1 Oct 2016"},
		{", period: [/2018-10-01]", "en", "Source: TEST third report, as quoted by Outlet One (news report, 2 Oct 2018)"},
		{", period: [/2019-10-01]", "en", "Source: TEST fourth report, as quoted by Outlet Two (news report, undated)"},
		{", period: [/2019-10-01]", "ar", "المصدر: \u2068TEST fourth report\u2069، \u200fنقلاً عن \u2068Outlet Two\u2069 (تقرير إخباري، \u200fبلا تاريخ)"},
		{"", "en", "Sources: TEST, 2 reports (2016–2017); 2 news reports quoting TEST (2018; 1 undated); the source of each figure is in the CSV"},
		{"", "ar", "المصادر: TEST، \u200fتقريران (2016–2017)؛ \u200fتقريران إخباريان نقلاً عن TEST (2018؛ واحد منها بلا تاريخ)؛ مصدر كل رقم في ملف CSV"},
		{", period: [/2016-10-01, /2017-10-01, /2018-10-01]", "en", "Sources: TEST, 2 reports (2016–2017); 1 news report quoting TEST (2018); the source of each figure is in the CSV"},
		{", period: [/2016-10-01, /2017-10-01, /2018-10-01]", "ar", "المصادر: TEST، \u200fتقريران (2016–2017)؛ \u200fتقرير إخباري واحد نقلاً عن TEST (2018)؛ مصدر كل رقم في ملف CSV"},
		{", period: [/2018-10-01, /2019-10-01]", "en", "Sources: 2 news reports quoting TEST (2018; 1 undated); the source of each figure is in the CSV"},
	} {
		f, err := synthSources(t, csv, srcs, "", strings.Replace(line, "%s", c.sel, 1), c.lang)
		if err != nil {
			t.Fatal(err)
		}
		if f.Source != c.want {
			t.Errorf("%s %s:\n got %q\nwant %q", c.lang, c.sel, f.Source, c.want)
		}
	}
}

// A source without a date cannot be cited: check fails at the sidecar.
func TestUndatedSourceIsAnError(t *testing.T) {
	csv := "period,category,value\n/2016-10-01,all,100\n"
	_, err := synthSources(t, csv, "  p1: {title: First report, kind: primary}\n", "", barChart, "en")
	if err == nil || !strings.Contains(err.Error(), `s.meta.yaml:10:7: source "p1" has no date`) {
		t.Fatalf("err = %v, want a positioned error at the source", err)
	}
}
