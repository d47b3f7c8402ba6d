package web

import (
	"os"
	"path/filepath"
	"testing"
	"time"
	"net/http/httptest"
	"net/http"

	"github.com/chromedp/chromedp"
	"github.com/tollcharts/tollcharts/charts/figure"
)

func TestScratch(t *testing.T) {
	dir := t.TempDir()
	js, _, err := Asset("../..")
	if err != nil { t.Fatal(err) }
	os.MkdirAll(filepath.Join(dir, "r/assets"), 0o755)
	os.WriteFile(filepath.Join(dir, "r/assets/echarts.min.js"), js, 0o644)
	for _, lang := range []string{"en", "ar"} {
		os.MkdirAll(filepath.Join(dir, "r", lang), 0o755)
		for _, k := range figure.Kinds {
			f, _ := os.Create(filepath.Join(dir, "r", lang, string(k)+".html"))
			if err := Render(f, testFigure(k, lang), Options{NoAnimation: true, CSVHref: "x.csv"}); err != nil { t.Fatal(err) }
			f.Close()
		}
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	b := newBrowser(t)
	for _, lang := range []string{"en", "ar"} {
		for _, k := range figure.Kinds {
			tb := newTab(t, b, 30*time.Second)
			tb.navigate(srv.URL + "/r/" + lang + "/" + string(k) + ".html")
			time.Sleep(500 * time.Millisecond)
			png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(90))
			if err != nil { t.Fatal(err) }
			os.WriteFile("/tmp/shot-"+lang+"-"+string(k)+".png", png, 0o644)
			t.Log(lang, k, tb.problemList(), tb.remoteRequests())
		}
	}
}
