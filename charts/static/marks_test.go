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
