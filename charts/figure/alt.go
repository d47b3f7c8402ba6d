package figure

import (
	"strings"
)

var kindWords = map[Kind][2]string{
	Bar:       {"Horizontal bar chart", "مخطط أعمدة أفقية"},
	Column:    {"Column chart", "مخطط أعمدة"},
	Line:      {"Line chart", "مخطط خطي"},
	Stacked:   {"Stacked column chart", "مخطط أعمدة مكدسة"},
	Grouped:   {"Grouped column chart", "مخطط أعمدة مجمعة"},
	Donut:     {"Donut chart", "مخطط حلقي"},
	Multiples: {"Small multiples", "مخططات صغيرة متعددة"},
	Stat:      {"Headline figures", "أرقام رئيسية"},
	Pictogram: {"Pictogram", "رسم بالأشكال"},
	Map:       {"Map of governorates", "خريطة المحافظات"},
	TileMap:   {"Tile map of governorates", "خريطة مربعات المحافظات"},
	Timeline:  {"Timeline", "خط زمني"},
}

// alt writes the alternative text: what the chart is and every number it
// shows, in the figure's language.
func alt(f *Figure) string {
	ar := f.RTL()
	i := 0
	if ar {
		i = 1
	}
	comma, semi, colon, noData := ", ", "; ", ": ", "no data"
	if ar {
		comma, semi, colon, noData = "، ", "؛ ", ": ", "لا بيانات"
	}
	var b strings.Builder
	b.WriteString(strings.TrimSpace(f.Title))
	b.WriteString(". ")
	b.WriteString(kindWords[f.Kind][i])
	if ar {
		b.WriteString(" — ")
	} else {
		b.WriteString(" of ")
	}
	if ar {
		b.WriteString(f.ValueAxis)
	} else {
		b.WriteString(lowerFirst(f.ValueAxis))
	}
	if f.Period != "" {
		b.WriteString(comma)
		b.WriteString(f.Period)
	}
	b.WriteString(". ")
	for si, s := range f.Series {
		if si > 0 {
			b.WriteString(semi)
		}
		if len(f.Series) > 1 {
			b.WriteString(s.Name)
			b.WriteString(colon)
		}
		for ci, v := range s.Values {
			if ci > 0 {
				b.WriteString(comma)
			}
			b.WriteString(f.Categories[ci])
			b.WriteString(" ")
			if v.Known {
				b.WriteString(v.Label)
			} else {
				b.WriteString(noData)
			}
		}
	}
	b.WriteString(". ")
	for _, m := range f.Marks {
		b.WriteString(map[bool]string{false: "Marked on the chart: ", true: "يشير المخطط إلى: "}[ar])
		b.WriteString(m.Label)
		b.WriteString(" (")
		b.WriteString(m.Date)
		b.WriteString("). ")
	}
	if h := f.HighlightIndex(); h >= 0 {
		b.WriteString(map[bool]string{false: "Highlighted: ", true: "مُبرَز في المخطط: "}[ar])
		b.WriteString(f.Categories[h])
		b.WriteString(". ")
	}
	for _, c := range f.Callouts {
		b.WriteString(f.Categories[c.Category])
		if len(f.Series) > 1 {
			b.WriteString(" (" + f.Series[c.Series].Name + ")")
		}
		b.WriteString(colon)
		b.WriteString(strings.TrimSpace(c.Text))
		if t := strings.TrimSpace(c.Text); !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "!") {
			b.WriteString(".")
		}
		b.WriteString(" ")
	}
	for _, n := range f.Notes {
		b.WriteString(n)
		b.WriteString(" ")
	}
	b.WriteString(f.Source)
	b.WriteString(".")
	return b.String()
}

// lowerFirst lowers an initial capital unless the word is an acronym ("UN").
func lowerFirst(s string) string {
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] < 'A' || s[1] > 'Z') {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}
