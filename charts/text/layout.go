package text

import (
	"math"
	"sort"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// build turns the shaped runs of one line into glyphs in drawing order.
// Runs are placed by their visual index; within a run, glyphs already come
// left to right, right-to-left runs included.
func build(runs shaping.Line, p []rune, faces faceList, stack []*face, dir Direction) *layout {
	order := make([]int, len(runs))
	start, end := len(p), 0
	for i, r := range runs {
		order[i] = i
		if r.Runes.Count > 0 {
			start = min(start, r.Runes.Offset)
			end = max(end, r.Runes.Offset+r.Runes.Count)
		}
	}
	if start > end {
		start, end = 0, 0
	}
	sort.SliceStable(order, func(a, b int) bool { return runs[order[a]].VisualIndex < runs[order[b]].VisualIndex })

	l := newLayout(stack[0], string(p[start:end]), dir)
	ink := Rect{MinX: math.Inf(1), MinY: math.Inf(1), MaxX: math.Inf(-1), MaxY: math.Inf(-1)}
	pen := 0.0
	for _, i := range order {
		run := runs[i]
		fi := faces.index(run.Face)
		fc := stack[fi]
		l.ascent = max(l.ascent, fc.ascent)
		l.descent = max(l.descent, fc.descent)
		l.gap = max(l.gap, fc.gap)
		for _, g := range run.Glyphs {
			gl := Glyph{
				ID:      uint32(g.GlyphID),
				Font:    fi,
				Cluster: g.ClusterIndex - start,
				X:       pen + fx(g.XOffset),
				Y:       -fx(g.YOffset),
				Advance: fx(g.Advance),
			}
			pen += gl.Advance
			l.glyphs = append(l.glyphs, gl)
			if g.Width == 0 || g.Height == 0 {
				continue // no ink (a space)
			}
			x0 := gl.X + fx(g.XBearing)
			x1 := x0 + fx(g.Width)
			y0 := gl.Y - fx(g.YBearing) // top, y down
			y1 := y0 - fx(g.Height)     // Height is negative, y up
			ink.MinX = min(ink.MinX, x0, x1)
			ink.MaxX = max(ink.MaxX, x0, x1)
			ink.MinY = min(ink.MinY, y0, y1)
			ink.MaxY = max(ink.MaxY, y0, y1)
		}
	}
	l.width = pen
	if !ink.Empty() {
		l.ink = ink
	}
	return l
}

func fx(v fixed.Int26_6) float64 { return float64(v) / 64 }

// visualOrder sets the visual index of runs of one line, as go-text's line
// wrapper does: runs in the paragraph direction keep their order, and each
// stretch of runs against it is reversed.
func visualOrder(dir di.Direction, line shaping.Line) {
	n := len(line)
	for i := range line {
		line[i].VisualIndex = int32(i)
		if dir.Progression() == di.TowardTopLeft {
			line[i].VisualIndex = int32(n - 1 - i)
		}
	}
	swap := func(s shaping.Line) {
		for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
			s[i].VisualIndex, s[j].VisualIndex = s[j].VisualIndex, s[i].VisualIndex
		}
	}
	from := -1
	for i, r := range line {
		if r.Direction == dir {
			if from >= 0 {
				swap(line[from:i])
				from = -1
			}
		} else if from < 0 {
			from = i
		}
	}
	if from >= 0 {
		swap(line[from:])
	}
}
