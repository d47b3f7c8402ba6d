package raster

import (
	"image"
	"image/color"
	"image/draw"
	"testing"
)

// TestFillRectCoverage checks the exact shares: a rectangle inside one
// pixel, one across a pixel boundary, and one on the grid, on white.
func TestFillRectCoverage(t *testing.T) {
	for _, tc := range []struct {
		name           string
		x0, y0, x1, y1 float64
		want           map[image.Point]uint8 // red channel after filling black over white
	}{
		{"inside one pixel", 1.25, 1.25, 1.75, 1.75, map[image.Point]uint8{{1, 1}: 255 - 64}},
		{"across an edge", 0.5, 2, 1.5, 3, map[image.Point]uint8{{0, 2}: 255 - 128, {1, 2}: 255 - 128, {0, 1}: 255}},
		{"on the grid", 2, 0, 4, 1, map[image.Point]uint8{{2, 0}: 0, {3, 0}: 0, {4, 0}: 255, {1, 0}: 255}},
		{"off the image", -3, -3, 0.5, 0.5, map[image.Point]uint8{{0, 0}: 255 - 64, {1, 0}: 255}},
	} {
		img := image.NewRGBA(image.Rect(0, 0, 5, 5))
		for i := range img.Pix {
			img.Pix[i] = 0xff
		}
		FillRect(img, tc.x0, tc.y0, tc.x1, tc.y1, color.Black)
		for p, want := range tc.want {
			if got := img.RGBAAt(p.X, p.Y).R; absDiff(got, want) > 1 {
				t.Errorf("%s: pixel %v = %d, want %d", tc.name, p, got, want)
			}
		}
	}
}

func absDiff(a, b uint8) uint8 {
	if a > b {
		return a - b
	}
	return b - a
}

// TestOverMatchesImageDraw checks the table-driven Over gives image/draw's
// bytes for translucent colours over every channel value.
func TestOverMatchesImageDraw(t *testing.T) {
	base := image.NewRGBA(image.Rect(0, 0, 256, 4))
	for x := 0; x < 256; x++ {
		for y := 0; y < 4; y++ {
			base.SetRGBA(x, y, color.RGBA{uint8(x), uint8(255 - x), uint8(x / 2), 0xff - uint8(y*40)})
		}
	}
	for _, c := range []color.RGBA64{{0x1234, 0x5678, 0x0, 0x8000}, {0, 0x7272, 0xb2b2, 0xffff / 3}, {0x100, 0x100, 0x100, 0x101}} {
		got := image.NewRGBA(base.Rect)
		want := image.NewRGBA(base.Rect)
		copy(got.Pix, base.Pix)
		copy(want.Pix, base.Pix)
		over(got, image.Rect(1, 0, 250, 3), c)
		draw.Draw(want, image.Rect(1, 0, 250, 3), &image.Uniform{c}, image.Point{}, draw.Over)
		for i := range got.Pix {
			if got.Pix[i] != want.Pix[i] {
				t.Fatalf("colour %v: byte %d = %d, image/draw gives %d", c, i, got.Pix[i], want.Pix[i])
			}
		}
	}
}
