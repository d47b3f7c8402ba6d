package infographic

import (
	"image/color"
	"sort"

	"github.com/tollcharts/tollcharts/charts/locale"
)

// noData is the class of a governorate without a published figure.
const noData = -1

// orRd are ColorBrewer's OrRd sequential schemes (Cynthia Brewer, Apache
// 2.0), marked colour-blind safe, by number of classes.
var orRd = map[int][]color.RGBA{
	1: {rgb(0xe34a33)},
	2: {rgb(0xfdbb84), rgb(0xe34a33)},
	3: {rgb(0xfee8c8), rgb(0xfdbb84), rgb(0xe34a33)},
	4: {rgb(0xfef0d9), rgb(0xfdcc8a), rgb(0xfc8d59), rgb(0xd7301f)},
	5: {rgb(0xfef0d9), rgb(0xfdcc8a), rgb(0xfc8d59), rgb(0xe34a33), rgb(0xb30000)},
}

func rgb(hex uint32) color.RGBA {
	return color.RGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 0xff}
}

// classes is a classed colour scale: class i holds the counts from
// lower[i] up to lower[i+1]-1, the last one has no upper bound.
type classes struct {
	lower  []int64
	colors []color.RGBA
}

// niceSteps are the class bounds a reader takes in at a glance.
func niceSteps(max int64) []int64 {
	out := []int64{1, 2, 5}
	for mag := int64(10); mag <= max && mag < 1e17; mag *= 10 {
		out = append(out, mag, 25*mag/10, 5*mag)
	}
	return out
}

// newClasses makes up to 5 classes whose bounds are round numbers (1, 2,
// 5, 10, 25, 50, 100, 250, ...): the top class starts at the largest round
// number not above max, and the lowest class starts at zero, so a known
// zero has a colour of its own class, never the "no data" hatch.
func newClasses(max int64) classes {
	var bounds []int64
	for _, s := range niceSteps(max) {
		if s <= max {
			bounds = append(bounds, s)
		}
	}
	if len(bounds) > 4 {
		bounds = bounds[len(bounds)-4:]
	}
	lower := append([]int64{0}, bounds...)
	return classes{lower: lower, colors: orRd[len(lower)]}
}

// class returns the class of a count.
func (c classes) class(n int64) int {
	return sort.Search(len(c.lower), func(i int) bool { return c.lower[i] > n }) - 1
}

// label names class i: "100–249", "1,000 or more", "0".
func (c classes) label(i int, loc locale.Locale) string {
	lo := loc.Int(c.lower[i])
	if i == len(c.lower)-1 {
		if loc.RTL() {
			return lo + " فأكثر"
		}
		return lo + " or more"
	}
	hi := c.lower[i+1] - 1
	if hi == c.lower[i] {
		return lo
	}
	return lo + "–" + loc.Int(hi)
}
