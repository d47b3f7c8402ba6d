package infographic

import (
	"bytes"
	"sync"
	"testing"

	"github.com/tollcharts/tollcharts/charts/internal/themetest"
	"github.com/tollcharts/tollcharts/charts/theme"
)

// brand is the synthetic theme (testdata/themes/synthetic-brand.yaml):
// DejaVu Serif, other colours and sizes, and a synthetic 300x80 logo.
var brand = sync.OnceValues(themetest.Theme)

func brandT(t *testing.T) *theme.Theme {
	t.Helper()
	th, err := brand()
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// TestThemeLayout draws every kind in every size and language with the
// synthetic theme (its fonts come from the theme, its logo too) and
// checks the logo as a box among the texts: inside the canvas, in the
// bottom corner on the reading-start side, the theme's height, and no
// text over it or over another text.
func TestThemeLayout(t *testing.T) {
	th := brandT(t)
	for _, id := range []string{"stat", "pictogram", "map", "timeline"} {
		for _, lang := range []string{"en", "ar"} {
			for _, s := range Sizes {
				t.Run(id+"."+lang+s.Suffix, func(t *testing.T) {
					c, err := draw(fig(t, id, lang), Options{Width: s.Width, Height: s.Height, Theme: th})
					if err != nil {
						t.Fatal(err)
					}
					if c.fonts != th.Fonts {
						t.Error("not drawn with the theme's fonts")
					}
					checkBoxes(t, c)
					l := c.rec.logo
					if l.H() != th.Logo.Height || l.W() != th.Logo.Height*300/80 {
						t.Errorf("logo is %gx%g, want %gx%g", l.W(), l.H(), th.Logo.Height*300/80, th.Logo.Height)
					}
					start := l.X0 - c.pad
					if lang == "ar" {
						start = c.w - c.pad - l.X1
					}
					if start != 0 || l.Y1 != c.h-0.7*c.pad {
						t.Errorf("logo at %v, want the bottom corner on the reading-start side", l)
					}
					if !l.within(rect{0, 0, c.w, c.h}) {
						t.Errorf("logo at %v is outside the canvas", l)
					}
					for _, tb := range c.rec.texts {
						if tb.Box.overlaps(l) {
							t.Errorf("%q at %v overlaps the logo at %v", tb.Text, tb.Box, l)
						}
					}
				})
			}
		}
	}
}

// TestGoldenTheme compares the stat card drawn with the synthetic theme,
// landscape and story, English and Arabic, with its golden image.
func TestGoldenTheme(t *testing.T) {
	th := brandT(t)
	update := goldenUpdate()
	for _, lang := range []string{"en", "ar"} {
		for _, s := range goldenSizes {
			name := "stat." + lang + s.Suffix + ".synthetic-brand"
			t.Run(name, func(t *testing.T) {
				var got bytes.Buffer
				if err := Render(&got, fig(t, "stat", lang), Options{Width: s.Width, Height: s.Height, Theme: th}); err != nil {
					t.Fatal(err)
				}
				compareGolden(t, name, got.Bytes(), update)
			})
		}
	}
}
