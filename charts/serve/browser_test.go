package serve

// serve in a real browser: headless Chromium, driven by chromedp, opens a
// chart page that serve sends, a spec is saved, and the page must show the
// edit by itself (server-sent event, reload). Skipped when no Chromium is
// found, failed when the CI environment variable is set.

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tollcharts/tollcharts/charts/internal/browsertest"
)

// browserTab starts a headless Chromium for the test and returns a tab.
func browserTab(t testing.TB) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(browsertest.Browser(t))
	t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	return tab
}

// shownTitle is the chart title the open page shows once its chart is
// drawn (ECharts has finished rendering it), "" before.
const shownTitle = `document.querySelector(".tc-chart[data-tc-ready]") ? document.querySelector(".tc-title").textContent : ""`

// waitFor polls the tab until expr gives want. The page may reload
// meanwhile, so a failed evaluation (its context gone) is tried again.
// It returns the last value read.
func waitFor[T comparable](t testing.TB, tab context.Context, expr string, want T) (got T, ok bool) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(tab, 2*time.Second)
		v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
		cancel()
		if err == nil {
			got = v
			if v == want {
				return got, true
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	return got, false
}

// waitForTitle waits until the page shows want, its chart drawn.
func waitForTitle(t testing.TB, tab context.Context, want string) {
	t.Helper()
	if got, ok := waitFor(t, tab, shownTitle, want); !ok {
		t.Fatalf("the page shows the title %q, want %q", got, want)
	}
}

// waitForLive waits until the open page's live-reload stream is open: its
// script fetches the error list when the server first greets it. A save
// before that would reload nothing.
func waitForLive(t testing.TB, tab context.Context) {
	t.Helper()
	const greeted = `performance.getEntriesByType("resource").some(e => e.name.endsWith("/_tollcharts/errors"))`
	if _, ok := waitFor(t, tab, greeted, true); !ok {
		t.Fatal("the page's live-reload stream did not open")
	}
}

// openChartPage serves the synthetic project (every format, as serve
// builds by default) and opens report A's English chart page in tab.
func openChartPage(t testing.TB, tab context.Context) *testServer {
	t.Helper()
	ts := startWith(t, synthetic, Config{}, linkNodeModules(t))
	if err := chromedp.Do(tab, chromedp.Navigate(ts.ts.URL+"/synthetic-a/en/years.html")); err != nil {
		t.Fatal(err)
	}
	waitForTitle(t, tab, "Synthetic years")
	return ts
}

// editedSpec is the synthetic report A with its chart titled title.
func editedSpec(title string) string {
	return strings.Replace(syntheticSpec("synthetic-a", "Synthetic report A"), "Synthetic years", title, 1)
}

// TestEditShowsInBrowser opens a chart page from serve (every format, as
// serve builds by default) in Chromium, saves its spec with a new chart
// title by rename, as editors do, and checks the open page shows the new
// title by itself with its chart drawn again, and no error overlay.
func TestEditShowsInBrowser(t *testing.T) {
	tab := browserTab(t)
	ts := openChartPage(t, tab)
	for i := range 2 {
		waitForLive(t, tab)
		title := "Synthetic years edit " + letters(i)
		saveByRename(t, ts.spec("synthetic-a"), editedSpec(title))
		waitForTitle(t, tab, title)
	}
	overlay, err := chromedp.Run(tab, chromedp.Evaluate[bool](`!!document.getElementById("tollcharts-errors")`))
	if err != nil {
		t.Fatal(err)
	}
	if overlay {
		t.Fatal("the page shows a build error")
	}
}

// BenchmarkEditToBrowser measures what a person sees in serve: from saving
// a spec (by rename) to the open chart page, in Chromium, showing the edit
// with its chart drawn, for a report of one chart in both languages with
// every format (serve's default), the debounce included. The numbers are
// synthetic.
func BenchmarkEditToBrowser(b *testing.B) {
	tab := browserTab(b)
	ts := openChartPage(b, tab)
	n := 0
	var shown time.Duration
	for b.Loop() {
		n++
		title := "Synthetic years edit " + letters(n)
		waitForLive(b, tab)
		start := time.Now()
		saveByRename(b, ts.spec("synthetic-a"), editedSpec(title))
		waitForTitle(b, tab, title)
		shown += time.Since(start)
		ts.nextRebuild(b) // let the images finish before the next edit
	}
	b.ReportMetric(float64(shown)/float64(time.Millisecond)/float64(n), "ms/shown")
}

// letters spells n with letters (0 a, 12 bc): chart titles may not hold
// digits typed by hand.
func letters(n int) string {
	return strings.Map(func(r rune) rune { return 'a' + r - '0' }, strconv.Itoa(n))
}
