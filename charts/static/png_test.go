package static

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/theme"
)

// maxDiff is the largest channel difference between a and b.
func maxDiff(a, b *image.RGBA) int {
	d := 0
	for i := range a.Pix {
		v := int(a.Pix[i]) - int(b.Pix[i])
		d = max(d, v, -v)
	}
	return d
}

// TestFillRectMatchesRasterizer fills rectangles at fractional positions
// (inside one pixel, thin, wide, translucent, off the canvas) and strokes
// lines directly and through gonum's rasterizer, and checks the pixels
// agree to within rounding.
func TestFillRectMatchesRasterizer(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	rects := []vg.Rectangle{
		{Min: vg.Point{X: 10.3, Y: 10.3}, Max: vg.Point{X: 10.7, Y: 10.9}}, // inside one pixel
		{Min: vg.Point{X: 20, Y: 20}, Max: vg.Point{X: 60, Y: 40}},         // on the grid
		{Min: vg.Point{X: 5.5, Y: 50.25}, Max: vg.Point{X: 190.75, Y: 50.6}},
		{Min: vg.Point{X: -10.2, Y: 90.4}, Max: vg.Point{X: 30.6, Y: 250}}, // off two edges
	}
	for range 40 {
		x, y := 200*r.Float64(), 200*r.Float64()
		rects = append(rects, vg.Rectangle{Min: vg.Point{X: vg.Length(x), Y: vg.Length(y)}, Max: vg.Point{X: vg.Length(x + 40*r.Float64()), Y: vg.Length(y + 40*r.Float64())}})
	}
	colours := []color.Color{color.RGBA{0x00, 0x72, 0xb2, 0xff}, color.NRGBA{0xd5, 0x5e, 0x00, 0x80}}
	for _, dpi := range []int{72, 144} {
		direct := newPixelCanvas(200*dpi/72, 200*dpi/72, dpi, color.White)
		raster := vgimg.NewWith(vgimg.UseWH(200, 200), vgimg.UseDPI(dpi))
		for _, c := range []vg.Canvas{direct, raster} {
			for i, rc := range rects {
				c.SetColor(colours[i%2])
				c.Fill(rc.Path())
			}
		}
		// Solid horizontal and vertical strokes, thin and thick; a dashed
		// one and a diagonal one (through the rasterizer on both).
		for _, c := range []vg.Canvas{direct, raster} {
			c.Push()
			c.SetColor(color.RGBA{0x55, 0x55, 0x55, 0xff})
			for i, w := range []vg.Length{0.5, 1, 1.3, 4} {
				c.SetLineWidth(w)
				y := 150 + vg.Length(i)*7.3
				c.Stroke(vg.Path{{Type: vg.MoveComp, Pos: vg.Point{X: 12.2, Y: y}}, {Type: vg.LineComp, Pos: vg.Point{X: 180.7, Y: y}}})
				x := 120 + vg.Length(i)*9.6
				c.Stroke(vg.Path{{Type: vg.MoveComp, Pos: vg.Point{X: x, Y: 10.5}}, {Type: vg.LineComp, Pos: vg.Point{X: x, Y: 140.2}}})
			}
			c.SetLineDash([]vg.Length{3, 2}, 0)
			c.Stroke(vg.Path{{Type: vg.MoveComp, Pos: vg.Point{X: 5, Y: 195}}, {Type: vg.LineComp, Pos: vg.Point{X: 190, Y: 195}}})
			c.SetLineDash(nil, 0)
			c.Stroke(vg.Path{{Type: vg.MoveComp, Pos: vg.Point{X: 5, Y: 5}}, {Type: vg.LineComp, Pos: vg.Point{X: 100, Y: 60}}})
			c.Pop()
		}
		// freetype rounds positions to 1/256 pixel and strokes by flattening:
		// a few levels on the edges of thin lines.
		if d := maxDiff(direct.img, raster.Image().(*image.RGBA)); d > 6 {
			t.Errorf("dpi %d: direct fills and strokes differ from the rasterizer's by up to %d levels", dpi, d)
		}
		direct.release()
	}
}

// TestPixelCanvasMatchesVgimg renders every chart kind in both languages
// at 1x and 2x on the PNG canvas (glyph masks, direct rectangles, a reused
// image) and on a plain vgimg canvas (every shape through the
// rasterizer), and checks the pictures agree but for anti-aliasing.
func TestPixelCanvasMatchesVgimg(t *testing.T) {
	th, _ := theme.ByName("")
	for _, kind := range []figure.Kind{figure.Bar, figure.Column, figure.Line, figure.Stacked, figure.Donut} {
		for _, lang := range []string{"en", "ar"} {
			for _, scale := range []float64{1, 2} {
				name := fmt.Sprintf("%s-%s@%gx", kind, lang, scale)
				f := synthetic(kind, lang)
				o := Options{Width: 1200, Height: 675, Scale: scale, Theme: th, Text: handler()}
				var buf bytes.Buffer
				if err := Render(&buf, f, o); err != nil {
					t.Fatal(err)
				}
				m, err := png.Decode(&buf)
				if err != nil {
					t.Fatal(err)
				}
				got := image.NewRGBA(m.Bounds())
				for y := 0; y < got.Rect.Dy(); y++ {
					for x := 0; x < got.Rect.Dx(); x++ {
						got.Set(x, y, m.At(x, y))
					}
				}
				ref := vgimg.NewWith(vgimg.UseWH(1200, 675), vgimg.UseDPI(int(72*scale)), vgimg.UseBackgroundColor(th.Background))
				o.filled = true
				if err := draw1(draw.New(ref), f, o); err != nil {
					t.Fatal(err)
				}
				want := ref.Image().(*image.RGBA)
				if got.Rect != want.Rect {
					t.Fatalf("%s: %v, want %v", name, got.Rect, want.Rect)
				}
				if d := maxDiff(got, want); d > 128 {
					t.Errorf("%s: the PNG canvas differs from vgimg's by up to %d levels", name, d)
				}
			}
		}
	}
}
