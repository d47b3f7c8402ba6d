package static

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// withMarks is the synthetic line figure with a span and a day marked (the
// positions are invented, as are the numbers).
func withMarks(lang string) *figure.Figure {
	f := synthetic(figure.Line, lang)
	ar := lang == "ar"
	pick := func(en, a string) string {
		if ar {
			return a
		}
		return en
	}
	f.ID = "line-marks"
	f.Marks = []figure.Mark{
		{ID: "span", Label: pick("A synthetic campaign that lasted a year", "حملة مصطنعة استمرت عاماً"), Date: pick("1 Apr 2019 – 11 Apr 2020", "1 نيسان 2019 – 11 نيسان 2020"), At: 0.25, To: 1.28},
		{ID: "day", Label: pick("A synthetic day", "يوم مصطنع"), Date: pick("31 Dec 2022", "31 كانون الأول 2022"), At: 3, To: 3},
	}
	return f
}

// Golden images of a line chart with marked events: a shaded band for the
// span, a dashed line for the day that stops short of the value labels,
// the labels at the top of the plot.
func TestGoldenMarks(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		for _, s := range testSizes {
			if s.name != "landscape" && s.name != "story" {
				continue
			}
			name := fmt.Sprintf("line-marks-%s-%s", lang, s.name)
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Render(&buf, withMarks(lang), Options{Width: s.w, Height: s.h, TextScale: s.textScale, Text: handler()}); err != nil {
					t.Fatal(err)
				}
				compare(t, filepath.Join("testdata", name+".png"), buf.Bytes())
			})
		}
	}
}

func TestAxisX(t *testing.T) {
	f := withMarks("en")
	if got := axisX(f, 1.25); got != 1.25 {
		t.Errorf("axisX(1.25) = %v in English", got)
	}
	f.MirrorTime = true
	f.Locale.Lang = "ar"
	if got := axisX(f, 1.25); got != 1.75 { // 4 categories: 3 - 1.25
		t.Errorf("axisX(1.25) = %v on a mirrored axis of 4, want 1.75", got)
	}
}

// unevenDates is the synthetic line figure on a time scale whose points
// stand unevenly apart: three a year apart, then one ten weeks after the
// third (as the 10th-anniversary series has 30 Sep 2024 and 8 Dec 2024).
func unevenDates(lang string, mirror bool) *figure.Figure {
	f := synthetic(figure.Line, lang)
	f.ID = "line-dates"
	f.Dates = []string{"2019-09-30", "2020-09-30", "2021-09-30", "2021-12-08"}
	f.MirrorTime = mirror
	return f
}

// Golden images of a time scale: the fourth point stands close to the
// third, in proportion to the days between them, its label set beside it;
// in Arabic the axis runs left to right, or mirrored when asked.
func TestGoldenTimeScale(t *testing.T) {
	cases := []struct {
		lang   string
		mirror bool
	}{{"en", false}, {"ar", false}, {"ar", true}}
	for _, c := range cases {
		for _, s := range testSizes {
			if s.name != "landscape" && s.name != "story" {
				continue
			}
			name := fmt.Sprintf("line-dates-%s-%s", c.lang, s.name)
			if c.mirror {
				name = fmt.Sprintf("line-dates-%s-mirrored-%s", c.lang, s.name)
			}
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Render(&buf, unevenDates(c.lang, c.mirror), Options{Width: s.w, Height: s.h, TextScale: s.textScale, Text: handler()}); err != nil {
					t.Fatal(err)
				}
				compare(t, filepath.Join("testdata", name+".png"), buf.Bytes())
			})
		}
	}
}

// TestScaleX checks that points stand apart in proportion to their days,
// and that a mirrored axis runs from the last date.
func TestScaleX(t *testing.T) {
	f := unevenDates("en", false)
	want := []float64{0, 366, 731, 800}
	for i, w := range want {
		if got := scaleX(f, float64(i)); got != w {
			t.Errorf("scaleX(%d) = %v days, want %v", i, got, w)
		}
	}
	if got := scaleX(f, 2.5); got != 765.5 {
		t.Errorf("scaleX(2.5) = %v, want 765.5 (half-way between 731 and 800)", got)
	}
	m := unevenDates("ar", true)
	if got := scaleX(m, 0); got != 800 {
		t.Errorf("mirrored scaleX(0) = %v, want 800", got)
	}
	if got := scaleX(m, 3); got != 0 {
		t.Errorf("mirrored scaleX(3) = %v, want 0", got)
	}
}
