// Package raster fills shapes into an *image.RGBA directly, where the
// general path rasterizers (gonum's vgimg, gg) would spend most of their
// time on spans whose coverage is known: an axis-aligned rectangle covers
// its whole pixels fully and its edge pixels by a share computed exactly.
package raster

import (
	"image"
	"image/color"
	"image/draw"
	"math"
)

// FillRect composites colour clr over the pixels of img covered by the
// rectangle [x0,x1]x[y0,y1] (pixel units), each by the share of it that
// is covered: the whole pixels in one fill, then each edge strip and
// corner, whose coverage is constant along it, as a fill of the colour
// scaled by that coverage (Over with a scaled colour is Over through a
// mask of that coverage).
func FillRect(img *image.RGBA, x0, y0, x1, y1 float64, clr color.Color) {
	b := img.Rect
	x0, x1 = max(x0, float64(b.Min.X)), min(x1, float64(b.Max.X))
	y0, y1 = max(y0, float64(b.Min.Y)), min(y1, float64(b.Max.Y))
	if !(x0 < x1 && y0 < y1) {
		return
	}
	r, g, bl, a := clr.RGBA()
	fill := func(rect image.Rectangle, cover float64) {
		if rect.Empty() || cover <= 0 {
			return
		}
		// Coverage in 1/255ths, as an 8-bit mask would hold it.
		m := uint32(math.Round(255*min(cover, 1))) * 0x101
		if m == 0 {
			return
		}
		op := draw.Over
		if m == 0xffff && a == 0xffff {
			op = draw.Src
		}
		c := color.RGBA64{uint16(r * m / 0xffff), uint16(g * m / 0xffff), uint16(bl * m / 0xffff), uint16(a * m / 0xffff)}
		draw.Draw(img, rect, &image.Uniform{c}, image.Point{}, op)
	}
	// Whole pixels from ix0 to ix1 (exclusive); partial ones around them.
	ix0, iy0 := int(math.Ceil(x0)), int(math.Ceil(y0))
	ix1, iy1 := int(math.Floor(x1)), int(math.Floor(y1))
	ox0, oy0 := int(math.Floor(x0)), int(math.Floor(y0))
	// spans are the pixel runs of one axis with their coverage: the first
	// partial pixel, the whole ones, the last partial pixel (a rectangle
	// within one pixel has one run).
	type span struct {
		lo, hi int
		cover  float64
	}
	spans := func(lo, hi float64, ilo, ihi, olo int) []span {
		if ilo > ihi { // inside one pixel
			return []span{{olo, olo + 1, hi - lo}}
		}
		out := make([]span, 0, 3)
		if float64(ilo) > lo {
			out = append(out, span{ilo - 1, ilo, float64(ilo) - lo})
		}
		if ilo < ihi {
			out = append(out, span{ilo, ihi, 1})
		}
		if float64(ihi) < hi {
			out = append(out, span{ihi, ihi + 1, hi - float64(ihi)})
		}
		return out
	}
	for _, sy := range spans(y0, y1, iy0, iy1, oy0) {
		for _, sx := range spans(x0, x1, ix0, ix1, ox0) {
			fill(image.Rect(sx.lo, sy.lo, sx.hi, sy.hi), sx.cover*sy.cover)
		}
	}
}
