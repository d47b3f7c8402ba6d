// Package figure is the backend-neutral model every renderer draws.
//
// In: a report spec's chart, the tables it names and an output language.
// Out: a Figure: resolved text in that language (title, subtitle, source
// line, notes, alt text), categories along one axis and series of values,
// each value with its exact count and its label formatted for the locale.
// Renderers (static, infographic, web) read a Figure and nothing else; they
// never look at datasets or specs, and they never change a number.
package figure

import (
	"time"

	"github.com/tollcharts/tollcharts/charts/locale"
)

// Kind is the chart type.
type Kind string

const (
	Bar     Kind = "bar"     // horizontal bars, a ranking (governorates, categories)
	Column  Kind = "column"  // vertical columns along periods
	Line    Kind = "line"    // cumulative totals over time, a marker per point
	Stacked Kind = "stacked" // columns stacked by series
	Grouped Kind = "grouped" // columns side by side by series
	// Donut is a part-to-whole ring: the parts of one whole (the series
	// "all", e.g. children, women and the derived other adults).
	Donut Kind = "donut"
	// Multiples is small multiples: one panel of columns per series, all
	// on one scale.
	Multiples Kind = "multiples"
	Stat      Kind = "stat" // headline numbers (infographic)
	// Pictogram is a waffle of person icons, one icon per N people
	// (infographic).
	Pictogram Kind = "pictogram"
	// Map is a choropleth of the governorates; a tile grid on tall formats
	// (infographic).
	Map Kind = "map"
	// TileMap is the tile grid of the governorates at every size
	// (infographic).
	TileMap Kind = "tilemap"
	// Timeline is cumulative counts along time with key dates (infographic).
	Timeline Kind = "timeline"
)

// Kinds lists the kinds a spec may ask for.
var Kinds = []Kind{Bar, Column, Line, Stacked, Grouped, Donut, Multiples, Stat, Pictogram, Map, TileMap, Timeline}

// Value is one number of a series. Known is false for "no data", which is
// never drawn as zero.
type Value struct {
	N     int64  `json:"n"`
	Known bool   `json:"known"`
	Label string `json:"label"` // N formatted for the locale; "" when unknown
	// Source is the id of the source the value was read from (of
	// Figure.Sources); for a derived value, its inputs' sources joined
	// with "+".
	Source string `json:"source,omitempty"`
}

// Series is one row of values, one per category of the figure.
type Series struct {
	Key     string  `json:"key"`  // stable identifier: category, perpetrator or metric id
	Name    string  `json:"name"` // in the figure's language
	Values  []Value `json:"values"`
	Derived bool    `json:"derived,omitempty"` // computed from other series; Name says so
}

// Figure is one chart in one language.
type Figure struct {
	Report   string        `json:"report"`
	ID       string        `json:"id"`
	Kind     Kind          `json:"kind"`
	Locale   locale.Locale `json:"locale"`
	Title    string        `json:"title"`
	Subtitle string        `json:"subtitle,omitempty"`
	Source   string        `json:"source"` // generated from Sources: "Source: SNHR, <publication>, <date>"
	// Sources are the publications the shown values were read from,
	// oldest first.
	Sources []SourceRef `json:"sources"`
	Notes   []string    `json:"notes,omitempty"` // e.g. "Documented minimum counts"
	Period  string      `json:"period"`          // the window covered, formatted
	// ValueAxis names what is counted ("Civilians killed").
	ValueAxis string `json:"value_axis"`
	// CategoryKeys are stable keys (P-code, category id, period) along the
	// category axis; Categories are their labels in the figure's language.
	// Both are in logical (reading) order; RTL renderers mirror them.
	CategoryKeys []string `json:"category_keys"`
	Categories   []string `json:"categories"`
	// TimeAxis is true when the categories are periods in time order.
	// In Arabic, time axes still run left to right unless MirrorTime is set.
	TimeAxis   bool `json:"time_axis,omitempty"`
	MirrorTime bool `json:"mirror_time,omitempty"`
	// Dates, set on line charts along periods, put the categories on a
	// time scale: the day ("YYYY-MM-DD") each point stands on, the end of
	// its period, so that points stand apart in proportion to the days
	// between them. Empty for categories, which stand evenly apart.
	Dates  []string `json:"dates,omitempty"`
	Series []Series `json:"series"`
	// Marks are the key dates marked on a time axis (line charts whose
	// spec names events).
	Marks []Mark `json:"marks,omitempty"`
	// Highlight is the key of the category drawn in the accent colour,
	// the others muted; "" for none. Callouts are texts set beside
	// values. Both come from the spec's annotations; its reference lines
	// and bands are Marks.
	Highlight string    `json:"highlight,omitempty"`
	Callouts  []Callout `json:"callouts,omitempty"`
	// Alt is the alternative text: what the chart shows, in words, with
	// every number in it.
	Alt string `json:"alt"`
	// Derived explains derived numbers (formula and rounding), if any.
	Derived string `json:"derived,omitempty"`
	// Updated is the day ("YYYY-MM-DD") the report was updated or
	// corrected after publication, when it was; Correction is the line
	// every renderer prints for it: "Updated 6 December 2026: <note>".
	Updated    string `json:"updated,omitempty"`
	Correction string `json:"correction,omitempty"`
}

// FooterNotes are the lines a renderer prints in the footer beside the
// source line: the notes, then a renderer's own (extra), then the
// update or correction, if any.
func (f *Figure) FooterNotes(extra ...string) []string {
	out := append(append([]string(nil), f.Notes...), extra...)
	if f.Correction != "" {
		out = append(out, f.Correction)
	}
	return out
}

// RTL reports whether the figure reads right to left.
func (f *Figure) RTL() bool { return f.Locale.RTL() }

// MirrorCategories reports whether a renderer should reverse the category
// order: for Arabic, except on time axes unless the report asks.
func (f *Figure) MirrorCategories() bool {
	return f.RTL() && (!f.TimeAxis || f.MirrorTime)
}

// TimeScale reports whether the categories stand on a time scale (Dates).
func (f *Figure) TimeScale() bool { return len(f.Dates) > 0 && len(f.Dates) == len(f.CategoryKeys) }

// Times returns Dates as times (UTC midnight); nil when the figure has no
// time scale.
func (f *Figure) Times() []time.Time {
	if !f.TimeScale() {
		return nil
	}
	out := make([]time.Time, len(f.Dates))
	for i, d := range f.Dates {
		out[i], _ = time.Parse(time.DateOnly, d) // Dates are written by the figure stage
	}
	return out
}

// Day returns the day a logical position on the category axis stands on
// (0 is the first category; a mark between two points falls between their
// days in proportion), in days since the first date. On a figure without
// a time scale it returns pos.
func (f *Figure) Day(pos float64) float64 {
	ts := f.Times()
	if len(ts) == 0 {
		return pos
	}
	day := func(i int) float64 { return ts[i].Sub(ts[0]).Hours() / 24 }
	if len(ts) == 1 || pos <= 0 {
		return 0
	}
	i := min(int(pos), len(ts)-2)
	return day(i) + (pos-float64(i))*(day(i+1)-day(i))
}

// Max returns the largest known value of all series (0 if none).
func (f *Figure) Max() int64 {
	var m int64
	for _, s := range f.Series {
		for _, v := range s.Values {
			if v.Known && v.N > m {
				m = v.N
			}
		}
	}
	return m
}

// ShareTenths is part/whole in tenths of a percent, rounded half away from
// zero, in exact integer arithmetic: 2,061 of 6,993 is 295 (29.5%). ok is
// false when the share is undefined (no whole, or a negative part).
func ShareTenths(part, whole int64) (tenths int64, ok bool) {
	if whole <= 0 || part < 0 {
		return 0, false
	}
	// round(1000*part/whole) = floor((2000*part + whole) / (2*whole)) for
	// non-negative numbers: half goes up, away from zero.
	return (2000*part + whole) / (2 * whole), true
}

// ShareRule says how ShareTenths rounds, for the notes of a chart.
func ShareRule(lang string) string {
	if lang == "ar" {
		return "النسب محسوبة من الأعداد المعروضة ومقرّبة إلى منزلة عشرية واحدة (النصف يُقرَّب بعيداً عن الصفر)."
	}
	return "Shares computed by tollcharts from the counts shown, rounded half away from zero to one decimal."
}
