package spec

import (
	"regexp"
	"unicode"
	"unicode/utf8"

	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
)

// Placeholder matches the spec text placeholders the figure fills from the
// data: {value:KEY} (a value on the chart), {period} (the window of the
// chart's rows) and {period:KEY} (the window of one period on the axis).
var Placeholder = regexp.MustCompile(`\{(value|period)(?::([A-Za-z0-9_/-]+))?\}`)

// handTyped reports a number typed by hand in a chart's title, subtitle or
// note: every number printed around the data must come from the data, so
// that no check can miss a figure that disagrees with it. Text quoted as
// published (a headline) is marked verbatim: true and kept as written.
func (v *validator) handTyped(c *Chart, t Text, what string) {
	if t.Verbatim {
		return
	}
	for _, s := range []sy.String{t.EN, t.AR} {
		if s.Line == 0 {
			continue
		}
		col, num, ok := firstDigit(s)
		if !ok {
			continue
		}
		v.add(sy.Pos{Line: s.Line, Col: col}, "chart %q: %s holds the number %q typed by hand; write {value:KEY} for a value, {period} or {period:KEY} for a date, or mark a quotation verbatim: true", c.ID.Value, what, num)
	}
}

// firstDigit finds the first digit (any script) outside placeholders and
// returns its column (inside a one-line scalar; the scalar's own column
// otherwise) and the number it starts.
func firstDigit(s sy.String) (col int, num string, ok bool) {
	text := s.Value
	skip := Placeholder.FindAllStringIndex(text, -1)
	for i, r := range text {
		if !unicode.IsDigit(r) {
			continue
		}
		inside := false
		for _, m := range skip {
			if i >= m[0] && i < m[1] {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		end := i
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if !unicode.IsDigit(r) && r != ',' && r != '.' && r != '٬' {
				break
			}
			end += n
		}
		for end > i && (text[end-1] == ',' || text[end-1] == '.') {
			end--
		}
		col = s.Col
		if s.Inline {
			// Escapes in a double-quoted scalar would shift this; specs
			// rarely have them before a number.
			col += utf8.RuneCountInString(text[:i])
			if s.Quoted {
				col++
			}
		}
		return col, text[i:end], true
	}
	return 0, "", false
}
