package dataset

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tollcharts/tollcharts/charts/locale"
	"github.com/tollcharts/tollcharts/charts/vocab"
)

var en = locale.Locale{Lang: "en"}

// validate checks what involves several rows: duplicate keys, parts above
// their whole, governorates above the national figure.
func (p *parser) validate() {
	rows := p.t.Rows
	seen := map[Key]int{}
	for i, r := range rows {
		if j, dup := seen[r.Key()]; dup {
			p.add(r.Line, r.Col, "duplicate of %s %d: same period, governorate, category, perpetrator and metric; keep one row per figure (conflicting sources belong in separate datasets)", p.lineWord(), rows[j].Line)
			continue
		}
		seen[r.Key()] = i
	}
	p.checkParts()
	p.checkGovernorates(seen)
}

// checkParts: for every known whole, each part and each group of disjoint
// parts must not exceed it.
func (p *parser) checkParts() {
	rows := p.t.Rows
	for _, whole := range rows {
		if !whole.Known {
			continue
		}
		groups := map[string][]Row{}
		var order []string
		for _, part := range rows {
			c, _ := vocab.CategoryByID(part.Category)
			if !part.Known || c.Parent != whole.Category || part.Period.Key() != whole.Period.Key() ||
				part.Governorate != whole.Governorate || part.Perpetrator != whole.Perpetrator || part.Metric != whole.Metric {
				continue
			}
			g := c.Group
			if g == "" {
				g = "part:" + c.ID // an ungrouped part is compared alone
			}
			if _, ok := groups[g]; !ok {
				order = append(order, g)
			}
			groups[g] = append(groups[g], part)
		}
		for _, g := range order {
			parts := groups[g]
			var sum int64
			names := make([]string, len(parts))
			for i, x := range parts {
				sum += x.Value
				names[i] = x.Category
			}
			if sum <= whole.Value {
				continue
			}
			last := slices.MaxFunc(parts, func(a, b Row) int { return a.Line - b.Line })
			p.add(last.Line, last.Col, "%s = %s exceeds %s = %s (%s %d) for the same period, place, perpetrator and metric; parts cannot exceed their whole",
				strings.Join(names, " + "), en.Int(sum), whole.Category, en.Int(whole.Value), p.lineWord(), whole.Line)
		}
	}
}

// checkGovernorates: governorate rows must not sum above the national row
// of the same period, category, perpetrator and metric.
func (p *parser) checkGovernorates(index map[Key]int) {
	type k struct{ period, category, perpetrator, metric string }
	sums := map[k]int64{}
	lastLine := map[k]Row{}
	var order []k
	for _, r := range p.t.Rows {
		if r.Governorate == "" || !r.Known {
			continue
		}
		key := k{r.Period.Key(), r.Category, r.Perpetrator, r.Metric}
		if _, ok := sums[key]; !ok {
			order = append(order, key)
		}
		sums[key] += r.Value
		if r.Line >= lastLine[key].Line {
			lastLine[key] = r
		}
	}
	for _, key := range order {
		i, ok := index[Key{key.period, "", key.category, key.perpetrator, key.metric}]
		if !ok {
			continue
		}
		nat := p.t.Rows[i]
		if nat.Known && sums[key] > nat.Value {
			r := lastLine[key]
			p.add(r.Line, r.Col, "governorates sum to %s, above the national figure %s (%s %d) for the same period, category, perpetrator and metric",
				en.Int(sums[key]), en.Int(nat.Value), p.lineWord(), nat.Line)
		}
	}
}

// String describes a row for messages and tests.
func (r Row) String() string {
	v := "no data"
	if r.Known {
		v = fmt.Sprint(r.Value)
	}
	return fmt.Sprintf("%s %s %s %s %s = %s", r.Period.Key(), r.Governorate, r.Category, r.Perpetrator, r.Metric, v)
}

// lineWord names what a position's number counts: a CSV's lines, a
// sheet's rows.
func (p *parser) lineWord() string {
	if p.sheet != "" {
		return "row"
	}
	return "line"
}
