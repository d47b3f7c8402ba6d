package text

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
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
