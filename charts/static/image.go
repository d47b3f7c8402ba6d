package static

import (
	"fmt"
	"image"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// imageFormat renders into pixels kept in memory (Image), not a file.
const imageFormat Format = "image"

// imageSink receives the pixels of an imageFormat render.
type imageSink struct{ img *image.RGBA }

func (s *imageSink) Write(p []byte) (int, error) {
	return 0, fmt.Errorf("internal: an image render writes no bytes")
}

// keep copies the canvas, which goes back to its pool after the render.
func (s *imageSink) keep(img *image.RGBA) error {
	s.img = image.NewRGBA(img.Rect)
	copy(s.img.Pix, img.Pix)
	return nil
}

// Image draws f as Render draws a PNG (o.Format is ignored) and returns
// the pixels: the same pixels the PNG holds.
func Image(f *figure.Figure, o Options) (*image.RGBA, error) {
	o.Format = imageFormat
	var s imageSink
	if err := Render(&s, f, o); err != nil {
		return nil, err
	}
	return s.img, nil
}
