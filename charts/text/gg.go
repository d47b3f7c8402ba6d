package text

import "github.com/fogleman/gg"

// ggSink adapts a gg.Context to PathSink.
type ggSink struct{ dc *gg.Context }

func (s ggSink) MoveTo(x, y float64)         { s.dc.MoveTo(x, y) }
func (s ggSink) LineTo(x, y float64)         { s.dc.LineTo(x, y) }
func (s ggSink) QuadTo(cx, cy, x, y float64) { s.dc.QuadraticTo(cx, cy, x, y) }
func (s ggSink) CubicTo(c1x, c1y, c2x, c2y, x, y float64) {
	s.dc.CubicTo(c1x, c1y, c2x, c2y, x, y)
}
func (s ggSink) Close() { s.dc.ClosePath() }

// GGSink returns a PathSink that adds to dc's current path (through dc's
// transform), for callers that want to stroke or clip with text.
func GGSink(dc *gg.Context) PathSink { return ggSink{dc} }

// DrawGG fills l on dc with the context's current colour, its origin (left
// end of the baseline) at (x, y) in dc's y-down user space; dc's transform
// applies, so rotated text works. It clears dc's current path first.
func DrawGG(dc *gg.Context, l *Line, x, y float64) {
	dc.ClearPath()
	dc.SetFillRuleWinding()
	l.Path(ggSink{dc}, x, y)
	dc.Fill()
}

// DrawGGAligned is DrawGG with the line aligned against anchor x, on the
// baseline y.
func DrawGGAligned(dc *gg.Context, l *Line, x, y float64, a Align) {
	DrawGG(dc, l, l.OriginX(x, a), y)
}

// DrawGGLines draws wrapped lines one below the other, the first baseline
// at y, each line aligned against anchor x; it returns the baseline of the
// last line.
func DrawGGLines(dc *gg.Context, lines []*Line, x, y float64, a Align) float64 {
	for i, l := range lines {
		if i > 0 {
			y += Leading(lines[i-1], l)
		}
		DrawGGAligned(dc, l, x, y, a)
	}
	return y
}
