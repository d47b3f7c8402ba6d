package text

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzShape checks that no string makes Shape, Wrap or Path panic or
// produce non-finite geometry. Seeds are in testdata/fuzz/FuzzShape.
func FuzzShape(f *testing.F) {
	f.Add("قُتل ٦٬٩٩٣ مدنياً")
	f.Fuzz(func(t *testing.T, s string) {
		before := shapePanics.Load()
		defer func() {
			if shapePanics.Load() != before {
				t.Errorf("go-text panicked on %q (recovered)", s)
			}
		}()
		for _, d := range []Direction{Auto, RTL} {
			st := Style{Size: 16, Direction: d}
			l := Shape(s, st)
			checkLine(t, l)
			for _, w := range Wrap(s, st, 60) {
				checkLine(t, w)
			}
		}
	})
}

func checkLine(t *testing.T, l *Line) {
	t.Helper()
	n := utf8.RuneCountInString(l.Text())
	if n > MaxRunes {
		t.Fatalf("line of %d runes", n)
	}
	if w := l.Width(); math.IsNaN(w) || math.IsInf(w, 0) {
		t.Fatalf("width %v", w)
	}
	for _, g := range l.Glyphs() {
		if g.Cluster < 0 || g.Cluster > n || math.IsNaN(g.X) || math.IsInf(g.X, 0) {
			t.Fatalf("glyph %+v in a line of %d runes", g, n)
		}
	}
	var r recorder
	l.Path(&r, 0, 0)
	if r.bad || r.open || r.moves != r.closes {
		t.Fatalf("bad path for %q: %+v", l.Text(), r)
	}
}

func TestHugeStrings(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("سلام Wagner ", 5000),
		strings.Repeat("\uFDFD", 3*MaxRunes), // a wide ligature
		strings.Repeat("\u064B", 2*MaxRunes), // marks alone
		strings.Repeat("x", 20*MaxRunes),
	} {
		l := Shape(s, Style{Size: 500})
		checkLine(t, l)
		if n := utf8.RuneCountInString(l.Text()); n > MaxRunes || n < MaxRunes-1 {
			t.Errorf("%d runes kept of a %d-byte string, want about %d", n, len(s), MaxRunes)
		}
		if !(l.Width() > 0) && !strings.HasPrefix(s, "\u064B") { // marks alone have no advance
			t.Errorf("%q...: width %v", s[:8], l.Width())
		}
		for _, w := range Wrap(s, Style{Size: 500}, 2000) {
			checkLine(t, w)
		}
	}
}
