package web

import (
	"slices"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// The colours of a highlighted category (Figure.Highlight) on the light
// and the dark page: the accent is the first series' colour, the muted
// grey keeps 3:1 against the page (WCAG 1.4.11; TestHighlightContrast).
var (
	highlightLight = [2]string{paletteLight[0], "#8d8d8d"}
	highlightDark  = [2]string{paletteDark[0], "#6e6e6e"}
)

// calloutInk is the colour of a callout's text and arrow on the light
// and the dark page (the page's text colours, figure.css; ink in
// runtime.js).
var calloutInk = [2]string{"#1b1b1b", "#ececec"}

// highlightConfig tells the page's script how to recolour a highlight
// on the dark page: the category index, and the dark accent and grey.
type highlightConfig struct {
	At   int       `json:"at"`
	Dark [2]string `json:"dark"`
}

// annotateOption draws a figure's highlight and callouts into the option
// built by buildOption: the highlighted category's value as an item in
// the accent colour, the others muted; each callout as a markPoint on its
// value, its text above the value's label (beyond it, on horizontal
// bars), an arrow down to the label when it has a leader. Reference lines
// and bands are Figure.Marks, which the page draws as it draws events.
func annotateOption(m map[string]any, fig *figure.Figure) {
	series, _ := m["series"].([]any)
	order := drawOrder(fig)
	if h := fig.HighlightIndex(); h >= 0 && len(series) == 1 {
		if sm, ok := series[0].(map[string]any); ok {
			data, _ := sm["data"].([]any)
			for i, d := range data {
				c := highlightLight[1]
				if i == h {
					c = highlightLight[0]
				}
				data[i] = map[string]any{"value": d, "itemStyle": map[string]any{"color": c}}
			}
		}
	}
	horizontal := fig.Kind == figure.Bar
	for _, c := range fig.Callouts {
		drawn := slices.Index(order, c.Series)
		if drawn < 0 || drawn >= len(series) {
			continue
		}
		sm, ok := series[drawn].(map[string]any)
		if !ok {
			continue
		}
		v := fig.Series[c.Series].Values[c.Category]
		var coord []any
		switch {
		case horizontal:
			coord = []any{v.N, c.Category}
		case fig.TimeScale():
			coord = []any{timeMillis(fig)[c.Category], v.N}
		default:
			coord = []any{c.Category, v.N}
		}
		label := map[string]any{
			"show": true, "formatter": isolate(c.Text, fig.RTL()), "color": calloutInk[0],
			"fontWeight": 600, "fontStyle": "normal", "fontSize": 13, "tcCallout": true,
			// A halo of the page's colour keeps the text clear of grid lines.
			"textBorderColor": "#ffffff", "textBorderWidth": 3,
		}
		item := map[string]any{"coord": coord, "label": label, "itemStyle": map[string]any{"color": calloutInk[0]}}
		// Clear of the value's own label: above it on columns and
		// points, beyond it on horizontal bars.
		if horizontal {
			// A long text breaks onto lines of at most calloutWidth px.
			label["width"], label["overflow"], label["lineHeight"] = calloutWidth(c.Text), "break", 16
			off := 8*len([]rune(v.Label)) + 14 // the value label's width, as labelRoom counts it
			label["position"] = "right"
			if fig.RTL() {
				off, label["position"] = -off, "left"
			}
			item["symbolOffset"] = []any{off, 0}
			item["symbol"], item["symbolSize"] = "none", 0
			if c.Leader {
				item["symbol"], item["symbolSize"] = "arrow", []any{8, 14}
				item["symbolRotate"] = 90 // pointing at the value's label
				if fig.RTL() {
					item["symbolRotate"] = -90
				}
				label["distance"] = 10
			}
		} else {
			label["position"] = "top"
			item["symbolOffset"] = []any{0, -26}
			item["symbol"], item["symbolSize"] = "none", 0
			if c.Leader {
				item["symbol"], item["symbolSize"] = "arrow", []any{8, 14}
				item["symbolRotate"] = 180 // pointing down at the value's label
				label["distance"] = 4
			}
		}
		mp, _ := sm["markPoint"].(map[string]any)
		if mp == nil {
			mp = map[string]any{"silent": true, "animation": false}
			sm["markPoint"] = mp
		}
		data, _ := mp["data"].([]any)
		mp["data"] = append(data, item)
	}
	// Room for the callouts above the columns, beyond the bars.
	if len(fig.Callouts) > 0 {
		axis := "yAxis"
		if horizontal {
			axis = "xAxis"
		}
		if ax, ok := m[axis].([]any); ok && len(ax) > 0 {
			if a, ok := ax[0].(map[string]any); ok {
				if _, set := a["boundaryGap"]; !set {
					a["boundaryGap"] = []any{0, "22%"}
				}
			}
		}
	}
}

// calloutRoom is the width in px a horizontal bar chart leaves beyond its
// bars for the widest callout (0 without callouts).
func calloutRoom(fig *figure.Figure) int {
	if fig.Kind != figure.Bar {
		return 0
	}
	w := 0
	for _, c := range fig.Callouts {
		w = max(w, calloutWidth(c.Text)+40)
	}
	return w
}

// calloutWidth is the width in px of a callout's text on a horizontal bar
// chart: its length at about 8 px a character, at most 220 (a longer
// text breaks onto lines).
func calloutWidth(text string) int { return min(8*len([]rune(text)), 220) }
