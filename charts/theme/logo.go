package theme

import (
	"image"
	"sync"

	xdraw "golang.org/x/image/draw"
)

// Scaled returns the logo resampled to w×h pixels (Catmull-Rom), or the
// image itself when it has that size. Results are kept, a few sizes per
// logo, so that the hundreds of files of a build resample a large logo
// once per size, not once per file. Safe for concurrent use.
func (l *Logo) Scaled(w, h int) image.Image {
	b := l.Image.Bounds()
	if w < 1 || h < 1 || (w == b.Dx() && h == b.Dy()) {
		return l.Image
	}
	key := [2]int{w, h}
	l.mu.Lock()
	defer l.mu.Unlock()
	if img, ok := l.scaled[key]; ok {
		return img
	}
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), l.Image, b, xdraw.Src, nil)
	if l.scaled == nil || len(l.scaled) >= maxScaled {
		l.scaled = map[[2]int]image.Image{}
	}
	l.scaled[key] = dst
	return dst
}

// maxScaled bounds the sizes kept per logo (a build uses a dozen or so).
const maxScaled = 32

type scaledCache struct {
	mu     sync.Mutex
	scaled map[[2]int]image.Image
}
