package static

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"git.sr.ht/~sbinet/gg"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/tollcharts/tollcharts/charts/text"
)

// Pixel canvases are reused: a build renders many charts of a few sizes,
// and a 1200x675 canvas is 3.2 MB that would otherwise be allocated,
// painted white (vgimg.NewWith does), painted again with the background
// and collected, for each chart. A reused canvas is painted once.
var canvases sync.Map // canvasSize -> *sync.Pool of *pixelCanvas

type canvasSize struct{ w, h, dpi int }

// pixelCanvas is a gonum vgimg canvas over an *image.RGBA. It lets
// charts/text draw glyphs from its cache of coverage masks (text.Raster)
// instead of filling their outlines, and fills rectangles directly.
type pixelCanvas struct {
	*vgimg.Canvas
	size   canvasSize
	img    *image.RGBA
	ctx    *gg.Context
	colors []color.Color // the fill colour, pushed and popped with the canvas state
}

// newPixelCanvas returns a w x h pixel canvas at dpi, filled with bg, in
// the state vgimg.NewWith gives a new canvas.
func newPixelCanvas(w, h, dpi int, bg color.Color) *pixelCanvas {
	size := canvasSize{w, h, dpi}
	pool, _ := canvases.LoadOrStore(size, &sync.Pool{New: func() any {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		ctx := gg.NewContextForRGBA(img)
		// As vgimg.NewWith sets up a context of its own.
		ctx.SetLineCapButt()
		ctx.InvertY()
		c := vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(dpi))
		return &pixelCanvas{Canvas: c, size: size, img: img, ctx: ctx}
	}})
	c := pool.(*sync.Pool).Get().(*pixelCanvas)
	c.colors = append(c.colors[:0], color.Black)
	vg.Initialize(c) // line width, dashes and colour as new
	c.ctx.ClearPath()
	draw.Draw(c.img, c.img.Rect, &image.Uniform{bg}, image.Point{}, draw.Src)
	return c
}

// release gives the canvas back for the next chart, if every Push was
// popped; c is unusable after.
func (c *pixelCanvas) release() {
	if len(c.colors) == 1 {
		if p, ok := canvases.Load(c.size); ok {
			p.(*sync.Pool).Put(c)
		}
	}
}

// RasterTarget implements text.Raster.
func (c *pixelCanvas) RasterTarget() (*image.RGBA, text.Affine) {
	return c.img, c.transform()
}

// transform maps the canvas's user space (points) to pixels: vgimg turns
// lengths into dots before its context's own transform applies.
func (c *pixelCanvas) transform() text.Affine {
	k := float64(c.size.dpi) / 72
	return text.AffineOf(func(x, y float64) (float64, float64) { return c.ctx.TransformPoint(x*k, y*k) })
}

// SetColor, Push and Pop follow the canvas's colour, for Fill.
func (c *pixelCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	c.colors[len(c.colors)-1] = clr
	c.Canvas.SetColor(clr)
}

func (c *pixelCanvas) Push() {
	c.colors = append(c.colors, c.colors[len(c.colors)-1])
	c.Canvas.Push()
}

func (c *pixelCanvas) Pop() {
	c.colors = c.colors[:len(c.colors)-1]
	c.Canvas.Pop()
}

// Fill fills axis-aligned rectangles (bars, swatches, bands) directly:
// whole pixels as one fill, the edge pixels by the share of them the
// rectangle covers, the coverage the rasterizer computes for them. Other
// paths go through the rasterizer.
func (c *pixelCanvas) Fill(p vg.Path) {
	m := c.transform()
	if r, ok := rectangle(p); ok && m.XY == 0 && m.YX == 0 {
		x0, y0 := m.Apply(float64(r.Min.X), float64(r.Min.Y))
		x1, y1 := m.Apply(float64(r.Max.X), float64(r.Max.Y))
		fillRect(c.img, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), c.colors[len(c.colors)-1])
		return
	}
	c.Canvas.Fill(p)
}

// rectangle recognises the path of vg.Rectangle.Path.
func rectangle(p vg.Path) (vg.Rectangle, bool) {
	if len(p) != 5 || p[0].Type != vg.MoveComp || p[4].Type != vg.CloseComp {
		return vg.Rectangle{}, false
	}
	for _, c := range p[1:4] {
		if c.Type != vg.LineComp {
			return vg.Rectangle{}, false
		}
	}
	a, b, c, d := p[0].Pos, p[1].Pos, p[2].Pos, p[3].Pos
	if a.Y == b.Y && b.X == c.X && c.Y == d.Y && d.X == a.X { // as Rectangle.Path draws it
		return vg.Rectangle{Min: vg.Point{X: min(a.X, c.X), Y: min(a.Y, c.Y)}, Max: vg.Point{X: max(a.X, c.X), Y: max(a.Y, c.Y)}}, true
	}
	return vg.Rectangle{}, false
}

// fillRect composites colour clr over the pixels of img covered by the
// rectangle [x0,x1]x[y0,y1] (pixel units), each by the share of it that
// is covered: the whole pixels in one fill, then each edge strip and
// corner, whose coverage is constant along it, as a fill of the colour
// scaled by that coverage (Over with a scaled colour is Over through a
// mask of that coverage).
func fillRect(img *image.RGBA, x0, y0, x1, y1 float64, clr color.Color) {
	b := img.Rect
	x0, x1 = max(x0, float64(b.Min.X)), min(x1, float64(b.Max.X))
	y0, y1 = max(y0, float64(b.Min.Y)), min(y1, float64(b.Max.Y))
	if !(x0 < x1 && y0 < y1) {
		return
	}
	r, g, bl, a := clr.RGBA()
	fill := func(rect image.Rectangle, cover float64) {
		if rect.Empty() || cover <= 0 {
			return
		}
		// Coverage in 1/255ths, as an 8-bit mask would hold it.
		m := uint32(math.Round(255*min(cover, 1))) * 0x101
		if m == 0 {
			return
		}
		op := draw.Over
		if m == 0xffff && a == 0xffff {
			op = draw.Src
		}
		c := color.RGBA64{uint16(r * m / 0xffff), uint16(g * m / 0xffff), uint16(bl * m / 0xffff), uint16(a * m / 0xffff)}
		draw.Draw(img, rect, &image.Uniform{c}, image.Point{}, op)
	}
	// Whole pixels from ix0 to ix1 (exclusive); partial ones around them.
	ix0, iy0 := int(math.Ceil(x0)), int(math.Ceil(y0))
	ix1, iy1 := int(math.Floor(x1)), int(math.Floor(y1))
	ox0, oy0 := int(math.Floor(x0)), int(math.Floor(y0))
	// spans are the pixel runs of one axis with their coverage: the first
	// partial pixel, the whole ones, the last partial pixel (a rectangle
	// within one pixel has one run).
	type span struct {
		lo, hi int
		cover  float64
	}
	spans := func(lo, hi float64, ilo, ihi, olo int) []span {
		if ilo > ihi { // inside one pixel
			return []span{{olo, olo + 1, hi - lo}}
		}
		out := make([]span, 0, 3)
		if float64(ilo) > lo {
			out = append(out, span{ilo - 1, ilo, float64(ilo) - lo})
		}
		if ilo < ihi {
			out = append(out, span{ilo, ihi, 1})
		}
		if float64(ihi) < hi {
			out = append(out, span{ihi, ihi + 1, hi - float64(ihi)})
		}
		return out
	}
	for _, sy := range spans(y0, y1, iy0, iy1, oy0) {
		for _, sx := range spans(x0, x1, ix0, ix1, ox0) {
			fill(image.Rect(sx.lo, sy.lo, sx.hi, sy.hi), sx.cover*sy.cover)
		}
	}
}
