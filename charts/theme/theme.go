// Package theme holds the visual themes as plain data, found by name.
//
// In: a theme name from a report spec ("" means "default"), or the bytes of
// a theme file (themes/<name>.yaml, see [Parse]) with a function that reads
// the files it names. Out: a Theme: colours (a colour-blind-safe palette:
// Okabe and Ito's for the built-in themes), text sizes in points at the
// landscape 1200x675 size, the fonts (parsed; nil means the embedded DejaVu
// Sans) and an optional logo (decoded). This package reads no files itself.
package theme

import (
	"image"
	"image/color"
	"math"
	"slices"
	"strings"

	"github.com/tollcharts/tollcharts/charts/text"
)

// Theme is how charts look.
type Theme struct {
	Name       string
	Background color.RGBA
	Text       color.RGBA
	Muted      color.RGBA // subtitles, source lines, notes, axis ticks
	Grid       color.RGBA
	NoData     color.RGBA // the mark that tells "no data" apart from zero
	Palette    []color.RGBA
	// Sizes in points (one point is one pixel of the 1x landscape PNG).
	Title, Subtitle, Label, Small float64
	// Fonts is the theme's font stack (its regular and bold files, each
	// primary first, then its fallbacks, then the embedded DejaVu Sans,
	// which covers Arabic); nil means the embedded DejaVu Sans alone.
	Fonts *text.Fonts
	// Logo is drawn on every chart and infographic; nil means none.
	Logo *Logo
}

// Logo is a theme's logo, decoded.
type Logo struct {
	Image  image.Image
	Height float64 // pixels at 1x (points in SVG and PDF)
	scaledCache
}

// DefaultLogoHeight is a logo's height when the theme gives none.
const DefaultLogoHeight = 40

func rgb(hex uint32) color.RGBA {
	return color.RGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 0xff}
}

// okabeIto is the Okabe-Ito palette, distinguishable under the common
// colour-vision deficiencies, in an order that keeps neighbours apart.
var okabeIto = []color.RGBA{rgb(0x0072B2), rgb(0xE69F00), rgb(0x009E73), rgb(0xCC79A7), rgb(0x56B4E9), rgb(0xD55E00), rgb(0xF0E442), rgb(0x000000)}

var catalog = []Theme{
	{
		Name: "default", Background: rgb(0xffffff), Text: rgb(0x1a1a1a), Muted: rgb(0x5c5c5c),
		Grid: rgb(0xe3e3e3), NoData: rgb(0x6b6b6b), Palette: okabeIto,
		Title: 30, Subtitle: 19, Label: 16, Small: 13,
	},
	{
		Name: "dark", Background: rgb(0x15171a), Text: rgb(0xf2f2f2), Muted: rgb(0xb5b5b5),
		Grid: rgb(0x34383d), NoData: rgb(0xc8c8c8),
		Palette: []color.RGBA{rgb(0x56B4E9), rgb(0xE69F00), rgb(0x009E73), rgb(0xCC79A7), rgb(0xF0E442), rgb(0xD55E00), rgb(0x0072B2), rgb(0xffffff)},
		Title:   30, Subtitle: 19, Label: 16, Small: 13,
	},
}

// ByName finds a theme; "" is the default.
func ByName(name string) (*Theme, bool) {
	if name == "" {
		name = "default"
	}
	i := slices.IndexFunc(catalog, func(t Theme) bool { return t.Name == name })
	if i < 0 {
		return nil, false
	}
	t := catalog[i]
	t.Palette = slices.Clone(t.Palette)
	return &t, true
}

// Names lists the themes, for "want one of" messages.
func Names() string {
	out := make([]string, len(catalog))
	for i, t := range catalog {
		out[i] = t.Name
	}
	return strings.Join(out, ", ")
}

// Color returns the palette colour of series i.
func (t *Theme) Color(i int) color.RGBA { return t.Palette[i%len(t.Palette)] }

// Accent is the colour of a highlighted category: the first series'.
func (t *Theme) Accent() color.RGBA { return t.Color(0) }

// MutedMark is the colour of the categories beside a highlighted one: the
// muted text colour washed towards the background as far as it keeps 3:1
// against it (WCAG 1.4.11, non-text contrast), so that a muted bar is
// quieter than the accent and still seen.
func (t *Theme) MutedMark() color.RGBA {
	mix := func(f float64) color.RGBA {
		m := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*(1-f) + float64(b)*f)) }
		return color.RGBA{m(t.Muted.R, t.Background.R), m(t.Muted.G, t.Background.G), m(t.Muted.B, t.Background.B), 0xff}
	}
	best := t.Muted
	for f := 0.0; f <= 1; f += 0.02 {
		if c := mix(f); Contrast(c, t.Background) >= 3.2 {
			best = c
		}
	}
	return best
}
