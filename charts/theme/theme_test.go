package theme

import (
	"image/color"
	"testing"
)

// TestPaletteColourBlindSafe simulates protanopia and deuteranopia and
// checks that series drawn next to each other (palette neighbours, and the
// first four colours pairwise, which most charts use) stay apart, and apart
// from the background and the no-data grey.
func TestPaletteColourBlindSafe(t *testing.T) {
	const minDelta = 12 // CIE76 ΔE; about 2.3 is a just-noticeable difference
	for _, name := range []string{"default", "dark"} {
		th, _ := ByName(name)
		for vision, m := range map[string][3][3]float64{"normal": normal, "protanopia": protanopia, "deuteranopia": deuteranopia} {
			p := th.Palette
			check := func(i, j int) {
				if d := deltaE(lab(p[i], m), lab(p[j], m)); d < minDelta {
					t.Errorf("%s/%s: colours %d and %d differ by ΔE %.1f, want at least %d", name, vision, i, j, d, minDelta)
				}
			}
			for i := 0; i+1 < len(p); i++ {
				check(i, i+1)
			}
			for i := range 4 {
				for j := i + 1; j < 4; j++ {
					check(i, j)
				}
				if d := deltaE(lab(p[i], m), lab(th.Background, m)); d < minDelta {
					t.Errorf("%s/%s: colour %d is ΔE %.1f from the background", name, vision, i, d)
				}
				if d := deltaE(lab(p[i], m), lab(th.NoData, m)); d < minDelta {
					t.Errorf("%s/%s: colour %d is ΔE %.1f from the no-data grey", name, vision, i, d)
				}
			}
		}
	}
}

func TestByName(t *testing.T) {
	if th, ok := ByName(""); !ok || th.Name != "default" {
		t.Error("the empty name is not the default theme")
	}
	if _, ok := ByName("neon"); ok {
		t.Error("an unknown theme was found")
	}
	a, _ := ByName("default")
	a.Palette[0] = color.RGBA{}
	if b, _ := ByName("default"); b.Palette[0] == (color.RGBA{}) {
		t.Error("ByName hands out the catalogue's palette, not a copy")
	}
}

// TestBuiltinsMeetTheRules: the rules theme files are held to (contrast,
// colour-blind-safe palette) hold for the built-in themes.
func TestBuiltinsMeetTheRules(t *testing.T) {
	for _, name := range []string{"default", "dark"} {
		th, _ := ByName(name)
		for _, p := range th.colourProblems() {
			t.Errorf("%s: %s", name, p.Msg)
		}
	}
}
