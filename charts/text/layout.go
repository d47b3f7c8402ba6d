package text

import (
	"math"
	"sort"

	"github.com/go-text/typesetting/di"
	gofont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// shaperState holds the non-thread-safe parts of shaping; Fonts keeps a
// pool of them.
type shaperState struct {
	seg           shaping.Segmenter
	hb            shaping.HarfbuzzShaper
	wrap          shaping.LineWrapper
	regular, bold faceList
}

// faceList is a shaping.Fontmap: the first face that has the rune.
type faceList []*gofont.Face

func (fl faceList) ResolveFace(r rune) *gofont.Face {
	for _, f := range fl {
		if _, ok := f.NominalGlyph(r); ok {
			return f
		}
	}
	return fl[0]
}

func (fl faceList) index(f *gofont.Face) int {
	for i, g := range fl {
		if g == f {
			return i
		}
	}
	return 0
}

func (f *Fonts) newState() *shaperState {
	own := map[*face]*gofont.Face{}
	list := func(stack []*face) faceList {
		out := make(faceList, len(stack))
		for i, fc := range stack {
			if own[fc] == nil {
				own[fc] = gofont.NewFace(fc.font)
			}
			out[i] = own[fc]
		}
		return out
	}
	return &shaperState{regular: list(f.regular), bold: list(f.bold)}
}

func (st *shaperState) faces(bold bool) faceList {
	if bold {
		return st.bold
	}
	return st.regular
}

// paragraph shapes one paragraph and breaks it into lines no wider than
// width (26.6 reference pixels).
func (st *shaperState) paragraph(f *Fonts, p []rune, bold bool, dir Direction, width int32, wrap bool) []*layout {
	stack := f.stack(bold)
	if len(p) == 0 {
		return []*layout{newLayout(stack[0], "", dir)}
	}
	faces := st.faces(bold)
	in := shaping.Input{
		Text:      p,
		RunEnd:    len(p),
		Direction: di.DirectionLTR,
		Size:      fixed.I(refSize),
	}
	if dir == RTL {
		in.Direction = di.DirectionRTL
	}
	parts := st.seg.Split(in, faces)
	outs := make([]shaping.Output, len(parts))
	for i, part := range parts {
		outs[i] = st.hb.Shape(part)
	}
	cfg := shaping.WrapConfig{Direction: in.Direction}
	lines, _ := st.wrap.WrapParagraphF(cfg, fixed.Int26_6(width), p, shaping.NewSliceIterator(outs))
	if !wrap && len(lines) > 1 {
		// Only an overflow of the 26.6 width could get here: put the runs
		// back on one line, in bidi order.
		var all shaping.Line
		for _, l := range lines {
			all = append(all, l...)
		}
		visualOrder(in.Direction, all)
		lines = []shaping.Line{all}
	}
	out := make([]*layout, len(lines))
	for i, l := range lines {
		out[i] = build(l, p, faces, stack, dir)
	}
	return out
}

func newLayout(primary *face, text string, dir Direction) *layout {
	return &layout{text: text, dir: dir, ascent: primary.ascent, descent: primary.descent, gap: primary.gap}
}

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
