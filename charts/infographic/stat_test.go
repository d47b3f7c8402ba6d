package infographic

import (
	"testing"

	"github.com/tollcharts/tollcharts/charts/locale"
)

func TestShareTenths(t *testing.T) {
	for _, c := range []struct {
		part, whole, want int64
		ok                bool
	}{
		{2061, 6993, 295, true}, // 29.47%
		{984, 6993, 141, true},  // 14.07%
		{1, 8, 125, true},       // 12.5% exactly
		{1, 80, 13, true},       // 1.25%: half goes away from zero
		{3, 80, 38, true},       // 3.75%
		{1, 3, 333, true},
		{2, 3, 667, true},
		{0, 5, 0, true},
		{5, 5, 1000, true},
		{1, 0, 0, false},
		{-1, 5, 0, false},
	} {
		got, ok := shareTenths(c.part, c.whole)
		if got != c.want || ok != c.ok {
			t.Errorf("shareTenths(%d, %d) = %d, %v; want %d, %v", c.part, c.whole, got, ok, c.want, c.ok)
		}
	}
	for _, c := range []struct {
		loc  locale.Locale
		n    int64
		want string
	}{
		{locale.Locale{Lang: "en"}, 295, "29.5%"},
		{locale.Locale{Lang: "en"}, 13, "1.3%"},
		{locale.Locale{Lang: "en"}, 1000, "100.0%"},
		{locale.Locale{Lang: "ar", Digits: locale.Latin}, 141, "14.1٪"},
		{locale.Locale{Lang: "ar", Digits: locale.ArabicIndic}, 295, "٢٩٫٥٪"},
	} {
		if got := percent(c.loc, c.n); got != c.want {
			t.Errorf("percent(%v, %d) = %q, want %q", c.loc, c.n, got, c.want)
		}
	}
}

// TestStatCard checks the card's numbers: every value of the figure as
// labelled, the shares computed from them, and the rule written on it.
func TestStatCard(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"6,993", "2,061", "984", "70", "24", "29.5% of all civilians", "14.1% of all civilians",
			"Shares of all civilians computed by tollcharts from the counts shown, rounded half away from zero to one decimal."},
		"ar": {"6,993", "2,061", "984", "70", "24", "29.5٪ من جميع المدنيين", "14.1٪ من جميع المدنيين"},
	} {
		for _, s := range Sizes {
			c, err := draw(fig(t, "stat", lang), Options{Width: s.Width, Height: s.Height})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range want {
				if len(w) > 60 && s.Name != "landscape" {
					continue // wrapped on narrower cards
				}
				if !drew(c, w) {
					t.Errorf("%s %s: %q not drawn", lang, s.Name, w)
				}
			}
		}
	}
}
