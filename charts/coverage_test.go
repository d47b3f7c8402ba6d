package charts_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tollcharts/tollcharts/charts/dataset"
)

// unusedRows are the published figures in datasets/ that no shipped chart
// draws, each with the reason; a row missing from every chart and from
// this table fails TestEveryPublishedFigureCharted. Keys are
// "<dataset>.csv:<line>:<category>" (a wide row holds several).
var unusedRows = map[string]string{}

// TestEveryPublishedFigureCharted lists the dataset rows that no chart of
// the shipped reports draws, in either language, and fails on any that is
// not marked as intentionally unused.
func TestEveryPublishedFigureCharted(t *testing.T) {
	_, loaded := loadShipped(t)
	type drawn struct {
		path, src string
		n         int64
		keys      []string
	}
	var seen []drawn
	for _, l := range loaded {
		for _, f := range l.Figures {
			c := l.Report.Charts[chartOf(t, l, f.ID)]
			tab := l.Tables[c.Data.Value]
			for _, s := range f.Series {
				key := s.Key
				if len(f.Series) == 1 {
					key = "" // the one series is named by its metric
				}
				for i, v := range s.Values {
					if v.Known && !s.Derived {
						seen = append(seen, drawn{filepath.Clean(tab.Path), v.Source, v.N, []string{f.CategoryKeys[i], key}})
					}
				}
			}
		}
	}
	csvs, _ := filepath.Glob(filepath.Join(root, "datasets", "*.csv"))
	var missing []string
	for _, p := range csvs {
		tab, err := dataset.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range tab.Rows {
			if !r.Known {
				continue
			}
			dims := []string{r.Period.Key(), r.Governorate, r.Category, r.Perpetrator, r.Metric}
			ok := slices.ContainsFunc(seen, func(d drawn) bool {
				return d.path == filepath.Clean(p) && d.src == r.Source && d.n == r.Value &&
					slices.Contains(dims, d.keys[0]) && (d.keys[1] == "" || slices.Contains(dims, d.keys[1]))
			})
			key := fmt.Sprintf("%s:%d:%s", filepath.Base(p), r.Line, r.Category)
			if _, marked := unusedRows[key]; !ok && !marked {
				missing = append(missing, fmt.Sprintf("%s %s %s %s %s %s = %d", key, dims[0], dims[1], dims[2], dims[3], dims[4], r.Value))
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d published figures are drawn by no shipped chart and not marked unused:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}
