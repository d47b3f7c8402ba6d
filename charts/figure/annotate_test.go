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

// TestAnnotate resolves annotations against a synthetic governorate bar
// chart sorted by value and a synthetic column chart by year: keys by
// name or P-code, by period as written; the callout's text with its
// placeholder filled; the reference band over its columns; the alt text
// says what is highlighted and called out.
func TestAnnotate(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "g.csv"), []byte("period,governorate,category,value\n2019,SY01,all,20\n2019,SY02,all,300\n2019,SY07,all,150\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "y.csv"), []byte("period,category,value\n2019,all,400\n2020,all,250\n2021,all,90\n2022,all,12\n"), 0o644)
	meta := "title: Synthetic\npublisher: Test\npublisher_short: TEST\nperiod_semantics: window\ndocumented_minimum: true\nlicence: test only\ndefaults: {perpetrator: russian_forces, metric: civilians_killed}\ndefault_source: s\nsources:\n  s: {title: Synthetic source, date: \"2025-01\", kind: primary}\n"
	os.WriteFile(filepath.Join(dir, "g.meta.yaml"), []byte(meta), 0o644)
	os.WriteFile(filepath.Join(dir, "y.meta.yaml"), []byte(meta), 0o644)
	sp := filepath.Join(dir, "r.yaml")
	os.WriteFile(sp, []byte(`id: synthetic
title: {en: Synthetic, ar: تجريبي}
datasets: {g: g.csv, y: y.csv}
charts:
  - id: govs
    kind: bar
    data: g
    title: {en: Synthetic, ar: تجريبي}
    select: {metric: civilians_killed, governorate: ["*"]}
    x: governorate
    sort: desc
    annotations:
      - highlight: Idleb
      - callout: SY02
        text: {en: "{value:SY02} here", ar: "{value:SY02} هنا"}
        leader: true
  - id: years
    kind: column
    data: y
    title: {en: Synthetic, ar: تجريبي}
    select: {metric: civilians_killed}
    annotations:
      - reference: "2020"
        to: "2021"
        text: {en: A synthetic span, ar: مدة مصطنعة}
`), 0o644)
	r, err := spec.Load(sp)
	if err != nil {
		t.Fatal(err)
	}
	load := func(name string) *dataset.Table {
		tab, err := dataset.Load(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return tab
	}
	for _, lang := range []string{"en", "ar"} {
		f, err := figure.Build(r, &r.Charts[0], load("g.csv"), lang)
		if err != nil {
			t.Fatal(err)
		}
		// Sorted: Aleppo 300, Idleb 150, Damascus 20.
		if f.Highlight != "SY07" || f.HighlightIndex() != 1 {
			t.Errorf("%s: highlight %q at %d, want SY07 (Idleb) at 1", lang, f.Highlight, f.HighlightIndex())
		}
		if len(f.Callouts) != 1 || f.Callouts[0].Category != 0 || !f.Callouts[0].Leader || !strings.HasPrefix(f.Callouts[0].Text, "300 ") {
			t.Errorf("%s: callouts %+v, want one on Aleppo (0) reading 300 ..., with a leader", lang, f.Callouts)
		}
		if !strings.Contains(f.Alt, f.Categories[1]) || !strings.Contains(f.Alt, f.Callouts[0].Text) {
			t.Errorf("%s: alt text %q does not say what is highlighted and called out", lang, f.Alt)
		}
		f, err = figure.Build(r, &r.Charts[1], load("y.csv"), lang)
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Marks) != 1 || f.Marks[0].At != 0.55 || f.Marks[0].To != 2.45 || f.Marks[0].Date != "2020 – 2021" {
			t.Errorf("%s: marks %+v, want a band from 0.55 to 2.45 dated 2020 – 2021", lang, f.Marks)
		}
	}
}
