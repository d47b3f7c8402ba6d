package theme

import (
	"image/color"
	"math"
	"testing"
)

// Viénot, Brettel and Mollon (1999): dichromat simulation in linear RGB.
var (
	protanopia   = [3][3]float64{{0.11238, 0.88762, 0}, {0.11238, 0.88762, 0}, {0.00401, -0.00401, 1}}
	deuteranopia = [3][3]float64{{0.29275, 0.70725, 0}, {0.29275, 0.70725, 0}, {-0.02234, 0.02234, 1}}
	normal       = [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
)

func linear(c uint8) float64 {
	v := float64(c) / 255
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// lab returns the CIELAB coordinates of c as seen through m.
func lab(c color.RGBA, m [3][3]float64) [3]float64 {
	rgb := [3]float64{linear(c.R), linear(c.G), linear(c.B)}
	var s [3]float64
	for i := range 3 {
		s[i] = min(max(m[i][0]*rgb[0]+m[i][1]*rgb[1]+m[i][2]*rgb[2], 0), 1)
	}
	x := (0.4124*s[0] + 0.3576*s[1] + 0.1805*s[2]) / 0.95047
	y := 0.2126*s[0] + 0.7152*s[1] + 0.0722*s[2]
	z := (0.0193*s[0] + 0.1192*s[1] + 0.9505*s[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

func deltaE(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

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
