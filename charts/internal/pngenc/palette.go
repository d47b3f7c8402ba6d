package pngenc

import "encoding/binary"

// palette maps the colours of an opaque image, at most 256, to their
// indices, in the order the colours first appear (so equal images give
// equal palettes). A colour is its R, G and B in the low 24 bits of a
// uint32; slots is an open-addressing table of colour+1 (0: empty) to
// index, four times the palette's largest size so that probes stay short.
type palette struct {
	colours []uint32
	slots   [1024]struct {
		key uint32
		idx uint8
	}
}

// lookup returns the slot of colour c: the one holding it, or the empty
// one where it would go.
func (p *palette) lookup(c uint32) int {
	h := int((c * 0x9E3779B1) >> 22) // Fibonacci hashing onto 1024 slots
	for p.slots[h].key != 0 && p.slots[h].key != c+1 {
		h = (h + 1) & (len(p.slots) - 1)
	}
	return h
}

// build reads every pixel and reports whether the image is opaque and has
// at most 256 colours; when it is, p holds them.
func (p *palette) build(pix []byte, stride, W, H int) bool {
	p.colours = p.colours[:0]
	clear(p.slots[:])
	last := uint32(1 << 31) // no colour: bit 31 is never set in one
	for y := 0; y < H; y++ {
		row := pix[y*stride : y*stride+4*W]
		for x := 0; x < len(row); x += 4 {
			v := binary.LittleEndian.Uint32(row[x:])
			if v>>24 != 0xff {
				return false
			}
			c := v & 0xffffff
			if c == last { // runs of one colour are the rule in a chart
				continue
			}
			last = c
			h := p.lookup(c)
			if p.slots[h].key != 0 {
				continue
			}
			if len(p.colours) == 256 {
				return false
			}
			p.slots[h].key, p.slots[h].idx = c+1, uint8(len(p.colours))
			p.colours = append(p.colours, c)
		}
	}
	return true
}

// indices writes the palette index of each pixel of an RGBA row into dst.
func (p *palette) indices(dst, src []byte) {
	last, idx := uint32(1<<31), uint8(0)
	for x, j := 0, 0; x < len(src); x, j = x+4, j+1 {
		c := binary.LittleEndian.Uint32(src[x:]) & 0xffffff
		if c != last {
			last, idx = c, p.slots[p.lookup(c)].idx
		}
		dst[j] = idx
	}
}
