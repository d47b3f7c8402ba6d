package video

import (
	"bytes"
	"encoding/binary"
	"image"
)

// yuv turns RGBA frames into planar YUV 4:2:0 (BT.709, limited range:
// what H.264 in yuv420p holds and what players assume of HD video), the
// frame size rounded up to even (the last column and row repeated: the
// card's margin). Rows that have not changed since the frame before are
// not converted again: between two frames of a count only the numbers'
// rows change.
type yuv struct {
	w, h    int // source size
	ew, eh  int // even size
	buf     []byte
	y, u, v []byte
	prev    *image.RGBA
}

func newYUV(w, h int) *yuv {
	ew, eh := even(w, h)
	c := &yuv{w: w, h: h, ew: ew, eh: eh}
	c.buf = make([]byte, ew*eh*3/2)
	c.y = c.buf[:ew*eh]
	c.u = c.buf[ew*eh : ew*eh+ew*eh/4]
	c.v = c.buf[ew*eh+ew*eh/4:]
	return c
}

// frame converts img and returns the planes, valid until the next call.
func (c *yuv) frame(img *image.RGBA) []byte {
	row := func(m *image.RGBA, y int) []byte {
		y = min(y, c.h-1)
		o := m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y+y)
		return m.Pix[o : o+4*c.w]
	}
	first := c.prev == nil
	if first {
		c.prev = image.NewRGBA(image.Rect(0, 0, c.w, c.h))
	}
	for j := 0; j < c.eh/2; j++ {
		r0, r1 := row(img, 2*j), row(img, 2*j+1)
		p0, p1 := row(c.prev, 2*j), row(c.prev, 2*j+1)
		x0, x1 := 0, c.ew
		if !first {
			if bytes.Equal(r0, p0) && bytes.Equal(r1, p1) {
				continue
			}
			a0, a1 := span(r0, p0)
			b0, b1 := span(r1, p1)
			switch {
			case a1 == 0:
				x0, x1 = b0, b1
			case b1 == 0:
				x0, x1 = a0, a1
			default:
				x0, x1 = min(a0, b0), max(a1, b1)
			}
			if x1 == c.w { // the repeated last column too
				x1 = c.ew
			}
		}
		c.rows(j, r0, r1, x0, x1)
		copy(p0, r0)
		copy(p1, r1)
	}
	return c.buf
}

// rows converts the source rows 2j and 2j+1 between the pixel columns
// x0 and x1 (rounded out to whole 2x2 blocks): their luma, and the chroma
// of each 2x2 block from its average colour.
func (c *yuv) rows(j int, r0, r1 []byte, x0, x1 int) {
	y0, y1 := c.y[2*j*c.ew:], c.y[(2*j+1)*c.ew:]
	u, v := c.u[j*c.ew/2:], c.v[j*c.ew/2:]
	luma := func(p []byte) (byte, int32, int32, int32) {
		r, g, b := int32(p[0]), int32(p[1]), int32(p[2])
		return byte((11966*r + 40254*g + 4064*b + 16<<16 + 1<<15) >> 16), r, g, b
	}
	for i := x0 / 2; i < min((x1+1)/2, c.ew/2); i++ {
		xa, xb := 4*min(2*i, c.w-1), 4*min(2*i+1, c.w-1)
		l, r, g, b := luma(r0[xa : xa+3])
		y0[2*i] = l
		sr, sg, sb := r, g, b
		l, r, g, b = luma(r0[xb : xb+3])
		y0[2*i+1] = l
		sr, sg, sb = sr+r, sg+g, sb+b
		l, r, g, b = luma(r1[xa : xa+3])
		y1[2*i] = l
		sr, sg, sb = sr+r, sg+g, sb+b
		l, r, g, b = luma(r1[xb : xb+3])
		y1[2*i+1] = l
		sr, sg, sb = sr+r, sg+g, sb+b
		// The sums are four times the average: divide by 4 with the shift.
		u[i] = byte((-6596*sr - 22189*sg + 28785*sb + 128<<18 + 1<<17) >> 18)
		v[i] = byte((28785*sr - 26145*sg - 2640*sb + 128<<18 + 1<<17) >> 18)
	}
}

// span is the first and one past the last pixel where rows a and b
// differ, or (0, 0).
func span(a, b []byte) (int, int) {
	n := len(a) / 4
	x0 := 0
	for x0 < n && binary.LittleEndian.Uint32(a[4*x0:]) == binary.LittleEndian.Uint32(b[4*x0:]) {
		x0++
	}
	if x0 == n {
		return 0, 0
	}
	x1 := n
	for x1 > x0 && binary.LittleEndian.Uint32(a[4*x1-4:]) == binary.LittleEndian.Uint32(b[4*x1-4:]) {
		x1--
	}
	return x0, x1
}
