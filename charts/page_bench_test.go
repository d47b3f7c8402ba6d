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
// 400 kbit/s down) and a 4x CPU slowdown, and reports the bytes on the
// wire and the time from navigation to the chart drawn (ECharts'
// "finished": data-tc-ready), against the targets (120 KB, 1.5 s).
func BenchmarkChartPage(b *testing.B) {
	out := b.TempDir()
	if _, err := charts.Build(context.Background(), charts.Options{Root: root, Out: out, Formats: []string{"html"},
		Reports: []string{filepath.Join(root, "reports", "russia-10th-anniversary.yaml")}}); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(gzipped(http.FileServer(http.Dir(out))))
	defer srv.Close()
	browser := browsertest.Browser(b, chromedp.WindowSize(1000, 900))
	for _, page := range []string{"en/calendar-years.html", "ar/governorates-map.html"} {
		b.Run(strings.TrimSuffix(strings.ReplaceAll(page, "/", "-"), ".html"), func(b *testing.B) {
			var bytes, ms float64
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
				ctx, cancelT := context.WithTimeout(ctx, time.Minute)
				err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
					if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
						return err
					}
					if _, err := cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
						return err
					}
					if _, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
						MatchedNetworkConditions: []*network.Conditions{{Latency: 400, DownloadThroughput: 400 * 1000 / 8, UploadThroughput: 400 * 1000 / 8}},
					}); err != nil {
						return err
					}
					_, err := cdp.Call(ctx, t, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4})
					return err
				}))
				if err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/russia-10th-anniversary/"+page)); err != nil {
					b.Fatal(err)
				}
				for {
					ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector("[data-tc-ready]")`))
					if err != nil {
						b.Fatal(err)
					}
					if ok {
						break
					}
					time.Sleep(10 * time.Millisecond)
				}
				ms += float64(time.Since(start)) / float64(time.Millisecond)
				mu.Lock()
				bytes += wire
				mu.Unlock()
				cancelT()
				cancel()
			}
			kb, t := bytes/float64(n)/1000, ms/float64(n)
			b.ReportMetric(kb, "KB-wire")
			b.ReportMetric(t, "ms-drawn")
			fmt.Printf("%s: %.0f KB on the wire (target 120 KB), chart drawn in %.0f ms (target 1500 ms)\n", page, kb, t)
		})
	}
}
