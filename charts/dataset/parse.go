package dataset

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tollcharts/tollcharts/charts/diag"
	"github.com/tollcharts/tollcharts/charts/syria"
	"github.com/tollcharts/tollcharts/charts/vocab"
)

// keyColumns are the columns of the tidy layout; in the wide layout every
// other column is a category.
var keyColumns = []string{"period", "governorate", "category", "perpetrator", "metric", "value", "source", "note"}

// Parse reads a dataset's CSV bytes; meta is its sidecar (nil means an
// empty one, which then gives no defaults and no sources).
func Parse(path string, data []byte, meta *Meta) (*Table, error) {
	if meta == nil {
		meta = &Meta{}
	}
	t := &Table{Path: path, Meta: meta, SHA256: hash(data)}
	var errs diag.List
	p := parser{path: path, meta: meta, errs: &errs, t: t}
	if !p.checkEncoding(data) {
		return t, errs.Err()
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		errs.Add(path, 1, 1, "file is empty; want a header line and rows (see datasets/README.md)")
		return t, errs.Err()
	}
	comma := delimiter(data)
	if !p.checkCells(data, byte(comma)) {
		return t, errs.Err()
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.FieldsPerRecord = -1
	p.r = r
	p.read()
	if errs.Len() == 0 {
		p.validate()
	}
	return t, errs.Err()
}

type parser struct {
	path string
	meta *Meta
	errs *diag.List
	t    *Table
	r    records
	// sheet is set for a workbook: positions print as path:Sheet!B7.
	sheet string

	cols     map[string]int // key column -> index
	catCols  []int          // wide layout: indexes of category columns
	catNames []string
	// year is set when the period column is headed "year": its cells
	// must be calendar years.
	year bool
}

// records is where the parser reads rows from: a CSV reader, or the
// cells of a workbook's sheet.
type records interface {
	Read() ([]string, error)
	FieldPos(field int) (line, col int)
}

func (p *parser) add(line, col int, format string, args ...any) {
	if p.sheet != "" && line > 0 {
		p.errs.Add(cellPath(p.path, p.sheet, line, max(col, 1)), 0, 0, format, args...)
		return
	}
	p.errs.Add(p.path, line, col, format, args...)
}

// checkEncoding rejects what is not UTF-8 text, with the place it starts.
func (p *parser) checkEncoding(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		p.add(1, 1, "file is UTF-16; save it as UTF-8 (in a spreadsheet: CSV UTF-8)")
		return false
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		c, size := utf8.DecodeRune(data[i:])
		switch {
		case c == utf8.RuneError && size <= 1:
			p.add(line, col, "byte 0x%02x is not valid UTF-8; save the file as UTF-8 (it may be Latin-1 or Windows-1256)", data[i])
			return false
		case c == 0:
			p.add(line, col, "NUL byte; a CSV file holds text only")
			return false
		case c == '\n':
			line, col = line+1, 0
		}
		i += size
		col += size
	}
	return true
}

// MaxCell is the largest cell accepted, in bytes. Curated cells hold a
// number, a name or a short note; a larger one is a pasted document or a
// quote left open, and reading it as CSV would cost memory for nothing.
const MaxCell = 4096

// checkCells reports every cell larger than MaxCell, at its start, before
// the CSV is read: a scan of the bytes that splits fields as the CSV
// reader does (at comma and newline outside quotes) and allocates nothing.
func (p *parser) checkCells(data []byte, comma byte) bool {
	ok := true
	line, col := 1, 1           // position of the next byte
	startLine, startCol := 1, 1 // where the current cell starts
	size := 0
	quoted := false
	end := func() {
		if size > MaxCell {
			p.add(startLine, startCol, "cell is %d bytes; at most %d are allowed", size, MaxCell)
			ok = false
		}
	}
	for _, c := range data {
		if c == '"' {
			quoted = !quoted
		}
		if !quoted && (c == comma || c == '\n') {
			end()
			size = 0
			if c == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			startLine, startCol = line, col
			continue
		}
		size++
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	end()
	return ok
}

// delimiter picks comma, semicolon or tab, whichever the header line
// (outside quotes) uses most; comma when none.
func delimiter(data []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, b := range data { // bytes: the runes looked for are ASCII, and copying data to a string would double the memory
		c := rune(b)
		if c == '"' {
			quoted = !quoted
		}
		if c == '\n' && !quoted {
			break
		}
		if !quoted && (c == ',' || c == ';' || c == '\t') {
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

func (p *parser) read() {
	header, err := p.r.Read()
	if err != nil {
		p.csvError(err)
		return
	}
	if !p.header(header) {
		return
	}
	rows := 0
	for {
		rec, err := p.r.Read()
		if err == io.EOF {
			break
		}
		rows++
		if err != nil {
			if !p.csvError(err) {
				return
			}
			continue
		}
		p.record(rec)
	}
	if rows == 0 {
		p.add(1, 1, "file has a header but no rows; want at least one row of figures")
	}
}

// csvError reports a CSV syntax error; it returns false when reading cannot go on.
func (p *parser) csvError(err error) bool {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrBareQuote) || errors.Is(pe.Err, csv.ErrQuote) {
			msg += `; inside a quoted field write a quote as ""`
		}
		p.add(pe.Line, pe.Column, "%s", msg)
		return !errors.Is(pe.Err, csv.ErrQuote) // an unterminated quote swallows the rest
	}
	p.add(0, 0, "cannot read CSV: %v", err)
	return false
}

func (p *parser) header(h []string) bool {
	p.cols = map[string]int{}
	ok := true
	seen := map[string]int{}
	for i, raw := range h {
		line, col := p.r.FieldPos(i)
		name := strings.ToLower(strings.TrimFunc(strings.TrimPrefix(raw, "\ufeff"), isSpace))
		if name == "" {
			p.add(line, col, "column %d has no name; every column needs a header", i+1)
			ok = false
			continue
		}
		if j, dup := seen[name]; dup {
			p.add(line, col, "duplicate column %q (also column %d)", name, j+1)
			ok = false
			continue
		}
		seen[name] = i
		if name == "year" {
			// The natural header of "tolls by year": a period column
			// that holds calendar years only.
			if j, dup := seen["period"]; dup {
				p.add(line, col, "columns year and period both give the period (period is column %d); keep one", j+1)
				ok = false
				continue
			}
			name, p.year = "period", true
		} else if name == "period" && p.year {
			p.add(line, col, "columns year and period both give the period; keep one")
			ok = false
			continue
		}
		if slices.Contains(keyColumns, name) {
			p.cols[name] = i
		} else {
			p.catCols = append(p.catCols, i)
			p.catNames = append(p.catNames, name)
		}
	}
	if !ok {
		return false
	}
	_, hasValue := p.cols["value"]
	_, hasCategory := p.cols["category"]
	wide := !hasValue && !hasCategory
	line, _ := p.r.FieldPos(0)
	if wide {
		for k, i := range p.catCols {
			c, known := vocab.CategoryByID(p.catNames[k])
			if !known || c.Derived {
				l, col := p.r.FieldPos(i)
				p.add(l, col, "unknown column %q; want a key column (%s) or, in the wide layout, a category (%s)", clip(p.catNames[k]), strings.Join(keyColumns, ", "), vocab.DataCategoryIDs())
				ok = false
			}
		}
		if len(p.catCols) == 0 {
			p.add(line, 1, "no value column; want a value column (tidy layout) or category columns (wide layout)")
			ok = false
		}
	} else {
		for k, i := range p.catCols {
			l, col := p.r.FieldPos(i)
			p.add(l, col, "unknown column %q; want one of: %s", clip(p.catNames[k]), strings.Join(keyColumns, ", "))
			ok = false
		}
		if !hasValue {
			p.add(line, 1, "no value column; the tidy layout needs period, category and value columns")
			ok = false
		}
		if !hasCategory && p.meta.Defaults["category"] == "" {
			p.add(line, 1, "no category column and no defaults.category in the sidecar")
			ok = false
		}
	}
	if _, has := p.cols["period"]; !has {
		p.add(line, 1, "no period column; every dataset needs one")
		ok = false
	}
	for _, k := range []string{"perpetrator", "metric"} {
		if _, has := p.cols[k]; !has && p.meta.Defaults[k] == "" {
			p.add(line, 1, "no %s column and no defaults.%s in the sidecar", k, k)
			ok = false
		}
	}
	return ok
}

// field returns a key column's trimmed cell (or the sidecar default) and its position.
func (p *parser) field(rec []string, name string) (string, int, int) {
	i, ok := p.cols[name]
	if !ok {
		line, _ := p.r.FieldPos(0)
		return p.meta.Defaults[name], line, 1
	}
	line, col := p.r.FieldPos(i)
	v := strings.TrimFunc(rec[i], isSpace)
	if v == "" && name != "governorate" {
		v = p.meta.Defaults[name]
	}
	return v, line, col
}

func (p *parser) record(rec []string) {
	line, _ := p.r.FieldPos(0)
	if want := len(p.cols) + len(p.catCols); len(rec) != want {
		p.add(line, 1, "row has %d fields; the header has %d", len(rec), want)
		return
	}
	var base Row
	ok := true
	s, l, c := p.field(rec, "period")
	per, err := ParsePeriod(s)
	switch {
	case err != nil:
		p.add(l, c, "%s", err)
		ok = false
	case p.year && !per.Calendar:
		p.add(l, c, "year %q is not a calendar year; want YYYY, or head the column period for a dated window", clip(s))
		ok = false
	}
	base.Period = per

	if s, l, c = p.field(rec, "governorate"); s != "" {
		if g, found := syria.Lookup(s); found {
			base.Governorate = g.PCode
		} else {
			msg := "unknown governorate %q; want an OCHA name, an alias, the Arabic name, a P-code (SY01-SY14) or an ISO code, or blank for all of Syria"
			if sug := syria.Suggest(s); sug != "" {
				msg = "unknown governorate %q; did you mean " + sug + "?"
			}
			p.add(l, c, msg, clip(s))
			ok = false
		}
	}
	metric, l, c := p.field(rec, "metric")
	m, found := vocab.MetricByID(metric)
	if !found {
		p.add(l, c, "unknown metric %q; want one of: %s", clip(metric), vocab.MetricIDs())
		ok = false
	}
	base.Metric = metric
	perp, l, c := p.field(rec, "perpetrator")
	if _, found := vocab.PerpetratorByID(perp); !found {
		p.add(l, c, "unknown perpetrator %q; want one of: %s", clip(perp), vocab.PerpetratorIDs())
		ok = false
	}
	base.Perpetrator = perp
	src, l, c := p.field(rec, "source")
	if src == "" {
		src = p.meta.DefaultSource
	}
	if _, found := p.meta.Sources[src]; !found {
		if src == "" {
			p.add(l, c, "no source; set the source column or default_source in the sidecar, so every figure traces to a publication")
		} else {
			p.add(l, c, "unknown source %q; want one of the sidecar's sources: %s", clip(src), strings.Join(sortedKeys(p.meta.Sources), ", "))
		}
		ok = false
	}
	base.Source = src
	base.Note, _, _ = p.field(rec, "note")

	type cell struct {
		category string
		value    string
		line     int
		col      int
	}
	var cells []cell
	if len(p.catCols) > 0 {
		for k, i := range p.catCols {
			l, c := p.r.FieldPos(i)
			cells = append(cells, cell{p.catNames[k], rec[i], l, c})
		}
	} else {
		cat, l, c := p.field(rec, "category")
		vl, vc := p.r.FieldPos(p.cols["value"])
		cells = append(cells, cell{cat, rec[p.cols["value"]], vl, vc})
		if cc, found := vocab.CategoryByID(cat); !found || cc.Derived {
			what := "unknown category %q; want one of: %s"
			if found {
				what = "category %q is derived, never stored; want one of: %s"
			}
			p.add(l, c, what, clip(cat), vocab.DataCategoryIDs())
			ok = false
		} else if m.ID != "" && !cc.Fits(m) {
			p.add(l, c, "category %q does not fit metric %q (it counts %s, the metric counts %s)", cat, m.ID, cc.Unit, m.Unit)
			ok = false
		}
	}
	for _, x := range cells {
		n, known, err := ParseCount(x.value)
		if err != nil {
			p.add(x.line, x.col, "%s", err)
			ok = false
			continue
		}
		if len(p.catCols) > 0 && m.ID != "" {
			if cc, _ := vocab.CategoryByID(x.category); !cc.Fits(m) && known {
				p.add(x.line, x.col, "category %q does not fit metric %q (it counts %s, the metric counts %s)", x.category, m.ID, cc.Unit, m.Unit)
				ok = false
				continue
			}
		}
		if !ok {
			continue
		}
		r := base
		r.Line, r.Col = x.line, x.col
		r.Category, r.Value, r.Known = x.category, n, known
		p.t.Rows = append(p.t.Rows, r)
	}
}
