package infographic

import (
	"testing"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/locale"
)

// TestPictogramCounts checks that each group gets floor(value / N) icons,
// in every size and language, with N picked or given.
func TestPictogramCounts(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		f := fig(t, "pictogram", lang)
		// The shipped figures: 6,993 civilians, 2,061 children, 984 women;
		// other adults derived by figure.Build: 3,948.
		want := map[string]int64{"children": 2061, "women": 984, "other_adults": 3948}
		for _, s := range Sizes {
			for _, unit := range []int64{0, 7, 100} {
				c, err := draw(f, Options{Width: s.Width, Height: s.Height, Unit: unit})
				if err != nil {
					t.Fatal(err)
				}
				n := c.rec.unit
				if unit == 0 && n != 10 {
					t.Errorf("%s %s: picked %d people an icon, want 10", lang, s.Name, n)
				}
				if unit != 0 && n != unit {
					t.Errorf("%s %s: unit %d, want %d", lang, s.Name, n, unit)
				}
				if len(c.rec.icons) != len(want) {
					t.Errorf("%s %s: groups %v", lang, s.Name, c.rec.icons)
				}
				for k, v := range want {
					if got := int64(c.rec.icons[k]); got != v/n {
						t.Errorf("%s %s unit %d: %s has %d icons, want floor(%d/%d) = %d", lang, s.Name, n, k, got, v, n, v/n)
					}
				}
				checkBoxes(t, c)
			}
		}
	}
}

// TestPictogramDerives checks that a figure without the derived series
// (x: category) gets other adults computed here and labelled derived.
func TestPictogramDerives(t *testing.T) {
	loc := locale.Locale{Lang: "en"}
	v := func(n int64) figure.Value { return figure.Value{N: n, Known: true, Label: loc.Int(n)} }
	f := &figure.Figure{
		ID: "synthetic-pictogram", Kind: figure.Pictogram, Locale: loc,
		Title: "Synthetic data: 1,234 people", Source: "Synthetic test data",
		CategoryKeys: []string{"all", "children", "women"},
		Categories:   []string{"All civilians", "Children", "Women"},
		Series:       []figure.Series{{Key: "civilians_killed", Name: "Civilians killed", Values: []figure.Value{v(1234), v(301), v(199)}}},
	}
	c, err := draw(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.rec.unit != 2 {
		t.Errorf("unit %d, want 2 (1,234 / 1 is over the cap)", c.rec.unit)
	}
	for k, want := range map[string]int{"children": 150, "women": 99, "other_adults": 367} {
		if c.rec.icons[k] != want {
			t.Errorf("%s: %d icons, want %d", k, c.rec.icons[k], want)
		}
	}
	if !drew(c, "Other adults (derived)") || !drew(c, "Other adults = all civilians − children − women: derived by tollcharts, not published.") {
		t.Errorf("the derived group is not labelled as derived: %v", c.rec.texts)
	}
	// A blank cannot become icons.
	f.Series[0].Values[2] = figure.Value{}
	if _, err := draw(f, Options{}); err == nil {
		t.Error("a pictogram with no data for women was drawn")
	}
}

func drew(c *canvas, s string) bool {
	for _, tb := range c.rec.texts {
		if tb.Text == s {
			return true
		}
	}
	return false
}

func TestUnitFor(t *testing.T) {
	for _, c := range []struct {
		counts []int64
		limit  int64
		want   int64
	}{
		{[]int64{2061, 984, 3948}, 720, 10},
		{[]int64{2061, 984, 3948}, 300, 25},
		{[]int64{700}, 720, 1},
		{[]int64{1400}, 720, 2},
		{[]int64{3000}, 720, 5},
		{[]int64{40000}, 720, 100},
		{[]int64{0}, 720, 1},
	} {
		if got := unitFor(c.counts, c.limit); got != c.want {
			t.Errorf("unitFor(%v, %d) = %d, want %d", c.counts, c.limit, got, c.want)
		}
	}
}

func TestArabicCount(t *testing.T) {
	for n, want := range map[int64]string{1: "شكل", 2: "شكلان", 3: "أشكال", 10: "أشكال", 11: "شكلاً", 98: "شكلاً", 100: "شكل", 206: "أشكال", 394: "شكلاً", 1000: "شكل"} {
		if got := arabicCount(n, "شكل", "شكلان", "أشكال", "شكلاً"); got != want {
			t.Errorf("%d: %s, want %s", n, got, want)
		}
	}
}
