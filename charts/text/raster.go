package text

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/vector"
)

// Raster is implemented by canvases that draw into an *image.RGBA. On
// such a canvas [Handler] draws unrotated text by compositing cached
// coverage masks of its glyphs, rasterised once per face, glyph, pixel
// size and quarter-pixel position, instead of filling every glyph outline
// again: the same anti-aliased shapes, for a fraction of the cost.
type Raster interface {
	// RasterTarget returns the image the canvas draws into and the map
	// from the canvas's current user space to the image's pixels.
	RasterTarget() (*image.RGBA, Affine)
}

// Affine maps (x, y) to (XX*x + XY*y + X0, YX*x + YY*y + Y0).
type Affine struct{ XX, YX, XY, YY, X0, Y0 float64 }

// Apply maps a point.
func (m Affine) Apply(x, y float64) (float64, float64) {
	return m.XX*x + m.XY*y + m.X0, m.YX*x + m.YY*y + m.Y0
}

// AffineOf reads a map from where it sends the origin and the two unit
// vectors, for canvases that expose only a point transform.
func AffineOf(transform func(x, y float64) (float64, float64)) Affine {
	x0, y0 := transform(0, 0)
	x1, y1 := transform(1, 0)
	x2, y2 := transform(0, 1)
	return Affine{XX: x1 - x0, YX: y1 - y0, XY: x2 - x0, YY: y2 - y0, X0: x0, Y0: y0}
}

// flippedScale returns the pixels per unit of a map that flips y (user space
// y up, pixels y down) and scales both axes alike, as gonum's image
// canvas does without rotation; ok is false for any other map.
func (m Affine) flippedScale() (s float64, ok bool) {
	if m.XY != 0 || m.YX != 0 || !(m.XX > 0) || m.YY != -m.XX {
		return 0, false
	}
	return m.XX, true
}

// subpixel is how many positions per pixel, on each axis, glyph masks
// are cached for.
const subpixel = 4

// maskKey identifies a glyph's coverage mask.
type maskKey struct {
	face   *face
	gid    ot.GID
	size   float64 // pixels per em
	qx, qy uint8   // position within the pixel, in 1/subpixel
}

// glyphMask is a glyph's coverage: the glyph drawn with its origin at
// pixel (ix, iy) covers mask at Rect offset by (ix, iy).
type glyphMask struct {
	mask *image.Alpha // nil for a glyph with no outline
}

// masks caches glyph masks across charts. It is bounded as the line cache
// is: two generations of maskGeneration entries at most (a few MiB).
var masks = struct {
	sync.Mutex
	cur, old map[maskKey]glyphMask
}{cur: make(map[maskKey]glyphMask)}

const maskGeneration = 8192

func cachedMask(k maskKey) (glyphMask, bool) {
	masks.Lock()
	defer masks.Unlock()
	if m, ok := masks.cur[k]; ok {
		return m, true
	}
	if m, ok := masks.old[k]; ok {
		putMaskLocked(k, m)
		return m, true
	}
	return glyphMask{}, false
}

func putMask(k maskKey, m glyphMask) {
	masks.Lock()
	defer masks.Unlock()
	putMaskLocked(k, m)
}

func putMaskLocked(k maskKey, m glyphMask) {
	if len(masks.cur) >= maskGeneration {
		masks.old, masks.cur = masks.cur, make(map[maskKey]glyphMask, maskGeneration)
	}
	masks.cur[k] = m
}

// rasterizers are reused across masks.
var rasterizers = sync.Pool{New: func() any { return vector.NewRasterizer(0, 0) }}

// rasterMask draws the glyph's outline at size pixels per em with its
// origin at (fx, fy) within pixel (0, 0).
func rasterMask(fc *face, gid ot.GID, size, fx, fy float64) glyphMask {
	segs := fc.outline(gid)
	if len(segs) == 0 {
		return glyphMask{}
	}
	k := size / fc.upem
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for i := range segs {
		for _, p := range segs[i].ArgsSlice() {
			x, y := fx+k*float64(p.X), fy-k*float64(p.Y)
			minX, maxX = math.Min(minX, x), math.Max(maxX, x)
			minY, maxY = math.Min(minY, y), math.Max(maxY, y)
		}
	}
	// Control points bound a glyph's curves, so this box holds its ink.
	r := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY)))
	if r.Empty() {
		return glyphMask{}
	}
	z := rasterizers.Get().(*vector.Rasterizer)
	defer rasterizers.Put(z)
	z.Reset(r.Dx(), r.Dy())
	emitOutline(vectorSink{z}, segs, fx-float64(r.Min.X), fy-float64(r.Min.Y), k)
	m := image.NewAlpha(r)
	z.Draw(m, r, image.Opaque, image.Point{})
	return glyphMask{mask: m}
}

// vectorSink adapts a vector.Rasterizer to PathSink.
type vectorSink struct{ z *vector.Rasterizer }

func (s vectorSink) MoveTo(x, y float64) { s.z.MoveTo(float32(x), float32(y)) }
func (s vectorSink) LineTo(x, y float64) { s.z.LineTo(float32(x), float32(y)) }
func (s vectorSink) QuadTo(cx, cy, x, y float64) {
	s.z.QuadTo(float32(cx), float32(cy), float32(x), float32(y))
}
func (s vectorSink) CubicTo(c1x, c1y, c2x, c2y, x, y float64) {
	s.z.CubeTo(float32(c1x), float32(c1y), float32(c2x), float32(c2y), float32(x), float32(y))
}
func (s vectorSink) Close() { s.z.ClosePath() }

// drawRaster composites the line onto img in colour c, its origin (the
// left end of the baseline) at pixel (x, y), s pixels per output unit.
func (l *Line) drawRaster(img *image.RGBA, x, y, s float64, c color.Color) {
	src := image.NewUniform(c)
	r16, g16, b16, a16 := c.RGBA()
	opaque := a16 == 0xffff
	// The colour as two pairs of channels, for blendOpaque.
	crb := (r16>>8 | (b16>>8)<<16)
	cga := (g16>>8 | 0xff<<16)
	size := l.size * s
	gs := l.scale() * s
	stack := l.fonts.stack(l.bold)
	for _, g := range l.l.glyphs {
		fc := stack[g.Font]
		gx, gy := x+g.X*gs, y+g.Y*gs
		ix, iy := math.Floor(gx), math.Floor(gy)
		qx := math.Round((gx - ix) * subpixel)
		qy := math.Round((gy - iy) * subpixel)
		if qx == subpixel {
			ix, qx = ix+1, 0
		}
		if qy == subpixel {
			iy, qy = iy+1, 0
		}
		key := maskKey{face: fc, gid: ot.GID(g.ID), size: size, qx: uint8(qx), qy: uint8(qy)}
		m, ok := cachedMask(key)
		if !ok {
			m = rasterMask(fc, key.gid, size, qx/subpixel, qy/subpixel)
			putMask(key, m)
		}
		if m.mask == nil {
			continue
		}
		at := m.mask.Rect.Add(image.Pt(int(ix), int(iy)))
		if opaque {
			blendOpaque(img, at, m.mask, crb, cga)
		} else {
			draw.DrawMask(img, at, src, image.Point{}, m.mask, m.mask.Rect.Min, draw.Over)
		}
	}
}

// blendOpaque composites an opaque colour through a coverage mask whose
// top-left pixel lands at at.Min. Each channel becomes (d*(255-m) + c*m)/255,
// rounded, computed two channels to a 32-bit word (red and blue, green
// and alpha) with no division: image/draw's Over to within one level, in
// less time (image/draw works a channel at a time in 16 bits). crb and
// cga hold the colour's red and blue, green and alpha (0xff), in the low
// byte of each 16-bit half.
func blendOpaque(img *image.RGBA, at image.Rectangle, mask *image.Alpha, crb, cga uint32) {
	r := at.Intersect(img.Rect)
	if r.Empty() {
		return
	}
	solid := crb | cga<<8 // the colour as the four bytes R, G, B, A
	for y := r.Min.Y; y < r.Max.Y; y++ {
		mo := mask.PixOffset(mask.Rect.Min.X+r.Min.X-at.Min.X, mask.Rect.Min.Y+y-at.Min.Y)
		ms := mask.Pix[mo : mo+r.Dx()]
		do := img.PixOffset(r.Min.X, y)
		ds := img.Pix[do : do+4*r.Dx()]
		for x, mb := range ms {
			if mb == 0 {
				continue
			}
			d := ds[4*x : 4*x+4 : 4*x+4]
			if mb == 0xff {
				binary.LittleEndian.PutUint32(d, solid)
				continue
			}
			m := uint32(mb)
			n := 0xff - m
			v := binary.LittleEndian.Uint32(d)
			rb := (v&0x00ff00ff)*n + crb*m + 0x00800080
			ga := (v>>8&0x00ff00ff)*n + cga*m + 0x00800080
			rb = (rb + rb>>8&0x00ff00ff) >> 8 & 0x00ff00ff
			ga = (ga + ga>>8&0x00ff00ff) >> 8 & 0x00ff00ff
			binary.LittleEndian.PutUint32(d, rb|ga<<8)
		}
	}
}

// DrawPixels composites l onto img in colour c from cached glyph masks,
// its origin (the left end of the baseline) at pixel (x, y), y down, with
// s pixels per output unit. It is what [Handler] does on a [Raster]
// canvas, for code that draws on an *image.RGBA itself (such as through a
// gg.Context without rotation: see [ScaleOnly]).
func DrawPixels(img *image.RGBA, l *Line, x, y, s float64, c color.Color) {
	l.drawRaster(img, x, y, s, c)
}

// ScaleOnly returns the pixels per unit of a map that scales both axes
// alike and keeps y's direction (as gg's y-down contexts do without
// rotation); ok is false for any other map.
func (m Affine) ScaleOnly() (s float64, ok bool) {
	if m.XY != 0 || m.YX != 0 || !(m.XX > 0) || m.YY != m.XX {
		return 0, false
	}
	return m.XX, true
}
