package charts

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestManyChartsBoundedMemory builds a report of many charts (synthetic)
// whose files are large: each chart's single-file page carries the echarts
// bundle, about 650 KB. A build that kept every rendered file until the end
// would hold them all; staged as they render, the heap stays far below the size
// of the report's files.
func TestManyChartsBoundedMemory(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("writes some 150 MB; under the race detector the other builds run the same staging")
	}
	const n = 250 // a single-file page holds the 650 KB echarts bundle
	spec := syntheticProject(t)
	var b strings.Builder
	b.WriteString("id: synthetic\ntitle: {en: Synthetic report, ar: تقرير تجريبي}\ndatasets:\n  d: ../datasets/synthetic.csv\ncharts:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: c%d, kind: column, data: d, title: {en: Synthetic chart, ar: تجريبي}, select: {metric: civilians_killed, category: [all]}, x: period}\n", i)
	}
	if err := os.WriteFile(spec, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")

	// The live heap as of each collection: garbage (a staged file's bytes)
	// does not count, whatever the collector's pace after earlier tests.
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	})
	res, err := Build(context.Background(), Options{Reports: []string{spec}, Root: "..", Out: out, Formats: []string{"html"}, Langs: []string{"en"}, Jobs: 2})
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	for _, p := range res.Written {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		total += st.Size()
	}
	t.Logf("%d files, %d MB written; live heap peak %d MB", len(res.Written), total>>20, peak>>20)
	if total < 150<<20 {
		t.Fatalf("wrote %d MB; the test needs the files to outweigh the heap", total>>20)
	}
	if peak > uint64(total)/2 {
		t.Errorf("live heap peaked at %d MB for %d MB of files: the build holds rendered files in memory", peak>>20, total>>20)
	}
}
