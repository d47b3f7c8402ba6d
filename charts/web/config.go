package web

import (
	"encoding/json"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// chartConfig is the JSON a page hands its script: the ECharts option built
// with go-echarts, and what the option cannot hold as data (the labels of
// the values, the words for "no data", the dark palette).
type chartConfig struct {
	// Option is the ECharts option; absent for forms without a chart.
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
	// Reversed says the series are drawn last first (see drawOrder); the
	// tooltip lists them back in the figure's order.
	Reversed bool `json:"reversed,omitempty"`
	// Wrap asks the page to fit the category labels under columns to the
	// width of a column slot.
	Wrap bool `json:"wrap,omitempty"`
	// FitBars is the number of columns side by side in a category slot
	// (0: not columns). When a slot is too narrow for LabelChars
	// characters, the page hides the value labels of the columns rather
	// than overlap them; the tooltip and the table still give every value.
	FitBars    int `json:"fitBars,omitempty"`
	LabelChars int `json:"labelChars,omitempty"`
	// Post asks the page to post its height to a parent window.
	Post bool `json:"post,omitempty"`
	// Pie says the chart is a donut: its tooltip names a part.
	Pie bool `json:"pie,omitempty"`
	// Panels is the titles of the panels of small multiples, one per
	// series and grid; the page lays the grids out for its width.
	Panels []map[string]any `json:"panels,omitempty"`
	// Marks are the key dates a line chart marks (Figure.Marks): the page
	// draws a band or a dashed line at their positions between the
	// categories, with the label and dates at the top of the plot.
	Marks []mark `json:"marks,omitempty"`
	// Dates are the days the categories stand on, in milliseconds (UTC),
	// on a time scale (Figure.Dates): marks between two categories are
	// placed between their days. TimeLabels label the ticks of the time
	// axis in the figure's locale, keyed "YYYY-MM" (see timeLabels).
	Dates      []int64           `json:"dates,omitempty"`
	TimeLabels map[string]string `json:"timeLabels,omitempty"`
	// Highlight, when a category is highlighted, recolours it and the
	// others for the dark page (see annotate.go).
	Highlight *highlightConfig `json:"highlight,omitempty"`
	// Map holds the boundaries and colours of a map (see map.go).
	Map *mapConfig `json:"map,omitempty"`
}

// buildConfig builds the chart's configuration; post says whether the page
// posts its height to a parent window.
func buildConfig(fig *figure.Figure, id string, o Options, post bool) (chartConfig, error) {
	t := uiFor(fig.Locale.Lang)
	cfg := chartConfig{Post: post}
	switch formOf(fig.Kind) {
	case formStat:
		return cfg, nil
	case formMap:
		err := buildMapConfig(&cfg, fig, id, o)
		return cfg, err
	}
	if fig.Kind == figure.Donut {
		opt, labels, err := donutOption(fig, id, o)
		if err != nil {
			return cfg, err
		}
		cfg.Option, cfg.Pie = opt, true
		cfg.Labels = [][]string{labels}
		cfg.NoData = t.NoData
		cfg.DarkColor = paletteDark
		return cfg, nil
	}
	var opt json.RawMessage
	var err error
	if fig.Kind == figure.Multiples {
		opt, err = multiplesOption(fig, id, o)
		cfg.Panels = panelTitles(fig)
	} else {
		opt, err = buildOption(fig, id, o)
	}
	if err != nil {
		return cfg, err
	}
	cfg.Option = opt
	cfg.Categories = fig.Categories
	for _, m := range fig.Marks {
		rtl := fig.RTL()
		cfg.Marks = append(cfg.Marks, mark{Label: isolate(m.Label, rtl), Date: isolate(m.Date, rtl), At: m.At, To: m.To})
	}
	if h := fig.HighlightIndex(); h >= 0 && len(fig.Series) == 1 {
		cfg.Highlight = &highlightConfig{At: h, Dark: highlightDark}
	}
	if fig.TimeScale() {
		cfg.Dates, cfg.TimeLabels = timeMillis(fig), timeLabels(fig)
	}
	order := drawOrder(fig)
	cfg.Reversed = len(order) > 1 && order[0] != 0
	for _, si := range order {
		s := fig.Series[si]
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
	cfg.DarkColor = reorder(paletteDark, order)
	cfg.ValueAxis = "y"
	if fig.Kind == figure.Bar {
		cfg.ValueAxis = "x"
	} else {
		cfg.Wrap = !fig.TimeAxis
	}
	switch fig.Kind {
	case figure.Column, figure.Grouped:
		cfg.FitBars = len(fig.Series)
	case figure.Stacked, figure.Multiples:
		cfg.FitBars = 1
	}
	if cfg.FitBars > 0 {
		for _, s := range fig.Series {
			for _, v := range s.Values {
				cfg.LabelChars = max(cfg.LabelChars, len([]rune(v.Label)))
			}
		}
	}
	return cfg, nil
}

// mark is a Figure.Mark as the page draws it.
type mark struct {
	Label string  `json:"label"`
	Date  string  `json:"date"`
	At    float64 `json:"at"`
	To    float64 `json:"to"`
}
