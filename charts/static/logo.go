package static

import (
	"bytes"
	"image"
	"math"

	"gonum.org/v1/plot/vg"
)

// logoGap is the space between the logo and the footer's text.
const logoGap = 16

// logoSize is the size of the theme's logo as drawn, in points (pixels at
// 1x): the theme's height, narrowed to at most 30% of the width inside
// the margins (keeping its aspect). Zero without a logo.
func (p *painter) logoSize() (w, h vg.Length) {
	l := p.th.Logo
	if l == nil || l.Image == nil || l.Image.Bounds().Empty() {
		return 0, 0
	}
	b := l.Image.Bounds()
	h = vg.Length(l.Height)
	w = h * vg.Length(b.Dx()) / vg.Length(b.Dy())
	if maxW := 0.3 * (p.dc.Rectangle.Size().X - 2*p.pad()); w > maxW {
		w, h = maxW, maxW*vg.Length(b.Dy())/vg.Length(b.Dx())
	}
	if p.o.Format == PNG || p.o.Format == "" {
		// Whole device pixels, so that the logo is not blurred twice.
		s := vg.Length(p.o.Scale)
		w, h = vg.Length(math.Round(float64(w*s)))/s, vg.Length(math.Round(float64(h*s)))/s
	}
	return w, h
}

// drawLogo draws the theme's logo, w by h, in the bottom corner on the
// reading-start side (left in English, right in Arabic), on the footer's
// baseline margin; the footer's text stands beside it.
func (p *painter) drawLogo(w, h vg.Length) {
	if w <= 0 || h <= 0 {
		return
	}
	r := p.dc.Rectangle
	pad := p.pad()
	x := r.Min.X + pad
	if p.rtl {
		x = r.Max.X - pad - w
	}
	y := r.Min.Y + pad*0.7
	if p.o.Format == PNG || p.o.Format == "" {
		s := vg.Length(p.o.Scale)
		x, y = vg.Length(math.Round(float64(x*s)))/s, vg.Length(math.Round(float64(y*s)))/s
	}
	box := vg.Rectangle{Min: vg.Point{X: x, Y: y}, Max: vg.Point{X: x + w, Y: y + h}}
	p.dc.DrawImage(box, p.logoImage(w, h))
	if p.o.logoAt != nil {
		*p.o.logoAt = box
	}
}

// logoImage is the logo resampled for a w by h box: to its exact size in
// device pixels for PNG, and to twice its size (never larger than the
// file) for SVG and PDF, which embed it. For PDF its rows are reversed:
// gonum's PDF canvas places images inside its y-up frame, which mirrors
// them top to bottom, and this mirrors them back.
func (p *painter) logoImage(w, h vg.Length) image.Image {
	img := p.th.Logo.Image
	b := img.Bounds()
	vector := p.o.Format == SVG || p.o.Format == PDF
	scale := p.o.Scale
	if vector {
		scale = 2
	}
	dw, dh := int(math.Round(float64(w)*scale)), int(math.Round(float64(h)*scale))
	if !vector || dw < b.Dx() && dh < b.Dy() {
		img = p.th.Logo.Scaled(dw, dh)
	}
	if p.o.Format == PDF {
		img = flipRows(img)
	}
	return img
}

// flipRows returns img mirrored top to bottom.
func flipRows(img image.Image) image.Image {
	b := img.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := range b.Dy() {
		for x := range b.Dx() {
			out.Set(x, b.Dy()-1-y, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return out
}

// svgImageType corrects the media type gonum's SVG canvas gives embedded
// images: it writes PNG bytes but calls them image/jpg.
func svgImageType(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte(`xlink:href="data:image/jpg;base64,`), []byte(`xlink:href="data:image/png;base64,`))
}
