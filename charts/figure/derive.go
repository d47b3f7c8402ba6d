package figure

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tollcharts/tollcharts/charts/dataset"
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
			v = Value{N: n, Known: true, Label: b.loc.Int(n)}
		}
		s.Values = append(s.Values, v)
	}
	f.Series = append(f.Series, s)
	f.Derived = pick(b.lang,
		"Other adults = all civilians − children − women: derived by tollcharts, not published.",
		"البالغون الآخرون = جميع المدنيين − الأطفال − النساء: رقم محسوب وليس منشوراً.")
}

// period formats the window the shown rows cover.
func (b *builder) period(rows []dataset.Row) string {
	var start, end time.Time
	allCalendar := true
	for _, r := range rows {
		if !r.Period.Start.IsZero() && (start.IsZero() || r.Period.Start.Before(start)) {
			start = r.Period.Start
		}
		if r.Period.End.After(end) {
			end = r.Period.End
		}
		allCalendar = allCalendar && r.Period.Calendar
	}
	switch {
	case end.IsZero():
		return ""
	case allCalendar && start.Year() == end.Year():
		return b.loc.Year(start.Year())
	case allCalendar:
		return b.loc.Year(start.Year()) + "–" + b.loc.Year(end.Year())
	case start.IsZero():
		return pick(b.lang, "to ", "حتى ") + b.loc.ShortDate(end)
	}
	return b.loc.ShortDate(start) + " – " + b.loc.ShortDate(end)
}

// source builds the source line from the sources of the shown rows.
func (b *builder) source(rows []dataset.Row) string {
	meta := b.t.Meta
	var keys []string
	for _, r := range rows {
		if !slices.Contains(keys, r.Source) {
			keys = append(keys, r.Source)
		}
	}
	slices.SortFunc(keys, func(a, c string) int { return strings.Compare(meta.Sources[a].Date, meta.Sources[c].Date) })
	pub := meta.PublisherShort
	// In Arabic, a right-to-left mark after each separator keeps a date
	// from joining the Latin run before it ("Syria، 30" would read as one).
	sep := pick(b.lang, ", ", "، \u200f")
	if len(keys) == 1 {
		s := meta.Sources[keys[0]]
		title := s.Title
		if b.lang == "ar" {
			// Isolate the title (often English) so that the date after it
			// keeps its own place in the right-to-left line.
			title = "\u2068" + title + "\u2069"
		}
		parts := []string{pick(b.lang, "Source: ", "المصدر: ") + pub, title}
		if s.Date != "" {
			parts = append(parts, b.sourceDate(s.Date))
		}
		return strings.Join(parts, sep)
	}
	var dates []string
	for _, k := range keys {
		if d := meta.Sources[k].Date; d != "" && !slices.Contains(dates, d[:4]) {
			dates = append(dates, d[:4])
		}
	}
	span := ""
	if len(dates) > 0 {
		span = b.loc.Year(atoi(dates[0]))
		if len(dates) > 1 {
			span += "–" + b.loc.Year(atoi(dates[len(dates)-1]))
		}
	}
	if b.lang == "ar" {
		return fmt.Sprintf("المصادر: %s، \u200f%s تقريراً (%s)؛ مصدر كل رقم في ملف CSV", pub, b.loc.Int(int64(len(keys))), span)
	}
	return fmt.Sprintf("Sources: %s, %d publications (%s); each figure's source is in the CSV", pub, len(keys), span)
}

func (b *builder) sourceDate(d string) string {
	if t, err := time.Parse(time.DateOnly, d); err == nil {
		return b.loc.ShortDate(t)
	}
	if t, err := time.Parse("2006-01", d); err == nil {
		return b.loc.Month(t.Month()) + " " + b.loc.Year(t.Year())
	}
	return b.loc.Year(atoi(d))
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
