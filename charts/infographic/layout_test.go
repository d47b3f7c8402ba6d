package infographic

import (
	"bytes"
	"image/png"
	"testing"
)

// TestLayout checks what a person would see in every kind, size and
// language: every text line inside the canvas, no two overlapping.
func TestLayout(t *testing.T) {
	for _, id := range []string{"stat", "pictogram", "map", "timeline"} {
		for _, lang := range []string{"en", "ar"} {
			for _, s := range Sizes {
				t.Run(id+"."+lang+s.Suffix, func(t *testing.T) {
					f := fig(t, id, lang)
					c, err := draw(f, Options{Width: s.Width, Height: s.Height})
					if err != nil {
						t.Fatal(err)
					}
					checkBoxes(t, c)
				})
			}
		}
	}
}

func checkBoxes(t *testing.T, c *canvas) {
	t.Helper()
	page := rect{0, 0, c.w, c.h}
	if len(c.rec.texts) == 0 {
		t.Fatal("no text drawn")
	}
	for i, a := range c.rec.texts {
		if !a.Box.within(page) {
			t.Errorf("%q at %v is outside the %gx%g canvas", a.Text, a.Box, c.w, c.h)
		}
		for _, b := range c.rec.texts[i+1:] {
			if a.Box.overlaps(b.Box) {
				t.Errorf("%q at %v overlaps %q at %v", a.Text, a.Box, b.Text, b.Box)
			}
		}
	}
}

// TestScale checks that 2x doubles the pixels and keeps the layout, and
// that rendering twice gives the same bytes.
func TestScale(t *testing.T) {
	f := fig(t, "stat", "ar")
	var one, two, again bytes.Buffer
	for _, r := range []struct {
		buf   *bytes.Buffer
		scale float64
	}{{&one, 1}, {&two, 2}, {&again, 2}} {
		if err := Render(r.buf, f, Options{Width: 1080, Height: 1350, Scale: r.scale}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(two.Bytes(), again.Bytes()) {
		t.Error("two renders of one figure differ")
	}
	for _, c := range []struct {
		buf  *bytes.Buffer
		w, h int
	}{{&one, 1080, 1350}, {&two, 2160, 2700}} {
		img, err := png.Decode(c.buf)
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != c.w || b.Dy() != c.h {
			t.Errorf("image is %dx%d, want %dx%d", b.Dx(), b.Dy(), c.w, c.h)
		}
	}
	if err := Render(&one, f, Options{Scale: 3}); err == nil {
		t.Error("scale 3 accepted")
	}
}
