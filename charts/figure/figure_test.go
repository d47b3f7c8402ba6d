package figure_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tollcharts/tollcharts/charts/dataset"
	"github.com/tollcharts/tollcharts/charts/figure"
	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
	"github.com/tollcharts/tollcharts/charts/spec"
)

var update = flag.Bool("update", os.Getenv("UPDATE_GOLDEN") != "", "rewrite golden files")

func TestKindsMatchSpec(t *testing.T) {
	var ks []string
	for _, k := range figure.Kinds {
		ks = append(ks, string(k))
	}
	if !slices.Equal(ks, spec.KindNames()) {
		t.Errorf("figure kinds %v, spec kinds %v", ks, spec.KindNames())
	}
}

// TestShippedFigures builds every chart of every shipped report in both
// languages, compares each with its golden JSON, and checks that every
// value shown is a row of the dataset, unchanged, or a labelled derivation.
func TestShippedFigures(t *testing.T) {
	specs, _ := filepath.Glob(filepath.Join("..", "..", "reports", "*.yaml"))
	if len(specs) == 0 {
		t.Fatal("no shipped reports")
	}
	for _, sp := range specs {
		r, err := spec.Load(sp)
		if err != nil {
			t.Fatal(err)
		}
		for i := range r.Charts {
			c := &r.Charts[i]
			tab, err := dataset.Load(r.DatasetPaths[c.Data.Value])
			if err != nil {
				t.Fatal(err)
			}
			values := map[int64]bool{}
			for _, row := range tab.Rows {
				if row.Known {
					values[row.Value] = true
				}
			}
			for _, lang := range r.Langs() {
				f, err := figure.Build(r, c, tab, lang)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range f.Series {
					for _, v := range s.Values {
						if v.Known && !s.Derived && !values[v.N] {
							t.Errorf("%s/%s/%s: %d is not in %s", r.ID.Value, f.ID, lang, v.N, tab.Path)
						}
						if s.Derived && !strings.Contains(s.Name, map[string]string{"en": "derived", "ar": "محسوب"}[lang]) {
							t.Errorf("%s: derived series %q not labelled as derived", f.ID, s.Name)
						}
					}
				}
				golden(t, filepath.Join("testdata", r.ID.Value+"."+f.ID+"."+lang+".json"), f)
			}
		}
	}
}

func golden(t *testing.T, path string, f *figure.Figure) {
	t.Helper()
	got, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the figure built now; if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff\ngot:\n%s", path, got)
	}
}

// Synthetic data: the numbers below are invented for tests.
const synthCSV = "period,category,value\n2019,all,100\n2019,children,30\n2019,women,20\n2020,all,50\n2020,children,10\n2020,women,\n"

func synth(t *testing.T, chart string) (*spec.Report, *dataset.Table) {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "s.csv"), []byte(synthCSV), 0o644)
	os.WriteFile(filepath.Join(dir, "s.meta.yaml"), []byte(`title: Synthetic
publisher: Test
publisher_short: TEST
period_semantics: calendar_year
documented_minimum: true
licence: test only
defaults: {perpetrator: russian_forces, metric: civilians_killed}
default_source: s
sources:
  s: {title: Synthetic source, date: "2021-03", kind: primary}
`), 0o644)
	sp := filepath.Join(dir, "r.yaml")
	src := "id: synthetic\ntitle: {en: Synthetic, ar: تجريبي}\ndatasets: {d: s.csv}\ncharts:\n" + chart
	os.WriteFile(sp, []byte(src), 0o644)
	r, err := spec.Load(sp)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := dataset.Load(filepath.Join(dir, "s.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return r, tab
}

func TestDeriveOtherAdults(t *testing.T) {
	r, tab := synth(t, `  - id: c
    kind: stacked
    data: d
    title: {en: "{value:all}? no", ar: ت}
    select: {metric: civilians_killed, category: [all, children, women]}
    x: period
    series: category
    derive: [other_adults]
`)
	r.Charts[0].Title.EN.Value = "Synthetic"
	f, err := figure.Build(r, &r.Charts[0], tab, "en")
	if err != nil {
		t.Fatal(err)
	}
	last := f.Series[len(f.Series)-1]
	if !last.Derived || last.Name != "Other adults (derived)" {
		t.Errorf("derived series %+v", last)
	}
	// 2019: 100 - 30 - 20 = 50; 2020: women unknown, so no data (not 40).
	if v := last.Values; !v[0].Known || v[0].N != 50 || v[1].Known {
		t.Errorf("other adults = %+v, want 50 then no data", v)
	}
	if !strings.Contains(strings.Join(f.Notes, " "), "derived by tollcharts, not published") {
		t.Errorf("notes %q do not declare the derivation", f.Notes)
	}
	if !strings.Contains(f.Alt, "Women: 2019 20, 2020 no data") {
		t.Errorf("alt text %q does not tell no data", f.Alt)
	}
	if f.Source != "Source: TEST, Synthetic source, March 2021" {
		t.Errorf("source %q", f.Source)
	}
}

// TestDeriveChange: one count published twice (synthetic numbers, from one
// start to two ends, listed later first) gives, per category, the later
// minus the earlier, as a derived series named with both dates, and a
// note with the formula, in both languages.
func TestDeriveChange(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "s.csv"), []byte("period,category,value\n2015-09-30/2024-12-08,all,120\n2015-09-30/2024-12-08,children,40\n2015-09-30/2019-09-30,all,100\n2015-09-30/2019-09-30,children,40\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "s.meta.yaml"), []byte("title: Synthetic\npublisher: Test\npublisher_short: TEST\nperiod_semantics: cumulative\ndocumented_minimum: true\nlicence: test only\ndefaults: {perpetrator: russian_forces, metric: civilians_killed}\ndefault_source: s\nsources:\n  s: {title: Synthetic source, date: \"2025-01\", kind: primary}\n"), 0o644)
	sp := filepath.Join(dir, "r.yaml")
	os.WriteFile(sp, []byte(`id: synthetic
title: {en: Synthetic, ar: تجريبي}
datasets: {d: s.csv}
charts:
  - id: c
    kind: grouped
    data: d
    title: {en: Synthetic, ar: تجريبي}
    select: {metric: civilians_killed, category: [all, children]}
    x: category
    series: period
    derive: [change]
`), 0o644)
	r, err := spec.Load(sp)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := dataset.Load(filepath.Join(dir, "s.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, name, note string }{
		{"en", "Change since 30 Sep 2019 (derived)", "Change = the count to 8 Dec 2024 − the count to 30 Sep 2019, both from 30 Sep 2015: derived by tollcharts, not published."},
		{"ar", "التغيّر منذ 30 أيلول 2019 (رقم محسوب)", "التغيّر = الحصيلة حتى 8 كانون الأول 2024 − الحصيلة حتى 30 أيلول 2019، كلتاهما منذ 30 أيلول 2015: رقم محسوب وليس منشوراً."},
	} {
		f, err := figure.Build(r, &r.Charts[0], tab, c.lang)
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Series) != 3 || f.Series[0].Key != "2015-09-30/2019-09-30" || f.Series[1].Key != "2015-09-30/2024-12-08" {
			t.Fatalf("%s: series %+v; want the earlier count, the later, the change", c.lang, f.Series)
		}
		ch := f.Series[2]
		if !ch.Derived || ch.Key != "change" || ch.Name != c.name {
			t.Errorf("%s: change series %q (derived %v); want %q", c.lang, ch.Name, ch.Derived, c.name)
		}
		// all: 120 - 100 = 20; children: 40 - 40 = 0, a change of none.
		if v := ch.Values; len(v) != 2 || !v[0].Known || v[0].N != 20 || !v[1].Known || v[1].N != 0 || v[1].Label != "0" {
			t.Errorf("%s: change %+v; want 20 and 0", c.lang, ch.Values)
		}
		if !slices.Contains(f.Notes, c.note) {
			t.Errorf("%s: notes %q lack %q", c.lang, f.Notes, c.note)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	for _, c := range []struct{ name, chart, lang, want string }{
		{"mixing", `  - id: c
    kind: column
    data: d
    title: {en: T, ar: ت}
    select: {metric: civilians_killed}
    x: period
`, "en", `r.yaml:9:13: chart "c": the selected rows hold 3 values of category (all, children, women) but category is neither x nor series; narrow select.category so the chart does not mix them`},
		{"missing arabic", `  - id: c
    kind: column
    data: d
    title: {en: T}
    select: {metric: civilians_killed, category: [all]}
    x: period
`, "ar", `r.yaml:8:12: chart "c": title has no ar text; add title.ar`},
		{"placeholder", `  - id: c
    kind: column
    data: d
    title: {en: "{value:all}", ar: ت}
    select: {metric: civilians_killed, category: [all]}
    x: period
`, "en", `r.yaml:8:12: chart "c": {value:all} names no single known value; want a category key on the axis (2019, 2020) of a one-series chart`},
		{"sort on time", `  - id: c
    kind: column
    data: d
    title: {en: T, ar: ت}
    select: {metric: civilians_killed, category: [all]}
    x: period
    sort: desc
`, "en", `r.yaml:11:11: chart "c": sort "desc" on a time axis would scramble the periods; want sort: none or another x`},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, tab := synth(t, c.chart)
			_, err := figure.Build(r, &r.Charts[0], tab, c.lang)
			if err == nil {
				t.Fatal("no error")
			}
			got := err.Error()
			if i := strings.LastIndex(got, string(filepath.Separator)+"r.yaml:"); i >= 0 {
				got = got[i+1:]
			}
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestMarks(t *testing.T) {
	r, tab := synth(t, `  - id: c
    kind: line
    data: d
    title: {en: T, ar: ت}
    select: {metric: civilians_killed, category: [all]}
    x: period
    events: [northwest-campaign]
`)
	f, err := figure.Build(r, &r.Charts[0], tab, "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Marks) != 1 {
		t.Fatalf("marks %+v, want one", f.Marks)
	}
	m := f.Marks[0]
	// The points sit at the ends of 2019 and 2020; the campaign (1 Apr
	// 2019 - 11 Apr 2020) starts before the first, so its band starts at
	// it, and ends 102 of the 366 days after it.
	if m.ID != "northwest-campaign" || m.At != 0 || math.Abs(m.To-102.0/366) > 1e-9 || !m.Clipped {
		t.Errorf("mark %+v, want northwest-campaign from 0 to %.4f, clipped", m, 102.0/366)
	}
	if m.Date != "1 Apr 2019 – 11 Apr 2020" || m.Label != "Campaign on northwest Syria" {
		t.Errorf("mark text %q / %q", m.Label, m.Date)
	}
	if !strings.Contains(f.Alt, "Marked on the chart: Campaign on northwest Syria (1 Apr 2019 – 11 Apr 2020).") {
		t.Errorf("alt text %q does not mention the mark", f.Alt)
	}
	ar, err := figure.Build(r, &r.Charts[0], tab, "ar")
	if err != nil {
		t.Fatal(err)
	}
	if ar.Marks[0].Label != "الحملة العسكرية على شمال غرب سوريا" {
		t.Errorf("Arabic mark %q", ar.Marks[0].Label)
	}
}

func TestMarkErrors(t *testing.T) {
	for _, c := range []struct{ events, want string }{
		{"[no-such-event]", `r.yaml:11:14: unknown event "no-such-event"; want one of: intervention, eastern-aleppo, northwest-campaign, fall-of-regime`},
		{"[fall-of-regime]", `r.yaml:11:14: event "fall-of-regime" (8 Dec 2024) lies outside the chart's periods (31 Dec 2019 to 31 Dec 2020); remove it`},
		{"[northwest-campaign, northwest-campaign]", `r.yaml:11:34: event "northwest-campaign" named twice`},
	} {
		r, tab := synth(t, `  - id: c
    kind: line
    data: d
    title: {en: T, ar: ت}
    select: {metric: civilians_killed, category: [all]}
    x: period
    events: `+c.events+"\n")
		_, err := figure.Build(r, &r.Charts[0], tab, "en")
		if err == nil {
			t.Errorf("%s: no error", c.events)
			continue
		}
		got := err.Error()
		if i := strings.LastIndex(got, string(filepath.Separator)+"r.yaml:"); i >= 0 {
			got = got[i+1:]
		}
		if got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

// TestCorrection: a report's updated: block puts the day, in the figure's
// language (Arabic month names and digits as the report says), and the
// note in one line that every renderer prints (FooterNotes, last).
func TestCorrection(t *testing.T) {
	r, tab := synth(t, `  - id: c
    kind: column
    data: d
    title: {en: Synthetic, ar: تجريبي}
    notes: [{en: A synthetic note., ar: ملاحظة تجريبية.}]
    select: {metric: civilians_killed, category: [all]}
    x: period
`)
	for _, c := range []struct {
		note, digits, lang, want string
	}{
		{"Synthetic fix.", "", "en", "Updated 6 December 2026: Synthetic fix."},
		{"تصحيح تجريبي.", "", "ar", "حُدِّث في 6 كانون الأول 2026: تصحيح تجريبي."},
		{"تصحيح تجريبي.", "arab", "ar", "حُدِّث في ٦ كانون الأول ٢٠٢٦: تصحيح تجريبي."},
		{"", "", "en", "Updated 6 December 2026"},
		{"", "", "ar", "حُدِّث في 6 كانون الأول 2026"},
	} {
		r.Arabic.Digits = c.digits
		r.Updated = &spec.Updated{Date: sy.String{Value: "2026-12-06"}}
		if c.note != "" {
			r.Updated.Note = spec.Text{EN: sy.String{Value: c.note}, AR: sy.String{Value: c.note}}
		}
		f, err := figure.Build(r, &r.Charts[0], tab, c.lang)
		if err != nil {
			t.Fatal(err)
		}
		if f.Updated != "2026-12-06" || f.Correction != c.want {
			t.Errorf("%s %q: updated %q, correction %q; want 2026-12-06, %q", c.lang, c.note, f.Updated, f.Correction, c.want)
		}
		notes := f.FooterNotes("extra")
		if n := len(f.Notes); len(notes) != n+2 || !slices.Equal(notes[:n], f.Notes) || notes[n] != "extra" || notes[n+1] != c.want {
			t.Errorf("%s: footer notes %q; want the note, the extra, the correction", c.lang, notes)
		}
	}
	r.Updated = nil
	f, _ := figure.Build(r, &r.Charts[0], tab, "en")
	if f.Correction != "" || f.Updated != "" || !slices.Equal(f.FooterNotes(), f.Notes) {
		t.Errorf("without updated: %q %q %q", f.Updated, f.Correction, f.FooterNotes())
	}
}
