package figure

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tollcharts/tollcharts/charts/dataset"
	"github.com/tollcharts/tollcharts/charts/diag"
	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
	"github.com/tollcharts/tollcharts/charts/locale"
	"github.com/tollcharts/tollcharts/charts/spec"
	"github.com/tollcharts/tollcharts/charts/syria"
	"github.com/tollcharts/tollcharts/charts/vocab"
)

// Build makes the figure of one chart of a report in one language from the
// chart's dataset. It selects rows, checks that no dimension left off the
// axes mixes several values (a chart never sums silently), orders the axis,
// derives what the chart asks for, and resolves every text in lang. Errors
// point at the spec.
func Build(r *spec.Report, c *spec.Chart, t *dataset.Table, lang string) (*Figure, error) {
	b := builder{r: r, c: c, t: t, lang: lang, errs: &diag.List{}}
	b.loc = locale.Locale{Lang: lang}
	if lang == "ar" {
		b.loc.Digits = locale.Latin
		if r.Arabic.Digits == "arab" {
			b.loc.Digits = locale.ArabicIndic
		}
		b.loc.Months = locale.Levantine
		if r.Arabic.Months == "egyptian" {
			b.loc.Months = locale.Egyptian
		}
	}
	f := b.build()
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

type builder struct {
	r    *spec.Report
	c    *spec.Chart
	t    *dataset.Table
	lang string
	loc  locale.Locale
	errs *diag.List

	metric vocab.Metric
	rows   []dataset.Row
	// inferred is set once a period with inferred dates is printed.
	inferred bool
}

func (b *builder) add(p sy.Pos, format string, args ...any) {
	b.errs.Add(b.r.Path, p.Line, p.Col, format, args...)
}

// text resolves a spec text in the build language; a missing translation
// is an error at the text's position.
func (b *builder) text(t spec.Text, what string, required bool) string {
	s, ok := t.Get(b.lang)
	if !ok && (required || !t.IsZero()) {
		at := t.At
		if at.Line == 0 {
			at = b.c.At
		}
		b.add(at, "chart %q: %s has no %s text; add %s.%s", b.c.ID.Value, what, b.lang, what, b.lang)
	}
	return s
}

func dim(r dataset.Row, d string) string {
	switch d {
	case "period":
		return r.Period.Key()
	case "governorate":
		return r.Governorate
	case "category":
		return r.Category
	case "perpetrator":
		return r.Perpetrator
	case "metric":
		return r.Metric
	}
	return ""
}

func (b *builder) build() *Figure {
	c := b.c
	f := &Figure{Report: b.r.ID.Value, ID: c.ID.Value, Kind: Kind(c.Kind.Value), Locale: b.loc, MirrorTime: b.r.Arabic.MirrorTime}
	f.Title = b.text(c.Title, "title", true)
	f.Subtitle = b.text(c.Subtitle, "subtitle", false)
	for i, n := range c.Notes {
		f.Notes = append(f.Notes, b.text(n, fmt.Sprintf("notes[%d]", i), true))
	}
	if u := b.r.Updated; u != nil {
		f.Updated, f.Correction = u.Date.Value, b.correction(u)
	}
	b.selectRows()
	if b.errs.Len() > 0 {
		return nil
	}
	x := c.X.Value
	if x == "" {
		x = "period"
	}
	series := c.Series.Value
	if series == "" {
		series = "none"
	}
	for _, d := range []string{"period", "governorate", "category", "perpetrator", "metric"} {
		if d == x || d == series {
			continue
		}
		var vals []string
		for _, r := range b.rows {
			if v := dim(r, d); !slices.Contains(vals, v) {
				vals = append(vals, v)
			}
		}
		if len(vals) > 1 {
			slices.Sort(vals)
			b.add(c.Select.At, "chart %q: the selected rows hold %d values of %s (%s) but %s is neither x nor series; narrow select.%s so the chart does not mix them",
				c.ID.Value, len(vals), d, strings.Join(vals, ", "), d, d)
		}
	}
	if b.errs.Len() > 0 {
		return nil
	}
	f.TimeAxis = x == "period"
	xs := b.order(x)
	ss := []string{""}
	if series != "none" {
		ss = b.order(series)
	}
	cell := map[[2]string]dataset.Row{}
	for _, r := range b.rows {
		sk := ""
		if series != "none" {
			sk = dim(r, series)
		}
		cell[[2]string{dim(r, x), sk}] = r
	}
	var used []dataset.Row
	for _, sk := range ss {
		s := Series{Key: sk, Name: b.label(series, sk)}
		if series == "none" {
			s.Key, s.Name = b.metric.ID, b.metric.Name(b.lang)
		}
		for _, xk := range xs {
			r, ok := cell[[2]string{xk, sk}]
			v := Value{}
			if ok && r.Known {
				v = Value{N: r.Value, Known: true, Label: b.loc.Int(r.Value), Source: r.Source}
			}
			if ok {
				used = append(used, r)
			}
			s.Values = append(s.Values, v)
		}
		f.Series = append(f.Series, s)
	}
	f.CategoryKeys = xs // for derive's messages; sorted below
	for _, d := range c.Derive {
		b.derive(f, d, series)
	}
	if f.TimeAxis && c.Sort.Value != "" && c.Sort.Value != "none" {
		b.add(c.Sort.Pos, "chart %q: sort %q on a time axis would scramble the periods; want sort: none or another x", c.ID.Value, c.Sort.Value)
	}
	if s := c.Sort.Value; s == "desc" || s == "asc" {
		xs = sortByFirst(f, xs, s == "desc")
	}
	f.CategoryKeys = xs
	for _, xk := range xs {
		f.Categories = append(f.Categories, b.label(x, xk))
	}
	if f.TimeAxis && f.Kind == Line {
		b.timeScale(f)
	}
	if f.TimeAxis {
		b.marks(f) // the spec refuses events elsewhere
	}
	f.ValueAxis = b.metric.Name(b.lang)
	f.Period = b.period(used)
	b.annotate(f, x)
	f.Title = b.fill(f, f.Title, c.Title.At)
	f.Subtitle = b.fill(f, f.Subtitle, c.Subtitle.At)
	for i := range f.Notes {
		f.Notes[i] = b.fill(f, f.Notes[i], c.Notes[i].At)
	}
	b.showPeriod(f)
	f.Sources = b.sources(used)
	f.Source = b.sourceLine(f.Sources)
	b.autoNotes(f)
	f.Alt = alt(f)
	return f
}

// selectRows applies the chart's select to the table, checking each value.
func (b *builder) selectRows() {
	s := b.c.Select
	var metrics []string
	for i, sm := range s.Metric {
		m, ok := vocab.MetricByID(sm.Value)
		if !ok {
			b.add(sm.Pos, "unknown metric %q; want one of: %s", sm.Value, vocab.MetricIDs())
			continue
		}
		if i == 0 {
			b.metric = m
		}
		metrics = append(metrics, m.ID)
	}
	if len(metrics) == 0 {
		return
	}
	perps := values(s.Perpetrator)
	for _, p := range s.Perpetrator {
		if _, ok := vocab.PerpetratorByID(p.Value); !ok {
			b.add(p.Pos, "unknown perpetrator %q; want one of: %s", p.Value, vocab.PerpetratorIDs())
		}
	}
	cats := values(s.Category)
	for _, p := range s.Category {
		if c, ok := vocab.CategoryByID(p.Value); !ok || c.Derived {
			b.add(p.Pos, "unknown category %q; want one of: %s (derived categories go under derive)", p.Value, vocab.DataCategoryIDs())
		}
	}
	var govs []string
	anyGov := false
	for _, g := range s.Governorate {
		switch g.Value {
		case "*":
			anyGov = true
		case "":
			govs = append(govs, "")
		default:
			if gg, ok := syria.Lookup(g.Value); ok {
				govs = append(govs, gg.PCode)
			} else {
				msg := fmt.Sprintf("unknown governorate %q; want a governorate name or code, \"\" for all of Syria, or \"*\" for every governorate", g.Value)
				if sug := syria.Suggest(g.Value); sug != "" {
					msg = fmt.Sprintf("unknown governorate %q; did you mean %s?", g.Value, sug)
				}
				b.add(g.Pos, "%s", msg)
			}
		}
	}
	if len(s.Governorate) == 0 {
		govs = []string{""}
	}
	var periods []string
	for _, p := range s.Period {
		if pp, err := dataset.ParsePeriod(p.Value); err == nil {
			periods = append(periods, pp.Key())
		}
	}
	if b.errs.Len() > 0 {
		return
	}
	for _, r := range b.t.Rows {
		if !slices.Contains(metrics, r.Metric) ||
			(len(perps) > 0 && !slices.Contains(perps, r.Perpetrator)) ||
			(len(cats) > 0 && !slices.Contains(cats, r.Category)) ||
			(len(periods) > 0 && !slices.Contains(periods, r.Period.Key())) {
			continue
		}
		if !(anyGov && r.Governorate != "") && !slices.Contains(govs, r.Governorate) {
			continue
		}
		b.rows = append(b.rows, r)
	}
	if len(b.rows) == 0 {
		b.add(s.At, "chart %q: select matches no rows of %s", b.c.ID.Value, b.t.Path)
	}
}

func values(ss []sy.String) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Value
	}
	return out
}

// order returns the distinct values of a dimension in display order: time
// for periods, P-code for governorates, the spec's select order where it
// gives one, the registry's otherwise.
func (b *builder) order(d string) []string {
	var vals []string
	var periods []dataset.Period
	for _, r := range b.rows {
		if v := dim(r, d); !slices.Contains(vals, v) {
			vals = append(vals, v)
			periods = append(periods, r.Period)
		}
	}
	switch d {
	case "period":
		idx := make([]int, len(vals))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(i, j int) int {
			if periods[i].Less(periods[j]) {
				return -1
			}
			if periods[j].Less(periods[i]) {
				return 1
			}
			return 0
		})
		out := make([]string, len(vals))
		for i, k := range idx {
			out[i] = vals[k]
		}
		return out
	case "governorate":
		slices.Sort(vals)
		return vals
	}
	var pref []string
	switch d {
	case "category":
		pref = values(b.c.Select.Category)
		if len(pref) == 0 {
			pref = strings.Split(vocab.DataCategoryIDs(), ", ")
		}
	case "metric":
		pref = values(b.c.Select.Metric)
	case "perpetrator":
		pref = values(b.c.Select.Perpetrator)
		if len(pref) == 0 {
			pref = strings.Split(vocab.PerpetratorIDs(), ", ")
		}
	}
	slices.SortStableFunc(vals, func(a, c string) int {
		return slices.Index(pref, a) - slices.Index(pref, c)
	})
	return vals
}

// label names a value of a dimension in the build language; a spec label
// overrides the registry's.
func (b *builder) label(d, key string) string {
	if t, ok := b.c.Labels[key]; ok {
		return b.text(t, "labels."+key, true)
	}
	switch d {
	case "governorate":
		if key == "" {
			return pick(b.lang, "All of Syria", "سوريا كلها")
		}
		g, _ := syria.ByPCode(key)
		return g.Name(b.lang)
	case "category":
		c, _ := vocab.CategoryByID(key)
		return c.Name(b.lang, b.metric)
	case "perpetrator":
		p, _ := vocab.PerpetratorByID(key)
		return p.Name(b.lang)
	case "metric":
		m, _ := vocab.MetricByID(key)
		return m.Name(b.lang)
	case "period":
		p, err := dataset.ParsePeriod(key)
		if err != nil {
			return key
		}
		switch {
		case p.Calendar:
			return b.loc.Year(p.Start.Year())
		case b.t.Meta.PeriodSemantics == "cumulative" || p.Start.IsZero():
			return b.loc.ShortDate(p.End)
		default:
			return b.loc.ShortDate(p.Start) + " – " + b.loc.ShortDate(p.End)
		}
	}
	return key
}

func pick(lang, en, ar string) string {
	if lang == "ar" {
		return ar
	}
	return en
}

func sortByFirst(f *Figure, xs []string, desc bool) []string {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	vals := f.Series[0].Values
	slices.SortStableFunc(idx, func(i, j int) int {
		a, c := vals[i], vals[j]
		switch {
		case a.Known != c.Known:
			if a.Known {
				return -1
			}
			return 1
		case a.N == c.N:
			return 0
		case (a.N > c.N) == desc:
			return -1
		}
		return 1
	})
	out := make([]string, len(xs))
	for i, k := range idx {
		out[i] = xs[k]
	}
	for s := range f.Series {
		old := f.Series[s].Values
		nv := make([]Value, len(old))
		for i, k := range idx {
			nv[i] = old[k]
		}
		f.Series[s].Values = nv
	}
	return out
}

// fill replaces the placeholders of a spec text with what the data says,
// formatted for the locale, so that no number in a title is typed twice:
// {value:KEY} is the figure's value for KEY (a category key on the axis,
// or a series key when the axis has one category); {period} the window
// of the chart's rows; {period:KEY} the window of one period on the axis.
func (b *builder) fill(f *Figure, s string, at sy.Pos) string {
	return spec.Placeholder.ReplaceAllStringFunc(s, func(m string) string {
		sub := spec.Placeholder.FindStringSubmatch(m)
		what, key := sub[1], sub[2]
		if what == "period" {
			if key == "" {
				return f.Period
			}
			p, err := dataset.ParsePeriod(key)
			if err != nil || !slices.Contains(f.CategoryKeys, p.Key()) || !f.TimeAxis {
				b.add(at, "chart %q: %s names no period on the axis; want {period} or {period:KEY} with KEY one of: %s", b.c.ID.Value, m, strings.Join(f.CategoryKeys, ", "))
				return m
			}
			return b.period([]dataset.Row{{Period: p}})
		}
		var v Value
		found := false
		if i := slices.Index(f.CategoryKeys, key); i >= 0 && len(f.Series) == 1 {
			v, found = f.Series[0].Values[i], true
		}
		for _, s := range f.Series {
			if s.Key == key && len(s.Values) == 1 {
				v, found = s.Values[0], true
			}
		}
		if !found || !v.Known {
			b.add(at, "chart %q: %s names no single known value; want a category key on the axis (%s) of a one-series chart", b.c.ID.Value, m, strings.Join(f.CategoryKeys, ", "))
			return m
		}
		return v.Label
	})
}

// timeScale puts a line's periods on a time scale: each point on the day
// its period ends. Two periods ending on one day would draw two points on
// one spot, so the chart is refused.
func (b *builder) timeScale(f *Figure) {
	seen := map[string]string{}
	var dates []string
	for _, k := range f.CategoryKeys {
		p, err := dataset.ParsePeriod(k)
		if err != nil {
			return // not periods: categories stay categories
		}
		d := p.End.Format(time.DateOnly)
		if other, ok := seen[d]; ok {
			at := b.c.X.Pos
			if at.Line == 0 {
				at = b.c.At
			}
			b.add(at, "chart %q: periods %s and %s both end on %s, and a line over time puts each point on the day its period ends; select one of them (select.period)",
				b.c.ID.Value, other, k, d)
			return
		}
		seen[d] = k
		dates = append(dates, d)
	}
	f.Dates = dates
}

// correction is the line printed for a report's update: the day in the
// figure's language and the note, if any ("Updated 6 December 2026: the
// governorate of one attack was corrected.").
func (b *builder) correction(u *spec.Updated) string {
	day := b.loc.Date(u.Day())
	note, _ := u.Note.Get(b.lang)
	note = strings.TrimSpace(note)
	if b.lang == "ar" {
		if note == "" {
			return "حُدِّث في " + day
		}
		return "حُدِّث في " + day + ": " + note
	}
	if note == "" {
		return "Updated " + day
	}
	return "Updated " + day + ": " + note
}
