package text

import (
	"fmt"
	"image"
	"image/color"
	imagedraw "image/draw"
	"math"
	"testing"

	"git.sr.ht/~sbinet/gg"
	xfont "golang.org/x/image/font"
	gfont "gonum.org/v1/plot/font"
	gtext "gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// rasterCanvas is a vgimg canvas that offers Handler its pixels, as
// charts/static's PNG canvas does.
type rasterCanvas struct {
	*vgimg.Canvas
	img *image.RGBA
	ctx *gg.Context
	dpi int
}

func (c *rasterCanvas) RasterTarget() (*image.RGBA, Affine) {
	k := float64(c.dpi) / 72 // vgimg turns points into dots before ctx's transform
	return c.img, AffineOf(func(x, y float64) (float64, float64) { return c.ctx.TransformPoint(x*k, y*k) })
}

func newRasterCanvas(w, h, dpi int) *rasterCanvas {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	ctx := gg.NewContextForRGBA(img)
	ctx.SetLineCapButt()
	ctx.InvertY()
	return &rasterCanvas{vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(dpi)), img, ctx, dpi}
}

// pixelDiff returns the largest channel difference of a and b and how
// many pixels differ by more than 8 levels.
func pixelDiff(a, b *image.RGBA) (maxDiff, over8 int) {
	for i := 0; i < len(a.Pix); i += 4 {
		d := 0
		for k := 0; k < 3; k++ {
			v := int(a.Pix[i+k]) - int(b.Pix[i+k])
			d = max(d, v, -v)
		}
		maxDiff = max(maxDiff, d)
		if d > 8 {
			over8++
		}
	}
	return maxDiff, over8
}

// TestRasterMatchesOutlines draws texts, Arabic, Latin and two lines,
// in three sizes, regular and bold, left and right aligned, at 1x and 2x,
// once from cached glyph masks and once by filling outlines through the
// canvas, and checks each pair of pictures agree: the ink in the same
// box to a pixel, as much ink to 3%, and no pixel further apart than a
// quarter-pixel shift of an edge explains.
func TestRasterMatchesOutlines(t *testing.T) {
	h := NewHandler(nil)
	texts := []string{
		"قتلى مدنيون حسب المحافظة، 2015–2025",
		"Civilian deaths by governorate: 6,993",
		"حلب 2,843\nإدلب 2,537",
	}
	for _, dpi := range []int{72, 144} {
		for i, s := range texts {
			for j, size := range []vg.Length{9.5, 14, 23.3} {
				sty := gtext.Style{
					Color: color.RGBA{0x1b, 0x1f, 0x3b, 0xff}, Handler: h,
					Font:   gfont.Font{Size: size, Weight: xfont.Weight(3 * (j % 2))},
					XAlign: draw.XAlignment(-float64(i % 2)), YAlign: draw.YCenter,
				}
				x := vg.Length(20.37)
				if i%2 == 1 {
					x = 580.61
				}
				raster := newRasterCanvas(600*dpi/72, 120*dpi/72, dpi)
				outline := vgimg.NewWith(vgimg.UseWH(600, 120), vgimg.UseDPI(dpi))
				for _, c := range []vg.CanvasSizer{raster, outline} {
					dc := draw.New(c)
					dc.FillText(sty, vg.Point{X: x, Y: 60.3}, s)
				}
				name := fmt.Sprintf("dpi %d, %q at %g", dpi, s, size)
				got, want := raster.img, outline.Image().(*image.RGBA)
				if gb, wb := inkBox(got, got.Rect), inkBox(want, want.Rect); absInt(gb.Min.X-wb.Min.X) > 1 || absInt(gb.Max.X-wb.Max.X) > 1 || absInt(gb.Min.Y-wb.Min.Y) > 1 || absInt(gb.Max.Y-wb.Max.Y) > 1 {
					t.Errorf("%s: ink in %v from masks, %v from outlines", name, gb, wb)
				}
				// The same amount of ink: no glyph lost, none doubled.
				if g, w := inkSum(got), inkSum(want); math.Abs(g-w) > 0.03*w {
					t.Errorf("%s: %.0f of ink from masks, %.0f from outlines", name, g, w)
				}
				// A quarter-pixel grid moves an edge by at most 1/8 of a
				// pixel, and two rasterisers round coverage apart.
				maxDiff, over8 := pixelDiff(got, want)
				if maxDiff > 110 {
					t.Errorf("%s: masks and outlines differ by up to %d levels", name, maxDiff)
				}
				if over8 == 0 {
					t.Errorf("%s: no pixel differs: the masks were not used", name)
				}
			}
		}
	}
}

// inkSum is how much darker than white a picture is, summed.
func inkSum(img *image.RGBA) float64 {
	var sum float64
	for i := 0; i < len(img.Pix); i += 4 {
		sum += float64(255 - img.Pix[i])
	}
	return sum
}

func absInt(v int) int { return max(v, -v) }

// TestRotatedTextUsesOutlines checks that rotated text, which masks do
// not cover, is filled as outlines: the same pixels as a plain canvas.
func TestRotatedTextUsesOutlines(t *testing.T) {
	h := NewHandler(nil)
	raster := newRasterCanvas(200, 200, 72)
	outline := vgimg.NewWith(vgimg.UseWH(200, 200), vgimg.UseDPI(72))
	for _, c := range []vg.CanvasSizer{raster, outline} {
		dc := draw.New(c)
		sty := gtext.Style{Color: color.Black, Handler: h, Font: gfont.Font{Size: 14}, Rotation: 1.5707963267948966, XAlign: draw.XCenter, YAlign: draw.YCenter}
		dc.FillText(sty, vg.Point{X: 100, Y: 100}, "عدد الضحايا 120")
	}
	if d, n := pixelDiff(raster.img, outline.Image().(*image.RGBA)); d != 0 {
		t.Fatalf("rotated text differs on the raster canvas: %d levels, %d pixels", d, n)
	}
	if inkBox(raster.img, raster.img.Rect).Empty() {
		t.Fatal("no text drawn")
	}
}

// TestMaskCacheBounded checks the glyph mask cache keeps at most two
// generations, however many sizes are drawn.
func TestMaskCacheBounded(t *testing.T) {
	l := Shape("Aleppo حلب 0123456789", Style{Fonts: Default(), Size: 10})
	img := image.NewRGBA(image.Rect(0, 0, 400, 100))
	for i := 0; i < 2000; i++ {
		l.drawRaster(img, 10, 50, 1+float64(i)/100, color.Black)
	}
	masks.Lock()
	n := len(masks.cur) + len(masks.old)
	masks.Unlock()
	if n > 2*maskGeneration {
		t.Fatalf("%d masks cached, want at most %d", n, 2*maskGeneration)
	}
}

// TestBlendOpaqueMatchesImageDraw checks the opaque blend against
// image/draw's Over through the same mask, every coverage over every
// channel value, clipped at the image's edge.
func TestBlendOpaqueMatchesImageDraw(t *testing.T) {
	mask := image.NewAlpha(image.Rect(0, 0, 256, 256))
	for y := 0; y < 256; y++ {
		for x := 0; x < 256; x++ {
			mask.Pix[mask.PixOffset(x, y)] = uint8(x)
		}
	}
	for _, c := range []color.RGBA{{0x1b, 0x1f, 0x3b, 0xff}, {0xff, 0xff, 0xff, 0xff}, {0, 0x72, 0xb2, 0xff}, {0, 0, 0, 0xff}} {
		got := image.NewRGBA(image.Rect(0, 0, 200, 256))
		for y := 0; y < 256; y++ {
			for x := 0; x < 200; x++ {
				got.SetRGBA(x, y, color.RGBA{uint8(y), uint8(255 - y), uint8(y / 3), 0xff})
			}
		}
		want := image.NewRGBA(got.Rect)
		copy(want.Pix, got.Pix)
		at := image.Rect(-20, 0, 236, 256) // runs off both sides
		blendOpaque(got, at, mask, uint32(c.R)|uint32(c.B)<<16, uint32(c.G)|0xff<<16)
		imagedraw.DrawMask(want, at, image.NewUniform(c), image.Point{}, mask, mask.Rect.Min, imagedraw.Over)
		for i := range got.Pix {
			if d := int(got.Pix[i]) - int(want.Pix[i]); d > 1 || d < -1 {
				t.Fatalf("colour %v: byte %d = %d, image/draw gives %d", c, i, got.Pix[i], want.Pix[i])
			}
		}
	}
}
