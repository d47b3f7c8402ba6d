package figure

import (
	"slices"

	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
	"github.com/tollcharts/tollcharts/charts/vocab"
)

// derive adds a derived series. other_adults = all - children - women, at
// each point where all three are known; elsewhere no data. Exact integer
// arithmetic: no rounding is involved.
func (b *builder) derive(f *Figure, d sy.String, series string) {
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
