package video

import (
	"bytes"
	"image"
	"image/color"
	"testing"
)

// TestYUVIncremental: converting frames one after the other (only the
// rows that changed) gives the planes a fresh conversion of each frame
// gives, odd sizes included; white, black and a primary convert to their
// BT.709 limited-range values.
func TestYUVIncremental(t *testing.T) {
	f := fig(t, "headline", "ar")
	a, err := NewAnimation(f, options(1200, 675, 1, MP4), FPS)
	if err != nil {
		t.Fatal(err)
	}
	inc := newYUV(a.Size())
	for i := 0; i < a.Frames(); i += 7 {
		img, err := a.Frame(i)
		if err != nil {
			t.Fatal(err)
		}
		got := append([]byte(nil), inc.frame(img)...)
		want := newYUV(a.Size()).frame(img)
		if !bytes.Equal(got, want) {
			t.Fatalf("frame %d: the incremental conversion differs from a fresh one", i)
		}
	}
	for _, c := range []struct {
		c       color.RGBA
		y, u, v byte
	}{
		{color.RGBA{255, 255, 255, 255}, 235, 128, 128},
		{color.RGBA{0, 0, 0, 255}, 16, 128, 128},
		{color.RGBA{255, 0, 0, 255}, 63, 102, 240}, // BT.709 red
	} {
		img := image.NewRGBA(image.Rect(0, 0, 3, 3))
		for i := 0; i < len(img.Pix); i += 4 {
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.c.R, c.c.G, c.c.B, 255
		}
		p := newYUV(3, 3).frame(img)
		if len(p) != 4*4*3/2 || p[0] != c.y || p[16] != c.u || p[20] != c.v {
			t.Errorf("%v: Y %d U %d V %d (%d bytes); want %d %d %d", c.c, p[0], p[16], p[20], len(p), c.y, c.u, c.v)
		}
	}
}
