package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tollcharts/tollcharts/charts"
)

// xlsxCell is one cell of a synthetic workbook: a string is typed as text,
// an int or float as a number.
type xlsxSheet struct {
	name  string
	cells map[string]any
	merge [][2]string
	// formulas and errors: cell -> formula text, cell -> error value.
	formulas, errors map[string]string
}

// makeWorkbook builds an .xlsx the way a spreadsheet saves one. Error
// values (#REF!) have no excelize setter: the cell is written as a number
// and its XML rewritten to an error cell.
func makeWorkbook(t *testing.T, sheets ...xlsxSheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for ref, v := range s.cells {
			if err := f.SetCellValue(s.name, ref, v); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range s.merge {
			if err := f.MergeCell(s.name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		for ref, fx := range s.formulas {
			if err := f.SetCellFormula(s.name, ref, fx); err != nil {
				t.Fatal(err)
			}
		}
		for ref := range s.errors {
			if err := f.SetCellInt(s.name, ref, 987654321); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	for i, s := range sheets {
		for ref, e := range s.errors {
			b = rewriteZip(t, b, "xl/worksheets/sheet"+string(rune('1'+i))+".xml",
				`<c r="`+ref+`"><v>987654321</v></c>`, `<c r="`+ref+`" t="e"><v>`+e+`</v></c>`)
		}
	}
	return b
}

func rewriteZip(t *testing.T, data []byte, name, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, zf := range zr.File {
		r, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == name && bytes.Contains(body, []byte(old)) {
			body, found = bytes.Replace(body, []byte(old), []byte(new), 1), true
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("%s: %q not found", name, old)
	}
	return out.Bytes()
}

// syntheticSheet is the synthetic dataset as a spreadsheet holds it:
// periods and counts typed as numbers, one count typed as text with a
// thousands separator, the unknown figure a blank cell.
func syntheticSheet() xlsxSheet {
	return xlsxSheet{name: "Deaths", cells: map[string]any{
		"A1": "period", "B1": "category", "C1": "value",
		"A2": 2019, "B2": "all", "C2": 100,
		"A3": 2019, "B3": "children", "C3": 30,
		"A4": 2019, "B4": "women", "C4": 20,
		// row 5 left blank, as a spreadsheet row between blocks
		"A6": 2020, "B6": "all", "C6": 50,
		"A7": 2020, "B7": "children", "C7": 10,
		"A8": 2020, "B8": "women",
		"A9": "2021", "B9": "all", "C9": "1,200",
	}}
}

const syntheticTwinCSV = "period,category,value\n2019,all,100\n2019,children,30\n2019,women,20\n2020,all,50\n2020,children,10\n2020,women,\n2021,all,\"1,200\"\n"

// TestXLSXBuildsLikeItsCSVTwin: a workbook and the CSV it would export
// build the same figures byte for byte (PNG pixels, chart CSVs, pages with
// their chart JSON); the manifest differs only in the dataset's path and
// hash, which is the hash of the .xlsx bytes.
func TestXLSXBuildsLikeItsCSVTwin(t *testing.T) {
	wb := makeWorkbook(t, syntheticSheet())
	build := func(ext string) ([]byte, map[string][]byte) {
		files := map[string]string{}
		for k, v := range synthetic {
			files[k] = v
		}
		delete(files, "datasets/synthetic.csv")
		if ext == ".csv" {
			files["datasets/synthetic.csv"] = syntheticTwinCSV
		} else {
			files["datasets/synthetic.xlsx"] = string(wb)
		}
		files["reports/synthetic.yaml"] = strings.Replace(synthetic["reports/synthetic.yaml"], "../datasets/synthetic.csv", "../datasets/synthetic"+ext, 1)
		files["reports/synthetic.yaml"] = strings.Replace(files["reports/synthetic.yaml"], `  - id: parts`, `  - id: late
    kind: column
    data: d
    title: {en: Synthetic late years, ar: سنوات تجريبية}
    select: {metric: civilians_killed, category: [all], period: ["2020", "2021"]}
    x: period
  - id: parts`, 1)
		dir := writeFiles(t, files)
		out := filepath.Join(dir, "out")
		spec := filepath.Join(dir, "reports", "synthetic.yaml")
		if code, _, stderr := runT(t, "check", spec, filepath.Join(dir, "datasets", "synthetic"+ext)); code != 0 {
			t.Fatalf("check %s: %d\n%s", ext, code, stderr)
		}
		code, _, stderr := runT(t, "build", "-q", "-format", "png,svg", "-out", out, spec)
		if code != 0 {
			t.Fatalf("build %s: %d\n%s", ext, code, stderr)
		}
		loaded, err := charts.Load([]string{spec}, nil)
		if err != nil || len(loaded) != 1 {
			t.Fatalf("load %s: %v", ext, err)
		}
		figs, err := json.Marshal(loaded[0].Figures)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][]byte{}
		for p, b := range snapshot(t, out) {
			rel, _ := filepath.Rel(out, p)
			got[filepath.ToSlash(rel)] = b
		}
		return figs, got
	}
	csvFigs, csvOut := build(".csv")
	xFigs, xOut := build(".xlsx")
	if !bytes.Equal(csvFigs, xFigs) || len(csvFigs) < 100 {
		t.Errorf("figure JSON differs:\n%s\n%s", csvFigs, xFigs)
	}
	if len(csvOut) != len(xOut) || len(csvOut) < 10 {
		t.Fatalf("csv built %d files, xlsx %d", len(csvOut), len(xOut))
	}
	// The files name their inputs (PNG text chunks, SVG metadata, the
	// manifest): the .xlsx and its hash where the twin has the .csv.
	xSum, cSum := sha256.Sum256(wb), sha256.Sum256([]byte(syntheticTwinCSV))
	// Both are dropped; the rest must be the same bytes.
	inputs := regexp.MustCompile(`<tc:input path="[^"]*" sha256="[0-9a-f]+"/>|<meta name="tollcharts:input-sha256" content="[^"]*">\n?`)
	norm := func(b []byte) []byte { return inputs.ReplaceAll(b, nil) }
	for _, b := range [][]byte{csvOut["synthetic/en/years.svg"], csvOut["synthetic/index.html"]} {
		if !bytes.Contains(b, []byte(hex.EncodeToString(cSum[:]))) {
			t.Errorf("no input hash of the CSV to drop in %.300s", b)
		}
	}
	for _, b := range [][]byte{xOut["synthetic/en/years.svg"], xOut["synthetic/index.html"]} {
		if !bytes.Contains(b, []byte(hex.EncodeToString(xSum[:]))) {
			t.Errorf("the .xlsx's hash is not among the inputs in %.300s", b)
		}
	}
	pngs := 0
	for p, b := range csvOut {
		switch {
		case p == "synthetic/manifest.json":
		case strings.HasSuffix(p, ".png"):
			pngs++
			ci, err1 := png.Decode(bytes.NewReader(b))
			xi, err2 := png.Decode(bytes.NewReader(xOut[p]))
			if err1 != nil || err2 != nil {
				t.Errorf("%s: %v %v", p, err1, err2)
				continue
			}
			c, x := image.NewNRGBA(ci.Bounds()), image.NewNRGBA(xi.Bounds())
			draw.Draw(c, c.Rect, ci, ci.Bounds().Min, draw.Src)
			draw.Draw(x, x.Rect, xi, xi.Bounds().Min, draw.Src)
			if c.Rect != x.Rect || !bytes.Equal(c.Pix, x.Pix) {
				t.Errorf("%s: pixels differ between the CSV and the .xlsx build", p)
			}
		case !bytes.Equal(norm(b), norm(xOut[p])):
			t.Errorf("%s differs between the CSV and the .xlsx build beyond its inputs: %s", p, firstDiff(norm(b), norm(xOut[p])))
		}
	}
	if pngs == 0 {
		t.Error("no PNG built")
	}
	if !bytes.Contains(csvOut["synthetic/en/late.csv"], []byte("1200")) {
		t.Errorf("late.csv lacks the text-typed 1,200:\n%s", csvOut["synthetic/en/late.csv"])
	}
	var cm, xm struct {
		Inputs    []struct{ Path, Kind, SHA256 string }
		Artifacts json.RawMessage
	}
	json.Unmarshal(csvOut["synthetic/manifest.json"], &cm)
	json.Unmarshal(xOut["synthetic/manifest.json"], &xm)
	var ca, xa []map[string]any
	json.Unmarshal(cm.Artifacts, &ca)
	json.Unmarshal(xm.Artifacts, &xa)
	for _, as := range [][]map[string]any{ca, xa} {
		for _, a := range as {
			delete(a, "sha256") // the files embed their inputs' hashes,
			delete(a, "key")    // and so do the render cache keys
		}
	}
	if cb, xb := must(json.Marshal(ca)), must(json.Marshal(xa)); !bytes.Equal(cb, xb) || len(ca) == 0 {
		t.Errorf("manifest artifacts differ:\n%s\n%s", cb, xb)
	}
	sum := xSum
	found := false
	for _, in := range xm.Inputs {
		if in.Kind == "dataset" {
			found = true
			if !strings.HasSuffix(in.Path, "synthetic.xlsx") || in.SHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("dataset input %+v; want the .xlsx and the hash of its bytes", in)
			}
		}
	}
	if !found {
		t.Errorf("manifest has no dataset input: %s", xOut["synthetic/manifest.json"])
	}
}

// TestXLSXBadInputs: each refused workbook exits 1 from check and build
// with its message at the cell, file.xlsx:Sheet!B7.
func TestXLSXMissingFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "synthetic-missing.xlsx")
	os.WriteFile(filepath.Join(dir, "synthetic-missing.meta.yaml"), []byte(synthetic["datasets/synthetic.meta.yaml"]), 0o644)
	code, _, stderr := runT(t, "check", p)
	if code != 1 || stderr != p+": cannot read: file does not exist\n" {
		t.Errorf("check missing .xlsx: %d %q", code, stderr)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// firstDiff shows where two files part.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(i-60, 0)
	return fmt.Sprintf("at byte %d: %q vs %q", i, a[lo:min(i+60, len(a))], b[lo:min(i+60, len(b))])
}

// xlsxBadCases are the refused workbooks of the bad-input corpus
// (testdata/bad/dataset-xlsx-*.xlsx), each with its sidecar's extra lines.
func xlsxBadCases() map[string]struct {
	sheets []xlsxSheet
	meta   string
} {
	header := map[string]any{"A1": "period", "B1": "category", "C1": "value"}
	with := func(extra map[string]any) map[string]any {
		m := map[string]any{"A2": 2019, "B2": "all", "C2": 100, "A3": 2019, "B3": "children", "C3": 30}
		for k, v := range header {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	return map[string]struct {
		sheets []xlsxSheet
		meta   string
	}{
		"dataset-xlsx-wrong-sheet":     {[]xlsxSheet{{name: "Sheet1", cells: with(nil)}}, "sheet: Deaths\n"},
		"dataset-xlsx-several-sheets":  {[]xlsxSheet{{name: "Deaths", cells: with(nil)}, {name: "Notes", cells: map[string]any{"A1": "draft"}}}, ""},
		"dataset-xlsx-merged-header":   {[]xlsxSheet{{name: "Deaths", cells: with(map[string]any{"C1": nil, "D1": nil}), merge: [][2]string{{"B1", "C1"}}}}, ""},
		"dataset-xlsx-formula":         {[]xlsxSheet{{name: "Deaths", cells: with(map[string]any{"C3": nil}), formulas: map[string]string{"C3": "C2*0.3"}}}, ""},
		"dataset-xlsx-error-cell":      {[]xlsxSheet{{name: "Deaths", cells: with(map[string]any{"C3": nil}), errors: map[string]string{"C3": "#REF!"}}}, ""},
		"dataset-xlsx-fractional":      {[]xlsxSheet{{name: "Deaths", cells: with(map[string]any{"C3": 30.5})}}, ""},
		"dataset-xlsx-text-bad-number": {[]xlsxSheet{{name: "Deaths", cells: with(map[string]any{"C3": "69,93"})}}, ""},
	}
}

// TestXLSXCorpusFiles writes the corpus workbooks (with -update or
// UPDATE_GOLDEN=1) and otherwise checks that each is there and holds what
// its case says.
func TestXLSXCorpusFiles(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "bad")
	good, err := os.ReadFile(filepath.Join(dir, "good.meta.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range xlsxBadCases() {
		p := filepath.Join(dir, name+".xlsx")
		if *updateGolden {
			if err := os.WriteFile(p, makeWorkbook(t, c.sheets...), 0o644); err != nil {
				t.Fatal(err)
			}
			meta := strings.Replace(string(good), "Synthetic bad-input case", "Synthetic bad-input case (Excel)", 1) + c.meta
			if err := os.WriteFile(filepath.Join(dir, name+".meta.yaml"), []byte(meta), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		f, err := excelize.OpenFile(p)
		if err != nil {
			t.Errorf("%s: %v (UPDATE_GOLDEN=1 writes it)", name, err)
			continue
		}
		if got := f.GetSheetList(); len(got) != len(c.sheets) || got[0] != c.sheets[0].name {
			t.Errorf("%s: sheets %v", name, got)
		}
		f.Close()
	}
}

// TestXLSXBadBuild: a report whose .xlsx dataset holds a formula does not
// build: exit 1, the formula's cell named, nothing written.
func TestXLSXBadBuild(t *testing.T) {
	c := xlsxBadCases()["dataset-xlsx-formula"]
	files := map[string]string{}
	for k, v := range synthetic {
		files[k] = v
	}
	delete(files, "datasets/synthetic.csv")
	files["datasets/synthetic.xlsx"] = string(makeWorkbook(t, c.sheets...))
	files["reports/synthetic.yaml"] = strings.Replace(synthetic["reports/synthetic.yaml"], "synthetic.csv", "synthetic.xlsx", 1)
	dir := writeFiles(t, files)
	out := filepath.Join(dir, "out")
	code, stdout, stderr := runT(t, "build", "-q", "-format", "svg", "-out", out, filepath.Join(dir, "reports", "synthetic.yaml"))
	want := filepath.Join(dir, "datasets", "synthetic.xlsx") + ":Deaths!C3: formula =C2*0.3; a published figure is typed, not computed"
	if code != 1 || stdout != "" || !strings.HasPrefix(stderr, want) {
		t.Errorf("build: %d %q %q; want 1 and %s", code, stdout, stderr, want)
	}
	if _, err := os.Stat(out); err == nil && len(snapshot(t, out)) > 0 {
		t.Error("build wrote files")
	}
}
