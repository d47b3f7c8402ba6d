package figure

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tollcharts/tollcharts/charts/dataset"
	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
	"github.com/tollcharts/tollcharts/charts/syria"
)

// Callout is a short text set beside one value of the figure: a bar, a
// column or a point. Renderers place it clear of every other text, on the
// reading side in Arabic, with a leader line to the value when Leader is
// set.
type Callout struct {
	Category int    `json:"category"` // index of Categories (logical order)
	Series   int    `json:"series"`   // index of Series
	Text     string `json:"text"`     // in the figure's language
	Leader   bool   `json:"leader,omitempty"`
}

// HighlightIndex is the index of the highlighted category (Highlight), or
// -1 when there is none.
func (f *Figure) HighlightIndex() int {
	if f.Highlight == "" {
		return -1
	}
	return slices.Index(f.CategoryKeys, f.Highlight)
}

// referenceMargin is how far a reference band reaches beyond the centres
// of its first and last categories, in category slots: it covers their
// columns whole.
const referenceMargin = 0.45

// annotate resolves the chart's annotations against the figure's final
// categories: each key must be a category on the x axis (a period, a
// governorate by name or P-code, a category or perpetrator id).
func (b *builder) annotate(f *Figure, x string) {
	for i := range b.c.Annotations {
		a := &b.c.Annotations[i]
		kind, key := a.What()
		what := fmt.Sprintf("annotations[%d]", i)
		at, ok := b.category(f, x, key, kind)
		if !ok {
			continue
		}
		switch kind {
		case "highlight":
			if len(f.Series) > 1 {
				b.add(key.Pos, "chart %q: a highlight colours one category of a single series; this chart has %d series (%s); want a callout instead", b.c.ID.Value, len(f.Series), seriesKeys(f))
				continue
			}
			f.Highlight = f.CategoryKeys[at]
		case "callout":
			si := 0
			switch {
			case a.Series.Line != 0:
				si = slices.IndexFunc(f.Series, func(s Series) bool { return s.Key == a.Series.Value })
				if si < 0 {
					b.add(a.Series.Pos, "chart %q: %s: series %q is not a series of this chart; want one of: %s", b.c.ID.Value, what, a.Series.Value, seriesKeys(f))
					continue
				}
			case len(f.Series) > 1:
				b.add(key.Pos, "chart %q: %s: the chart has %d series; name the one the callout points at with series: (one of: %s)", b.c.ID.Value, what, len(f.Series), seriesKeys(f))
				continue
			}
			if !f.Series[si].Values[at].Known {
				b.add(key.Pos, "chart %q: %s: %s has no data in series %s; a callout points at a published value", b.c.ID.Value, what, key.Value, f.Series[si].Key)
				continue
			}
			text := b.fill(f, b.text(a.Text, what+".text", true), a.Text.At)
			f.Callouts = append(f.Callouts, Callout{Category: at, Series: si, Text: text, Leader: a.Leader})
		case "reference":
			to := at
			if a.To.Line != 0 {
				var ok bool
				if to, ok = b.category(f, x, a.To, "reference band"); !ok {
					continue
				}
			}
			if to < at {
				b.add(a.To.Pos, "chart %q: %s: the band ends at %s, before it starts at %s; want to: a later category", b.c.ID.Value, what, a.To.Value, key.Value)
				continue
			}
			m := Mark{ID: fmt.Sprintf("reference-%d", i), Label: b.fill(f, b.text(a.Text, what+".text", true), a.Text.At), Date: f.Categories[at]}
			if to > at {
				m.Date = f.Categories[at] + " – " + f.Categories[to]
			}
			m.At, m.To = float64(at), float64(to)
			if f.Kind != Line {
				// Bars stand on a slot each: the band covers them whole.
				m.At, m.To = m.At-referenceMargin, m.To+referenceMargin
			}
			f.Marks = append(f.Marks, m)
		}
	}
}

// category finds a key of the x axis: a period in any spelling the
// datasets accept, a governorate by name or P-code, an id.
func (b *builder) category(f *Figure, x string, key sy.String, what string) (int, bool) {
	k := key.Value
	switch x {
	case "period":
		if p, err := dataset.ParsePeriod(k); err == nil {
			k = p.Key()
		}
	case "governorate":
		if g, ok := syria.Lookup(k); ok {
			k = g.PCode
		}
	}
	if i := slices.Index(f.CategoryKeys, k); i >= 0 {
		return i, true
	}
	b.add(key.Pos, "chart %q: %s %q is not on the chart's x axis (%s); want one of: %s", b.c.ID.Value, what, key.Value, x, strings.Join(f.CategoryKeys, ", "))
	return 0, false
}

func seriesKeys(f *Figure) string {
	var ks []string
	for _, s := range f.Series {
		ks = append(ks, s.Key)
	}
	return strings.Join(ks, ", ")
}
