package infographic

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/fogleman/gg"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/locale"
	"github.com/tollcharts/tollcharts/charts/static"
	"github.com/tollcharts/tollcharts/charts/text"
)

// halves is a w×h image, red on the left half, blue on the right.
func halves(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{200, 0, 0, 255}
			if x >= w/2 {
				c = color.RGBA{0, 0, 200, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func TestDrawImage(t *testing.T) {
	white := color.RGBA{255, 255, 255, 255}
	// A 2x canvas: the rectangle (10, 10, 50, 25) is 100x50 device
	// pixels, so a 100x50 image is copied pixel for pixel.
	dc := gg.NewContext(200, 100)
	dc.SetColor(white)
	dc.Clear()
	dc.Scale(2, 2)
	DrawImage(dc, halves(100, 50), 10, 10, 50, 25)
	got := dc.Image().(*image.RGBA)
	for _, c := range []struct {
		x, y int
		want color.RGBA
	}{
		{20, 20, color.RGBA{200, 0, 0, 255}}, {69, 69, color.RGBA{200, 0, 0, 255}},
		{70, 20, color.RGBA{0, 0, 200, 255}}, {119, 69, color.RGBA{0, 0, 200, 255}},
		{19, 20, white}, {120, 20, white}, {20, 19, white}, {20, 70, white},
	} {
		if p := got.RGBAAt(c.x, c.y); p != c.want {
			t.Errorf("(%d,%d) = %v, want %v", c.x, c.y, p, c.want)
		}
	}
	// Scaled down and fitted: a 200x50 image into a 50x50 rectangle keeps
	// its aspect (50x12.5, centred).
	dc = gg.NewContext(100, 100)
	dc.SetColor(white)
	dc.Clear()
	DrawImage(dc, halves(200, 50), 0, 0, 50, 50)
	got = dc.Image().(*image.RGBA)
	if p := got.RGBAAt(10, 25); p.R < 150 || p.B > 50 {
		t.Errorf("left of the scaled image is %v, want red", p)
	}
	if p := got.RGBAAt(40, 25); p.B < 150 || p.R > 50 {
		t.Errorf("right of the scaled image is %v, want blue", p)
	}
	if p := got.RGBAAt(25, 5); p != white {
		t.Errorf("above the fitted image is %v, want the canvas", p)
	}
}

// TestComposeStatic draws a gonum/plot chart from charts/static onto an
// infographic canvas and checks that its pixels arrive unchanged.
func TestComposeStatic(t *testing.T) {
	loc := locale.Locale{Lang: "en"}
	v := func(n int64) figure.Value { return figure.Value{N: n, Known: true, Label: loc.Int(n)} }
	f := &figure.Figure{ID: "synthetic-bars", Kind: figure.Bar, Locale: loc, Title: "Synthetic data",
		Source: "Synthetic test data", ValueAxis: "Synthetic counts",
		CategoryKeys: []string{"a", "b"}, Categories: []string{"A", "B"},
		Series: []figure.Series{{Key: "s", Name: "S", Values: []figure.Value{v(3), v(5)}}}}
	var buf bytes.Buffer
	err := static.Render(&buf, f, static.Options{Width: 300, Height: 200, Scale: 2, Text: text.NewHandler(text.Default())})
	if err != nil {
		t.Fatal(err)
	}
	chart, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	dc := gg.NewContext(1000, 800)
	dc.Scale(2, 2)
	DrawImage(dc, chart, 100, 50, 300, 200)
	got := dc.Image().(*image.RGBA)
	b := chart.Bounds()
	for y := 0; y < b.Dy(); y += 7 {
		for x := 0; x < b.Dx(); x += 7 {
			want := color.RGBAModel.Convert(chart.At(b.Min.X+x, b.Min.Y+y)).(color.RGBA)
			if p := got.RGBAAt(200+x, 100+y); p != want {
				t.Fatalf("chart pixel (%d,%d) is %v on the canvas, %v in the chart", x, y, p, want)
			}
		}
	}
}

// TestLogo checks that a logo lands in the footer on the start side
// (left in English, right in Arabic), as tall as the default logo height,
// and keeps clear of the footer's text.
func TestLogo(t *testing.T) {
	logo := halves(160, 40) // a synthetic logo
	for _, lang := range []string{"en", "ar"} {
		for _, s := range Sizes {
			c, err := draw(fig(t, "stat", lang), Options{Width: s.Width, Height: s.Height, Logo: logo})
			if err != nil {
				t.Fatal(err)
			}
			checkBoxes(t, c)
			img := c.dc.Image().(*image.RGBA)
			x := int(c.pad + 5)
			if lang == "ar" {
				x = int(c.w - c.pad - 5)
			}
			y := int(c.h - 0.7*c.pad - 5)
			if p := img.RGBAAt(x, y); p.B < 150 && p.R < 150 {
				t.Errorf("%s %s: no logo at (%d,%d): %v", lang, s.Name, x, y, p)
			}
			if h := c.rec.logo.H(); h != 40 {
				t.Errorf("%s %s: logo %g tall, want 40", lang, s.Name, h)
			}
			for _, tb := range c.rec.texts {
				lx0, lx1 := c.pad, c.pad+160
				if lang == "ar" {
					lx0, lx1 = c.w-c.pad-160, c.w-c.pad
				}
				if tb.Box.Y1 > c.h-0.7*c.pad-40 && tb.Box.X1 > lx0 && tb.Box.X0 < lx1 {
					t.Errorf("%s %s: %q runs under the logo", lang, s.Name, tb.Text)
				}
			}
		}
	}
}
