package pngenc

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math/rand/v2"
	"testing"
)

// synthetic returns a synthetic chart-like picture: a flat background,
// bars and anti-aliased-looking edges, with alpha a everywhere but the
// background when a < 255.
func synthetic(w, h int, a uint8, seed uint64) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, 1))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Rect, &image.Uniform{color.RGBA{250, 250, 248, 255}}, image.Point{}, draw.Src)
	for i := 0; i < 12; i++ {
		y := 10 + i*(h-20)/12
		bw := r.IntN(w - 20)
		c := color.RGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), 255}
		draw.Draw(img, image.Rect(10, y, 10+bw, y+(h-20)/14), &image.Uniform{c}, image.Point{}, draw.Src)
	}
	for i := 0; i < w*h/20; i++ { // speckles, as text edges
		x, y := r.IntN(w), r.IntN(h)
		v := uint8(r.IntN(256))
		img.SetRGBA(x, y, color.RGBA{v, v / 2, v / 3, 255})
	}
	if a < 255 {
		for i := 0; i < len(img.Pix); i += 4 {
			al := uint8(r.IntN(int(a) + 1))
			for k := 0; k < 3; k++ {
				img.Pix[i+k] = uint8(uint32(img.Pix[i+k]) * uint32(al) / 255)
			}
			img.Pix[i+3] = al
		}
	}
	return img
}

func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	m, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return m
}

// samePixels fails unless a and b hold the same 8-bit straight colours.
func samePixels(t *testing.T, a, b image.Image) {
	t.Helper()
	if a.Bounds() != b.Bounds() {
		t.Fatalf("bounds %v, want %v", a.Bounds(), b.Bounds())
	}
	bd := a.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			ca := color.NRGBAModel.Convert(a.At(x, y))
			cb := color.NRGBAModel.Convert(b.At(x, y))
			if ca != cb {
				t.Fatalf("pixel (%d,%d) = %v, want %v", x, y, ca, cb)
			}
		}
	}
}

// TestSamePixelsAsImagePNG encodes opaque and translucent RGBA, NRGBA and
// a grey image and checks each decodes to exactly what image/png's own
// encoding of it decodes to.
func TestSamePixelsAsImagePNG(t *testing.T) {
	nrgba := image.NewNRGBA(image.Rect(0, 0, 97, 41))
	for i := range nrgba.Pix {
		nrgba.Pix[i] = uint8(i * 7)
	}
	gray := image.NewGray(image.Rect(3, 5, 50, 30)) // not at the origin
	for i := range gray.Pix {
		gray.Pix[i] = uint8(i)
	}
	sub := synthetic(300, 200, 255, 9).SubImage(image.Rect(17, 11, 211, 150))
	for _, tc := range []struct {
		name    string
		img     image.Image
		colType byte
	}{
		{"opaque", synthetic(1200, 675, 255, 1), 2},
		{"translucent", synthetic(320, 180, 200, 2), 6},
		{"nrgba", nrgba, 6},
		{"gray", gray, 3}, // 256 greys: a palette
		{"sub-image", sub, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got, want bytes.Buffer
			if err := Encode(&got, tc.img); err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(&want, tc.img); err != nil {
				t.Fatal(err)
			}
			if ct := got.Bytes()[8+8+9]; ct != tc.colType {
				t.Errorf("colour type %d, want %d", ct, tc.colType)
			}
			samePixels(t, decode(t, got.Bytes()), decode(t, want.Bytes()))
		})
	}
}

// flat returns a synthetic opaque picture of exactly n colours: a
// background and n-1 stripes, one colour each.
func flat(n int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 640, 2*n))
	draw.Draw(img, img.Rect, &image.Uniform{color.RGBA{250, 250, 248, 255}}, image.Point{}, draw.Src)
	for i := 1; i < n; i++ {
		c := color.RGBA{uint8(i), uint8(255 - i), uint8(i * 7), 255}
		draw.Draw(img, image.Rect(i%40, 2*i, 600, 2*i+1), &image.Uniform{c}, image.Point{}, draw.Src)
	}
	return img
}

// TestPalette checks that an opaque picture of at most 256 colours is
// written with a palette (colour type 3), one of 257 colours or with a
// translucent pixel as truecolour, each decoding to its own pixels; and
// that the palette is smaller.
func TestPalette(t *testing.T) {
	translucent := flat(20)
	translucent.Pix[4*333+3] = 0xfe
	for _, tc := range []struct {
		name    string
		img     *image.RGBA
		colType byte
	}{
		{"one-colour", flat(1), 3},
		{"256-colours", flat(256), 3},
		{"257-colours", flat(257), 2},
		{"translucent", translucent, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Encode(&b, tc.img, Chunk{"tEXt", []byte("Title\x00Synthetic")}); err != nil {
				t.Fatal(err)
			}
			if ct := b.Bytes()[8+8+9]; ct != tc.colType {
				t.Errorf("colour type %d, want %d", ct, tc.colType)
			}
			samePixels(t, decode(t, b.Bytes()), tc.img)
		})
	}
	// The same picture, one more colour in a single pixel: truecolour.
	img := flat(256)
	var pal, rgb bytes.Buffer
	if err := Encode(&pal, img); err != nil {
		t.Fatal(err)
	}
	img.SetRGBA(639, 0, color.RGBA{1, 2, 3, 255})
	if err := Encode(&rgb, img); err != nil {
		t.Fatal(err)
	}
	if pal.Len() >= rgb.Len() {
		t.Errorf("palette %d bytes, truecolour %d: want the palette smaller", pal.Len(), rgb.Len())
	}
}

// TestReproducibleWithChunks checks equal images give equal bytes, and
// that chunks land after IHDR and decode as part of a valid file.
func TestReproducibleWithChunks(t *testing.T) {
	img := synthetic(640, 360, 255, 3)
	enc := func() []byte {
		var b bytes.Buffer
		if err := Encode(&b, img, Chunk{"tEXt", []byte("Title\x00Synthetic")}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b := enc(), enc()
	if !bytes.Equal(a, b) {
		t.Fatal("two encodings of one image differ")
	}
	const ihdrEnd = 8 + 8 + 13 + 4
	if got := string(a[ihdrEnd+4 : ihdrEnd+8]); got != "tEXt" {
		t.Fatalf("chunk after IHDR is %q, want tEXt", got)
	}
	samePixels(t, decode(t, a), img)
	if _, err := png.DecodeConfig(bytes.NewReader(a)); err != nil {
		t.Fatal(err)
	}
}

// TestLargeImageSeveralIDAT checks a stream longer than one IDAT chunk.
func TestLargeImageSeveralIDAT(t *testing.T) {
	img := synthetic(800, 800, 255, 4)
	r := rand.New(rand.NewPCG(5, 5))
	for i := range img.Pix { // noise does not compress: many chunks
		if i%4 != 3 {
			img.Pix[i] = uint8(r.IntN(256))
		}
	}
	var b bytes.Buffer
	if err := Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b.Bytes(), []byte("IDAT")); n < 2 {
		t.Fatalf("%d IDAT chunks for %d bytes", n, b.Len())
	}
	samePixels(t, decode(t, b.Bytes()), img)
}

func TestEmpty(t *testing.T) {
	if err := Encode(&bytes.Buffer{}, image.NewRGBA(image.Rectangle{})); err == nil {
		t.Fatal("an empty image encoded")
	}
}

// BenchmarkEncode compares pngenc with image/png at BestSpeed and at its
// default on a synthetic 1200x675 picture: time and bytes per image.
func BenchmarkEncode(b *testing.B) {
	img := synthetic(1200, 675, 255, 6)
	for _, tc := range []struct {
		name string
		enc  func(*bytes.Buffer) error
	}{
		{"pngenc", func(w *bytes.Buffer) error { return Encode(w, img) }},
		{"image-png-best-speed", func(w *bytes.Buffer) error {
			return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
		}},
		{"image-png-default", func(w *bytes.Buffer) error { return png.Encode(w, img) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var w bytes.Buffer
			for b.Loop() {
				w.Reset()
				if err := tc.enc(&w); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(w.Len())/1024, "KiB")
		})
	}
}

// TestRGBRow checks the 64-bit row copy on every row length up to a few
// words, with a translucent pixel at each place.
func TestRGBRow(t *testing.T) {
	for w := 1; w <= 13; w++ {
		src := make([]byte, 4*w)
		for i := range src {
			src[i] = uint8(i*37 + 1)
			if i%4 == 3 {
				src[i] = 0xff
			}
		}
		dst := make([]byte, 3*w+8)
		if !rgbRow(dst, src) {
			t.Fatalf("width %d: opaque row reported translucent", w)
		}
		for x := 0; x < w; x++ {
			if !bytes.Equal(dst[3*x:3*x+3], src[4*x:4*x+3]) {
				t.Fatalf("width %d, pixel %d: % x, want % x", w, x, dst[3*x:3*x+3], src[4*x:4*x+3])
			}
		}
		for x := 0; x < w; x++ {
			src[4*x+3] = 0xfe
			if rgbRow(dst, src) {
				t.Fatalf("width %d: translucent pixel %d not seen", w, x)
			}
			src[4*x+3] = 0xff
		}
	}
}

// FuzzEncode encodes any small RGBA picture, opaque or not, and checks it
// decodes to what image/png's own encoding of it decodes to.
func FuzzEncode(f *testing.F) {
	f.Add(uint8(3), uint8(2), []byte("synthetic pixels, opaque or not"))
	f.Fuzz(func(t *testing.T, w, h uint8, pix []byte) {
		if w == 0 || h == 0 || int(w)*int(h) > 1<<14 {
			return
		}
		img := image.NewRGBA(image.Rect(0, 0, int(w), int(h)))
		for i := range img.Pix {
			if len(pix) > 0 {
				img.Pix[i] = pix[i%len(pix)]
			}
		}
		for i := 0; i < len(img.Pix); i += 4 { // premultiplied: no channel above alpha
			for k := 0; k < 3; k++ {
				img.Pix[i+k] = min(img.Pix[i+k], img.Pix[i+3])
			}
		}
		var got, want bytes.Buffer
		if err := Encode(&got, img); err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(&want, img); err != nil {
			t.Fatal(err)
		}
		samePixels(t, decode(t, got.Bytes()), decode(t, want.Bytes()))
	})
}
