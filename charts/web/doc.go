// Package web renders a figure as interactive HTML with Apache ECharts,
// through go-echarts.
//
// In: a *figure.Figure (one chart in one language) and Options that say how
// the page loads echarts: from the report's assets folder (default
// "../assets/echarts.min.js", pages live at output/<report>/<lang>/ and the
// assets at output/<report>/assets/), inlined (Options.Inline, one
// self-contained file) or, only when asked, from a CDN.
//
// Out, always to an io.Writer (this package never opens a path for writing):
//
//   - Render: a standalone page, <html lang dir> with the title, the chart,
//     a data table of the exact values behind a <details> disclosure, the
//     source, notes and a link to the CSV. The page shows its still image
//     (Options.Fallback, or Options.FallbackPNG carried in the page) until
//     the chart is drawn. Its script loads echarts itself: at once, or, when
//     the browser reports a slow connection (2G, 3G) or the data saver,
//     only when the reader presses the button offering the interactive
//     chart.
//   - Snippet: the same <figure> for a page that already loads echarts.
//   - Embed: iframe code for a CMS article, with a small script that sets the
//     iframe's height from the height the page posts (see below).
//   - Gallery: output/<report>/index.html, every chart in both languages with
//     previews, downloads, alt text and embed code.
//   - Asset: reads echarts.min.js and its licence from node_modules (run
//     `npm ci` at the repository root), for the build to copy into assets/.
//
// Guarantees:
//
//   - Numbers: the series data drawn are the figure's N values; unknown
//     values are "-" (no bar, a gap in a line; null on a map), never 0. Value labels,
//     tooltips and the table show the figure's Label strings; unknown values
//     read "no data".
//   - Deterministic: the DOM ids derive from report, chart and language
//     (ChartID); no clock, no random ids, JSON keys in a fixed order. The same
//     figure gives the same bytes.
//   - Safe: every text from data or specs is escaped for where it lands:
//     HTML text and attributes by html/template, the chart's JSON by
//     escaping every <, >, & and U+2028/U+2029 as \u escapes (so no
//     "</script>" or "<!--" can occur) in a <script type="application/json">
//     block that is parsed, never run. Tooltip HTML is escaped in the page's
//     script. URLs other than relative or http(s) ones (javascript:, data:)
//     are refused. A still image given as bytes must be a PNG.
//   - Offline: no output names a remote host unless Options.CDN is set.
//   - Accessible: the chart container is role="img" with the alt text as
//     its label (also ECharts' aria description); decal patterns are one
//     button away (on at once when the reader asks for more contrast); the
//     Okabe-Ito palette; dark mode follows prefers-color-scheme; animation
//     stops under prefers-reduced-motion; the chart resizes with its box.
//   - Right to left: for Arabic, the page is dir="rtl"; titles, legend and
//     value axis sit on the right; category axes are reversed
//     (Figure.MirrorCategories), time axes keep running left to right unless
//     the figure asks to mirror them; horizontal bars grow leftwards. Labels
//     that mix directions are wrapped in FSI/PDI (U+2068/U+2069).
//
// Kinds (see Kinds): bar (horizontal ranking), column, line (a marker and
// a value label at each point), stacked and grouped columns, and timeline
// (drawn as a line) are ECharts charts. Stat and pictogram render as the
// headline numbers in HTML text, without echarts. Other kinds give
// ErrUnsupportedKind.
//
// Map and tilemap (one series over governorates, keyed by OCHA P-code) are
// an ECharts map of the 14 governorates. The boundaries
// (syria.BoundariesGeoJSON) travel in the page's JSON block and are
// registered with echarts.registerMap (no request); each region is named
// by its P-code (nameProperty "pcode"). The map series' data are the
// figure's categories in order, {name: P-code, value: count}, then every
// governorate the figure does not name; an unknown value is null. Known
// values are filled by class (a piecewise visualMap with the PNG map's
// round class bounds and ColorBrewer OrRd colours, colour-blind safe) and
// carry their value label; governorates without data are grey and hatched
// (a decal), outside the classes, with a "no data" key under the chart.
// Tooltips give the governorate's name in the page's language (the
// GeoJSON's name_en or name_ar) and the value label or "no data". The
// classes sit beside the map, on the left in English and on the right in
// Arabic (below it on a narrow chart). The table of values is shown open.
//
// The title, subtitle, source and notes are HTML text around the chart, not
// canvas text: shaped and aligned by the browser (right-aligned in Arabic),
// selectable, and read by screen readers. In a one-series chart, an unknown
// value is written "no data" where its bar or point would be. Columns side
// by side on a mirrored axis are drawn last series first, so that each
// group reads right to left like the axis and the legend; each series keeps
// its colour.
//
// When a chart has drawn (after its animation), its container gets the
// attribute data-tc-ready="1": tests wait for it.
//
// # Height of embedded pages
//
// A page rendered by Render, when it runs inside an iframe, posts its height
// to the parent window whenever it changes:
//
//	{type: "tollcharts:height", id: "<chart id>", height: <CSS pixels>}
//
// The code Embed returns carries the receiving script, which any page may
// include once (it installs itself once per window):
//
//	window.addEventListener("message", function (e) {
//	  var d = e.data;
//	  if (!d || d.type !== "tollcharts:height") return;
//	  var h = Number(d.height);
//	  if (!(h > 0 && h < 20000)) return;
//	  var frames = document.getElementsByTagName("iframe");
//	  for (var i = 0; i < frames.length; i++) {
//	    if (frames[i].contentWindow === e.source) frames[i].style.height = Math.ceil(h) + "px";
//	  }
//	});
//
// It trusts no message content beyond a bounded number and only resizes the
// iframe that sent it. Where a CMS strips scripts, the iframe keeps the
// height attribute Embed estimated.
package web
