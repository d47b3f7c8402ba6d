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
// series, the exact count (blank for no data), whether it is derived, and
// the source it was read from (its sidecar id, kind, title, date, address,
// and for a secondary source the outlet and the report it quotes; a
// derived value names its inputs' sources joined with " + "). Cells that a
// spreadsheet would run as a formula are prefixed with a quote.
func figureCSV(f *figure.Figure) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff") // spreadsheets need it to read Arabic as UTF-8
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	_ = w.Write(append([]string{"category_key", "category", "series_key", "series", "value", "derived"}, sourceColumns...))
	for ci, key := range f.CategoryKeys {
		for _, s := range f.Series {
			v := s.Values[ci]
			val := ""
			if v.Known {
				val = strconv.FormatInt(v.N, 10)
			}
			row := []string{safeCell(key), safeCell(f.Categories[ci]), safeCell(s.Key), safeCell(s.Name), val, strconv.FormatBool(s.Derived)}
			for _, c := range sourceCells(f, v.Source) {
				row = append(row, safeCell(c))
			}
			_ = w.Write(row)
		}
	}
	w.Flush()
	return b.Bytes()
}

// sourceIDs lists the ids of a figure's sources, for the manifest.
func sourceIDs(f *figure.Figure) []string {
	ids := make([]string, len(f.Sources))
	for i, s := range f.Sources {
		ids[i] = s.ID
	}
	return ids
}

// sourceColumns are the chart CSV's columns naming each value's source.
var sourceColumns = []string{"source", "source_kind", "source_title", "source_date", "source_url", "source_outlet", "source_cites"}

// sourceCells are a value's source columns: blank for no data, the
// fields of each source joined with " + " for a derived value (blank
// where none of its sources has the field).
func sourceCells(f *figure.Figure, ids string) []string {
	cells := make([]string, len(sourceColumns))
	if ids == "" {
		return cells
	}
	for i, id := range strings.Split(ids, "+") {
		var s figure.SourceRef
		for _, r := range f.Sources {
			if r.ID == id {
				s = r
			}
		}
		for c, v := range []string{s.ID, s.Kind, s.Title, s.Date, s.URL, s.Outlet, s.Cites} {
			if i > 0 {
				cells[c] += " + "
			}
			cells[c] += v
		}
	}
	for c := range cells {
		if strings.Trim(cells[c], " +") == "" {
			cells[c] = "" // no source has this field: blank, not " + "
		}
	}
	return cells
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
