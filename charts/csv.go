package charts

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

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

// safeCell neutralises spreadsheet formulas (=, +, -, @, tab, CR at the start).
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
