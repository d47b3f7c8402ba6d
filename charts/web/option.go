package web

import (
	"bytes"
	"encoding/json"
	"fmt"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	eopts "github.com/go-echarts/go-echarts/v2/opts"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// The Okabe-Ito palette (colour-blind safe) without its black, ordered by
// contrast against each background: on white, blue and vermillion first and
// yellow last; on the dark background, the light colours first.
var (
	paletteLight = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"}
	paletteDark  = []string{"#56B4E9", "#E69F00", "#009E73", "#F0E442", "#CC79A7", "#D55E00", "#0072B2"}
)

// fontStack is the font list of the page and of the chart's canvas text.
const fontStack = `system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif`

// noValue is how ECharts spells a missing value: no bar, a gap in a line.
const noValue = "-"

// chartConfig is the JSON a page hands its script: the ECharts option built
// with go-echarts, and what the option cannot hold as data (the labels of
// the values, the words for "no data", the dark palette).
type chartConfig struct {
	// Option is the ECharts option. Absent for kind stat.
	Option json.RawMessage `json:"option,omitempty"`
	// Categories are the category labels as the tooltip heads them.
	Categories []string `json:"categories,omitempty"`
	// Labels are the figure's Label strings, [series][category]; "" when
	// the value is unknown.
	Labels [][]string `json:"labels,omitempty"`
	NoData string     `json:"noData,omitempty"`
	// NumberLocale formats the value axis ticks (Intl.NumberFormat).
	NumberLocale string   `json:"numberLocale,omitempty"`
	DarkColor    []string `json:"darkColor,omitempty"`
	// ValueAxis is "x" (horizontal bars) or "y": the axis that counts.
	ValueAxis string `json:"valueAxis,omitempty"`
	// Post asks the page to post its height to a parent window.
	Post bool `json:"post,omitempty"`
}

// checkFigure refuses figures this package cannot draw faithfully.
func checkFigure(fig *figure.Figure) error {
	if fig == nil {
		return fmt.Errorf("web: nil figure")
	}
	switch fig.Kind {
	case figure.Bar, figure.Column, figure.Line, figure.Stacked, figure.Grouped, figure.Stat:
	default:
		return fmt.Errorf("web: %s/%s: unknown kind %q", fig.Report, fig.ID, fig.Kind)
	}
	if len(fig.Series) == 0 || len(fig.Categories) == 0 {
		return fmt.Errorf("web: %s/%s: figure has no series or no categories", fig.Report, fig.ID)
	}
	if len(fig.CategoryKeys) != 0 && len(fig.CategoryKeys) != len(fig.Categories) {
		return fmt.Errorf("web: %s/%s: %d category keys for %d categories", fig.Report, fig.ID, len(fig.CategoryKeys), len(fig.Categories))
	}
	for _, s := range fig.Series {
		if len(s.Values) != len(fig.Categories) {
			return fmt.Errorf("web: %s/%s: series %q has %d values for %d categories", fig.Report, fig.ID, s.Key, len(s.Values), len(fig.Categories))
		}
		for i, v := range s.Values {
			if v.Known && v.Label == "" {
				return fmt.Errorf("web: %s/%s: series %q, category %q: known value %d has no label", fig.Report, fig.ID, s.Key, fig.Categories[i], v.N)
			}
		}
	}
	return nil
}

// buildConfig builds the chart's configuration; post says whether the page
// posts its height to a parent window.
func buildConfig(fig *figure.Figure, id string, o Options, post bool) (chartConfig, error) {
	t := uiFor(fig.Locale.Lang)
	cfg := chartConfig{Post: post}
	if fig.Kind == figure.Stat {
		return cfg, nil
	}
	opt, err := buildOption(fig, id, o)
	if err != nil {
		return cfg, err
	}
	cfg.Option = opt
	cfg.Categories = fig.Categories
	for _, s := range fig.Series {
		labels := make([]string, len(s.Values))
		for i, v := range s.Values {
			if v.Known {
				labels[i] = v.Label
			}
		}
		cfg.Labels = append(cfg.Labels, labels)
	}
	cfg.NoData = t.NoData
	cfg.NumberLocale = numberLocale(fig.Locale.Lang, string(fig.Locale.Digits))
	cfg.DarkColor = paletteDark
	cfg.ValueAxis = "y"
	if fig.Kind == figure.Bar {
		cfg.ValueAxis = "x"
	}
	return cfg, nil
}

// buildOption builds the ECharts option with go-echarts and returns it as
// JSON (keys in a fixed order). Functions (label and tooltip formatters)
// are not in it: the page's script adds them, so the JSON is pure data.
func buildOption(fig *figure.Figure, id string, o Options) (json.RawMessage, error) {
	rtl := fig.RTL()
	horizontal := fig.Kind == figure.Bar
	multi := len(fig.Series) > 1

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

	global := []echarts.GlobalOpts{
		echarts.WithInitializationOpts(eopts.Initialization{
			ChartID:         id,
			BackgroundColor: "transparent",
			Theme:           "white",
			PageTitle:       fig.Title,
			AssetsHost:      DefaultAssetsURL,
		}),
		echarts.WithAnimation(!o.NoAnimation),
		echarts.WithColorsOpts(paletteLight),
		echarts.WithTooltipOpts(eopts.Tooltip{
			Show:        eopts.Bool(true),
			Trigger:     "axis",
			AxisPointer: &eopts.AxisPointer{Type: map[bool]string{true: "line", false: "shadow"}[fig.Kind == figure.Line]},
		}),
		echarts.WithAriaOpts(&eopts.Aria{
			Enabled: eopts.Bool(true),
			Label:   &eopts.AriaLabel{Enabled: eopts.Bool(true), Description: fig.Alt},
			Decal:   &eopts.AriaDecal{Show: eopts.Bool(false)},
		}),
		echarts.WithLegendOpts(legend(fig, rtl)),
		echarts.WithGridOpts(eopts.Grid{
			Left:         "8",
			Right:        "8",
			Top:          map[bool]string{true: "64", false: "40"}[multi],
			Bottom:       map[bool]string{true: "36", false: "8"}[horizontal],
			ContainLabel: eopts.Bool(true),
		}),
	}
	catAxisLabel := &eopts.AxisLabel{ShowMinLabel: eopts.Bool(true), ShowMaxLabel: eopts.Bool(true)}
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
		for _, s := range fig.Series {
			c.AddSeries(isolate(s.Name, rtl), nil,
				echarts.WithSeriesOpts(func(ss *echarts.SingleSeries) { ss.Data = seriesData(s) }),
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
		for _, s := range fig.Series {
			bo := eopts.BarChart{}
			if fig.Kind == figure.Stacked {
				bo.Stack = "total"
			}
			so := []echarts.SeriesOpts{
				echarts.WithSeriesOpts(func(ss *echarts.SingleSeries) { ss.Data = seriesData(s) }),
				echarts.WithBarChartOpts(bo),
				echarts.WithLabelOpts(eopts.Label{Show: eopts.Bool(true), Position: pos}),
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
	return patchOption(obj, fig)
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

// patchOption sets what go-echarts v2.6.7 has no field for (or types as a
// string where ECharts wants a number) and returns the option as JSON with
// sorted keys. Numbers pass through as json.Number: never rounded.
func patchOption(obj map[string]any, fig *figure.Figure) (json.RawMessage, error) {
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
	delete(m, "toolbox") // empty: no toolbox
	m["textStyle"] = map[string]any{"fontFamily": fontStack}
	if tt, ok := m["tooltip"].(map[string]any); ok {
		tt["confine"] = true
	}
	// Every category of a ranking is labelled (ECharts hides some when crowded).
	if fig.Kind == figure.Bar {
		if ax, ok := m["yAxis"].([]any); ok && len(ax) > 0 {
			if a, ok := ax[0].(map[string]any); ok {
				if l, ok := a["axisLabel"].(map[string]any); ok {
					l["interval"] = 0
				}
			}
		}
	}
	if series, ok := m["series"].([]any); ok {
		for _, s := range series {
			if sm, ok := s.(map[string]any); ok && fig.Kind == figure.Line {
				sm["showAllSymbol"] = true
			}
		}
	}
	out, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("web: %s/%s: encode option: %v", fig.Report, fig.ID, err)
	}
	return out, nil
}
