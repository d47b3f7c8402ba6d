package text

import "math"

// Wrap shapes s as a paragraph and breaks it into lines no wider than
// maxWidth (output units), at Unicode line-break opportunities; a word
// longer than maxWidth is broken between graphemes. Line breaks in s
// ("\n", "\r\n", U+2028, U+2029...) start new lines; an empty paragraph
// gives an empty line. All lines share one paragraph direction (from the
// whole of s when opts.Direction is Auto). A maxWidth that is NaN or +Inf
// means no limit, one of zero or less puts each grapheme on its own line;
// trailing spaces of a line take no width.
func Wrap(s string, opts Style, maxWidth float64) []*Line {
	f := opts.fonts()
	size := cleanSize(opts.Size)
	ls := f.layouts(s, opts.Bold, opts.Direction, wrapWidth(maxWidth, size), true)
	out := make([]*Line, len(ls))
	for i, l := range ls {
		out[i] = &Line{l: l, fonts: f, bold: opts.Bold, size: size}
	}
	return out
}

// wrapWidth converts a width in output units to 26.6 reference pixels,
// clamped to the int32 range (a larger value would overflow and put every
// glyph on its own line).
func wrapWidth(maxWidth, size float64) int32 {
	if math.IsNaN(maxWidth) || math.IsInf(maxWidth, 0) && maxWidth > 0 || size == 0 {
		return noWrap
	}
	w := maxWidth / size * refSize * 64
	switch {
	case w <= 0:
		return 0
	case w >= noWrap:
		return noWrap
	}
	return int32(w)
}

// Height returns the height of lines set one below the other: from the
// first line's ascent line to the last line's descent line.
func Height(lines []*Line) float64 {
	if len(lines) == 0 {
		return 0
	}
	h := lines[0].Ascent()
	for i := 1; i < len(lines); i++ {
		h += Leading(lines[i-1], lines[i])
	}
	return h + lines[len(lines)-1].Descent()
}

// Leading is the distance from the baseline of prev to that of next when
// next is set below prev: prev's descent, the larger line gap, next's
// ascent. For lines of one style it is their LineHeight.
func Leading(prev, next *Line) float64 {
	return prev.Descent() + max(prev.LineGap(), next.LineGap()) + next.Ascent()
}

// MaxWidth returns the advance width of the widest line.
func MaxWidth(lines []*Line) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, l.Width())
	}
	return w
}
