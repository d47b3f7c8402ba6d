package dataset

import (
	"strings"
	"testing"
)

// synthetic provenance for tests: no number in this file is a published figure.
var testMeta = &Meta{
	Title: "Synthetic test dataset", Publisher: "Test", PublisherShort: "T", PeriodSemantics: "window", Licence: "test",
	Defaults:      map[string]string{"perpetrator": "russian_forces", "metric": "civilians_killed"},
	DefaultSource: "s", Sources: map[string]Source{"s": {Title: "Synthetic", Kind: "primary"}},
}

func TestParseSpreadsheetForms(t *testing.T) {
	in := "\ufeffPeriod ; Governorate;Category;VALUE\r\n" +
		"2015-09-30/2016-09-30;;all;\"1,234\"\r\n" +
		"2015-09-30/2016-09-30;حلب;all;1 000\r\n" +
		"2015-09-30/2016-09-30;SY-ID;all;٢٠٠\r\n" +
		"2015-09-30/2016-09-30; Idlib ;children;\r\n" +
		"2019;Deir ez-Zor;all;۱۲\r\n"
	tab, err := Parse("t.csv", []byte(in), testMeta)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range tab.Rows {
		got = append(got, r.String())
	}
	want := []string{
		"2015-09-30/2016-09-30  all russian_forces civilians_killed = 1234",
		"2015-09-30/2016-09-30 SY02 all russian_forces civilians_killed = 1000",
		"2015-09-30/2016-09-30 SY07 all russian_forces civilians_killed = 200",
		"2015-09-30/2016-09-30 SY07 children russian_forces civilians_killed = no data",
		"2019 SY09 all russian_forces civilians_killed = 12",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseWide(t *testing.T) {
	in := "period,all,children,women,source\n2015-09-30/2024-12-08,\"6,993\",,984,s\n"
	tab, err := Parse("w.csv", []byte(in), testMeta)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 3 || tab.Rows[0].Value != 6993 || tab.Rows[1].Known || tab.Rows[2].Value != 984 {
		t.Errorf("rows = %v", tab.Rows)
	}
	if tab.Rows[2].Line != 2 || tab.Rows[2].Col != 32 {
		t.Errorf("women at %d:%d, want 2:32", tab.Rows[2].Line, tab.Rows[2].Col)
	}
}

// A year column is a period column of calendar years.
func TestParseYearColumn(t *testing.T) {
	tab, err := Parse("y.csv", []byte("Year,all,children\n2019,10,3\n2020,,1\n"), testMeta)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range tab.Rows {
		got = append(got, r.String())
	}
	want := "2019  all russian_forces civilians_killed = 10\n2019  children russian_forces civilians_killed = 3\n2020  all russian_forces civilians_killed = no data\n2020  children russian_forces civilians_killed = 1"
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"year not a year", "year,category,value\n2015-09-30/2016-09-30,all,1\n",
			`t.csv:2:1: year "2015-09-30/2016-09-30" is not a calendar year; want YYYY, or head the column period for a dated window`},
		{"year and period", "year,period,category,value\n2019,2019,all,1\n",
			"t.csv:1:6: columns year and period both give the period; keep one"},
		{"period and year", "period,year,category,value\n2019,2019,all,1\n",
			"t.csv:1:8: columns year and period both give the period (period is column 1); keep one"},
		{"column count", "period,category,value\n2019,all,1,2\n",
			"t.csv:2:1: row has 4 fields; the header has 3"},
		{"non-integer", "period,category,value\n2019,all,12.5\n",
			`t.csv:2:10: value "12.5" is not a whole number; counts are whole numbers`},
		{"ambiguous", "period,category,value\n2019,all,6.993\n",
			`t.csv:2:10: value "6.993" is ambiguous: a dot may be a thousands separator or a decimal point; write 6993 or 6,993`},
		{"negative", "period,category,value\n2019,all,-3\n",
			`t.csv:2:10: value "-3" is negative; counts cannot be negative`},
		{"formula", "period,category,value\n2019,all,=SUM(A1:A2)\n",
			`t.csv:2:10: value "=SUM(A1:A2)" looks like a spreadsheet formula; write a whole number such as 6993, 6,993 or ٦٬٩٩٣, or leave the cell blank for no data`},
		{"overflow", "period,category,value\n2019,all,99999999999999999999\n",
			`t.csv:2:10: value "99999999999999999999" is too large; counts must be below 9,223,372,036,854,775,808`},
		{"governorate", "period,governorate,category,value\n2019,Alepo0,all,1\n",
			`t.csv:2:6: unknown governorate "Alepo0"; did you mean Aleppo?`},
		{"category", "period,category,value\n2019,kids,1\n",
			`t.csv:2:6: unknown category "kids"; want one of: all, children, women, medical_and_civil_defence_personnel, medical_personnel, civil_defence_personnel, medical_personnel_women, media_workers, schools, medical_facilities, markets, mosques`},
		{"metric", "period,category,metric,value\n2019,all,deaths,1\n",
			`t.csv:2:10: unknown metric "deaths"; want one of: civilians_killed, massacres, attacks_on_vital_facilities, cluster_munition_attacks, incendiary_weapon_attacks, barrel_bombs, people_displaced, un_security_council_vetoes, human_rights_council_votes_against`},
		{"category fits metric", "period,category,value\n2019,schools,1\n",
			`t.csv:2:6: category "schools" does not fit metric "civilians_killed" (it counts incidents, the metric counts people)`},
		{"bad date", "period,category,value\n2015-09-31/2016-01-01,all,1\n",
			`t.csv:2:1: period start "2015-09-31" is not a date; want YYYY for a calendar year, YYYY-MM-DD/YYYY-MM-DD for a window, or /YYYY-MM-DD when the start is not stated`},
		{"reversed dates", "period,category,value\n2016-09-30/2015-09-30,all,1\n",
			`t.csv:2:1: period "2016-09-30/2015-09-30" ends before it starts; write the earlier date first`},
		{"duplicate key", "period,category,value\n2019,all,1\n2019,all,2\n",
			`t.csv:3:10: duplicate of line 2: same period, governorate, category, perpetrator and metric; keep one row per figure (conflicting sources belong in separate datasets)`},
		{"parts exceed whole", "period,category,value\n2019,all,100\n2019,children,60\n2019,women,50\n",
			`t.csv:4:12: children + women = 110 exceeds all = 100 (line 2) for the same period, place, perpetrator and metric; parts cannot exceed their whole`},
		{"governorates exceed national", "period,governorate,category,value\n2019,,all,100\n2019,Aleppo,all,70\n2019,Idlib,all,40\n",
			`t.csv:4:16: governorates sum to 110, above the national figure 100 (line 2) for the same period, category, perpetrator and metric`},
		{"unknown source", "period,category,value,source\n2019,all,1,x\n",
			`t.csv:2:12: unknown source "x"; want one of the sidecar's sources: s`},
		{"duplicate header", "period,category,value,Value\n",
			`t.csv:1:23: duplicate column "value" (also column 3)`},
		{"unknown column", "period,category,value,colour\n2019,all,1,red\n",
			`t.csv:1:23: unknown column "colour"; want one of: period, governorate, category, perpetrator, metric, value, source, note`},
		{"empty", "", "t.csv:1:1: file is empty; want a header line and rows (see datasets/README.md)"},
		{"header only", "period,category,value\n", "t.csv:1:1: file has a header but no rows; want at least one row of figures"},
		{"utf16", "\xff\xfep\x00", "t.csv:1:1: file is UTF-16; save it as UTF-8 (in a spreadsheet: CSV UTF-8)"},
		{"latin1", "period,governorate,category,value\n2019,Alep\xe9,all,1\n",
			"t.csv:2:10: byte 0xe9 is not valid UTF-8; save the file as UTF-8 (it may be Latin-1 or Windows-1256)"},
		{"nul", "period,category,value\n2019,all,1\x00\n", "t.csv:2:11: NUL byte; a CSV file holds text only"},
		{"bare quote", "period,category,value\n2019,a\"ll,1\n", `t.csv:2:7: bare " in non-quoted-field; inside a quoted field write a quote as ""`},
		{"every error", "period,category,value\n2019,all,x\n2020,all,-1\n",
			"t.csv:2:10: value \"x\" is not a number; write a whole number such as 6993, 6,993 or ٦٬٩٩٣, or leave the cell blank for no data\n" +
				"t.csv:3:10: value \"-1\" is negative; counts cannot be negative"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("t.csv", []byte(c.in), testMeta)
			if err == nil {
				t.Fatalf("no error; want %s", c.want)
			}
			if err.Error() != c.want {
				t.Errorf("got  %s\nwant %s", err, c.want)
			}
		})
	}
}

func TestErrorCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("period,category,value\n")
	for range 80 {
		b.WriteString("2019,all,x\n")
	}
	_, err := Parse("t.csv", []byte(b.String()), testMeta)
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 51 || lines[50] != "t.csv: 30 more errors not shown" {
		t.Errorf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("period,category,value\n2019,all,1\n"))
	f.Add([]byte("\ufeffperiod;governorate;all;children\r\n2015-09-30/2016-09-30;حلب;\"1,234\";٢٠٠\r\n"))
	f.Add([]byte("period,category,value\n/2025-09-30,all,6 993\n"))
	f.Add([]byte("period,category,value,note\n2019,all,1,\"" + strings.Repeat("x\n", MaxCell/2+1) + "\"\n")) // a cell over MaxCell
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Parse("f.csv", data, testMeta)
		if err == nil {
			return
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if !strings.HasPrefix(line, "f.csv:") {
				t.Fatalf("error without the path: %q", line)
			}
		}
	})
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"6993", "6,993", "٦٬٩٩٣", "6.993", "-1", "", " 1 000 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, known, err := ParseCount(s)
		if err == nil && known && n < 0 {
			t.Fatalf("negative %d from %q", n, s)
		}
	})
}
