package text

import (
	ot "github.com/go-text/typesetting/font/opentype"
)

// PathSink receives outlines in a y-down coordinate system. Each glyph
// contour starts with MoveTo and ends with Close. Fill with the non-zero
// winding rule.
type PathSink interface {
	MoveTo(x, y float64)
	LineTo(x, y float64)
	QuadTo(cx, cy, x, y float64)
	CubicTo(c1x, c1y, c2x, c2y, x, y float64)
	Close()
}

// Path emits the outline of the line into sink, with the line's origin
// (the left end of its baseline) at (x, y), y growing downwards.
func (l *Line) Path(sink PathSink, x, y float64) {
	s := l.scale()
	stack := l.fonts.stack(l.bold)
	for _, g := range l.l.glyphs {
		fc := stack[g.Font]
		segs := fc.outline(ot.GID(g.ID))
		if len(segs) == 0 {
			continue
		}
		k := l.size / fc.upem // font units to output units
		emitOutline(sink, segs, x+g.X*s, y+g.Y*s, k)
	}
}

// emitOutline sends a glyph's segments (font units, y up) to sink, scaled
// by k, with the glyph's origin at (ox, oy), y down.
func emitOutline(sink PathSink, segs []ot.Segment, ox, oy, k float64) {
	px := func(p ot.SegmentPoint) float64 { return ox + k*float64(p.X) }
	py := func(p ot.SegmentPoint) float64 { return oy - k*float64(p.Y) }
	open := false
	for _, seg := range segs {
		a := seg.Args
		switch seg.Op {
		case ot.SegmentOpMoveTo:
			if open {
				sink.Close()
			}
			sink.MoveTo(px(a[0]), py(a[0]))
			open = true
		case ot.SegmentOpLineTo:
			sink.LineTo(px(a[0]), py(a[0]))
		case ot.SegmentOpQuadTo:
			sink.QuadTo(px(a[0]), py(a[0]), px(a[1]), py(a[1]))
		case ot.SegmentOpCubeTo:
			sink.CubicTo(px(a[0]), py(a[0]), px(a[1]), py(a[1]), px(a[2]), py(a[2]))
		}
	}
	if open {
		sink.Close()
	}
}

// Align places a line horizontally against an anchor x.
type Align uint8

const (
	// Start aligns the line's start with the anchor: its left end for a
	// left-to-right line, its right end for a right-to-left one.
	Start  Align = iota
	End          // the end of the line at the anchor (opposite of Start)
	Left         // the left end at the anchor
	Center       // the middle at the anchor
	Right        // the right end at the anchor
)

// OriginX returns the x of the line's origin (left end of the baseline)
// that puts it at anchor with alignment a.
func (l *Line) OriginX(anchor float64, a Align) float64 {
	switch a {
	case Start:
		if l.Direction() == RTL {
			return anchor - l.Width()
		}
	case End:
		if l.Direction() != RTL {
			return anchor - l.Width()
		}
	case Center:
		return anchor - l.Width()/2
	case Right:
		return anchor - l.Width()
	}
	return anchor
}
