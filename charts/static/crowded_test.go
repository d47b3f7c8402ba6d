package static

import (
	"fmt"
	"io"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/syria"
)

// TestCalloutsCrowded sets two long callouts on neighbouring values of
// crowded synthetic charts (a ranking of all 14 governorates; columns and
// points) in every size and both languages: every text stays inside the
// canvas and no two overlap, the callouts wrapping, widening or shrinking
// to their row.
func TestCalloutsCrowded(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		for _, kind := range []figure.Kind{figure.Bar, figure.Column, figure.Line, figure.Grouped} {
			f := synthetic(kind, lang)
			if kind == figure.Bar {
				f.CategoryKeys, f.Categories = nil, nil
				s := figure.Series{Key: "all", Name: "all"}
				for i, g := range syria.All() {
					f.CategoryKeys = append(f.CategoryKeys, g.PCode)
					f.Categories = append(f.Categories, g.Name(lang))
					n := int64(5000 - i*300)
					s.Values = append(s.Values, figure.Value{N: n, Known: true, Label: f.Locale.Int(n)})
				}
				f.Series = []figure.Series{s}
			}
			long := "A much longer synthetic callout that runs on for several words"
			if lang == "ar" {
				long = "تعليق مصطنع أطول بكثير يمتد على عدة كلمات متتالية هنا"
			}
			f.Callouts = []figure.Callout{{Category: 0, Series: 0, Text: long, Leader: true}, {Category: 1, Series: 0, Text: long, Leader: true}}
			for _, s := range testSizes {
				rec := &recorder{Handler: handler()}
				if err := Render(io.Discard, f, Options{Width: s.w, Height: s.h, TextScale: s.textScale, Format: SVG, Text: rec}); err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%s/%s/%s", kind, lang, s.name)
				canvas := vg.Rectangle{Max: vg.Point{X: vg.Length(s.w), Y: vg.Length(s.h)}}
				for i, a := range rec.boxes {
					if a.r.Min.X < -0.5 || a.r.Min.Y < -0.5 || a.r.Max.X > canvas.Max.X+0.5 || a.r.Max.Y > canvas.Max.Y+0.5 {
						t.Errorf("%s: %q outside", name, a.txt)
					}
					for _, b := range rec.boxes[i+1:] {
						if overlap(a.r, b.r, 1) {
							t.Errorf("%s: %q overlaps %q", name, a.txt, b.txt)
						}
					}
				}
			}
		}
	}
}
