package charts_test

import (
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/tollcharts/tollcharts/charts"
	"github.com/tollcharts/tollcharts/charts/internal/browsertest"
)

// gzipped serves files gzip-compressed (text only), as a web server
// publishing output/ would.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ext := filepath.Ext(r.URL.Path)
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || (ext != ".html" && ext != ".js" && ext != ".css" && ext != ".json" && ext != ".csv") {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		gz, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		defer gz.Close()
		h.ServeHTTP(gzipWriter{w, gz}, r)
	})
}

type gzipWriter struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (g gzipWriter) Write(b []byte) (int, error) { return g.gz.Write(b) }
func (g gzipWriter) WriteHeader(code int) {
	g.ResponseWriter.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}

// BenchmarkChartPage opens shipped chart pages served over HTTP from
// 127.0.0.1 (gzip, no cache) in Chromium with slow 4G (400 ms latency,
// 400 kbit/s down, which the page's navigator.connection reports too) and
// a 4x CPU slowdown. It reports the time from navigation to the chart's
// still image painted (Element Timing) and the bytes on the wire by then,
// against the targets (1.5 s, 120 KB); then, the reader having pressed
// "Show the interactive chart", the bytes echarts adds and the time from
// the press to the interactive chart drawn (ECharts' "finished":
// data-tc-ready), which have no target.
func BenchmarkChartPage(b *testing.B) {
	out := b.TempDir()
	if _, err := charts.Build(context.Background(), charts.Options{Root: root, Out: out, Formats: []string{"png", "html"},
		Reports: []string{filepath.Join(root, "reports", "russia-10th-anniversary.yaml")}}); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(gzipped(http.FileServer(http.Dir(out))))
	defer srv.Close()
	browser := browsertest.Browser(b, chromedp.WindowSize(1000, 900))
	const slow4G = 400 * 1000 / 8 // bytes a second
	for _, page := range []string{"en/calendar-years.html", "ar/calendar-years.html", "en/victims.html", "ar/governorates-map.html"} {
		b.Run(strings.TrimSuffix(strings.ReplaceAll(page, "/", "-"), ".html"), func(b *testing.B) {
			var stillKB, stillMS, moreKB, moreMS float64
			n := 0
			for b.Loop() {
				n++
				var mu sync.Mutex
				var wire float64
				ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(func(ev any) {
					if e, ok := ev.(*network.EventLoadingFinished); ok {
						mu.Lock()
						wire += e.EncodedDataLength
						mu.Unlock()
					}
				}))
				bytes := func() float64 {
					mu.Lock()
					defer mu.Unlock()
					return wire
				}
				ctx, cancelT := context.WithTimeout(ctx, time.Minute)
				err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
					if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
						return err
					}
					if _, err := cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
						return err
					}
					if _, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
						MatchedNetworkConditions: []*network.Conditions{{Latency: 400, DownloadThroughput: slow4G, UploadThroughput: slow4G}},
					}); err != nil {
						return err
					}
					// What a browser on such a network measures and tells the page.
					if _, err := cdp.Call(ctx, t, network.OverrideNetworkState, network.OverrideNetworkStateParams{Latency: 400, DownloadThroughput: slow4G, UploadThroughput: slow4G}); err != nil {
						return err
					}
					_, err := cdp.Call(ctx, t, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4})
					return err
				}))
				if err != nil {
					b.Fatal(err)
				}
				run := func(js string) float64 {
					v, err := chromedp.Run(ctx, chromedp.Evaluate[float64](js, chromedp.EvalAwaitPromise))
					if err != nil {
						b.Fatalf("%s: %v", page, err)
					}
					return v
				}
				if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/russia-10th-anniversary/"+page)); err != nil {
					b.Fatal(err)
				}
				// The moment the still image was painted, from the start of
				// the navigation.
				stillMS += run(`new Promise(done => new PerformanceObserver((list, o) => {
  const e = list.getEntries().find(e => e.identifier === "tc-still");
  if (e) { o.disconnect(); done(e.renderTime || e.loadTime); }
}).observe({type: "element", buffered: true}))`)
				time.Sleep(300 * time.Millisecond) // nothing else loads before the press
				before := bytes()
				stillKB += before
				start := time.Now()
				run(`(document.querySelector("button[id$='-load']").click(), 0)`)
				for run(`document.querySelector("[data-tc-ready]") ? 1 : 0`) == 0 {
					time.Sleep(10 * time.Millisecond)
				}
				moreMS += float64(time.Since(start)) / float64(time.Millisecond)
				moreKB += bytes() - before
				cancelT()
				cancel()
			}
			k := float64(n)
			b.ReportMetric(stillKB/k/1000, "KB-still")
			b.ReportMetric(stillMS/k, "ms-still")
			b.ReportMetric(moreKB/k/1000, "KB-interactive")
			b.ReportMetric(moreMS/k, "ms-interactive")
			fmt.Printf("%s: still chart painted at %.0f ms with %.0f KB on the wire (targets 1500 ms, 120 KB); "+
				"interactive chart on request: %.0f KB more, drawn %.0f ms after the press\n",
				page, stillMS/k, stillKB/k/1000, moreKB/k/1000, moreMS/k)
		})
	}
}
