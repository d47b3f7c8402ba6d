package charts

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"unicode"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// figureCSV writes the numbers behind a chart: one row per category and
// series, the exact count (blank for no data) and whether it is derived.
// Cells that a spreadsheet would run as a formula are prefixed with a quote.
func figureCSV(f *figure.Figure) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff") // spreadsheets need it to read Arabic as UTF-8
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	_ = w.Write([]string{"category_key", "category", "series_key", "series", "value", "derived"})
	for ci, key := range f.CategoryKeys {
		for _, s := range f.Series {
			v := s.Values[ci]
			val := ""
			if v.Known {
				val = strconv.FormatInt(v.N, 10)
			}
			_ = w.Write([]string{safeCell(key), safeCell(f.Categories[ci]), safeCell(s.Key), safeCell(s.Name), val, strconv.FormatBool(s.Derived)})
		}
	}
	w.Flush()
	return b.Bytes()
}

// safeCell neutralises spreadsheet formulas: a cell whose first character
// is a tab, a return or a newline, or whose first visible character (after
// spaces, control characters and invisible formatting such as bidi
// controls, which some spreadsheets skip) is = + - @ or a full-width form
// of them, gets a leading quote, so that spreadsheets show it as text.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("\t\r\n", rune(s[0])) {
		return "'" + s
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		if strings.ContainsRune("=+-@\uff1d\uff0b\uff0d\uff20", r) {
			return "'" + s
		}
		break
	}
	return s
}
