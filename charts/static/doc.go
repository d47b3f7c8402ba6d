// Package static draws a figure.Figure as a PNG, SVG or PDF chart with
// gonum.org/v1/plot.
//
// In: a Figure (text already in its language, values with their formatted
// labels), Options (size in pixels at 1x, scale, format, theme) and a gonum
// text.Handler that shapes text (charts/text provides one that shapes
// Arabic; gonum's own plain handler does not). Out: the encoded file on an
// io.Writer. One point of the canvas is one pixel of the 1x PNG. Every
// text goes through the handler; Arabic figures are mirrored (title, notes
// and legend on the right, horizontal bars growing from the right,
// categorical axes reversed; time axes keep running left to right unless the
// figure says otherwise). The theme's logo, if it has one, sits in the
// bottom corner on the reading-start side (left in English, right in
// Arabic), the source line and notes beside it; its fonts come through the
// handler the caller gives. The renderer never touches paths.
package static
