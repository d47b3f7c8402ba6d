package web

import (
	"errors"
	"slices"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// Kinds lists the figure kinds this package renders, and how:
//
//   - bar, column, line, stacked, grouped: an ECharts chart;
//   - donut: an ECharts pie with a hole, the whole in its middle, each
//     part labelled with its count and share;
//   - multiples: one grid of columns per series, on one value scale,
//     side by side (one under another on a narrow screen);
//   - timeline: drawn as a line chart of the same cumulative counts (the
//     figure model carries no key dates to mark);
//   - stat, pictogram: the headline numbers as HTML text, no echarts;
//   - map, tilemap: an ECharts map of the 14 governorates (boundaries
//     from package syria, carried in the page), filled by class, with the
//     table of the values by governorate shown open below it.
//
// Every form has the title, source, notes, data table and CSV link.
var Kinds = []figure.Kind{
	figure.Bar, figure.Column, figure.Line, figure.Stacked, figure.Grouped, figure.Timeline,
	figure.Donut, figure.Multiples,
	figure.Stat, figure.Pictogram,
	figure.Map, figure.TileMap,
}

// ErrUnsupportedKind is the error for a figure kind not in Kinds.
var ErrUnsupportedKind = errors.New("kind has no HTML form")

// Supports reports whether a figure kind has an HTML form.
func Supports(k figure.Kind) bool { return slices.Contains(Kinds, k) }

// form is how a kind appears in HTML.
type form int

const (
	formChart form = iota // an ECharts chart
	formStat              // headline numbers as text
	formMap               // an ECharts map of the governorates
	formDonut             // an ECharts pie with a hole
)

func formOf(k figure.Kind) form {
	switch k {
	case figure.Stat, figure.Pictogram:
		return formStat
	case figure.Map, figure.TileMap:
		return formMap
	case figure.Donut:
		return formDonut
	}
	return formChart
}

// usesECharts reports whether a form draws with echarts.
func (f form) usesECharts() bool { return f != formStat }

// drawnAs returns the figure as its chart draws it: a timeline is a line.
func drawnAs(fig *figure.Figure) *figure.Figure {
	if fig.Kind == figure.Timeline {
		c := *fig
		c.Kind = figure.Line
		return &c
	}
	return fig
}
