package video

import (
	"context"
	"image"
	"image/color"
	"image/gif"
	"io"
	"slices"
)

// encodeGIF writes the frames as a looping GIF: one palette for the whole
// animation (the still's 256 commonest colours: the theme's few colours
// and the edges of its text), each frame only the rectangle that changed
// since the one before, identical frames merged into a longer one, and
// the hold one frame shown for its length.
func encodeGIF(ctx context.Context, w io.Writer, a *Animation) error {
	pal := paletteOf(a.Still())
	m := newMapper(pal)
	out := &gif.GIF{LoopCount: 0}
	wd, ht := a.Size()
	out.Config = image.Config{ColorModel: pal, Width: wd, Height: ht}
	delay := 100 / a.FPS() // hundredths of a second a frame
	var prev *image.RGBA
	for i := range a.Frames() {
		if err := ctx.Err(); err != nil {
			return err
		}
		img, err := a.Frame(i)
		if err != nil {
			return err
		}
		var box image.Rectangle
		if prev == nil {
			box = img.Rect
		} else {
			box = differ(prev, img)
		}
		if box.Empty() {
			out.Delay[len(out.Delay)-1] += delay
			continue
		}
		out.Image = append(out.Image, m.paletted(img, box))
		out.Delay = append(out.Delay, delay)
		out.Disposal = append(out.Disposal, gif.DisposalNone)
		if prev == nil {
			prev = image.NewRGBA(img.Rect)
		}
		copy(prev.Pix, img.Pix)
	}
	return gif.EncodeAll(w, out)
}

// paletteOf is an image's 256 commonest colours, commonest first (ties in
// colour order, so that equal images give equal palettes).
func paletteOf(img *image.RGBA) color.Palette {
	counts := map[uint32]int{}
	for i := 0; i+3 < len(img.Pix); i += 4 {
		counts[uint32(img.Pix[i])<<16|uint32(img.Pix[i+1])<<8|uint32(img.Pix[i+2])]++
	}
	keys := make([]uint32, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b uint32) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return int(a) - int(b)
	})
	pal := make(color.Palette, 0, 256)
	for _, k := range keys[:min(len(keys), 256)] {
		pal = append(pal, color.RGBA{uint8(k >> 16), uint8(k >> 8), uint8(k), 0xff})
	}
	return pal
}

// mapper gives each colour its nearest palette entry, once per colour.
type mapper struct {
	pal   color.Palette
	cache map[uint32]uint8
}

func newMapper(pal color.Palette) *mapper { return &mapper{pal: pal, cache: map[uint32]uint8{}} }

func (m *mapper) index(r, g, b uint8) uint8 {
	k := uint32(r)<<16 | uint32(g)<<8 | uint32(b)
	if i, ok := m.cache[k]; ok {
		return i
	}
	i := uint8(m.pal.Index(color.RGBA{r, g, b, 0xff}))
	m.cache[k] = i
	return i
}

// paletted is the part box of img in the palette.
func (m *mapper) paletted(img *image.RGBA, box image.Rectangle) *image.Paletted {
	p := image.NewPaletted(box, m.pal)
	for y := box.Min.Y; y < box.Max.Y; y++ {
		src := img.Pix[img.PixOffset(box.Min.X, y):]
		dst := p.Pix[p.PixOffset(box.Min.X, y):]
		for x := 0; x < box.Dx(); x++ {
			dst[x] = m.index(src[4*x], src[4*x+1], src[4*x+2])
		}
	}
	return p
}
