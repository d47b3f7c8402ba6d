package figure

import (
	"slices"
	"strings"
	"time"

	"github.com/tollcharts/tollcharts/charts/dataset"
	"github.com/tollcharts/tollcharts/charts/locale"
)

// SourceRef is one publication a figure's numbers were read from, as its
// dataset's sidecar describes it.
type SourceRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Date  string `json:"date"` // YYYY, YYYY-MM, YYYY-MM-DD or "n.d."
	URL   string `json:"url,omitempty"`
	Kind  string `json:"kind"` // primary | secondary
	// Cites and Outlet are set for a secondary source: the publisher's
	// report it quotes, and the outlet quoting it.
	Cites  string `json:"cites,omitempty"`
	Outlet string `json:"outlet,omitempty"`
}

// Secondary reports whether the source quotes the publisher's report
// rather than being it.
func (s SourceRef) Secondary() bool { return s.Kind == "secondary" }

// joinSources is the source of a derived value: the distinct sources of
// its inputs, joined with "+".
func joinSources(ids ...string) string {
	var out []string
	for _, id := range ids {
		if id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return strings.Join(out, "+")
}

// sources lists the sources of the rows a figure shows, oldest first. A
// source without a date is an error at the sidecar: the source line could
// not say when it was published.
func (b *builder) sources(rows []dataset.Row) []SourceRef {
	meta := b.t.Meta
	var out []SourceRef
	for _, r := range rows {
		if slices.ContainsFunc(out, func(s SourceRef) bool { return s.ID == r.Source }) {
			continue
		}
		s, ok := meta.Sources[r.Source]
		if !ok {
			b.errs.Add(b.t.Path, 0, 0, "chart %q: a row cites source %q, which the sidecar does not define", b.c.ID.Value, r.Source)
			continue
		}
		if s.Date == "" {
			b.errs.Add(b.t.MetaPath, s.At.Line, s.At.Col, "source %q has no date, so chart %q cannot say when its figures were published; write date: YYYY, YYYY-MM or YYYY-MM-DD, or date: %s when the source states none", r.Source, b.c.ID.Value, dataset.Undated)
		}
		out = append(out, SourceRef{ID: r.Source, Title: s.Title, Date: s.Date, URL: s.URL, Kind: s.Kind, Cites: s.Cites, Outlet: s.Outlet})
	}
	slices.SortStableFunc(out, func(a, c SourceRef) int {
		if d := strings.Compare(a.Date, c.Date); d != 0 {
			return d
		}
		return strings.Compare(a.ID, c.ID)
	})
	return out
}

// The counted words of the source lines.
var (
	reportsEN     = locale.Noun{One: "%d report", Other: "%d reports"}
	newsEN        = locale.Noun{One: "%d news report quoting", Other: "%d news reports quoting"}
	undatedEN     = locale.Noun{Other: "%d undated"}
	reportsAR     = locale.Noun{Zero: "%d تقرير", One: "تقرير واحد", Two: "تقريران", Few: "%d تقارير", Many: "%d تقريراً", Other: "%d تقرير"}
	newsAR        = locale.Noun{Zero: "%d تقرير إخباري", One: "تقرير إخباري واحد", Two: "تقريران إخباريان", Few: "%d تقارير إخبارية", Many: "%d تقريراً إخبارياً", Other: "%d تقرير إخباري"}
	undatedAR     = locale.Noun{One: "واحد منها بلا تاريخ", Two: "اثنان منها بلا تاريخ", Other: "%d منها بلا تاريخ"}
	isolate       = func(s string) string { return "\u2068" + s + "\u2069" }
	rtlMark       = "\u200f"
	sourcesPerRow = [2]string{"the source of each figure is in the CSV", "مصدر كل رقم في ملف CSV"}
)

// sourceLine writes the source line from the sources the figure's rows
// use, and only from them: one primary source is "Source: SNHR, <title>,
// <date>"; one secondary source names the report it quotes and the outlet
// quoting it; several are counted, primary and secondary apart, with the
// years they span, and point to the CSV, whose source column names each
// figure's source.
func (b *builder) sourceLine(srcs []SourceRef) string {
	ar := b.lang == "ar"
	pub := b.t.Meta.PublisherShort
	// In Arabic a right-to-left mark after each separator keeps a date
	// from joining the Latin run before it, and titles (often English)
	// are isolated so the words after them keep their place.
	sep := pick(b.lang, ", ", "، "+rtlMark)
	title := func(s string) string {
		if ar {
			return isolate(s)
		}
		return s
	}
	switch len(srcs) {
	case 0:
		return ""
	case 1:
		s := srcs[0]
		if s.Secondary() {
			if ar {
				return "المصدر: " + title(s.Cites) + sep + "نقلاً عن " + title(s.Outlet) + " (تقرير إخباري" + sep + b.sourceDate(s.Date) + ")"
			}
			return "Source: " + s.Cites + ", as quoted by " + s.Outlet + " (news report, " + b.sourceDate(s.Date) + ")"
		}
		return pick(b.lang, "Source: ", "المصدر: ") + pub + sep + title(s.Title) + sep + b.sourceDate(s.Date)
	}
	var prim, sec []SourceRef
	for _, s := range srcs {
		if s.Secondary() {
			sec = append(sec, s)
		} else {
			prim = append(prim, s)
		}
	}
	var parts []string
	if len(prim) > 0 {
		n := b.loc.Count(int64(len(prim)), pick2(ar, reportsEN, reportsAR))
		parts = append(parts, pub+sep+n+b.span(prim))
	}
	if len(sec) > 0 {
		if ar {
			parts = append(parts, b.loc.Count(int64(len(sec)), newsAR)+" نقلاً عن "+pub+b.span(sec))
		} else {
			parts = append(parts, b.loc.Count(int64(len(sec)), newsEN)+" "+pub+b.span(sec))
		}
	}
	if ar {
		return "المصادر: " + strings.Join(parts, "؛ "+rtlMark) + "؛ " + sourcesPerRow[1]
	}
	return "Sources: " + strings.Join(parts, "; ") + "; " + sourcesPerRow[0]
}

func pick2(ar bool, en, arabic locale.Noun) locale.Noun {
	if ar {
		return arabic
	}
	return en
}

// span is " (2016–2023)" for the years of the sources' dates, with the
// count of undated ones: " (2015–2025; 2 undated)".
func (b *builder) span(srcs []SourceRef) string {
	var years []int
	undated := 0
	for _, s := range srcs {
		if s.Date == dataset.Undated || s.Date == "" {
			undated++
			continue
		}
		if y := atoi(s.Date[:4]); !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	var in []string
	if len(years) > 0 {
		y := b.loc.Year(years[0])
		if len(years) > 1 {
			y += "–" + b.loc.Year(years[len(years)-1])
		}
		in = append(in, y)
	}
	if undated > 0 {
		in = append(in, b.loc.Count(int64(undated), pick2(b.lang == "ar", undatedEN, undatedAR)))
	}
	if len(in) == 0 {
		return ""
	}
	return " (" + strings.Join(in, pick(b.lang, "; ", "؛ ")) + ")"
}

func (b *builder) sourceDate(d string) string {
	if d == dataset.Undated || d == "" {
		return pick(b.lang, "undated", "بلا تاريخ")
	}
	if t, err := time.Parse(time.DateOnly, d); err == nil {
		return b.loc.ShortDate(t)
	}
	if t, err := time.Parse("2006-01", d); err == nil {
		return b.loc.Month(t.Month()) + " " + b.loc.Year(t.Year())
	}
	return b.loc.Year(atoi(d))
}

// period formats the window the rows cover; a window whose dates the
// curators inferred reads "about ...", and the figure gets a note saying
// why.
func (b *builder) period(rows []dataset.Row) string {
	var start, end time.Time
	allCalendar, inferred := true, false
	for _, r := range rows {
		if !r.Period.Start.IsZero() && (start.IsZero() || r.Period.Start.Before(start)) {
			start = r.Period.Start
		}
		if r.Period.End.After(end) {
			end = r.Period.End
		}
		allCalendar = allCalendar && r.Period.Calendar
		_, inf := b.t.Meta.Inferred[r.Period.Key()]
		inferred = inferred || inf
	}
	var s string
	switch {
	case end.IsZero():
		return ""
	case allCalendar && start.Year() == end.Year():
		s = b.loc.Year(start.Year())
	case allCalendar:
		s = b.loc.Year(start.Year()) + "–" + b.loc.Year(end.Year())
	case start.IsZero():
		s = pick(b.lang, "to ", "حتى ") + b.loc.ShortDate(end)
	default:
		s = b.loc.ShortDate(start) + " – " + b.loc.ShortDate(end)
	}
	if inferred {
		b.inferred = true
		s = pick(b.lang, "about ", "نحو ") + s
	}
	return s
}

// showPeriod makes sure the chart states its period: when neither the
// title nor the subtitle holds it (through {period} or in words the data
// produced), it ends the subtitle.
func (b *builder) showPeriod(f *Figure) {
	if f.Period == "" || strings.Contains(f.Title, f.Period) || strings.Contains(f.Subtitle, f.Period) {
		return
	}
	if f.Subtitle == "" {
		f.Subtitle = upperFirst(f.Period)
		return
	}
	f.Subtitle += pick(b.lang, "; ", "؛ ") + f.Period
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
