package theme

import (
	"fmt"
	"image/color"
	"math"
)

// Viénot, Brettel and Mollon (1999): dichromat simulation in linear RGB.
var (
	protanopia   = [3][3]float64{{0.11238, 0.88762, 0}, {0.11238, 0.88762, 0}, {0.00401, -0.00401, 1}}
	deuteranopia = [3][3]float64{{0.29275, 0.70725, 0}, {0.29275, 0.70725, 0}, {-0.02234, 0.02234, 1}}
	normal       = [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
)

// visions are the ways a palette is looked at, in the order problems are
// reported.
var visions = []struct {
	name string
	m    [3][3]float64
}{{"normal vision", normal}, {"protanopia", protanopia}, {"deuteranopia", deuteranopia}}

// Thresholds a theme's colours must meet.
const (
	// MinDeltaE is the least CIE76 ΔE between colours that must be told
	// apart (about 2.3 is a just-noticeable difference).
	MinDeltaE = 12
	// MinContrast is the least WCAG contrast ratio of text and muted text
	// on the background (AA for body text).
	MinContrast = 4.5
	// MinMarkContrast is the least WCAG contrast ratio of a mark (a bar,
	// a slice, a line) against what it is drawn on (WCAG 1.4.11).
	MinMarkContrast = 3
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

// Contrast is the WCAG 2 contrast ratio of two colours, from 1 to 21.
func Contrast(a, b color.RGBA) float64 {
	lum := func(c color.RGBA) float64 {
		return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// Hex formats a colour as "#rrggbb".
func Hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// problem is a colour rule a theme breaks. Palette holds the index of the
// palette colour to blame (-1: none); Key the colour key otherwise.
type problem struct {
	Palette int
	Key     string
	Msg     string
}

// colourProblems checks what every chart relies on: text and muted text
// readable on the background; series that sit next to each other
// (palette neighbours, and the first four colours pairwise, which most
// charts use) apart from each other, from the background and from the
// no-data grey, in normal vision and under simulated protanopia and
// deuteranopia. The built-in themes meet every rule.
func (t *Theme) colourProblems() []problem {
	var out []problem
	for _, c := range []struct {
		key string
		col color.RGBA
	}{{"text", t.Text}, {"muted", t.Muted}} {
		if r := Contrast(c.col, t.Background); r < MinContrast {
			out = append(out, problem{-1, c.key, fmt.Sprintf("%s %s on background %s has a contrast of %.1f:1; want at least %.1f:1 (WCAG AA), so that every text is readable", c.key, Hex(c.col), Hex(t.Background), r, MinContrast)})
		}
	}
	p := t.Palette
	seen := map[string]bool{} // report each pair once, under the first vision that fails it
	for _, v := range visions {
		pair := func(i, j int) {
			k := fmt.Sprint(i, j)
			if seen[k] {
				return
			}
			if d := deltaE(lab(p[i], v.m), lab(p[j], v.m)); d < MinDeltaE {
				seen[k] = true
				out = append(out, problem{j, "", fmt.Sprintf("palette colours %d and %d (%s, %s) differ by ΔE %.1f under %s; want at least %d, so that series drawn side by side stay apart", i+1, j+1, Hex(p[i]), Hex(p[j]), d, v.name, MinDeltaE)})
			}
		}
		for i := 0; i+1 < len(p); i++ {
			pair(i, i+1)
		}
		for i := 0; i < min(4, len(p)); i++ {
			for j := i + 2; j < min(4, len(p)); j++ {
				pair(i, j)
			}
		}
		for i := 0; i < min(4, len(p)); i++ {
			for _, o := range []struct {
				key, what string
				col       color.RGBA
			}{{"background", "the background", t.Background}, {"no_data", "the no-data colour", t.NoData}} {
				k := fmt.Sprint(i, o.key)
				if seen[k] {
					continue
				}
				if d := deltaE(lab(p[i], v.m), lab(o.col, v.m)); d < MinDeltaE {
					seen[k] = true
					out = append(out, problem{i, o.key, fmt.Sprintf("palette colour %d (%s) is ΔE %.1f from %s %s under %s; want at least %d, so that a series never looks like %s", i+1, Hex(p[i]), d, o.what, Hex(o.col), v.name, MinDeltaE, o.what)})
				}
			}
		}
	}
	return out
}
