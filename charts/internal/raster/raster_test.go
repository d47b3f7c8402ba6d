package raster

import (
	"image"
	"image/color"
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
