package dataset

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tollcharts/tollcharts/charts/diag"
)

// IsWorkbook reports whether a dataset path names an Excel workbook.
func IsWorkbook(path string) bool {
	return strings.EqualFold(ext(path), ".xlsx")
}

// IsDataset reports whether a path names a dataset file (.csv or .xlsx).
func IsDataset(path string) bool {
	e := strings.ToLower(ext(path))
	return e == ".csv" || e == ".xlsx"
}

func ext(path string) string {
	i := strings.LastIndexByte(path, '.')
	if i < 0 || strings.ContainsAny(path[i:], `/\`) {
		return ""
	}
	return path[i:]
}

// MaxUnzipped is the most a workbook may unpack to. A curated workbook
// unpacks to well under a megabyte; more is a wrong file or a zip bomb.
const MaxUnzipped = 256 << 20

// maxScanCols caps the columns searched for uncomputed formulas past the
// filled cells, whatever extent the sheet claims.
const maxScanCols = 256

// cellPath is the position of a workbook cell: path:Sheet!B7.
func cellPath(path, sheet string, row, col int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		name = fmt.Sprintf("R%dC%d", row, col)
	}
	return fmt.Sprintf("%s:%s!%s", path, sheet, name)
}

// ParseWorkbook reads an .xlsx dataset's bytes: the sheet the sidecar names
// (meta.Sheet), else the workbook's only sheet. Its cells go through the
// same checks as a CSV's; a number typed as a number is its value, a date
// cell is its day as YYYY-MM-DD. Merged cells, formulas and error values
// are refused at their cell.
func ParseWorkbook(path string, data []byte, meta *Meta) (t *Table, err error) {
	if meta == nil {
		meta = &Meta{}
	}
	t = &Table{Path: path, Meta: meta, SHA256: hash(data)}
	var errs diag.List
	defer func() {
		// The workbook reader is third-party code fed an untrusted file:
		// whatever it trips on is this file's error, never a crash.
		if r := recover(); r != nil {
			errs.Add(path, 0, 0, "cannot read the workbook (%v); want an Excel .xlsx file as Excel or LibreOffice saves it", r)
			t, err = &Table{Path: path, Meta: meta, SHA256: t.SHA256}, errs.Err()
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxUnzipped})
	if err != nil {
		errs.Add(path, 0, 0, "cannot read the workbook: %v; want an Excel .xlsx file (not .xls, not password-protected)", err)
		return t, errs.Err()
	}
	defer f.Close()
	sheets := f.GetSheetList()
	sheet := meta.Sheet.Value
	switch {
	case sheet != "":
		if !slices.Contains(sheets, sheet) {
			// Reported where the name is written, the fix's place.
			errs.Add(MetaPath(path), meta.Sheet.Line, meta.Sheet.Col, "sheet %q is not in %s; its sheets are: %s", clip(sheet), path, quoteList(sheets))
			return t, errs.Err()
		}
	case len(sheets) == 1:
		sheet = sheets[0]
	case len(sheets) == 0:
		errs.Add(path, 0, 0, "workbook has no sheets; want one sheet holding the table")
		return t, errs.Err()
	default:
		errs.Add(path, 0, 0, "workbook has %d sheets (%s) and the sidecar names none; set sheet: in the sidecar to the one holding the table", len(sheets), quoteList(sheets))
		return t, errs.Err()
	}
	p := parser{path: path, meta: meta, errs: &errs, t: t, sheet: sheet}
	recs, ok := p.cells(f)
	if !ok {
		return t, errs.Err()
	}
	if len(recs.rows) == 0 {
		p.add(1, 1, "sheet is empty; want a header row and rows (see datasets/README.md)")
		return t, errs.Err()
	}
	p.r = recs
	p.read()
	if errs.Len() == 0 {
		p.validate()
	}
	return t, errs.Err()
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// sheetRows serves a sheet's non-blank rows as records; positions are the
// sheet's row and column numbers.
type sheetRows struct {
	rows [][]string
	nums []int // sheet row number of each row
	cur  int   // index of the row last read, -1 before the first
}

func (s *sheetRows) Read() ([]string, error) {
	if s.cur+1 >= len(s.rows) {
		s.cur = len(s.rows)
		return nil, io.EOF
	}
	s.cur++
	return s.rows[s.cur], nil
}

func (s *sheetRows) FieldPos(field int) (int, int) {
	i := min(max(s.cur, 0), len(s.nums)-1)
	return s.nums[i], field + 1
}

// cells reads every cell of the sheet as text, refusing merged cells,
// formulas, error values and fractional numbers at their cell.
func (p *parser) cells(f *excelize.File) (*sheetRows, bool) {
	ok := true
	merged, err := f.GetMergeCells(p.sheet)
	if err != nil {
		p.errs.Add(p.path, 0, 0, "cannot read sheet %q: %v", p.sheet, err)
		return nil, false
	}
	for _, m := range merged {
		c, r, err := excelize.CellNameToCoordinates(m.GetStartAxis())
		if err != nil {
			c, r = 1, 1
		}
		p.add(r, c, "merged cells %s:%s; a dataset has one value per cell: unmerge them and type the value in every cell", m.GetStartAxis(), m.GetEndAxis())
		ok = false
	}
	if !ok {
		return nil, false // the table's columns are not known: what follows would only echo the merge
	}
	dimCols := 0
	if dim, err := f.GetSheetDimension(p.sheet); err == nil {
		if _, end, found := strings.Cut(dim, ":"); found {
			dimCols, _, _ = excelize.CellNameToCoordinates(end)
		}
	}
	rows, err := f.Rows(p.sheet)
	if err != nil {
		p.errs.Add(p.path, 0, 0, "cannot read sheet %q: %v", p.sheet, err)
		return nil, false
	}
	defer rows.Close()
	out := &sheetRows{cur: -1}
	width := 0
	for r := 1; rows.Next(); r++ {
		raw, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			p.add(r, 1, "cannot read row: %v", err)
			return nil, false
		}
		rec := make([]string, len(raw))
		blank := true
		// A formula whose value was never computed reads as blank: look
		// for formulas in every column, not only the filled cells.
		for c := 1; c <= max(len(raw), width, min(dimCols, maxScanCols)); c++ {
			name, _ := excelize.CoordinatesToCellName(c, r)
			if fx, _ := f.GetCellFormula(p.sheet, name); fx != "" && (c > len(raw) || raw[c-1] == "") {
				p.add(r, c, "%s", formulaMsg(fx))
				ok, blank = false, false
			}
		}
		for i, v := range raw {
			if v == "" {
				continue
			}
			s, good := p.cell(f, r, i+1, v)
			if !good {
				ok = false
			}
			rec[i] = s
			if strings.TrimFunc(s, isSpace) != "" {
				blank = false
			}
		}
		if blank {
			continue // a blank row, as a CSV's empty line
		}
		if len(out.rows) == 0 {
			width = len(rec)
		} else if len(rec) > width {
			for i := width; i < len(rec); i++ {
				if strings.TrimFunc(rec[i], isSpace) != "" {
					p.add(r, i+1, "cell is right of the header's last column; every value needs a column header")
					ok = false
					break
				}
			}
			rec = rec[:width]
		}
		for len(rec) < width {
			rec = append(rec, "") // trailing blank cells are not stored
		}
		out.rows = append(out.rows, rec)
		out.nums = append(out.nums, r)
	}
	if err := rows.Error(); err != nil {
		p.errs.Add(p.path, 0, 0, "cannot read sheet %q: %v", p.sheet, err)
		return nil, false
	}
	return out, ok
}

// cell returns a cell's text as a CSV would hold it.
func (p *parser) cell(f *excelize.File, row, col int, raw string) (string, bool) {
	name, _ := excelize.CoordinatesToCellName(col, row)
	if len(raw) > MaxCell {
		p.add(row, col, "cell is %d bytes; at most %d are allowed", len(raw), MaxCell)
		return "", false
	}
	if fx, _ := f.GetCellFormula(p.sheet, name); fx != "" {
		p.add(row, col, "%s", formulaMsg(fx))
		return "", false
	}
	typ, _ := f.GetCellType(p.sheet, name)
	switch typ {
	case excelize.CellTypeError:
		p.add(row, col, "error value %s; want the figure the source prints, or a blank cell for no data", clip(raw))
		return "", false
	case excelize.CellTypeBool:
		p.add(row, col, "true/false cell; want a number, a date or text")
		return "", false
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeFormula:
		return raw, true
	case excelize.CellTypeDate: // an ISO 8601 date stored as such
		if len(raw) >= 10 {
			return raw[:10], true
		}
		return raw, true
	}
	// A number, stored as the shortest decimal that round-trips.
	x, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return raw, true
	}
	if isDate(f, p.sheet, name) {
		if x != math.Trunc(x) {
			p.add(row, col, "date %s has a time of day; want a date alone", raw)
			return "", false
		}
		tm, err := excelize.ExcelDateToTime(x, false)
		if err != nil {
			p.add(row, col, "date serial %s is out of range: %v", raw, err)
			return "", false
		}
		return tm.Format("2006-01-02"), true
	}
	if x != math.Trunc(x) || math.IsInf(x, 0) {
		p.add(row, col, "number %s is not a whole number; counts are whole numbers (the cell holds a fraction, perhaps shown rounded)", raw)
		return "", false
	}
	if math.Abs(x) >= 1<<53 {
		p.add(row, col, "number %s is too large to be stored exactly in a spreadsheet number; type it as text", raw)
		return "", false
	}
	return strconv.FormatInt(int64(x), 10), true
}

func formulaMsg(fx string) string {
	return fmt.Sprintf("formula =%s; a published figure is typed, not computed: type the number the source prints (or Paste Special > Values)", clip(fx))
}

// isDate reports whether a cell's number format shows a date.
func isDate(f *excelize.File, sheet, cell string) bool {
	idx, err := f.GetCellStyle(sheet, cell)
	if err != nil || idx == 0 {
		return false
	}
	st, err := f.GetStyle(idx)
	if err != nil || st == nil {
		return false
	}
	if st.CustomNumFmt != nil {
		return dateFormat(*st.CustomNumFmt)
	}
	n := st.NumFmt
	return (n >= 14 && n <= 22) || (n >= 27 && n <= 36) || (n >= 45 && n <= 47) || (n >= 50 && n <= 58)
}

// dateFormat reports whether a custom number format has a date part: a
// y, m or d outside quotes, brackets and escapes (m alone can be minutes,
// but a format with m and no h is a date one).
func dateFormat(s string) bool {
	quoted, bracket := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\':
			i++
		case c == '[':
			bracket = true
		case c == ']':
			bracket = false
		case bracket:
		case c == 'y' || c == 'Y' || c == 'd' || c == 'D':
			return true
		case c == 'm' || c == 'M':
			if !strings.ContainsAny(s, "hH") {
				return true
			}
		}
	}
	return false
}
