// Package infographic draws a figure.Figure as a PNG infographic for
// social media and the front of publications, with fogleman/gg.
//
// In: a Figure (text already in its language, values with their exact
// counts and formatted labels) and Options: the size in pixels at 1x (one
// of the social formats in [Sizes], or any other), the scale (1 or 2), the
// theme (brand colours, type sizes, fonts, logo), the fonts (*text.Fonts;
// the theme's, else DejaVu Sans, embedded), an optional logo image (the
// theme's by default), the timeline's key dates
// ([Events]; the embedded events.yaml by default). Out: a PNG on an
// io.Writer. Render never touches paths, never reads the clock or host
// fonts, and gives the same bytes for the same input.
//
// Kinds:
//
//   - stat: the headline number (the figure's first category, "all"), the
//     parts of it the category registry names (children, women) with their
//     share of it, and the other categories smaller below. Shares are
//     computed here from the figure's exact counts, rounded half away from
//     zero to one decimal, and the card's notes say so.
//   - pictogram: a waffle of person icons, one icon per N people (N from
//     Options.Unit, or the smallest of 1, 2, 5, 10, 20, 25, 50, 100, ... that
//     keeps the icons under a per-format limit); each group gets floor(value
//     / N) icons, and the image says so. Groups: children, women and other
//     adults (all − children − women: the figure's derived series if it has
//     one, computed here otherwise, and labelled as derived either way).
//   - map: a choropleth of the 14 governorates (boundaries from package
//     syria), in 5 classes of a sequential colour-blind-safe scale; a
//     governorate without a published figure is hatched, never drawn as
//     zero. Square, portrait and story sizes get the tile grid instead.
//   - tilemap: the tile grid of the 14 governorates (equal squares in
//     rough geographic order) at every size.
//   - timeline: cumulative counts at each anniversary along time, with the
//     key dates of [Events] (Eastern Aleppo 2016, the northwest campaign
//     2019–2020, ...). Horizontal on landscape and square, vertical on
//     portrait and story.
//
// Every card carries the figure's title, subtitle, source line and notes,
// and the logo if there is one (in the footer, on the reading-start side,
// the theme's logo height tall). Each size has its own layout (tall formats
// stack vertically; small ones carry fewer labels). Arabic figures are
// mirrored: text right-aligned, reading order and legends right to left;
// geography and time axes are not mirrored (time only if the figure says
// MirrorTime). Every text is shaped by charts/text.
//
// [DrawImage] composes another image (for example a gonum/plot chart from
// charts/static, decoded) onto a gg canvas at a rectangle.
package infographic
