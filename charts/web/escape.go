package web

import (
	"bytes"
	"unicode"
)

// scriptJSON makes JSON safe to write inside an HTML <script> element: every
// '<', '>' and '&' becomes a \u escape (so neither "</script" nor "<!--" can
// occur), and so do U+2028 and U+2029 (line terminators in older JavaScript).
// In JSON these characters appear only inside strings, where the escapes
// mean the same characters. go-echarts writes its JSON unescaped; this runs
// on every byte of JSON this package puts in a page.
func scriptJSON(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b) + 64)
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '<':
			out.WriteString(`\u003c`)
		case c == '>':
			out.WriteString(`\u003e`)
		case c == '&':
			out.WriteString(`\u0026`)
		case c == 0xE2 && i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9):
			if b[i+2] == 0xA8 {
				out.WriteString(`\u2028`)
			} else {
				out.WriteString(`\u2029`)
			}
			i += 2
		default:
			out.WriteByte(c)
		}
	}
	return out.Bytes()
}

// First strong isolate and pop directional isolate (Unicode bidi).
const (
	fsi = "\u2068"
	pdi = "\u2069"
)

// isolate wraps a label drawn in the chart (canvas text, which has no <bdi>)
// in FSI/PDI when it mixes directions with the page, so that its own first
// strong character sets its direction: "2024 أبريل" or "(HTS)" in an
// Arabic chart, an Arabic name in an English one. Labels wholly in the
// page's direction are left as they are.
func isolate(s string, rtl bool) string {
	if s == "" {
		return s
	}
	for _, r := range s {
		if rtl && (isLTRStrong(r) || r >= '0' && r <= '9') || !rtl && isRTLStrong(r) {
			return fsi + s + pdi
		}
	}
	return s
}

// isRTLStrong reports whether r is a letter of a right-to-left script
// (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms).
func isRTLStrong(r rune) bool {
	if !unicode.IsLetter(r) {
		return false
	}
	switch {
	case r >= 0x0590 && r <= 0x08FF,
		r >= 0xFB1D && r <= 0xFDFF,
		r >= 0xFE70 && r <= 0xFEFF,
		r >= 0x10800 && r <= 0x10FFF,
		r >= 0x1E800 && r <= 0x1EFFF:
		return true
	}
	return false
}

// isLTRStrong reports whether r is a letter of a left-to-right script.
func isLTRStrong(r rune) bool { return unicode.IsLetter(r) && !isRTLStrong(r) }
