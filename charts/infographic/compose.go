package infographic

import (
	"image"
	"math"

	"github.com/fogleman/gg"
	xdraw "golang.org/x/image/draw"
)

// DrawImage draws img into the rectangle (x, y, w, h) of dc's user space
// (dc's current transform applies; rotation and shear are not supported),
// scaled to fit inside it with its aspect ratio kept, and centred. It is
// how another renderer's output joins an infographic: gonum/plot draws
// through a different gg fork whose contexts do not mix with this one, so
// render the chart to an image (charts/static writes a PNG; decode it)
// and draw that. When the image already has the rectangle's size in device
// pixels it is copied pixel for pixel; otherwise it is resampled
// (Catmull-Rom). dc's clip mask is not applied.
func DrawImage(dc *gg.Context, img image.Image, x, y, w, h float64) {
	b := img.Bounds()
	if b.Empty() || !(w > 0) || !(h > 0) {
		return
	}
	// Fit and centre in user space.
	s := math.Min(w/float64(b.Dx()), h/float64(b.Dy()))
	fw, fh := float64(b.Dx())*s, float64(b.Dy())*s
	x, y = x+(w-fw)/2, y+(h-fh)/2
	// To device pixels.
	x0, y0 := dc.TransformPoint(x, y)
	x1, y1 := dc.TransformPoint(x+fw, y+fh)
	dst, ok := dc.Image().(*image.RGBA)
	if !ok {
		return
	}
	r := image.Rect(int(math.Round(x0)), int(math.Round(y0)), int(math.Round(x1)), int(math.Round(y1)))
	if r.Dx() == b.Dx() && r.Dy() == b.Dy() {
		xdraw.Draw(dst, r, img, b.Min, xdraw.Over)
		return
	}
	xdraw.CatmullRom.Scale(dst, r, img, b, xdraw.Over, nil)
}
