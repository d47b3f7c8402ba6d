package static

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// TestCorrectionLine: a report's update or correction line is drawn on
// every kind and size in both languages, whole (wrapped lines joined),
// inside the canvas and overlapping nothing.
func TestCorrectionLine(t *testing.T) {
	corr := map[string]string{
		"en": "Updated 6 December 2026: a synthetic correction of the governorate of one attack.",
		"ar": "حُدِّث في 6 كانون الأول 2026: تصحيح مصطنع لمحافظة إحدى الهجمات.",
	}
	for _, kind := range []figure.Kind{figure.Bar, figure.Column, figure.Line, figure.Grouped, figure.Stacked, figure.Donut, figure.Multiples} {
		for _, lang := range []string{"en", "ar"} {
			for _, s := range testSizes {
				name := fmt.Sprintf("%s/%s/%s", kind, lang, s.name)
				f := synthetic(kind, lang)
				f.Updated, f.Correction = "2026-12-06", corr[lang]
				rec := &recorder{Handler: handler()}
				if err := Render(io.Discard, f, Options{Width: s.w, Height: s.h, TextScale: s.textScale, Format: SVG, Text: rec}); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				var drawn []string
				for _, b := range rec.boxes {
					if strings.Contains(corr[lang], b.txt) && len(b.txt) > 8 {
						drawn = append(drawn, b.txt)
					}
				}
				if got := strings.Join(drawn, " "); got != corr[lang] {
					t.Errorf("%s: correction drawn as %q, want %q", name, got, corr[lang])
				}
				canvas := vg.Rectangle{Max: vg.Point{X: vg.Length(s.w), Y: vg.Length(s.h)}}
				for i, a := range rec.boxes {
					if a.r.Min.X < -0.5 || a.r.Min.Y < -0.5 || a.r.Max.X > canvas.Max.X+0.5 || a.r.Max.Y > canvas.Max.Y+0.5 {
						t.Errorf("%s: %q at %v lies outside the canvas", name, a.txt, a.r)
					}
					for _, b := range rec.boxes[i+1:] {
						if overlap(a.r, b.r, 1) {
							t.Errorf("%s: %q %v overlaps %q %v", name, a.txt, a.r, b.txt, b.r)
						}
					}
				}
			}
		}
	}
}
