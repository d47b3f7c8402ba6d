package static

import (
	"image"
	"image/color"
	"image/draw"
	"runtime"
	"sync"

	"git.sr.ht/~sbinet/gg"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/tollcharts/tollcharts/charts/internal/raster"
	"github.com/tollcharts/tollcharts/charts/text"
)

// Pixel canvases are reused: a build renders many charts of a few sizes,
// and a 1200x675 canvas is 3.2 MB that would otherwise be allocated,
// painted white (vgimg.NewWith does), painted again with the background
// and collected, for each chart. A reused canvas is painted once. Each
// size keeps up to one canvas per CPU in a free list of its own: a
// sync.Pool is emptied by every garbage collection, which a build runs
// every few charts.
var canvases sync.Map // canvasSize -> chan *pixelCanvas

type canvasSize struct{ w, h, dpi int }

const maxPooledPixels = 1 << 21

func freeCanvases(size canvasSize) chan *pixelCanvas {
	ch, _ := canvases.LoadOrStore(size, make(chan *pixelCanvas, runtime.GOMAXPROCS(0)))
	return ch.(chan *pixelCanvas)
}

// pixelCanvas is a gonum vgimg canvas over an *image.RGBA. It lets
// charts/text draw glyphs from its cache of coverage masks (text.Raster)
// instead of filling their outlines, and fills rectangles directly.
type pixelCanvas struct {
	*vgimg.Canvas
	size   canvasSize
	img    *image.RGBA
	ctx    *gg.Context
	colors []color.Color // the fill colour, pushed and popped with the canvas state
	// The line style, as gg keeps it (pushed and popped) and as vgimg
	// checks it (its own width, not popped), for Stroke.
	lines   []lineStyle
	vgWidth vg.Length
}

type lineStyle struct {
	width  vg.Length
	dashed bool
}

// newPixelCanvas returns a w x h pixel canvas at dpi, filled with bg, in
// the state vgimg.NewWith gives a new canvas.
func newPixelCanvas(w, h, dpi int, bg color.Color) *pixelCanvas {
	size := canvasSize{w, h, dpi}
	var c *pixelCanvas
	select {
	case c = <-freeCanvases(size):
	default:
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		ctx := gg.NewContextForRGBA(img)
		// As vgimg.NewWith sets up a context of its own.
		ctx.SetLineCapButt()
		ctx.InvertY()
		vc := vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(dpi))
		c = &pixelCanvas{Canvas: vc, size: size, img: img, ctx: ctx}
	}
	c.colors = append(c.colors[:0], color.Black)
	c.lines = append(c.lines[:0], lineStyle{})
	vg.Initialize(c) // line width, dashes and colour as new
	c.ctx.ClearPath()
	draw.Draw(c.img, c.img.Rect, &image.Uniform{bg}, image.Point{}, draw.Src)
	return c
}

// release gives the canvas back for the next chart, if every Push was
// popped; c is unusable after.
func (c *pixelCanvas) release() {
	// Canvases of up to 2 Mpx (every 1x size) are kept; the 2x ones (up
	// to 33 MB) cost more memory held than time made: measured on a full
	// build, keeping them all took 680 MB against 220 MB for 4% less time.
	if len(c.colors) == 1 && c.size.w*c.size.h <= maxPooledPixels {
		select {
		case freeCanvases(c.size) <- c:
		default: // enough kept
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
	c.lines = append(c.lines, c.lines[len(c.lines)-1])
	c.Canvas.Push()
}

func (c *pixelCanvas) Pop() {
	c.colors = c.colors[:len(c.colors)-1]
	c.lines = c.lines[:len(c.lines)-1]
	c.Canvas.Pop()
}

// SetLineWidth and SetLineDash follow the line style, for Stroke.
func (c *pixelCanvas) SetLineWidth(w vg.Length) {
	c.vgWidth = w
	c.lines[len(c.lines)-1].width = w
	c.Canvas.SetLineWidth(w)
}

func (c *pixelCanvas) SetLineDash(ds []vg.Length, offs vg.Length) {
	c.lines[len(c.lines)-1].dashed = len(ds) > 0
	c.Canvas.SetLineDash(ds, offs)
}

// Stroke draws a solid horizontal or vertical segment (axes, grid lines,
// ticks) as the rectangle its butt-capped stroke covers, filled directly;
// other paths go through the rasterizer.
func (c *pixelCanvas) Stroke(p vg.Path) {
	ls := c.lines[len(c.lines)-1]
	if c.vgWidth > 0 && !ls.dashed && len(p) == 2 && p[0].Type == vg.MoveComp && p[1].Type == vg.LineComp {
		a, b := p[0].Pos, p[1].Pos
		hw := ls.width / 2
		var r vg.Rectangle
		switch {
		case a.X == b.X && a.Y != b.Y:
			r = vg.Rectangle{Min: vg.Point{X: a.X - hw, Y: min(a.Y, b.Y)}, Max: vg.Point{X: a.X + hw, Y: max(a.Y, b.Y)}}
		case a.Y == b.Y && a.X != b.X:
			r = vg.Rectangle{Min: vg.Point{X: min(a.X, b.X), Y: a.Y - hw}, Max: vg.Point{X: max(a.X, b.X), Y: a.Y + hw}}
		}
		if r != (vg.Rectangle{}) && c.fillRect(r) {
			return
		}
	}
	c.Canvas.Stroke(p)
}

// Fill fills axis-aligned rectangles (bars, swatches, bands) directly:
// whole pixels as one fill, the edge pixels by the share of them the
// rectangle covers, the coverage the rasterizer computes for them. Other
// paths go through the rasterizer.
func (c *pixelCanvas) Fill(p vg.Path) {
	if r, ok := rectangle(p); ok && c.fillRect(r) {
		return
	}
	c.Canvas.Fill(p)
}

// fillRect fills r (user space) in the current colour directly, unless
// the canvas is rotated; it reports whether it did.
func (c *pixelCanvas) fillRect(r vg.Rectangle) bool {
	m := c.transform()
	if m.XY != 0 || m.YX != 0 {
		return false
	}
	x0, y0 := m.Apply(float64(r.Min.X), float64(r.Min.Y))
	x1, y1 := m.Apply(float64(r.Max.X), float64(r.Max.Y))
	raster.FillRect(c.img, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), c.colors[len(c.colors)-1])
	return true
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
