package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkEditToReload measures what a person waits for in serve: from
// saving a spec (by rename, as editors do) to the reload event that the
// open pages act on, for a report of one chart in both languages, with
// serve's default debounce (100 ms). "all" is every format (what serve
// builds by default: PNG in four sizes at 1x and 2x, SVG, PDF, HTML, CSV);
// "html+svg" is what a page preview needs. The numbers are synthetic.
func BenchmarkEditToReload(b *testing.B) {
	for _, c := range []struct {
		name    string
		formats []string
	}{
		{"all", nil},
		{"html+svg", []string{"html", "svg"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			// The pages need echarts: the project's node_modules (make
			// installs it).
			mods, err := filepath.Abs(filepath.Join("..", "..", "node_modules"))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(mods, "echarts")); err != nil {
				b.Skip("echarts is not installed; run make first")
			}
			ts := startWith(b, synthetic, Config{Formats: c.formats}, func(dir string) {
				if err := os.Symlink(mods, filepath.Join(dir, "node_modules")); err != nil {
					b.Fatal(err)
				}
			})
			events := ts.events(b)
			n := 0
			for b.Loop() {
				n++
				saveByRename(b, ts.spec("synthetic-a"), syntheticSpec("synthetic-a", fmt.Sprintf("Synthetic report A, edit %d", n)))
				nextEvent(b, events, "reload")
			}
			b.ReportMetric(float64(b.Elapsed())/float64(time.Millisecond)/float64(b.N), "ms/reload")
		})
	}
}
