package figure

import "fmt"

// DonutParts checks a donut figure and splits it into its whole and its
// parts: one category (a period or place), a series "all" (the whole,
// known) and parts, every one known, that add up to the whole exactly, so
// that no renderer shows a share the data does not hold.
func (f *Figure) DonutParts() (whole Series, parts []Series, err error) {
	if len(f.Categories) != 1 {
		return whole, nil, fmt.Errorf("render %s: a donut shows one period or place; this figure has %d (narrow select)", f.ID, len(f.Categories))
	}
	found := false
	var sum int64
	for _, s := range f.Series {
		if len(s.Values) != 1 {
			return whole, nil, fmt.Errorf("render %s: series %s has %d values for 1 category", f.ID, s.Key, len(s.Values))
		}
		if s.Key == "all" {
			whole, found = s, true
			continue
		}
		if !s.Values[0].Known {
			return whole, nil, fmt.Errorf("render %s: %s has no data; a donut needs every part", f.ID, s.Name)
		}
		sum += s.Values[0].N
		parts = append(parts, s)
	}
	if !found || !whole.Values[0].Known {
		return whole, nil, fmt.Errorf("render %s: a donut needs the whole (category all) selected and known", f.ID)
	}
	if len(parts) == 0 {
		return whole, nil, fmt.Errorf("render %s: a donut needs parts of the whole (select categories besides all)", f.ID)
	}
	if sum != whole.Values[0].N {
		return whole, nil, fmt.Errorf("render %s: the parts add up to %d, not the whole %d; select disjoint parts that cover it (derive: [other_adults])", f.ID, sum, whole.Values[0].N)
	}
	return whole, parts, nil
}

// Share formats part/whole as a percentage for the figure's locale, with
// the rounding ShareRule states.
func (f *Figure) Share(part, whole int64) string {
	tenths, ok := ShareTenths(part, whole)
	if !ok {
		return ""
	}
	return f.Locale.Percent(float64(tenths)/10, 1)
}
