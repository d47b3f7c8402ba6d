package text

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/dejavu/dejavusans"
	gofont "github.com/go-text/typesetting/font"
)

// isolated returns, for each rune of s in logical order, the glyph the
// primary face's cmap gives it (what an unshaped renderer draws) and the
// sum of their advances at size.
func isolated(t *testing.T, s string, size float64) ([]uint32, float64) {
	t.Helper()
	fc := Default().regular[0]
	face := gofont.NewFace(fc.font) // a private face: Face caches are not thread-safe
	var ids []uint32
	adv := 0.0
	for _, r := range s {
		gid, ok := face.NominalGlyph(r)
		if !ok {
			t.Fatalf("DejaVu Sans has no glyph for %U", r)
		}
		ids = append(ids, uint32(gid))
		adv += float64(face.HorizontalAdvance(gid)) * size / fc.upem
	}
	return ids, adv
}

func glyphIDs(l *Line) []uint32 {
	var ids []uint32
	for _, g := range l.Glyphs() {
		ids = append(ids, g.ID)
	}
	return ids
}

// TestShapeIsNotIsolated fails on unshaped output: isolated letters in
// logical order, or merely reversed.
func TestShapeIsNotIsolated(t *testing.T) {
	const word = "سلام"
	const size = 40
	iso, isoWidth := isolated(t, word, size)
	l := Shape(word, Style{Size: size})
	got := glyphIDs(l)

	if slices.Equal(got, iso) {
		t.Fatalf("shaped glyphs %v are the isolated glyphs in logical order", got)
	}
	rev := slices.Clone(iso)
	slices.Reverse(rev)
	if slices.Equal(got, rev) {
		t.Fatalf("shaped glyphs %v are the isolated glyphs reversed: letters not joined", got)
	}
	// seen initial, lam-alef ligature (final), meem isolated (alef does
	// not join to the left): three glyphs for four letters.
	if len(got) != 3 {
		t.Errorf("got %d glyphs for %q, want 3 (lam-alef ligature)", len(got), word)
	}
	if g := l.Glyphs()[len(got)-1]; g.Cluster != 0 || g.ID == iso[0] {
		t.Errorf("rightmost glyph: cluster %d id %d, want the initial form of the first letter (isolated id %d)", g.Cluster, g.ID, iso[0])
	}
	if math.Abs(l.Width()-isoWidth) < 0.5 {
		t.Errorf("shaped width %.2f is the sum of isolated advances %.2f", l.Width(), isoWidth)
	}
	if l.Direction() != RTL {
		t.Errorf("direction %v, want RTL", l.Direction())
	}
	// The first glyph drawn (leftmost) is the last logical letter.
	if first := l.Glyphs()[0]; first.Cluster != 3 {
		t.Errorf("leftmost glyph shows rune %d, want 3 (meem)", first.Cluster)
	}
}

func TestLamAlefLigature(t *testing.T) {
	iso, _ := isolated(t, "لا", 20)
	l := Shape("لا", Style{Size: 20})
	if ids := glyphIDs(l); len(ids) != 1 || ids[0] == iso[0] || ids[0] == iso[1] {
		t.Errorf("lam-alef shaped to %v, want one ligature glyph (isolated %v)", ids, iso)
	}
}

func TestMixedDirections(t *testing.T) {
	// RTL paragraph: Arabic word at the right, the number's digits left
	// to right.
	s := "قُتل ٦٬٩٩٣ مدنياً"
	runes := []rune(s)
	l := Shape(s, Style{Size: 20})
	x := map[rune]float64{}
	for _, g := range l.Glyphs() {
		if _, seen := x[runes[g.Cluster]]; !seen {
			x[runes[g.Cluster]] = g.X
		}
	}
	if x['ق'] < x['٦'] || x['٦'] < x['م'] {
		t.Errorf("want ق right of the number right of مدنياً; x = %v", x)
	}
	if !(x['٦'] < x['٩'] && x['٩'] < x['٣']) {
		t.Errorf("digits of ٦٬٩٩٣ not left to right: x = %v", x)
	}

	// A Latin name inside Arabic stays readable left to right.
	s = "قوات Wagner الروسية"
	runes = []rune(s)
	var latin []rune
	for _, g := range Shape(s, Style{Size: 20}).Glyphs() {
		if r := runes[g.Cluster]; r < 0x80 && r != ' ' {
			latin = append(latin, r)
		}
	}
	if string(latin) != "Wagner" {
		t.Errorf("Latin glyphs in drawing order: %q, want Wagner", string(latin))
	}
}

func TestDirection(t *testing.T) {
	for _, c := range []struct {
		s    string
		d    Direction
		want Direction
	}{
		{"6,993 مدنياً", Auto, RTL},
		{"Wagner قوات", Auto, LTR},
		{"2024", Auto, LTR},
		{"", Auto, LTR},
		{"\u2068Wagner\u2069 قوات", Auto, RTL}, // isolates are skipped
		{"سلام", LTR, LTR},
		{"hello", RTL, RTL},
		{"hello", Direction(9), LTR}, // unknown: Auto
	} {
		if got := Shape(c.s, Style{Size: 10, Direction: c.d}).Direction(); got != c.want {
			t.Errorf("Shape(%q, %v).Direction() = %v, want %v", c.s, c.d, got, c.want)
		}
	}
}

func TestMetrics(t *testing.T) {
	l := Shape("Hxg سلام", Style{Size: 2048})
	// DejaVu Sans: hhea ascender 1901, descender -483, line gap 0, upem 2048.
	if math.Abs(l.Ascent()-1901) > 1e-6 || math.Abs(l.Descent()-483) > 1e-6 || l.LineGap() != 0 {
		t.Errorf("ascent %v descent %v gap %v, want 1901 483 0", l.Ascent(), l.Descent(), l.LineGap())
	}
	if m := Default().Metrics(2048, false); m.Ascent != l.Ascent() || m.LineHeight() != l.LineHeight() {
		t.Errorf("Fonts.Metrics %+v disagrees with the line's", m)
	}
	// Size scales everything linearly.
	a, b := Shape("Hxg سلام", Style{Size: 10}), Shape("Hxg سلام", Style{Size: 30})
	if math.Abs(b.Width()-3*a.Width()) > 1e-9 || math.Abs(b.Ink().MinY-3*a.Ink().MinY) > 1e-9 {
		t.Errorf("width %v at 30 is not 3 × %v at 10", b.Width(), a.Width())
	}
	ink := a.Ink()
	if ink.Empty() || ink.MinY >= 0 || ink.MaxY <= 0 || ink.MinX < -1 || ink.MaxX > a.Width()+1 {
		t.Errorf("implausible ink %+v for width %v", ink, a.Width())
	}
	if !Shape("   ", Style{Size: 10}).Ink().Empty() {
		t.Error("spaces have ink")
	}
	if l := Shape("", Style{Size: 10}); l.Width() != 0 || len(l.Glyphs()) != 0 || l.Ascent() <= 0 {
		t.Errorf("empty line: width %v glyphs %d ascent %v", l.Width(), len(l.Glyphs()), l.Ascent())
	}
	if w := Shape("abc", Style{Size: math.NaN()}).Width(); w != 0 {
		t.Errorf("NaN size gives width %v", w)
	}
}

func TestShapeJoinsLines(t *testing.T) {
	a, b := Shape("one\ntwo", Style{Size: 10}), Shape("one two", Style{Size: 10})
	if a.Text() != "one two" || a.Width() != b.Width() {
		t.Errorf("line break not replaced by a space: %q %v vs %v", a.Text(), a.Width(), b.Width())
	}
}

func TestWrap(t *testing.T) {
	para := "هذه فقرة تجريبية طويلة لاختبار التفاف الأسطر في العناوين العربية، وفيها الرقم 2024 واسم Wagner."
	st := Style{Size: 20}
	one := Shape(para, st)
	lines := Wrap(para, st, 200)
	if len(lines) < 3 {
		t.Fatalf("%d lines at width 200 for a %v-wide text", len(lines), one.Width())
	}
	var texts []string
	for _, l := range lines {
		if l.Width() > 200 {
			t.Errorf("line %q is %v wide, more than 200", l.Text(), l.Width())
		}
		if l.Direction() != RTL {
			t.Errorf("line %q: direction %v", l.Text(), l.Direction())
		}
		texts = append(texts, l.Text())
	}
	if strings.Join(texts, "") != para {
		t.Errorf("lines do not add up to the text: %q", texts)
	}
	// Widths too large for 26.6 fixed point must not overflow into one
	// glyph per line.
	for _, w := range []float64{1e6, 1e12, math.Inf(1), math.NaN(), math.MaxFloat64} {
		if n := len(Wrap(para, st, w)); n != 1 {
			t.Errorf("Wrap at width %v gave %d lines, want 1", w, n)
		}
	}
	if got := Wrap(para, st, 1e6)[0].Width(); math.Abs(got-one.Width()) > 1e-9 {
		t.Errorf("unwrapped width %v, Shape width %v", got, one.Width())
	}
	// Explicit breaks, empty paragraphs kept.
	if got := Wrap("a\n\r\nb\u2029c", st, 1e6); len(got) != 4 || got[1].Text() != "" || got[3].Text() != "c" {
		t.Errorf("explicit breaks: %d lines", len(got))
	}
	// Zero width: one grapheme per line, no panic.
	if got := Wrap("ab سل", st, 0); len(got) < 4 {
		t.Errorf("zero width gave %d lines", len(got))
	}
	if h, want := Height(lines), lines[0].Ascent()+float64(len(lines)-1)*lines[0].LineHeight()+lines[0].Descent(); math.Abs(h-want) > 1e-9 {
		t.Errorf("Height %v, want %v", h, want)
	}
}

// recorder is a PathSink that checks structure and tracks bounds.
type recorder struct {
	moves, closes, curves int
	open                  bool
	bad                   bool
	box                   Rect
}

func (r *recorder) pt(x, y float64) {
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		r.bad = true
	}
	r.box = Rect{min(r.box.MinX, x), min(r.box.MinY, y), max(r.box.MaxX, x), max(r.box.MaxY, y)}
}
func (r *recorder) MoveTo(x, y float64) {
	if r.open {
		r.bad = true
	}
	if r.moves == 0 {
		r.box = Rect{x, y, x, y}
	}
	r.moves++
	r.open = true
	r.pt(x, y)
}
func (r *recorder) LineTo(x, y float64) { r.bad = r.bad || !r.open; r.pt(x, y) }
func (r *recorder) QuadTo(cx, cy, x, y float64) {
	r.bad = r.bad || !r.open
	r.curves++
	r.pt(cx, cy)
	r.pt(x, y)
}
func (r *recorder) CubicTo(ax, ay, bx, by, x, y float64) {
	r.bad = r.bad || !r.open
	r.curves++
	r.pt(ax, ay)
	r.pt(bx, by)
	r.pt(x, y)
}
func (r *recorder) Close() { r.bad = r.bad || !r.open; r.open = false; r.closes++ }

func TestPath(t *testing.T) {
	l := Shape("قوات Wagner الروسية", Style{Size: 32})
	var r recorder
	l.Path(&r, 100, 50)
	if r.bad || r.open || r.moves == 0 || r.moves != r.closes || r.curves == 0 {
		t.Fatalf("bad path: %+v", r)
	}
	// The outline's bounds are the ink bounds moved to the origin.
	ink := l.Ink()
	want := Rect{ink.MinX + 100, ink.MinY + 50, ink.MaxX + 100, ink.MaxY + 50}
	for _, d := range []float64{r.box.MinX - want.MinX, r.box.MinY - want.MinY, r.box.MaxX - want.MaxX, r.box.MaxY - want.MaxY} {
		if math.Abs(d) > 0.05 {
			t.Errorf("path bounds %+v, ink bounds at origin %+v", r.box, want)
			break
		}
	}
}

func TestAlign(t *testing.T) {
	ltr, rtl := Shape("abc", Style{Size: 10}), Shape("سلام", Style{Size: 10})
	for _, c := range []struct {
		l    *Line
		a    Align
		want float64
	}{
		{ltr, Start, 100}, {ltr, End, 100 - ltr.Width()}, {ltr, Left, 100},
		{ltr, Center, 100 - ltr.Width()/2}, {ltr, Right, 100 - ltr.Width()},
		{rtl, Start, 100 - rtl.Width()}, {rtl, End, 100}, {rtl, Left, 100},
	} {
		if got := c.l.OriginX(100, c.a); got != c.want {
			t.Errorf("%q OriginX(100, %d) = %v, want %v", c.l.Text(), c.a, got, c.want)
		}
	}
}

func TestFonts(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "DejaVuSans.ttf")
	bad := filepath.Join(dir, "broken.ttf")
	if err := os.WriteFile(good, dejavusans.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Load(good)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := Shape("سلام", Style{Fonts: f, Size: 10}).Width(), Shape("سلام", Style{Size: 10}).Width(); a != b {
		t.Errorf("loaded DejaVu width %v, embedded %v", a, b)
	}
	for _, p := range []string{bad, filepath.Join(dir, "missing.ttf")} {
		if _, err := Load(good, p); err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("Load(%s): error %v does not name the file", p, err)
		}
	}
	if _, err := Load(); err == nil {
		t.Error("Load() without files did not fail")
	}
	if Default() != Default() {
		t.Error("Default() parsed twice")
	}

	// Fallback: Liberation Sans has no Arabic; DejaVu supplies it.
	lib, err := Parse(liberationsansregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	stack := lib.WithFallback(Default())
	s := "Wagner قوات"
	runes := []rune(s)
	for _, g := range Shape(s, Style{Fonts: stack, Size: 10}).Glyphs() {
		r := runes[g.Cluster]
		want := 0
		if r >= 0x600 {
			want = 1
		}
		if r != ' ' && g.Font != want {
			t.Errorf("%q drawn with font %d, want %d", r, g.Font, want)
		}
	}
	if n := stack.Names(true); len(n) != 2 || n[1] != "DejaVu Sans Bold" {
		t.Errorf("bold names %v", n)
	}
	bold := Default().WithBold(lib)
	if a, b := Shape("abc", Style{Fonts: bold, Size: 10, Bold: true}).Width(), Shape("abc", Style{Fonts: lib, Size: 10}).Width(); a != b {
		t.Errorf("WithBold: bold width %v, Liberation %v", a, b)
	}
}

func TestCache(t *testing.T) {
	f := Default().WithFallback(Default()) // a fresh cache
	a := Shape("قوات Wagner", Style{Fonts: f, Size: 10})
	b := Shape("قوات Wagner", Style{Fonts: f, Size: 30})
	if a.l != b.l || f.cache.len() != 1 {
		t.Errorf("sizes do not share one cached layout (%d entries)", f.cache.len())
	}
	Shape("قوات Wagner", Style{Fonts: f, Size: 10, Bold: true})
	Wrap("قوات Wagner", Style{Fonts: f, Size: 10}, 1e9)
	if n := f.cache.len(); n != 3 {
		t.Errorf("%d cache entries, want 3 (regular, bold, wrap)", n)
	}
	long := strings.Repeat("x", maxCachedBytes+1)
	if Shape(long, Style{Fonts: f, Size: 10}).l == Shape(long, Style{Fonts: f, Size: 10}).l || f.cache.len() != 3 {
		t.Error("a very long text was cached")
	}
	c := newLineCache(2)
	for i, s := range []string{"a", "b", "c", "a", "d", "e"} {
		if _, ok := c.get(layoutKey{text: s}); !ok {
			c.put(layoutKey{text: s}, nil)
		} else if i != 3 {
			t.Errorf("unexpected hit for %q", s)
		}
	}
}
