// Package text shapes, measures and draws the words on tollcharts charts,
// in English and in Arabic.
//
// Neither gonum/plot nor fogleman/gg shapes Arabic: both draw isolated
// letters in left-to-right order. This package sends every string through
// go-text/typesetting (HarfBuzz shaping, Unicode bidi, font fallback) and
// hands back outlines, so that what is measured is what is drawn.
//
// What goes in:
//
//   - a font stack, [Fonts]: a primary face and fallbacks, for regular and
//     bold weights. [Default] is DejaVu Sans, embedded in the binary (no
//     font files, host fonts are never read); [Load] parses TTF/OTF files a
//     theme names; [Fonts.WithBold] and [Fonts.WithFallback] compose stacks.
//   - a string (any bytes: invalid UTF-8 becomes U+FFFD, very long strings
//     are cut at [MaxRunes]) and a [Style]: fonts, size in output units
//     (pixels for PNG, points for gonum/plot), weight, and paragraph
//     direction (default: from the first strong character).
//
// What comes out:
//
//   - [Shape] gives one [Line]; [Wrap] gives the lines of a paragraph
//     broken to a maximum width. A Line knows its advance width, ascent,
//     descent and line gap (font metrics), its ink bounds, and its glyphs in
//     drawing order (left to right, right-to-left runs already reversed).
//   - [Line.Path] emits the outline into a [PathSink] (MoveTo, LineTo,
//     QuadTo, CubicTo, Close) in a y-down coordinate system whose origin
//     is the left end of the baseline.
//   - Adapters: [DrawGG] and friends fill a line on a fogleman/gg context
//     (with [Align] and [Line.OriginX] for left, centre, right, start and
//     end alignment); [NewHandler] is a gonum.org/v1/plot/text.Handler that
//     shapes every label a plot draws and fills it as a vg.Path (PNG, SVG,
//     PDF alike, rotated labels too; text becomes paths, so give SVGs a
//     title and description elsewhere). [ApplyHandler] installs it on every
//     text style of a plot.
//
// Shaped lines are cached per Fonts (keyed by text, weight, direction and
// wrap width; shaping happens at a fixed reference size and is scaled, so
// one entry serves every size), and so are glyph outlines. Everything here
// is safe for concurrent use.
//
// Shape and Wrap do not return errors. Should the shaping library panic on
// some input (the fuzz test looks for such inputs), the text is shaped
// again without control and format characters.
package text
