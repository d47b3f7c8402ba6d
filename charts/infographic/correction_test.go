package infographic

import (
	"strings"
	"testing"
)

// TestCorrectionLine: a report's update or correction line is drawn on
// every kind, size and language, whole (wrapped lines joined), inside the
// canvas, overlapping nothing, and on the reading side.
func TestCorrectionLine(t *testing.T) {
	corr := map[string]string{
		"en": "Updated 6 December 2026: a synthetic correction of the governorate of one attack.",
		"ar": "حُدِّث في 6 كانون الأول 2026: تصحيح مصطنع لمحافظة إحدى الهجمات.",
	}
	for _, id := range []string{"stat", "pictogram", "map", "timeline"} {
		for _, lang := range []string{"en", "ar"} {
			for _, s := range Sizes {
				cp := *fig(t, id, lang) // the fixture is shared: draw a copy
				f := &cp
				f.Updated, f.Correction = "2026-12-06", corr[lang]
				c, err := draw(f, Options{Width: s.Width, Height: s.Height})
				if err != nil {
					t.Fatal(err)
				}
				checkBoxes(t, c)
				var drawn []string
				var x0, x1 float64 = c.w, 0
				for _, tb := range c.rec.texts {
					if strings.Contains(corr[lang], tb.Text) && len(tb.Text) > 8 {
						drawn = append(drawn, tb.Text)
						x0, x1 = min(x0, tb.Box.X0), max(x1, tb.Box.X1)
					}
				}
				if got := strings.Join(drawn, " "); got != corr[lang] {
					t.Errorf("%s %s %s: correction drawn as %q, want %q", id, lang, s.Name, got, corr[lang])
				}
				if lang == "ar" && c.w-c.pad-x1 > 2 || lang == "en" && x0-c.pad > 2 {
					t.Errorf("%s %s %s: correction spans %.0f-%.0f, not from the reading side's margin", id, lang, s.Name, x0, x1)
				}
			}
		}
	}
}
