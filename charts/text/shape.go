package text

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/go-text/typesetting/di"
	gofont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

const (
	// MaxRunes is the longest text shaped; longer strings are cut.
	MaxRunes = 8192

	// refSize is the size, in pixels per em, at which text is shaped.
	// The shaper rounds sizes up to a whole pixel and works in 26.6
	// fixed point, so shaping large and scaling down keeps sub-pixel
	// precision at every size; 256 px leaves room for lines of more than
	// 100 000 em before int32 overflows.
	refSize = 256

	// noWrap is the wrap width used for single lines: the largest
	// Int26_6 (a larger float width would overflow).
	noWrap = math.MaxInt32

	// maxSize clamps sizes so that scaled coordinates stay finite.
	maxSize = 1e6
)

// Direction is a paragraph direction.
type Direction uint8

const (
	// Auto takes the direction of the first strong character (Unicode
	// bidi rules P2 and P3), left to right when there is none.
	Auto Direction = iota
	LTR            // left to right
	RTL            // right to left
)

func (d Direction) String() string {
	switch d {
	case LTR:
		return "LTR"
	case RTL:
		return "RTL"
	}
	return "Auto"
}

// Style says how to shape a string.
type Style struct {
	Fonts     *Fonts    // nil means Default()
	Size      float64   // em size in output units: pixels for PNG, points for gonum/plot
	Bold      bool      // use the stack's bold faces
	Direction Direction // paragraph direction; Auto by default
}

func (s Style) fonts() *Fonts {
	if s.Fonts == nil {
		return Default()
	}
	return s.Fonts
}

// Glyph is one shaped glyph of a Line.
type Glyph struct {
	ID      uint32  // glyph index in its font
	Font    int     // index of the font in the weight's stack, 0 = primary
	Cluster int     // index (in runes of Line.Text) of the first rune it shows
	X, Y    float64 // glyph origin relative to the line origin, y down
	Advance float64 // horizontal advance
}

// Rect is a rectangle in y-down coordinates relative to a line's origin
// (the left end of its baseline): ink above the baseline has negative Y.
type Rect struct {
	MinX, MinY, MaxX, MaxY float64
}

// Empty reports whether r contains no area (a line without ink).
func (r Rect) Empty() bool { return !(r.MinX < r.MaxX && r.MinY < r.MaxY) }

func (r Rect) scale(s float64) Rect {
	return Rect{r.MinX * s, r.MinY * s, r.MaxX * s, r.MaxY * s}
}

// Line is a shaped line of text at a size. It is immutable.
type Line struct {
	l     *layout
	fonts *Fonts
	bold  bool
	size  float64
}

// layout is a shaped line at refSize, shared by every Line of any size.
type layout struct {
	text   string
	dir    Direction
	glyphs []Glyph // drawing order, reference pixels
	width  float64 // reference pixels
	ink    Rect    // reference pixels, y down
	// Line metrics in em, the largest of the primary face and the faces
	// the line uses.
	ascent, descent, gap float64
}

func (l *Line) scale() float64 { return l.size / refSize }

// Width is the advance width: where the pen ends, from the line's origin.
func (l *Line) Width() float64 { return l.l.width * l.scale() }

// Ascent is the font ascent above the baseline (positive).
func (l *Line) Ascent() float64 { return l.l.ascent * l.size }

// Descent is the font descent below the baseline (positive).
func (l *Line) Descent() float64 { return l.l.descent * l.size }

// LineGap is the font's extra space between lines.
func (l *Line) LineGap() float64 { return l.l.gap * l.size }

// LineHeight is the distance between baselines: ascent + descent + gap.
func (l *Line) LineHeight() float64 { return (l.l.ascent + l.l.descent + l.l.gap) * l.size }

// Ink returns the bounds of the glyphs' ink, relative to the line's
// origin (y down). It is empty for a line of spaces.
func (l *Line) Ink() Rect { return l.l.ink.scale(l.scale()) }

// Text returns the text of the line (after cleaning: valid UTF-8, no
// line breaks, at most MaxRunes).
func (l *Line) Text() string { return l.l.text }

// Direction returns the resolved paragraph direction, LTR or RTL.
func (l *Line) Direction() Direction { return l.l.dir }

// Size returns the em size the line was shaped for.
func (l *Line) Size() float64 { return l.size }

// Glyphs returns the glyphs in drawing order (left to right), with
// positions in output units.
func (l *Line) Glyphs() []Glyph {
	s := l.scale()
	out := make([]Glyph, len(l.l.glyphs))
	for i, g := range l.l.glyphs {
		g.X, g.Y, g.Advance = g.X*s, g.Y*s, g.Advance*s
		out[i] = g
	}
	return out
}

// Shape shapes s as one line. Line breaks in s become spaces; use [Wrap]
// for paragraphs. Shape never fails: runes no font has are drawn with the
// primary face's missing glyph.
func Shape(s string, opts Style) *Line {
	f := opts.fonts()
	ls := f.layouts(s, opts.Bold, opts.Direction, noWrap, false)
	return &Line{l: ls[0], fonts: f, bold: opts.Bold, size: cleanSize(opts.Size)}
}

func cleanSize(size float64) float64 {
	if !(size > 0) { // also NaN
		return 0
	}
	return math.Min(size, maxSize)
}

// layouts returns the cached layouts of s, shaping them on a miss.
func (f *Fonts) layouts(s string, bold bool, dir Direction, width int32, wrap bool) []*layout {
	if dir > RTL {
		dir = Auto
	}
	k := layoutKey{text: s, bold: bold, dir: dir, width: width, wrap: wrap}
	if v, ok := f.cache.get(k); ok {
		return v
	}
	v := f.shape(s, bold, dir, width, wrap)
	f.cache.put(k, v)
	return v
}

// shape lays s out without the cache.
func (f *Fonts) shape(s string, bold bool, dir Direction, width int32, wrap bool) []*layout {
	runes := cleanRunes(s)
	dir = resolveDirection(runes, dir)
	var paras [][]rune
	if wrap {
		paras = splitParagraphs(runes)
	} else {
		paras = [][]rune{joinLines(runes)}
	}
	st := f.pool.Get().(*shaperState)
	defer f.pool.Put(st)
	var out []*layout
	for _, p := range paras {
		out = append(out, st.paragraph(f, p, bold, dir, width, wrap)...)
	}
	return out
}

// cleanRunes makes s valid UTF-8 and cuts it at MaxRunes.
func cleanRunes(s string) []rune {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	n := 0
	for i := range s {
		if n == MaxRunes {
			s = s[:i]
			break
		}
		n++
	}
	return []rune(s)
}

// isBreak reports whether r ends a line ("\r\n" counts once): line and
// paragraph separators, and every rune of bidi class B (the bidi algorithm
// stops at those, which go-text's line wrapper does not survive).
func isBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	if r < 0x80 && r >= 0x20 {
		return false
	}
	p, _ := bidi.LookupRune(r)
	return p.Class() == bidi.B
}

// joinLines replaces line breaks by spaces, "\r\n" by one space.
func joinLines(runes []rune) []rune {
	out := runes[:0:0]
	for i, r := range runes {
		if r == '\n' && i > 0 && runes[i-1] == '\r' {
			continue
		}
		if isBreak(r) {
			r = ' '
		}
		out = append(out, r)
	}
	return out
}

// splitParagraphs cuts runes at line breaks, dropping the breaks.
func splitParagraphs(runes []rune) [][]rune {
	var paras [][]rune
	start := 0
	for i := 0; i < len(runes); i++ {
		if !isBreak(runes[i]) {
			continue
		}
		paras = append(paras, runes[start:i])
		if runes[i] == '\r' && i+1 < len(runes) && runes[i+1] == '\n' {
			i++
		}
		start = i + 1
	}
	return append(paras, runes[start:])
}

// resolveDirection applies Unicode bidi rules P2 and P3 when d is Auto:
// the first strong character outside isolates decides.
func resolveDirection(runes []rune, d Direction) Direction {
	if d == LTR || d == RTL {
		return d
	}
	depth := 0
	for _, r := range runes {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.LRI, bidi.RLI, bidi.FSI:
			depth++
		case bidi.PDI:
			if depth > 0 {
				depth--
			}
		case bidi.L:
			if depth == 0 {
				return LTR
			}
		case bidi.R, bidi.AL:
			if depth == 0 {
				return RTL
			}
		}
	}
	return LTR
}

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
