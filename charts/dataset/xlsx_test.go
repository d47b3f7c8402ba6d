package dataset

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func workbook(t *testing.T, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	build(f)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var syntheticMeta = &Meta{
	Defaults:      map[string]string{"perpetrator": "russian_forces", "metric": "civilians_killed"},
	DefaultSource: "s",
	Sources:       map[string]Source{"s": {Title: "Synthetic source", Kind: "primary"}},
}

func TestWorkbookNamedSheetAndCells(t *testing.T) {
	data := workbook(t, func(f *excelize.File) {
		f.SetCellValue("Sheet1", "A1", "notes only")
		f.NewSheet("Tolls")
		for ref, v := range map[string]any{"A1": "period", "B1": "category", "C1": "value",
			"A2": "2016-11-15/2016-12-22", "B2": "all", "C2": 6993, "A3": 2019, "B3": "all", "C3": " 1,200 "} {
			f.SetCellValue("Tolls", ref, v)
		}
	})
	meta := *syntheticMeta
	meta.Sheet.Value = "Tolls"
	tab, err := ParseWorkbook("synthetic.xlsx", data, &meta)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 2 || tab.Rows[0].Value != 6993 || tab.Rows[1].Value != 1200 || tab.Rows[0].Line != 2 || tab.Rows[0].Col != 3 {
		t.Errorf("rows %+v", tab.Rows)
	}
}

func TestWorkbookRefusals(t *testing.T) {
	for _, c := range []struct {
		name  string
		build func(f *excelize.File)
		want  string
	}{
		{"formula with its computed value", func(f *excelize.File) {
			f.SetCellValue("Sheet1", "A1", "period")
			f.SetCellValue("Sheet1", "B1", "all")
			f.SetCellValue("Sheet1", "A2", 2019)
			f.SetCellFormula("Sheet1", "B2", "SUM(1,2)")
			f.SetCellValue("Sheet1", "B2", 3) // the cached value
			f.SetCellFormula("Sheet1", "B2", "SUM(1,2)")
		}, "synthetic.xlsx:Sheet1!B2: formula =SUM(1,2); a published figure is typed, not computed"},
		{"date cell as a period", func(f *excelize.File) {
			f.SetCellValue("Sheet1", "A1", "period")
			f.SetCellValue("Sheet1", "B1", "all")
			style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
			f.SetCellValue("Sheet1", "A2", 42689) // 2016-11-15
			f.SetCellStyle("Sheet1", "A2", "A2", style)
			f.SetCellValue("Sheet1", "B2", 5)
		}, `synthetic.xlsx:Sheet1!A2: period "2016-11-15" is not a year or a window`},
		{"custom date format", func(f *excelize.File) {
			f.SetCellValue("Sheet1", "A1", "period")
			f.SetCellValue("Sheet1", "B1", "all")
			fmt := "dd/mm/yyyy"
			style, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &fmt})
			f.SetCellValue("Sheet1", "A2", 42689.5)
			f.SetCellStyle("Sheet1", "A2", "A2", style)
			f.SetCellValue("Sheet1", "B2", 5)
		}, "synthetic.xlsx:Sheet1!A2: date 42689.5 has a time of day"},
		{"empty sheet", func(f *excelize.File) {}, "synthetic.xlsx:Sheet1!A1: sheet is empty"},
		{"duplicate row", func(f *excelize.File) {
			f.SetCellValue("Sheet1", "A1", "period")
			f.SetCellValue("Sheet1", "B1", "all")
			f.SetCellValue("Sheet1", "A2", 2019)
			f.SetCellValue("Sheet1", "B2", 5)
			f.SetCellValue("Sheet1", "A4", 2019)
			f.SetCellValue("Sheet1", "B4", 6)
		}, "synthetic.xlsx:Sheet1!B4: duplicate of row 2: same period"},
		{"true/false cell", func(f *excelize.File) {
			f.SetCellValue("Sheet1", "A1", "period")
			f.SetCellValue("Sheet1", "B1", "all")
			f.SetCellValue("Sheet1", "A2", 2019)
			f.SetCellValue("Sheet1", "B2", true)
		}, "synthetic.xlsx:Sheet1!B2: true/false cell; want a number, a date or text"},
		{"not a workbook", nil, "synthetic.xlsx: cannot read the workbook"},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := []byte("period,all\n2019,5\n")
			if c.build != nil {
				data = workbook(t, c.build)
			}
			_, err := ParseWorkbook("synthetic.xlsx", data, syntheticMeta)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

func TestMetaPathOfWorkbook(t *testing.T) {
	if got := MetaPath("datasets/x.xlsx"); got != "datasets/x.meta.yaml" {
		t.Error(got)
	}
	if got := MetaPath("datasets/x.csv"); got != "datasets/x.meta.yaml" {
		t.Error(got)
	}
}

// FuzzParseWorkbook: any bytes, a damaged workbook above all, give a
// table or positioned errors, never a panic.
func FuzzParseWorkbook(f *testing.F) {
	good := workbook(&testing.T{}, func(x *excelize.File) {
		x.SetCellValue("Sheet1", "A1", "period")
		x.SetCellValue("Sheet1", "B1", "all")
		x.SetCellValue("Sheet1", "A2", 2019)
		x.SetCellValue("Sheet1", "B2", 5)
	})
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := ParseWorkbook("synthetic.xlsx", data, syntheticMeta)
		if err == nil && tab == nil {
			t.Fatal("no table and no error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "synthetic.xlsx") {
			t.Fatalf("unpositioned error %q", err)
		}
	})
}

func TestSheetKeyOnACSV(t *testing.T) {
	dir := t.TempDir()
	csv, meta := dir+"/synthetic.csv", dir+"/synthetic.meta.yaml"
	os.WriteFile(csv, []byte("period,all\n2019,5\n"), 0o644)
	os.WriteFile(meta, []byte("title: Synthetic\npublisher: Test\npublisher_short: TEST\nperiod_semantics: window\ndocumented_minimum: true\nlicence: test only\ndefaults: {perpetrator: russian_forces, metric: civilians_killed}\ndefault_source: s\nsources:\n  s: {title: Synthetic source, kind: primary}\nsheet: Deaths\n"), 0o644)
	_, err := Load(csv)
	want := meta + `:11:8: sheet "Deaths" is for an .xlsx dataset`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
