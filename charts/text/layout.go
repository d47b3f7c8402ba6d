package text

import (
	"math"
	"sort"
	"unicode"

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
	if dir != RTL {
		order = ltrOrder(runs, p)
	}

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

// ltrOrder is the visual order of the runs of one line of a left-to-right
// paragraph by the Unicode bidi algorithm's levels (UAX #9, rules W2, W7,
// I1 and L2), which go-text's wrapper does not apply: it reverses each
// right-to-left run on its own, so a number inside Arabic text (its own
// left-to-right run) split the Arabic around it into pieces that read in
// the wrong order. Here a right-to-left run is at level 1; a run of digits
// after right-to-left text (with nothing strong between) is at level 2,
// and so part of the stretch that reverses; a run of spaces and
// punctuation between two such runs is at level 1; anything else is at 0.
func ltrOrder(runs shaping.Line, p []rune) []int {
	n := len(runs)
	level := make([]int, n)
	kind := make([]byte, n) // 'R' right-to-left, 'N' digits, 'W' neutral, 'L' other
	for i, r := range runs {
		switch {
		case r.Direction.Progression() == di.TowardTopLeft:
			kind[i] = 'R'
		default:
			kind[i] = runKind(p, r.Runes.Offset, r.Runes.Count)
		}
	}
	prevR := false // the last strong text before this run reads right to left
	for i := range runs {
		switch kind[i] {
		case 'R':
			level[i], prevR = 1, true
		case 'N':
			if prevR {
				level[i] = 2
			}
		case 'L':
			prevR = false
		}
	}
	for i := range runs {
		if kind[i] != 'W' {
			continue
		}
		before := i > 0 && level[i-1] > 0
		after := false
		for j := i + 1; j < n; j++ {
			if kind[j] != 'W' {
				after = level[j] > 0
				break
			}
		}
		if before && after {
			level[i] = 1
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	for k := 2; k >= 1; k-- {
		for i := 0; i < n; {
			if level[order[i]] < k {
				i++
				continue
			}
			j := i
			for j < n && level[order[j]] >= k {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	return order
}

// runKind classifies the runes of a left-to-right run: 'N' digits (with
// the separators and signs of numbers, and spaces), 'W' only spaces and
// punctuation, 'L' anything with a letter.
func runKind(p []rune, off, count int) byte {
	if off < 0 || off+count > len(p) || count <= 0 {
		return 'W'
	}
	digits := false
	for _, r := range p[off : off+count] {
		switch {
		case unicode.IsDigit(r):
			digits = true
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			return 'L'
		}
	}
	if digits {
		return 'N'
	}
	return 'W'
}
