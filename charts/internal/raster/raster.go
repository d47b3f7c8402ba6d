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
		c := color.RGBA64{uint16(r * m / 0xffff), uint16(g * m / 0xffff), uint16(bl * m / 0xffff), uint16(a * m / 0xffff)}
		if c.A == 0xffff {
			draw.Draw(img, rect, &image.Uniform{c}, image.Point{}, draw.Src)
			return
		}
		over(img, rect.Intersect(img.Rect), c)
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

// over composites the premultiplied colour c over the pixels of r (inside
// img) as image/draw's Over of a uniform colour does, to the bit: that
// arithmetic depends only on each channel's old value, so it is worked
// out once per value into tables, which edge strips hundreds of pixels
// long then read (image/draw's loop was three quarters of a bar chart's
// fills).
func over(img *image.RGBA, r image.Rectangle, c color.RGBA64) {
	if r.Empty() {
		return
	}
	if r.Dx()*r.Dy() < 64 { // a corner or a short side: not worth tables
		draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Over)
		return
	}
	const m = 1<<16 - 1
	a := (m - uint32(c.A)) * 0x101
	// lut[ch][v] = (v*a/m + s) >> 8, with v*a/m stepped exactly: it grows
	// by a/m each v, and by one more whenever the remainders pass m.
	var lut [4][256]uint8
	qa, ra := a/m, a%m
	for ch, s := range [4]uint32{uint32(c.R), uint32(c.G), uint32(c.B), uint32(c.A)} {
		q, rem := uint32(0), uint32(0)
		for v := range 256 {
			lut[ch][v] = uint8((q + s) >> 8)
			q, rem = q+qa, rem+ra
			if rem >= m {
				q, rem = q+1, rem-m
			}
		}
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
		for i := 0; i+4 <= len(row); i += 4 {
			d := row[i : i+4 : i+4]
			d[0], d[1], d[2], d[3] = lut[0][d[0]], lut[1][d[1]], lut[2][d[2]], lut[3][d[3]]
		}
	}
}
