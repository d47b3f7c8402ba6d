// Package dataset reads, normalises and validates the curated datasets
// (CSV files or Excel .xlsx workbooks).
//
// In: a CSV file (tidy or wide layout, as spreadsheets export it: BOM, CRLF,
// quotes, comma, semicolon or tab, thousands separators, Arabic-Indic
// digits, any governorate spelling) and its provenance sidecar
// <name>.meta.yaml. Out: a Table of Rows keyed by period, governorate
// (OCHA P-code, "" for all of Syria), category, perpetrator and metric, each
// with an exact count or "no data", or a diag.List holding every error of the
// file as "path:line:col: message". The format is documented in
// datasets/README.md.
package dataset

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/tollcharts/tollcharts/charts/diag"
)

// Row is one published number.
type Row struct {
	Line, Col   int // position of the value in the CSV
	Period      Period
	Governorate string // OCHA P-code; "" = all of Syria
	Category    string
	Perpetrator string
	Metric      string
	Value       int64
	Known       bool   // false: no data (a blank cell), never zero
	Source      string // key into Meta.Sources
	Note        string
}

// Key identifies what a row counts; a table holds each key once.
type Key struct {
	Period                                     string
	Governorate, Category, Perpetrator, Metric string
}

// Key returns the row's key.
func (r Row) Key() Key {
	return Key{r.Period.Key(), r.Governorate, r.Category, r.Perpetrator, r.Metric}
}

// Table is a loaded dataset.
type Table struct {
	Path     string // the CSV's path as given
	MetaPath string
	Meta     *Meta
	Rows     []Row
	// SHA256 of the CSV and the sidecar, for the build manifest.
	SHA256, MetaSHA256 string
}

// MaxBytes is the largest dataset file accepted. Curated datasets are a few
// kilobytes; anything near this is a wrong file.
const MaxBytes = 64 << 20

// MetaPath returns the sidecar path of a dataset path (.csv or .xlsx).
func MetaPath(path string) string {
	if e := ext(path); strings.EqualFold(e, ".csv") || strings.EqualFold(e, ".xlsx") {
		path = path[:len(path)-len(e)]
	}
	return path + ".meta.yaml"
}

// Load reads a dataset, a CSV file or an .xlsx workbook, and its sidecar
// and validates both.
func Load(path string) (*Table, error) {
	var errs diag.List
	data, err := readFile(path)
	if err != nil {
		errs.Add(path, 0, 0, "%s", err)
		return nil, errs.Err()
	}
	mp := MetaPath(path)
	metaData, err := readFile(mp)
	if errors.Is(err, fs.ErrNotExist) {
		errs.Add(path, 0, 0, "no provenance sidecar: %s is missing; every dataset needs one (see datasets/README.md)", mp)
		return nil, errs.Err()
	} else if err != nil {
		errs.Add(mp, 0, 0, "%s", err)
		return nil, errs.Err()
	}
	meta, err := ParseMeta(mp, metaData)
	if err != nil {
		return nil, err
	}
	var t *Table
	if IsWorkbook(path) {
		t, err = ParseWorkbook(path, data, meta)
	} else if meta.Sheet.Value != "" {
		errs.Add(mp, meta.Sheet.Line, meta.Sheet.Col, "sheet %q is for an .xlsx dataset; %s is a CSV file, which has no sheets: remove the sheet key", clip(meta.Sheet.Value), path)
		return nil, errs.Err()
	} else {
		t, err = Parse(path, data, meta)
	}
	if t != nil {
		t.MetaPath = mp
		t.MetaSHA256 = hash(metaData)
	}
	return t, err
}

// readFile reads a dataset or sidecar, refusing before reading anything a
// file over MaxBytes and what is not a regular file (a FIFO, a device),
// and never reading more than MaxBytes+1 bytes (a file may grow meanwhile).
func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("cannot read: %w", fs.ErrNotExist)
		}
		return nil, fmt.Errorf("cannot read: %v", err)
	}
	switch {
	case st.IsDir():
		return nil, fmt.Errorf("is a directory; want a file")
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("is not a regular file; want a file")
	case st.Size() > MaxBytes:
		return nil, fmt.Errorf("file is %d bytes; at most %d are allowed", st.Size(), MaxBytes)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %v", err)
	}
	defer f.Close()
	var b bytes.Buffer
	b.Grow(int(st.Size()) + bytes.MinRead) // room for the read that finds the end
	if _, err := b.ReadFrom(io.LimitReader(f, MaxBytes+1)); err != nil {
		return nil, fmt.Errorf("cannot read: %v", err)
	}
	if b.Len() > MaxBytes {
		return nil, fmt.Errorf("file is more than %d bytes; at most %d are allowed", MaxBytes, MaxBytes)
	}
	return b.Bytes(), nil
}

func hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
