package figure

import (
	"strings"
	"time"

	"github.com/tollcharts/tollcharts/charts/dataset"
	"github.com/tollcharts/tollcharts/charts/events"
)

// Mark is a key date drawn on a time axis: a line on one day, or a band
// over a span. At and To are positions on the category axis, in logical
// (reading) order: 0 is the first category, 1 the second, and a date
// between two points falls between them in proportion to the days. The
// points of a line sit at the ends of their periods (the day a cumulative
// count was published up to). To equals At for one day.
type Mark struct {
	ID    string  `json:"id"`
	Label string  `json:"label"` // in the figure's language
	Date  string  `json:"date"`  // the event's own dates, formatted ("1 Apr 2019 – 11 Apr 2020")
	At    float64 `json:"at"`
	To    float64 `json:"to"`
	// Clipped says the event runs past the axis: the band shows only the
	// part within the chart's periods; Date gives the whole.
	Clipped bool `json:"clipped,omitempty"`
}

// marks resolves the chart's events: each must be a known event whose
// dates overlap the chart's periods.
func (b *builder) marks(f *Figure) {
	if len(b.c.Events) == 0 {
		return
	}
	var ends []time.Time
	for _, k := range f.CategoryKeys {
		p, err := dataset.ParsePeriod(k)
		if err != nil {
			b.add(b.c.Events[0].Pos, "chart %q: events need periods along x; %s", b.c.ID.Value, err)
			return
		}
		ends = append(ends, p.End)
	}
	if len(ends) < 2 {
		b.add(b.c.Events[0].Pos, "chart %q: events need at least two periods along x; this chart has %d", b.c.ID.Value, len(ends))
		return
	}
	seen := map[string]bool{}
	for _, id := range b.c.Events {
		e, ok := events.ByID(id.Value)
		if !ok {
			b.add(id.Pos, "unknown event %q; want one of: %s", id.Value, strings.Join(events.IDs(), ", "))
			continue
		}
		if seen[e.ID] {
			b.add(id.Pos, "event %q named twice", e.ID)
			continue
		}
		seen[e.ID] = true
		first, last := ends[0], ends[len(ends)-1]
		if e.Last().Before(first) || e.Start.After(last) {
			b.add(id.Pos, "event %q (%s) lies outside the chart's periods (%s to %s); remove it",
				e.ID, e.Dates(b.loc), b.loc.ShortDate(first), b.loc.ShortDate(last))
			continue
		}
		from, to := e.Start, e.Last()
		m := Mark{ID: e.ID, Label: e.Label(b.lang), Date: e.Dates(b.loc)}
		if from.Before(first) {
			from, m.Clipped = first, true
		}
		if to.After(last) {
			to, m.Clipped = last, true
		}
		m.At, m.To = position(ends, from), position(ends, to)
		f.Marks = append(f.Marks, m)
	}
}

// position places a day on an axis whose points are at ends (in order):
// the index of the point on that day, or between two points in proportion
// to the days. The day must lie within ends.
func position(ends []time.Time, d time.Time) float64 {
	for i := 0; i+1 < len(ends); i++ {
		a, z := ends[i], ends[i+1]
		if d.Before(a) || d.After(z) {
			continue
		}
		span := z.Sub(a).Hours()
		if span <= 0 {
			return float64(i)
		}
		return float64(i) + d.Sub(a).Hours()/span
	}
	return float64(len(ends) - 1)
}
