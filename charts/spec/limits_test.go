package spec

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestMaxChartsTag: the decoder's limit on Report.Charts is MaxCharts.
func TestMaxChartsTag(t *testing.T) {
	f, _ := reflect.TypeFor[Report]().FieldByName("Charts")
	if n, err := strconv.Atoi(f.Tag.Get("max")); err != nil || n != MaxCharts {
		t.Errorf("Report.Charts has max:%q, want %d", f.Tag.Get("max"), MaxCharts)
	}
}

// charts returns n synthetic charts c1..cn, one per line.
func charts(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "  - {id: c%d, kind: bar, data: d, title: {en: Synthetic, ar: تجريبي}, select: {metric: civilians_killed}}\n", i+1)
	}
	return b.String()
}

const head = "id: synthetic\ntitle: {en: Synthetic, ar: تجريبي}\ndatasets:\n  d: synthetic.csv\ncharts:\n"

// TestChartLimit: MaxCharts charts are fine; one more is an error at the
// first chart too many, and the only error.
func TestChartLimit(t *testing.T) {
	if _, err := Parse(specPath, []byte(head+charts(MaxCharts))); err != nil {
		t.Errorf("%d charts: %v", MaxCharts, err)
	}
	_, err := Parse(specPath, []byte(head+charts(MaxCharts+1)))
	want := fmt.Sprintf("%s:%d:5: too many charts: %d; at most %d are allowed", specPath, 6+MaxCharts, MaxCharts+1, MaxCharts)
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// TestHundredThousandCharts: a spec of 100,000 charts (the smallest that
// fit in MaxBytes) fails at once with the limit, without decoding them.
func TestHundredThousandCharts(t *testing.T) {
	in := []byte(head + strings.Repeat("  - {}\n", 100000))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Parse(specPath, in)
	runtime.ReadMemStats(&after)
	want := fmt.Sprintf("%s:%d:5: too many charts: 100000; at most %d are allowed", specPath, 6+MaxCharts, MaxCharts)
	if err == nil || err.Error() != want {
		t.Errorf("got  %.300v\nwant %s", err, want)
	}
	// The YAML nodes of the file cost some 20 MB; decoding and checking
	// every chart cost 200 MB.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("allocated %d MB for a %d KB spec", alloc>>20, len(in)>>10)
	}
}

// TestSpecTooLarge: a spec file over MaxBytes is refused before it is
// read (the file here is sparse: nothing is written or read).
func TestSpecTooLarge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.yaml")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(MaxBytes + 1)
	f.Close()
	_, err = Load(p)
	want := fmt.Sprintf("%s: file is %d bytes; at most %d are allowed", p, MaxBytes+1, MaxBytes)
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
	if _, err := Load(t.TempDir()); err == nil || !strings.HasSuffix(err.Error(), ": is a directory; want a report spec") {
		t.Errorf("a directory: %v", err)
	}
}
