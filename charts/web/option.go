package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/color"
	"time"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	eopts "github.com/go-echarts/go-echarts/v2/opts"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/theme"
)

// The Okabe-Ito palette (colour-blind safe) without its black, ordered by
// contrast against each background: on white, blue and vermillion first and
// yellow last; on the dark background, the light colours first.
var (
	paletteLight = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"}
	paletteDark  = []string{"#56B4E9", "#E69F00", "#009E73", "#F0E442", "#CC79A7", "#D55E00", "#0072B2"}
)

// markOutline is the outline of a bar whose colour stands out from the
// light page (figure.css --tc-bg, white) by less than 3:1 (WCAG 1.4.11):
// Okabe-Ito's orange, sky blue and yellow, the fifth to seventh series.
// The outline (#595959, 7:1) keeps each bar's shape visible; on the dark
// page every palette colour meets 3:1 itself.
const markOutline = "#595959"

var pageLight = color.RGBA{255, 255, 255, 255}

// lowContrast reports whether colour c ("#rrggbb") stands out from the
// light page by less than 3:1.
func lowContrast(c string) bool {
	rgb, _ := theme.ParseHex(c)
	return theme.Contrast(rgb, pageLight) < theme.MinMarkContrast
}

// fontStack is the font list of the page and of the chart's canvas text.
const fontStack = `system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif`

// noValue is how ECharts spells a missing value: no bar, a gap in a line.
const noValue = "-"

// buildOption builds the ECharts option with go-echarts and returns it as
// JSON (keys in a fixed order). Functions (label and tooltip formatters)
// are not in it: the page's script adds them, so the JSON is pure data.
func buildOption(fig *figure.Figure, id string, o Options) (json.RawMessage, error) {
	rtl := fig.RTL()
	horizontal := fig.Kind == figure.Bar
	multi := len(fig.Series) > 1

	order := drawOrder(fig)
	t := uiFor(fig.Locale.Lang)
	cats := make([]string, len(fig.Categories))
	for i, c := range fig.Categories {
		cats[i] = isolate(c, rtl)
	}

	// The category axis: reversed for Arabic (Figure.MirrorCategories);
	// the vertical category axis of a ranking always reads top-down.
	catInverse := fig.MirrorCategories()
	if horizontal {
		catInverse = true
	}
	catPos := "bottom"
	valPos := "left"
	if rtl {
		valPos = "right"
	}
	if horizontal {
		catPos = "left"
		if rtl {
			catPos = "right"
		}
		valPos = "bottom"
	}

	// Room for the value labels at the ends of horizontal bars, which
	// containLabel does not count.
	gridLeft, gridRight := 8, 8
	if horizontal {
		w := labelRoom(fig) + calloutRoom(fig)
		if rtl {
			gridLeft = w
		} else {
			gridRight = w
		}
	}

	colours := reorder(paletteLight, order)
	global := append(baseOpts(fig, id, o, true),
		echarts.WithColorsOpts(colours),
		echarts.WithTooltipOpts(eopts.Tooltip{
			Show:        eopts.Bool(true),
			Trigger:     "axis",
			AxisPointer: &eopts.AxisPointer{Type: map[bool]string{true: "line", false: "shadow"}[fig.Kind == figure.Line]},
		}),
		echarts.WithLegendOpts(legend(fig, rtl)),
		echarts.WithGridOpts(eopts.Grid{
			Left:         fmt.Sprint(gridLeft),
			Right:        fmt.Sprint(gridRight),
			Top:          map[bool]string{true: "64", false: "40"}[multi],
			Bottom:       map[bool]string{true: "36", false: "8"}[horizontal],
			ContainLabel: eopts.Bool(true),
		}),
	)
	catAxisLabel := &eopts.AxisLabel{}
	valAxisLabel := &eopts.AxisLabel{Show: eopts.Bool(true)}
	if horizontal {
		global = append(global,
			echarts.WithXAxisOpts(eopts.XAxis{
				Type: "value", Name: fig.ValueAxis, NameLocation: "middle", NameGap: 28,
				Position: valPos, Inverse: eopts.Bool(rtl), MinInterval: 1, AxisLabel: valAxisLabel,
			}),
			echarts.WithYAxisOpts(eopts.YAxis{
				Type: "category", Position: catPos, Inverse: eopts.Bool(catInverse), AxisLabel: catAxisLabel,
			}),
		)
	} else {
		global = append(global,
			echarts.WithXAxisOpts(eopts.XAxis{
				Type: "category", Position: catPos, Inverse: eopts.Bool(catInverse), AxisLabel: catAxisLabel,
				AxisTick: &eopts.AxisTick{AlignWithLabel: eopts.Bool(true)},
			}),
			echarts.WithYAxisOpts(eopts.YAxis{
				Type: "value", Name: fig.ValueAxis, NameLocation: "end",
				Position: valPos, MinInterval: 1, AxisLabel: valAxisLabel,
			}),
		)
	}

	var obj map[string]any
	switch fig.Kind {
	case figure.Line:
		c := echarts.NewLine()
		c.SetGlobalOptions(global...)
		c.SetXAxis(cats)
		for _, si := range order {
			s := fig.Series[si]
			c.AddSeries(isolate(s.Name, rtl), nil,
				echarts.WithSeriesId(s.Key),
				echarts.WithSeriesOpts(func(ss *echarts.SingleSeries) { ss.Data = lineData(fig, s) }),
				echarts.WithLineChartOpts(eopts.LineChart{
					Symbol: "circle", SymbolSize: 7, ShowSymbol: eopts.Bool(true), ConnectNulls: eopts.Bool(false),
				}),
				echarts.WithLabelOpts(eopts.Label{Show: eopts.Bool(true), Position: "top"}),
			)
			if multi {
				c.MultiSeries[len(c.MultiSeries)-1].LabelLayout = &eopts.LabelLayout{HideOverlap: eopts.Bool(true)}
			}
		}
		c.ClearPresetJSAssets()
		c.Validate()
		obj = c.JSON()
	default:
		c := echarts.NewBar()
		c.SetGlobalOptions(global...)
		c.SetXAxis(cats)
		if horizontal {
			c.XYReversal()
		}
		pos := "top"
		switch {
		case fig.Kind == figure.Stacked:
			pos = "inside"
		case horizontal && rtl:
			pos = "left"
		case horizontal:
			pos = "right"
		}
		for _, si := range order {
			s := fig.Series[si]
			bo := eopts.BarChart{}
			if fig.Kind == figure.Stacked {
				bo.Stack = "total"
			}
			so := []echarts.SeriesOpts{
				echarts.WithSeriesId(s.Key),
				echarts.WithSeriesOpts(func(ss *echarts.SingleSeries) { ss.Data = seriesData(s) }),
				echarts.WithBarChartOpts(bo),
				echarts.WithLabelOpts(eopts.Label{Show: eopts.Bool(true), Position: pos}),
			}
			if lowContrast(colours[len(c.MultiSeries)%len(colours)]) {
				so = append(so, echarts.WithItemStyleOpts(eopts.ItemStyle{BorderColor: markOutline, BorderWidth: 1}))
			}
			if multi {
				so = append(so,
					echarts.WithLabelLayoutOpts(eopts.LabelLayout{HideOverlap: eopts.Bool(true)}),
					echarts.WithEmphasisOpts(eopts.Emphasis{Focus: "series"}),
				)
			}
			c.AddSeries(isolate(s.Name, rtl), nil, so...)
		}
		c.ClearPresetJSAssets()
		c.Validate()
		obj = c.JSON()
	}
	return patchOption(obj, fig, t.NoData)
}

// drawOrder gives the figure's series indices in the order ECharts draws
// them. Columns side by side keep the figure's order left to right, so when
// the category axis is mirrored for Arabic the series are drawn last first:
// each group then reads right to left like the axis and the legend.
func drawOrder(fig *figure.Figure) []int {
	n := len(fig.Series)
	order := make([]int, n)
	reverse := n > 1 && fig.MirrorCategories() && (fig.Kind == figure.Grouped || fig.Kind == figure.Column)
	for i := range order {
		if reverse {
			order[i] = n - 1 - i
		} else {
			order[i] = i
		}
	}
	return order
}

// reorder returns the palette with its first colours permuted like the
// series, so that each series keeps the colour of its figure index.
func reorder(palette []string, order []int) []string {
	out := append([]string(nil), palette...)
	for drawn, si := range order {
		if drawn < len(out) && si < len(palette) {
			out[drawn] = palette[si]
		}
	}
	return out
}

// labelRoom estimates the width in px of the longest value label, with a
// margin; at least enough for half of the last tick label.
func labelRoom(fig *figure.Figure) int {
	n := 0
	for _, s := range fig.Series {
		for _, v := range s.Values {
			n = max(n, len([]rune(v.Label)))
		}
	}
	return max(8*n+16, 32)
}

// legend lists the series when there are several; in Arabic it sits on the
// right, icons right of the names, first series rightmost.
func legend(fig *figure.Figure, rtl bool) eopts.Legend {
	if len(fig.Series) < 2 {
		return eopts.Legend{Show: eopts.Bool(false)}
	}
	names := make([]string, len(fig.Series))
	for i, s := range fig.Series {
		names[i] = isolate(s.Name, rtl)
	}
	l := eopts.Legend{Show: eopts.Bool(true), Type: "scroll", Top: "0"}
	if rtl {
		for i, j := 0, len(names)-1; i < j; i, j = i+1, j-1 {
			names[i], names[j] = names[j], names[i]
		}
		l.Right, l.Align = "0", "right"
	} else {
		l.Left, l.Align = "0", "left"
	}
	l.Data = names
	return l
}

// seriesData is what ECharts draws: the exact counts, "-" for unknown.
func seriesData(s figure.Series) []any {
	d := make([]any, len(s.Values))
	for i, v := range s.Values {
		if v.Known {
			d[i] = v.N
		} else {
			d[i] = noValue
		}
	}
	return d
}

// lineData is seriesData on a time scale: each value as [ms, count], the
// day its point stands on (UTC midnight, in milliseconds) and the exact
// count, or "-" for unknown.
func lineData(fig *figure.Figure, s figure.Series) []any {
	d := seriesData(s)
	if !fig.TimeScale() {
		return d
	}
	ms := timeMillis(fig)
	for i := range d {
		d[i] = []any{ms[i], d[i]}
	}
	return d
}

// timeMillis is Figure.Dates in milliseconds since the epoch (UTC).
func timeMillis(fig *figure.Figure) []int64 {
	ts := fig.Times()
	out := make([]int64, len(ts))
	for i, t := range ts {
		out[i] = t.UnixMilli()
	}
	return out
}

// timeAxis is the x axis of a time scale: ECharts' time axis in UTC, from
// a little before the first date to a little after the last (a 16th of
// the span, at least a week, so the labels beside the end points fit), reversed when
// the figure mirrors its axis, with ticks a month, half a year or a year
// apart as the span grows (the
// page labels them in the figure's locale, see timeLabels).
func timeAxis(fig *figure.Figure) map[string]any {
	ms := timeMillis(fig)
	const day = int64(24 * time.Hour / time.Millisecond)
	pad := max((ms[len(ms)-1]-ms[0])/16, 7*day)
	interval, span := 28*day, ms[len(ms)-1]-ms[0]
	switch {
	case span > 3*365*day:
		interval = 365 * day
	case span > 365*day:
		interval = 182 * day
	}
	return map[string]any{
		"type":        "time",
		"position":    "bottom",
		"inverse":     fig.MirrorCategories(),
		"min":         ms[0] - pad,
		"max":         ms[len(ms)-1] + pad,
		"minInterval": interval,
		"splitLine":   map[string]any{"show": false},
		"axisLabel":   map[string]any{"hideOverlap": true},
	}
}

// timeLabels are the tick labels of a time scale in the figure's locale,
// keyed "YYYY-MM" for the first day of every month the axis spans: the
// year for January, else the month and the year, as the static charts
// write them.
func timeLabels(fig *figure.Figure) map[string]string {
	ts := fig.Times()
	out := map[string]string{}
	from := time.Date(ts[0].Year()-1, 1, 1, 0, 0, 0, 0, time.UTC)
	to := ts[len(ts)-1].AddDate(1, 0, 0)
	for d := from; !d.After(to); d = d.AddDate(0, 1, 0) {
		l := fig.Locale.Year(d.Year())
		if d.Month() != time.January {
			l = fig.Locale.Month(d.Month()) + " " + l
		}
		out[d.Format("2006-01")] = l
	}
	return out
}

// patchOption sets what go-echarts v2.6.7 has no field for (or types as a
// string where ECharts wants a number) and returns the option as JSON with
// sorted keys. Numbers pass through as json.Number: never rounded.
func patchOption(obj map[string]any, fig *figure.Figure, noData string) (json.RawMessage, error) {
	m, err := plainOption(obj, fig)
	if err != nil {
		return nil, err
	}
	// Every category of a ranking, or of columns that are not periods, is
	// labelled (ECharts hides some when crowded); under columns, long
	// labels wrap (the page's script sets their width).
	catAxis := "xAxis"
	if fig.Kind == figure.Bar {
		catAxis = "yAxis"
	}
	axes, _ := m[catAxis].([]any)
	for _, ax := range axes {
		if fig.Kind != figure.Bar && fig.TimeAxis {
			break
		}
		if a, ok := ax.(map[string]any); ok {
			l, _ := a["axisLabel"].(map[string]any)
			if l == nil {
				l = map[string]any{}
				a["axisLabel"] = l
			}
			l["interval"] = 0
			if fig.Kind != figure.Bar {
				l["overflow"] = "break"
				l["lineHeight"] = 15
			}
		}
	}
	if fig.TimeScale() {
		m["xAxis"] = []any{timeAxis(fig)}
		m["useUTC"] = true
	}
	// Marked events: room at the top of the plot for their labels.
	if ax, ok := m["yAxis"].([]any); ok && len(ax) > 0 && len(fig.Marks) > 0 {
		if a, ok := ax[0].(map[string]any); ok {
			a["boundaryGap"] = []any{0, "34%"}
		}
	}
	if series, ok := m["series"].([]any); ok {
		for _, s := range series {
			if sm, ok := s.(map[string]any); ok && fig.Kind == figure.Line {
				sm["showAllSymbol"] = true
			}
		}
		// One series, or a panel each: write "no data" where a value is
		// unknown, so that a missing bar or a gap is not read as zero.
		if (len(series) == 1 && fig.Kind != figure.Stacked) || fig.Kind == figure.Multiples {
			for i, s := range series {
				if sm, ok := s.(map[string]any); ok {
					if mp := noDataMarks(fig, i, noData); mp != nil {
						sm["markPoint"] = mp
					}
				}
			}
		}
	}
	annotateOption(m, fig)
	if err := checkBundled(m); err != nil {
		return nil, err
	}
	out, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("web: %s/%s: encode option: %v", fig.Report, fig.ID, err)
	}
	return out, nil
}

// plainOption turns the option go-echarts built into plain JSON values
// (numbers as json.Number), without the keys it writes as null or empty,
// with the settings every chart shares: the font and a tooltip kept inside
// the chart.
func plainOption(obj map[string]any, fig *figure.Figure) (map[string]any, error) {
	raw, err := json.Marshal(obj)
	if err != nil {
		return nil, fmt.Errorf("web: %s/%s: encode option: %v", fig.Report, fig.ID, err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("web: %s/%s: decode option: %v", fig.Report, fig.ID, err)
	}
	dropNulls(m)
	delete(m, "toolbox") // empty: no toolbox
	m["textStyle"] = map[string]any{"fontFamily": fontStack}
	if tt, ok := m["tooltip"].(map[string]any); ok {
		tt["confine"] = true
	}
	return m, nil
}

// noDataMarks places a "no data" label at the base of each category whose
// value is unknown in series si (drawn alone, or in its own panel); nil
// when every value is known.
func noDataMarks(fig *figure.Figure, si int, noData string) map[string]any {
	var data []any
	for i, v := range fig.Series[si].Values {
		if v.Known {
			continue
		}
		coord := []any{i, 0}
		if fig.TimeScale() {
			coord = []any{timeMillis(fig)[i], 0}
		}
		if fig.Kind == figure.Bar {
			coord = []any{0, i}
		}
		data = append(data, map[string]any{"coord": coord})
	}
	if data == nil {
		return nil
	}
	pos := "top"
	if fig.Kind == figure.Bar {
		pos = "right"
		if fig.RTL() {
			pos = "left"
		}
	}
	return map[string]any{
		"silent":     true,
		"animation":  false,
		"symbol":     "circle",
		"symbolSize": 0,
		"label": map[string]any{
			"show": true, "position": pos, "formatter": noData,
			"color": "#767676", "fontStyle": "italic",
		},
		"data": data,
	}
}

// dropNulls removes keys whose value is null (go-echarts writes some
// fields without omitempty): ECharts reads a missing key as its default.
func dropNulls(v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if x == nil {
				delete(v, k)
				continue
			}
			dropNulls(x)
		}
	case []any:
		for _, x := range v {
			dropNulls(x)
		}
	}
}

// baseOpts are the options every chart shares: its fixed id, no
// background, animation unless o turns it off, and the ARIA description
// from the alt text; with decal, ECharts' fill patterns, off until the
// reader asks for them.
func baseOpts(fig *figure.Figure, id string, o Options, decal bool) []echarts.GlobalOpts {
	aria := &eopts.Aria{
		Enabled: eopts.Bool(true),
		Label:   &eopts.AriaLabel{Enabled: eopts.Bool(true), Description: fig.Alt},
	}
	if decal {
		aria.Decal = &eopts.AriaDecal{Show: eopts.Bool(false)}
	}
	return []echarts.GlobalOpts{
		echarts.WithInitializationOpts(eopts.Initialization{
			ChartID:         id,
			BackgroundColor: "transparent",
			Theme:           "white",
			PageTitle:       fig.Title,
			AssetsHost:      DefaultAssetsURL,
		}),
		echarts.WithAnimation(!o.NoAnimation),
		echarts.WithAriaOpts(aria),
	}
}
