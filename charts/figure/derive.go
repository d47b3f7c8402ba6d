package figure

import (
	"slices"

	"github.com/tollcharts/tollcharts/charts/dataset"
	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
	"github.com/tollcharts/tollcharts/charts/vocab"
)

// derive adds a derived series. other_adults = all - children - women, at
// each point where all three are known; elsewhere no data. Exact integer
// arithmetic: no rounding is involved.
func (b *builder) derive(f *Figure, d sy.String, series string) {
	if d.Value == "change" {
		b.change(f, d, series)
		return
	}
	if d.Value != "other_adults" {
		return
	}
	find := func(k string) int { return slices.IndexFunc(f.Series, func(s Series) bool { return s.Key == k }) }
	ia, ic, iw := find("all"), find("children"), find("women")
	if series != "category" || ia < 0 || ic < 0 || iw < 0 {
		b.add(d.Pos, "chart %q: derive other_adults needs series: category with all, children and women selected", b.c.ID.Value)
		return
	}
	c, _ := vocab.CategoryByID("other_adults")
	s := Series{Key: c.ID, Name: c.Name(b.lang, b.metric), Derived: true}
	for i := range f.Series[ia].Values {
		a, ch, w := f.Series[ia].Values[i], f.Series[ic].Values[i], f.Series[iw].Values[i]
		v := Value{}
		if a.Known && ch.Known && w.Known {
			n := a.N - ch.N - w.N
			v = Value{N: n, Known: true, Label: b.loc.Int(n), Source: joinSources(a.Source, ch.Source, w.Source)}
		}
		s.Values = append(s.Values, v)
	}
	f.Series = append(f.Series, s)
	f.Derived = pick(b.lang,
		"Other adults = all civilians − children − women: derived by tollcharts, not published.",
		"البالغون الآخرون = جميع المدنيين − الأطفال − النساء: رقم محسوب وليس منشوراً.")
}

// change adds the change between two publications of one count: with
// series: period and two periods that start on the same day (a count from
// one date, published at two later dates), a derived series holds, for
// each category, the later count minus the earlier. Exact integer
// arithmetic. It refuses, at the derive's position, what would not be one
// count published twice: other series, periods with different starts (or
// none), the same end, a category counted in one publication and not the
// other, and a later count below the earlier (a correction, which a
// difference would misstate as a fall).
func (b *builder) change(f *Figure, d sy.String, series string) {
	id := b.c.ID.Value
	if series != "period" || len(f.Series) != 2 {
		b.add(d.Pos, "chart %q: derive change compares one count in two publications; want series: period with two periods selected (select.period: [earlier, later]), not series: %s with %d series", id, series, len(f.Series))
		return
	}
	var ps [2]dataset.Period
	for i, s := range f.Series {
		p, err := dataset.ParsePeriod(s.Key)
		if err != nil || p.Calendar || p.Start.IsZero() {
			b.add(d.Pos, "chart %q: derive change needs periods with a start and an end; %q has none", id, s.Key)
			return
		}
		ps[i] = p
	}
	if !ps[0].Start.Equal(ps[1].Start) || ps[0].End.Equal(ps[1].End) {
		b.add(d.Pos, "chart %q: derive change compares counts from one start date to two end dates; the periods %s and %s do not match; want periods with the same start and different ends", id, ps[0].Key(), ps[1].Key())
		return
	}
	from, to := 0, 1
	if ps[1].End.Before(ps[0].End) {
		from, to = 1, 0
	}
	a, z := f.Series[from], f.Series[to]
	s := Series{Key: "change", Derived: true,
		Name: pick(b.lang, "Change since "+b.loc.ShortDate(ps[from].End)+" (derived)",
			"التغيّر منذ "+b.loc.ShortDate(ps[from].End)+" (رقم محسوب)")}
	for i := range a.Values {
		va, vz := a.Values[i], z.Values[i]
		if va.Known != vz.Known {
			has, lacks := ps[from], ps[to]
			if vz.Known {
				has, lacks = ps[to], ps[from]
			}
			b.add(d.Pos, "chart %q: derive change: %s has a count for %s but none for %s; want both counts of every category compared", id, b.c.X.Value+" "+f.CategoryKeys[i], has.Key(), lacks.Key())
			return
		}
		v := Value{}
		if va.Known {
			if vz.N < va.N {
				b.add(d.Pos, "chart %q: derive change: the count for %s falls from %d (%s) to %d (%s), a correction, not a change; want counts that do not fall, or no derive", id, f.CategoryKeys[i], va.N, ps[from].Key(), vz.N, ps[to].Key())
				return
			}
			n := vz.N - va.N
			v = Value{N: n, Known: true, Label: b.loc.Int(n), Source: joinSources(va.Source, vz.Source)}
		}
		s.Values = append(s.Values, v)
	}
	f.Series = append(f.Series, s)
	f.Derived = pick(b.lang,
		"Change = the count to "+b.loc.ShortDate(ps[to].End)+" − the count to "+b.loc.ShortDate(ps[from].End)+", both from "+b.loc.ShortDate(ps[from].Start)+": derived by tollcharts, not published.",
		"التغيّر = الحصيلة حتى "+b.loc.ShortDate(ps[to].End)+" − الحصيلة حتى "+b.loc.ShortDate(ps[from].End)+"، كلتاهما منذ "+b.loc.ShortDate(ps[from].Start)+": رقم محسوب وليس منشوراً.")
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c >= '0' && c <= '9' {
			n = n*10 + int(c-'0')
		}
	}
	return n
}

// autoNotes adds the notes the data demands: documented minimums, blanks,
// derived numbers.
func (b *builder) autoNotes(f *Figure) {
	if b.inferred {
		f.Notes = append(f.Notes, pick(b.lang,
			"“About”: the dates are inferred from the source, which states the length of the window, not its dates.",
			"«نحو»: التواريخ مستنتجة من المصدر، الذي يذكر طول المدة لا تواريخها."))
	}
	if b.t.Meta.DocumentedMinimum {
		f.Notes = append(f.Notes, pick(b.lang,
			"Documented minimum counts: at least this many.",
			"أعداد موثقة بحدها الأدنى: على الأقل."))
	}
	blank := false
	for _, s := range f.Series {
		for _, v := range s.Values {
			blank = blank || !v.Known
		}
	}
	if blank {
		f.Notes = append(f.Notes, pick(b.lang,
			"No bar or point: no figure published (not zero).",
			"غياب العمود أو النقطة: لا يوجد رقم منشور (وليس صفراً)."))
	}
	if f.Derived != "" {
		f.Notes = append(f.Notes, f.Derived)
	}
	if f.Kind == Donut {
		f.Notes = append(f.Notes, ShareRule(b.lang))
	}
}
