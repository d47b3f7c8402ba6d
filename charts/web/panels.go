package web

import (
	"encoding/json"
	"fmt"
	"math"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	eopts "github.com/go-echarts/go-echarts/v2/opts"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// This file holds the two forms that are not one chart on one pair of axes:
// the donut (an ECharts pie with an inner radius) and small multiples (one
// grid of columns per series, all on one value scale).

// donutOption builds the ring of a donut figure: one pie series whose id
// is the whole's key ("all") and whose items are the parts, each with its
// key as id and its exact count; the whole in the middle of the ring. The
// labels (count and share) are in the config, as for every chart.
func donutOption(fig *figure.Figure, id string, o Options) (json.RawMessage, []string, error) {
	whole, parts, err := fig.DonutParts()
	if err != nil {
		return nil, nil, fmt.Errorf("web: %s/%s: %v", fig.Report, fig.ID, err)
	}
	rtl := fig.RTL()
	names := make([]string, len(parts))
	data := make([]any, len(parts))
	labels := make([]string, len(parts))
	for i, p := range parts {
		names[i] = isolate(p.Name, rtl)
		data[i] = map[string]any{"id": p.Key, "name": names[i], "value": p.Values[0].N}
		labels[i] = p.Name + "\n" + p.Values[0].Label + " (" + fig.Share(p.Values[0].N, whole.Values[0].N) + ")"
	}
	l := eopts.Legend{Show: eopts.Bool(true), Type: "scroll", Bottom: "0", Left: "center"}
	l.Data = names
	if rtl {
		l.Data = reversed(names)
	}
	c := echarts.NewPie()
	c.SetGlobalOptions(append(baseOpts(fig, id, o, true),
		echarts.WithColorsOpts(paletteLight),
		echarts.WithTooltipOpts(eopts.Tooltip{Show: eopts.Bool(true), Trigger: "item"}),
		echarts.WithLegendOpts(l),
		// The whole, in the middle of the ring.
		echarts.WithTitleOpts(eopts.Title{
			Title: whole.Values[0].Label, Subtitle: isolate(whole.Name, rtl),
			Left: "center", Top: "middle",
			TitleStyle:    &eopts.TextStyle{FontSize: 24, FontWeight: "bold"},
			SubtitleStyle: &eopts.TextStyle{FontSize: 13},
		}),
	)...)
	c.AddSeries(isolate(whole.Name, rtl), nil,
		echarts.WithSeriesId(whole.Key),
		echarts.WithSeriesOpts(func(ss *echarts.SingleSeries) { ss.Data = data }),
		echarts.WithPieChartOpts(eopts.PieChart{Radius: []string{"40%", "64%"}, Center: []string{"50%", "48%"}}),
		echarts.WithLabelOpts(eopts.Label{Show: eopts.Bool(true), Position: "outside"}),
	)
	c.Validate()
	m, err := plainOption(c.JSON(), fig)
	if err != nil {
		return nil, nil, err
	}
	if t, ok := m["title"].(map[string]any); ok {
		t["textAlign"] = "center" // centre each line on the ring's centre
		t["itemGap"] = 4
	}
	if s, ok := m["series"].([]any); ok && len(s) == 1 {
		if sm, ok := s[0].(map[string]any); ok {
			sm["avoidLabelOverlap"] = true
			sm["minShowLabelAngle"] = 0
			sm["startAngle"] = 90 // twelve o'clock, clockwise, as on the PNG
			if lm, ok := sm["label"].(map[string]any); ok {
				lm["lineHeight"] = 18
			}
		}
	}
	if err := checkBundled(m); err != nil {
		return nil, nil, err
	}
	out, err := json.Marshal(m)
	if err != nil {
		return nil, nil, fmt.Errorf("web: %s/%s: encode option: %v", fig.Report, fig.ID, err)
	}
	return out, labels, nil
}

// multiplesOption builds small multiples: a grid, an x and a y axis and a
// column series per figure series, every value axis with the same maximum
// so the panels compare. The page's script places the grids (side by side,
// or one under another on a narrow screen) and each panel's title.
func multiplesOption(fig *figure.Figure, id string, o Options) (json.RawMessage, error) {
	rtl := fig.RTL()
	n := len(fig.Series)
	cats := make([]string, len(fig.Categories))
	for i, c := range fig.Categories {
		cats[i] = isolate(c, rtl)
	}
	top := niceMax(fig.Max())
	valPos := "left"
	if rtl {
		valPos = "right"
	}
	grids := make([]eopts.Grid, n)
	for i := range grids {
		grids[i] = eopts.Grid{ContainLabel: eopts.Bool(true)}
	}
	c := echarts.NewBar()
	c.SetGlobalOptions(append(baseOpts(fig, id, o, true),
		echarts.WithColorsOpts(paletteLight),
		echarts.WithTooltipOpts(eopts.Tooltip{Show: eopts.Bool(true), Trigger: "axis", AxisPointer: &eopts.AxisPointer{Type: "shadow"}}),
		echarts.WithLegendOpts(eopts.Legend{Show: eopts.Bool(false)}),
		echarts.WithGridOpts(grids...),
	)...)
	c.SetXAxis(cats)
	for i := range n {
		x := eopts.XAxis{
			Type: "category", Data: cats, GridIndex: i, Inverse: eopts.Bool(fig.MirrorCategories()),
			AxisLabel: &eopts.AxisLabel{}, AxisTick: &eopts.AxisTick{AlignWithLabel: eopts.Bool(true)},
		}
		y := eopts.YAxis{
			Type: "value", GridIndex: i, Position: valPos, MinInterval: 1, Min: 0,
			AxisLabel: &eopts.AxisLabel{Show: eopts.Bool(true)},
		}
		if top > 0 {
			y.Max = top
		}
		if i == 0 {
			c.XAxisList[0] = x
			c.YAxisList[0] = y
		} else {
			c.ExtendXAxis(x)
			c.ExtendYAxis(y)
		}
	}
	for i, s := range fig.Series {
		c.AddSeries(isolate(s.Name, rtl), nil,
			echarts.WithSeriesId(s.Key),
			echarts.WithSeriesOpts(func(ss *echarts.SingleSeries) { ss.Data = seriesData(s) }),
			echarts.WithBarChartOpts(eopts.BarChart{XAxisIndex: i, YAxisIndex: i}),
			echarts.WithLabelOpts(eopts.Label{Show: eopts.Bool(true), Position: "top"}),
		)
	}
	c.ClearPresetJSAssets()
	c.Validate()
	c.XAxisList[0].Data = cats
	return patchOption(c.JSON(), fig, uiFor(fig.Locale.Lang).NoData)
}

// panelTitles are the series names that head the panels of small multiples.
func panelTitles(fig *figure.Figure) []map[string]any {
	out := make([]map[string]any, len(fig.Series))
	for i, s := range fig.Series {
		out[i] = map[string]any{"text": isolate(s.Name, fig.RTL()), "textStyle": map[string]any{"fontSize": 14}}
	}
	return out
}

// niceMax is the top of a value axis that holds m: 1, 2, 2.5 or 5 times a
// power of ten, at least m. 0 when m is 0 (ECharts picks the scale).
func niceMax(m int64) int64 {
	if m <= 0 {
		return 0
	}
	for p := int64(1); p <= math.MaxInt64/100; p *= 10 {
		for _, f := range []int64{10, 20, 25, 50} {
			if v := f * p / 10; v >= m && v*10 == f*p {
				return v
			}
		}
	}
	return m
}

func reversed(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}
