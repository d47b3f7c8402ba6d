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
// cleared and collected for each. At most a few are kept per size.
var canvases sync.Map // image.Point -> *sync.Pool of *image.RGBA

func getImage(w, h int) *image.RGBA {
	p, _ := canvases.LoadOrStore(image.Pt(w, h), &sync.Pool{New: func() any {
		return image.NewRGBA(image.Rect(0, 0, w, h))
	}})
	return p.(*sync.Pool).Get().(*image.RGBA)
}

func putImage(img *image.RGBA) {
	if p, ok := canvases.Load(img.Rect.Size()); ok {
		p.(*sync.Pool).Put(img)
	}
}

// pixelCanvas is a gonum vgimg canvas over a reused image, filled with bg.
// It also lets charts/text draw glyphs from its cache of coverage masks
// (text.Raster) instead of filling their outlines.
type pixelCanvas struct {
	*vgimg.Canvas
	img    *image.RGBA
	ctx    *gg.Context
	colors []color.Color // the fill colour, pushed and popped with the canvas state
}

func newPixelCanvas(w, h int, dpi float64, bg color.Color) *pixelCanvas {
	img := getImage(w, h)
	ctx := gg.NewContextForRGBA(img)
	// As vgimg.NewWith sets up a context of its own.
	ctx.SetLineCapButt()
	ctx.InvertY()
	// NewWith paints the image white; the background goes over it.
	c := vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(int(dpi)))
	if bg != color.White {
		draw.Draw(img, img.Rect, &image.Uniform{bg}, image.Point{}, draw.Src)
	}
	return &pixelCanvas{Canvas: c, img: img, ctx: ctx, colors: []color.Color{color.Black}}
}

// release gives the image back for the next chart; c is unusable after.
func (c *pixelCanvas) release() {
	putImage(c.img)
	c.img, c.Canvas, c.ctx = nil, nil, nil
}

// RasterTarget implements text.Raster.
func (c *pixelCanvas) RasterTarget() (*image.RGBA, text.Affine) {
	return c.img, text.AffineOf(c.ctx.TransformPoint)
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
	m := text.AffineOf(c.ctx.TransformPoint)
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
// rectangle [x0,x1]x[y0,y1] (pixel units), each by the area covered.
func fillRect(img *image.RGBA, x0, y0, x1, y1 float64, clr color.Color) {
	b := img.Rect
	x0, x1 = max(x0, float64(b.Min.X)), min(x1, float64(b.Max.X))
	y0, y1 = max(y0, float64(b.Min.Y)), min(y1, float64(b.Max.Y))
	if !(x0 < x1 && y0 < y1) {
		return
	}
	src := image.NewUniform(clr)
	_, _, _, a := clr.RGBA()
	op := draw.Over
	if a == 0xffff {
		op = draw.Src
	}
	// The whole pixels.
	ix0, iy0 := int(math.Ceil(x0)), int(math.Ceil(y0))
	ix1, iy1 := int(math.Floor(x1)), int(math.Floor(y1))
	if ix0 < ix1 && iy0 < iy1 {
		draw.Draw(img, image.Rect(ix0, iy0, ix1, iy1), src, image.Point{}, op)
	}
	// The edges: one mask over the rectangle's pixel box, zero inside.
	ox0, oy0 := int(math.Floor(x0)), int(math.Floor(y0))
	ox1, oy1 := int(math.Ceil(x1)), int(math.Ceil(y1))
	cover := func(lo, hi float64, i int) float64 { // of pixel [i, i+1]
		return min(hi, float64(i+1)) - max(lo, float64(i))
	}
	edge := func(r image.Rectangle) {
		if r.Empty() {
			return
		}
		mask := image.NewAlpha(r)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			cy := cover(y0, y1, y)
			for x := r.Min.X; x < r.Max.X; x++ {
				mask.Pix[mask.PixOffset(x, y)] = uint8(math.Round(255 * cy * cover(x0, x1, x)))
			}
		}
		draw.DrawMask(img, r, src, image.Point{}, mask, r.Min, draw.Over)
	}
	if ix0 >= ix1 || iy0 >= iy1 { // thinner than a pixel somewhere: all edge
		edge(image.Rect(ox0, oy0, ox1, oy1))
		return
	}
	edge(image.Rect(ox0, oy0, ox1, iy0)) // top, corners included
	edge(image.Rect(ox0, iy1, ox1, oy1)) // bottom
	edge(image.Rect(ox0, iy0, ix0, iy1)) // left
	edge(image.Rect(ix1, iy0, ox1, iy1)) // right
}
