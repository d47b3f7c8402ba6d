package static

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"io"
	"testing"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/internal/pngenc"
)

// BenchmarkRender renders a synthetic 1200x675 governorate bar chart to PNG,
// beside the encode floor: encoding an image of the same size, with the
// same shapes filled, with the same encoder.
func BenchmarkRender(b *testing.B) {
	f := synthetic(figure.Bar, "en")
	o := Options{Text: handler()}
	if err := Render(io.Discard, f, o); err != nil { // warm the shaping cache
		b.Fatal(err)
	}
	b.Run("chart", func(b *testing.B) {
		for b.Loop() {
			if err := Render(io.Discard, f, o); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encode-floor", func(b *testing.B) {
		img := image.NewRGBA(image.Rect(0, 0, 1200, 675))
		draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
		for i := range 4 {
			r := image.Rect(160, 150+i*110, 160+900-i*200, 190+i*110)
			draw.Draw(img, r, image.NewUniform(color.RGBA{0, 0x72, 0xb2, 0xff}), image.Point{}, draw.Src)
		}
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			if err := pngenc.Encode(&buf, img); err != nil {
				b.Fatal(err)
			}
		}
	})
}
