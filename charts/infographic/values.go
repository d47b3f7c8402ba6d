package infographic

import (
	"fmt"
	"image/color"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/locale"
	"github.com/tollcharts/tollcharts/charts/vocab"
)

// item is one category's value of a figure.
type item struct {
	Key, Name string
	V         figure.Value
	Derived   bool
}

// items returns a figure's values by category, in the figure's order, for
// either shape a spec can give: x: category with one series, or a single
// period with series: category.
func items(f *figure.Figure) ([]item, error) {
	switch {
	case len(f.Series) == 1:
		s := f.Series[0]
		out := make([]item, len(f.CategoryKeys))
		for i, k := range f.CategoryKeys {
			out[i] = item{Key: k, Name: f.Categories[i], V: s.Values[i], Derived: s.Derived}
		}
		return out, nil
	case len(f.CategoryKeys) == 1:
		out := make([]item, len(f.Series))
		for i, s := range f.Series {
			out[i] = item{Key: s.Key, Name: s.Name, V: s.Values[0], Derived: s.Derived}
		}
		return out, nil
	}
	return nil, fmt.Errorf("%d series over %d categories; want x: category with one series, or one period with series: category", len(f.Series), len(f.CategoryKeys))
}

func find(its []item, key string) (item, bool) {
	for _, it := range its {
		if it.Key == key {
			return it, true
		}
	}
	return item{}, false
}

// shareTenths is figure.ShareTenths: one rounding rule for every chart.
func shareTenths(part, whole int64) (int64, bool) { return figure.ShareTenths(part, whole) }

// percent formats a share in tenths of a percent for the locale.
func percent(loc locale.Locale, tenths int64) string {
	return loc.Percent(float64(tenths)/10, 1)
}

// isPartOf reports whether the registry makes category key a part of
// parent in a group of disjoint parts (children and women of all).
func isPartOf(key, parent string) bool {
	c, ok := vocab.CategoryByID(key)
	return ok && c.Parent == parent && c.Group != ""
}

// categoryColor gives each victim category the same colour on every card.
func (c *canvas) categoryColor(key string, i int) color.RGBA {
	switch key {
	case "all", "other_adults":
		return c.th.Color(0)
	case "children":
		return c.th.Color(1)
	case "women":
		return c.th.Color(3)
	case "medical_personnel", "medical_and_civil_defence_personnel":
		return c.th.Color(2)
	case "media_workers":
		return c.th.Color(5)
	}
	return c.th.Color(i)
}

// valueText is a value's label, or "no data" in the figure's language.
func (c *canvas) valueText(v figure.Value) string {
	if v.Known {
		return v.Label
	}
	return c.pick("no data", "لا بيانات")
}
