package video

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/tollcharts/tollcharts/charts/dataset"
	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/spec"
	"github.com/tollcharts/tollcharts/charts/text"
)

// tenth builds the figures of the shipped 10th-anniversary report, keyed
// "chart.lang".
var tenth = sync.OnceValues(func() (map[string]*figure.Figure, error) {
	r, err := spec.Load(filepath.Join("..", "..", "reports", "russia-10th-anniversary.yaml"))
	if err != nil {
		return nil, err
	}
	out := map[string]*figure.Figure{}
	for i := range r.Charts {
		c := &r.Charts[i]
		t, err := dataset.Load(r.DatasetPaths[c.Data.Value])
		if err != nil {
			return nil, err
		}
		for _, lang := range r.Langs() {
			f, err := figure.Build(r, c, t, lang)
			if err != nil {
				return nil, err
			}
			out[c.ID.Value+"."+lang] = f
		}
	}
	return out, nil
})

func fig(tb testing.TB, id, lang string) *figure.Figure {
	tb.Helper()
	figs, err := tenth()
	if err != nil {
		tb.Fatal(err)
	}
	f, ok := figs[id+"."+lang]
	if !ok {
		tb.Fatalf("no figure %s.%s", id, lang)
	}
	return f
}

var handler = sync.OnceValue(func() *text.Handler { return text.NewHandler(text.Default()) })
