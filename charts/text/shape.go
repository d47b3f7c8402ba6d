package text

import (
	"fmt"
	"math"
	"sync/atomic"
	"unicode"
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
	if len(s) > maxCachedBytes {
		return f.shape(s, bold, dir, width, wrap)
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
	if out, ok := f.shapeRunes(runes, bold, dir, width, wrap); ok {
		return out
	}
	// The shaping library panicked (a bug; the fuzz test watches for
	// it). Try once more without control and format characters, which
	// is where such bugs hide, so one odd label does not stop a batch.
	stripped := runes[:0:0]
	for _, r := range runes {
		if !unicode.In(r, unicode.Cc, unicode.Cf) || r == '\n' {
			stripped = append(stripped, r)
		}
	}
	if out, ok := f.shapeRunes(stripped, bold, dir, width, wrap); ok {
		return out
	}
	panic(fmt.Sprintf("text: cannot shape %q", s))
}

// shapePanics counts recovered panics of the shaping library.
var shapePanics atomic.Int64

func (f *Fonts) shapeRunes(runes []rune, bold bool, dir Direction, width int32, wrap bool) (out []*layout, ok bool) {
	var paras [][]rune
	if wrap {
		paras = splitParagraphs(runes)
	} else {
		paras = [][]rune{joinLines(runes)}
	}
	st := f.pool.Get().(*shaperState)
	defer func() {
		if r := recover(); r != nil {
			shapePanics.Add(1)
			out, ok = nil, false // and drop st: its state is unknown
		}
	}()
	for _, p := range paras {
		out = append(out, st.paragraph(f, p, bold, dir, width, wrap)...)
	}
	f.pool.Put(st)
	return out, true
}
