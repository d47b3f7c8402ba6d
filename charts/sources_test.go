package charts_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tollcharts/tollcharts/charts"
	"github.com/tollcharts/tollcharts/charts/dataset"
	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/locale"
)

// TestShippedSources builds every shipped report and checks the words
// about sources against the sidecars: every chart CSV names, for each
// value, a source its dataset's sidecar defines, with that source's kind,
// title, date, address, outlet and cited report, and a row of the dataset
// with that value from that source; and every source line claims only
// what those sources are: one source by its title (a secondary one by the
// report it quotes and who quotes it) and date, several by true counts of
// reports and of news reports, in both languages.
func TestShippedSources(t *testing.T) {
	specs, loaded := loadShipped(t)
	out := t.TempDir()
	res, err := charts.Build(context.Background(), charts.Options{Root: root, Out: out, Reports: specs, Formats: []string{"svg"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Manifests) != len(specs) {
		t.Fatalf("%d reports built, %d shipped", len(res.Manifests), len(specs))
	}
	checked := 0
	for _, l := range loaded {
		dir := filepath.Join(out, l.Report.ID.Value)
		man := readManifest(t, dir)
		for _, f := range l.Figures {
			c := chartOf(t, l, f.ID)
			tab := l.Tables[l.Report.Charts[c].Data.Value]
			stem := f.Locale.Lang + "/" + f.ID
			ids := checkCSVSources(t, filepath.Join(dir, filepath.FromSlash(stem+".csv")), tab)
			var want []string
			for _, s := range f.Sources {
				want = append(want, s.ID)
			}
			slices.Sort(want)
			if !slices.Equal(ids, want) {
				t.Errorf("%s/%s: the CSV cites %v, the figure's sources are %v", l.Report.ID.Value, stem, ids, want)
			}
			for _, a := range man.Artifacts {
				if a.Chart == f.ID && a.Lang == f.Locale.Lang && !slices.Equal(sorted(a.Sources), want) {
					t.Errorf("%s/%s: manifest sources %v, want %v", l.Report.ID.Value, a.Path, a.Sources, want)
				}
			}
			checkSourceLine(t, l.Report.ID.Value+"/"+stem, f, tab.Meta)
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no figure checked")
	}
}

// loadShipped loads every shipped report, checked, with its figures.
func loadShipped(t *testing.T) ([]string, []*charts.Loaded) {
	t.Helper()
	specs, err := filepath.Glob(filepath.Join(root, "reports", "*.yaml"))
	if err != nil || len(specs) == 0 {
		t.Fatalf("no shipped reports (%v)", err)
	}
	loaded, err := charts.Load(specs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return specs, loaded
}

// readCSV reads a chart CSV's records, without its byte-order mark.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func readManifest(t *testing.T, dir string) charts.Manifest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m charts.Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func chartOf(t *testing.T, l *charts.Loaded, id string) int {
	t.Helper()
	for i := range l.Report.Charts {
		if l.Report.Charts[i].ID.Value == id {
			return i
		}
	}
	t.Fatalf("no chart %q", id)
	return -1
}

// checkCSVSources checks each value's source columns against the sidecar
// and the dataset, and returns the distinct source ids the CSV cites.
func checkCSVSources(t *testing.T, path string, tab *dataset.Table) []string {
	t.Helper()
	recs := readCSV(t, path)
	head := strings.Join(recs[0], ",")
	if head != "category_key,category,series_key,series,value,derived,source,source_kind,source_title,source_date,source_url,source_outlet,source_cites" {
		t.Fatalf("%s: header %s", path, head)
	}
	var ids []string
	for n, r := range recs[1:] {
		where := filepath.Base(path) + " row " + itoa(n+2)
		value, derived, src := r[4], r[5] == "true", r[6]
		if value == "" {
			if src != "" {
				t.Errorf("%s: no data, yet source %q", where, src)
			}
			continue
		}
		if src == "" {
			t.Errorf("%s: value %s has no source", where, value)
			continue
		}
		parts := strings.Split(src, " + ")
		if len(parts) > 1 && !derived {
			t.Errorf("%s: value %s from several sources %q but not derived", where, value, src)
		}
		fields := make([][]string, 7)
		for i := range fields {
			fields[i] = strings.Split(unformula(r[6+i]), " + ")
			if r[6+i] == "" { // none of the sources has this field
				fields[i] = make([]string, len(parts))
			}
		}
		for i, id := range parts {
			s, ok := tab.Meta.Sources[id]
			if !ok {
				t.Errorf("%s: source %q is not in %s", where, id, tab.MetaPath)
				continue
			}
			if got, want := []string{fields[1][i], fields[2][i], fields[3][i], fields[4][i], fields[5][i], fields[6][i]},
				[]string{s.Kind, s.Title, s.Date, s.URL, s.Outlet, s.Cites}; !slices.Equal(got, want) {
				t.Errorf("%s: source %q columns %q, sidecar says %q", where, id, got, want)
			}
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		if !derived && !slices.ContainsFunc(tab.Rows, func(row dataset.Row) bool {
			return row.Known && itoa64(row.Value) == value && row.Source == src
		}) {
			t.Errorf("%s: no row of %s has value %s from source %q", where, tab.Path, value, src)
		}
	}
	slices.Sort(ids)
	return ids
}

func itoa(n int) string     { return strconv.Itoa(n) }
func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// checkSourceLine checks that a figure's source line names its one source
// or counts its sources truly.
func checkSourceLine(t *testing.T, name string, f *figure.Figure, meta *dataset.Meta) {
	t.Helper()
	line := strings.NewReplacer("\u2068", "", "\u2069", "", "\u200f", "").Replace(f.Source)
	ar := f.Locale.Lang == "ar"
	if len(f.Sources) == 1 {
		s := f.Sources[0]
		var must []string
		if s.Secondary() {
			must = []string{s.Cites, s.Outlet}
			if ar {
				must = append(must, "نقلاً عن", "تقرير إخباري")
			} else {
				must = append(must, "as quoted by", "news report")
			}
		} else {
			must = []string{meta.PublisherShort, s.Title}
		}
		if s.Date == dataset.Undated {
			must = append(must, map[bool]string{false: "undated", true: "بلا تاريخ"}[ar])
		} else {
			must = append(must, f.Locale.Year(atoiYear(s.Date)))
		}
		for _, m := range must {
			if !strings.Contains(line, m) {
				t.Errorf("%s: source line %q does not say %q", name, line, m)
			}
		}
		return
	}
	prim, sec := 0, 0
	for _, s := range f.Sources {
		if s.Secondary() {
			sec++
		} else {
			prim++
		}
	}
	var must []string
	if ar {
		rep := locale.Noun{One: "تقرير واحد", Two: "تقريران", Few: "%d تقارير", Many: "%d تقريراً", Other: "%d تقرير"}
		news := locale.Noun{One: "تقرير إخباري واحد", Two: "تقريران إخباريان", Few: "%d تقارير إخبارية", Many: "%d تقريراً إخبارياً", Other: "%d تقرير إخباري"}
		must = append(must, "المصادر: ", "مصدر كل رقم في ملف CSV")
		if prim > 0 {
			must = append(must, meta.PublisherShort+"، "+f.Locale.Count(int64(prim), rep))
		}
		if sec > 0 {
			must = append(must, f.Locale.Count(int64(sec), news)+" نقلاً عن "+meta.PublisherShort)
		}
	} else {
		must = append(must, "Sources: ", "the source of each figure is in the CSV")
		if prim > 0 {
			must = append(must, meta.PublisherShort+", "+f.Locale.Count(int64(prim), locale.Noun{One: "%d report", Other: "%d reports"}))
		}
		if sec > 0 {
			must = append(must, f.Locale.Count(int64(sec), locale.Noun{One: "%d news report", Other: "%d news reports"})+" quoting "+meta.PublisherShort)
		}
	}
	for _, m := range must {
		if !strings.Contains(line, m) {
			t.Errorf("%s: source line %q does not say %q", name, line, m)
		}
	}
	if prim == 0 && strings.Contains(line, map[bool]string{false: " report (", true: "تقرير واحد ("}[ar]) {
		t.Errorf("%s: source line %q counts publisher's reports, but every source is secondary", name, line)
	}
}

func atoiYear(d string) int {
	n := 0
	for _, c := range d[:4] {
		n = n*10 + int(c-'0')
	}
	return n
}
