package static

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/internal/themetest"
	ctext "github.com/tollcharts/tollcharts/charts/text"
	"github.com/tollcharts/tollcharts/charts/theme"
)

// brand is the synthetic theme (testdata/themes/synthetic-brand.yaml):
// DejaVu Serif, other colours and sizes, and a synthetic 300x80 logo.
var brand = sync.OnceValues(themetest.Theme)

func brandT(t *testing.T) (*theme.Theme, *ctext.Handler) {
	t.Helper()
	th, err := brand()
	if err != nil {
		t.Fatal(err)
	}
	return th, ctext.NewHandler(th.Fonts)
}

// TestLogoLayout draws every kind in every size and both languages with
// the synthetic theme and checks the logo as a box among the texts: inside
// the canvas, in the bottom corner on the reading-start side (left in
// English, right in Arabic), its height the theme's, and no text over it
// or over another text.
func TestLogoLayout(t *testing.T) {
	th, h := brandT(t)
	for _, kind := range []figure.Kind{figure.Bar, figure.Column, figure.Line, figure.Grouped, figure.Stacked, figure.Donut, figure.Multiples} {
		for _, lang := range []string{"en", "ar"} {
			for _, s := range testSizes {
				name := fmt.Sprintf("%s/%s/%s", kind, lang, s.name)
				rec := &recorder{Handler: h}
				var logo vg.Rectangle
				o := Options{Width: s.w, Height: s.h, TextScale: s.textScale, Format: SVG, Theme: th, Text: rec, logoAt: &logo}
				if err := Render(io.Discard, synthetic(kind, lang), o); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				w, hh := vg.Length(s.w), vg.Length(s.h)
				pad := vg.Length(0.035 * float64(s.w))
				if d := logo.Size().Y - vg.Length(th.Logo.Height); d > 0.01 || d < -0.01 {
					t.Errorf("%s: logo is %v tall, want the theme's %g", name, logo.Size().Y, th.Logo.Height)
				}
				if d := logo.Size().X - logo.Size().Y*300/80; d > 0.01 || d < -0.01 {
					t.Errorf("%s: logo is %vx%v, want the image's aspect", name, logo.Size().X, logo.Size().Y)
				}
				start := logo.Min.X - pad
				if lang == "ar" {
					start = w - pad - logo.Max.X
				}
				if start > 0.01 || start < -0.01 || logo.Min.Y-pad*0.7 > 0.01 || logo.Min.Y-pad*0.7 < -0.01 || logo.Max.Y > hh {
					t.Errorf("%s: logo at %v, want the bottom %s corner inside the margins", name, logo, map[string]string{"en": "left", "ar": "right"}[lang])
				}
				boxes := append([]box{{"<logo>", logo}}, rec.boxes...)
				for i, a := range boxes {
					if a.r.Min.X < -0.5 || a.r.Min.Y < -0.5 || a.r.Max.X > w+0.5 || a.r.Max.Y > hh+0.5 {
						t.Errorf("%s: %q at %v lies outside the canvas", name, a.txt, a.r)
					}
					for _, b := range boxes[i+1:] {
						if overlap(a.r, b.r, 1) {
							t.Errorf("%s: %q %v overlaps %q %v", name, a.txt, a.r, b.txt, b.r)
						}
					}
				}
			}
		}
	}
}

// TestLogoInEveryFormat checks that PNG (1x and 2x), SVG and PDF carry the
// logo, and that two renders give the same bytes.
func TestLogoInEveryFormat(t *testing.T) {
	th, h := brandT(t)
	plate := color.RGBA{0x2b, 0x4c, 0x7e, 0xff} // the synthetic logo's colour
	for _, lang := range []string{"en", "ar"} {
		f := synthetic(figure.Bar, lang)
		for _, scale := range []float64{1, 2} {
			var buf bytes.Buffer
			if err := Render(&buf, f, Options{Scale: scale, Theme: th, Text: h}); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			// A point inside the plate, below the word, near the start edge.
			pad := 0.035 * 1200
			x := pad + 4
			if lang == "ar" {
				x = 1200 - pad - 150 + 4
			}
			y := 675 - pad*0.7 - 3
			px := color.RGBAModel.Convert(img.At(int(x*scale), int(y*scale))).(color.RGBA)
			if px != plate {
				t.Errorf("%s %gx: pixel (%g,%g) is %v, want the logo's %v", lang, scale, x, y, px, plate)
			}
		}
		for _, format := range []Format{SVG, PDF} {
			var a, b bytes.Buffer
			for _, buf := range []*bytes.Buffer{&a, &b} {
				if err := Render(buf, f, Options{Format: format, Theme: th, Text: h}); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s %s: two renders differ", lang, format)
			}
			switch format {
			case SVG:
				if n := strings.Count(a.String(), `<image `); n != 1 || !strings.Contains(a.String(), `xlink:href="data:image/png;base64,`) {
					t.Errorf("%s svg: %d images, want the logo once, as PNG", lang, n)
				}
			case PDF:
				if !bytes.Contains(a.Bytes(), []byte("/Subtype /Image")) {
					t.Errorf("%s pdf: no image", lang)
				}
			}
		}
	}
}

// TestLogoImage: PNG gets the logo at its device size; SVG and PDF embed
// it at twice the drawn size at most, never larger than the file.
func TestLogoImage(t *testing.T) {
	th, _ := brandT(t)
	p := &painter{th: th, o: Options{Format: PNG, Scale: 2}}
	if b := p.logoImage(150, 40).Bounds(); b.Dx() != 300 || b.Dy() != 80 {
		t.Errorf("png 2x: %v, want the file's 300x80 as it is", b)
	}
	p.o.Scale = 1
	if b := p.logoImage(150, 40).Bounds(); b.Dx() != 150 || b.Dy() != 40 {
		t.Errorf("png 1x: %v, want 150x40", b)
	}
	p.o.Format = SVG
	if b := p.logoImage(75, 20).Bounds(); b.Dx() != 150 || b.Dy() != 40 {
		t.Errorf("svg: %v, want 150x40", b)
	}
	if img := p.logoImage(300, 80); img != th.Logo.Image {
		t.Errorf("svg: %v, want the file's image", img.Bounds())
	}
	// PDF: the same size, rows reversed (gonum's PDF canvas mirrors them).
	p.o.Format = PDF
	img := p.logoImage(300, 80)
	src := th.Logo.Image
	for _, pt := range [][2]int{{5, 0}, {150, 10}, {40, 40}, {295, 79}} {
		a := color.NRGBAModel.Convert(img.At(pt[0], pt[1]))
		b := color.NRGBAModel.Convert(src.At(pt[0], 79-pt[1]))
		if a != b {
			t.Errorf("pdf: (%d,%d) is %v, want the source's (%d,%d) %v", pt[0], pt[1], a, pt[0], 79-pt[1], b)
		}
	}
}

// TestLogoUprightInPDF draws a logo red on top and blue below into a PDF,
// rasterises it with pdftoppm (poppler), when installed, and checks that
// red is still on top.
func TestLogoUprightInPDF(t *testing.T) {
	pdftoppm, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	th, h := brandT(t)
	logo := image.NewNRGBA(image.Rect(0, 0, 120, 40))
	for y := range 40 {
		for x := range 120 {
			c := color.NRGBA{200, 0, 0, 255}
			if y >= 20 {
				c = color.NRGBA{0, 0, 200, 255}
			}
			logo.SetNRGBA(x, y, c)
		}
	}
	tt := *th
	tt.Logo = &theme.Logo{Image: logo, Height: 40}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := Render(&buf, synthetic(figure.Bar, "en"), Options{Format: PDF, Theme: &tt, Text: h}); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "logo.pdf")
	if err := os.WriteFile(pdf, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(pdftoppm, "-png", "-r", "72", "-singlefile", pdf, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	page, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	pad := 0.035 * 1200
	x, bottom := int(pad+60), int(675-pad*0.7)
	top := color.RGBAModel.Convert(page.At(x, bottom-30)).(color.RGBA)
	low := color.RGBAModel.Convert(page.At(x, bottom-10)).(color.RGBA)
	if top.R < 150 || top.B > 60 || low.B < 150 || low.R > 60 {
		t.Errorf("logo in the PDF: %v above %v; want red above blue (upright)", top, low)
	}
}

// TestGoldenLogo compares a bar chart drawn with the synthetic theme
// (fonts, colours, sizes, logo) in English and Arabic with its golden
// image.
func TestGoldenLogo(t *testing.T) {
	th, h := brandT(t)
	for _, lang := range []string{"en", "ar"} {
		t.Run(lang, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Render(&buf, synthetic(figure.Bar, lang), Options{Theme: th, Text: h}); err != nil {
				t.Fatal(err)
			}
			compare(t, filepath.Join("testdata", "bar-"+lang+"-landscape-synthetic-brand.png"), buf.Bytes())
		})
	}
}
