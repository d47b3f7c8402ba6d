package serve

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkEditToReload measures what a person waits for in serve: from
// saving a spec (by rename, as editors do) to the reload event that the
// open pages act on, for a report of one chart in both languages, with
// serve's default debounce (100 ms): ms/reload to the first reload (serve
// builds the pages first), ms/rebuilt to the end of the rebuild. "all" is
// every format (serve's default: PNG in four sizes at 1x and 2x, SVG, PDF,
// HTML, CSV); "html+svg" is serve -format html,svg. The numbers are
// synthetic.
func BenchmarkEditToReload(b *testing.B) {
	for _, c := range []struct {
		name    string
		formats []string
	}{
		{"all", nil},
		{"html+svg", []string{"html", "svg"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			ts := startWith(b, synthetic, Config{Formats: c.formats}, linkNodeModules(b))
			events := ts.events(b)
			n := 0
			var toReload, toDone time.Duration
			for b.Loop() {
				n++
				start := time.Now()
				saveByRename(b, ts.spec("synthetic-a"), syntheticSpec("synthetic-a", fmt.Sprintf("Synthetic report A, edit %d", n)))
				nextEvent(b, events, "reload") // the pages: what the reader sees first
				toReload += time.Since(start)
				ts.nextRebuild(b) // and every format
				toDone += time.Since(start)
				nextEvent(b, events, "reload") // the second reload, for the images

			}
			ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(n) }
			b.ReportMetric(ms(toReload), "ms/reload")
			b.ReportMetric(ms(toDone), "ms/rebuilt")
		})
	}
}
