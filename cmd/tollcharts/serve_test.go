package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tollcharts/tollcharts/charts"
)

func TestServeRefusesPublicAddrWithoutFlag(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "-addr", "0.0.0.0:8080"}, "tollcharts serve: -addr 0.0.0.0:8080 is not a loopback address: other machines could read the charts; pass -public to allow that, or use 127.0.0.1\n"},
		{[]string{"serve", "-addr", ":8080"}, "tollcharts serve: -addr :8080 listens on every interface: other machines could read the charts; pass -public to allow that, or use 127.0.0.1\n"},
		{[]string{"serve", "-addr", "8080"}, "tollcharts serve: -addr \"8080\": want host:port, such as 127.0.0.1:8080\n"},
		{[]string{"serve", "-format", "webm"}, "tollcharts serve: -format: \"webm\" is not known; want one of: " + strings.Join(charts.Formats, ", ") + "\n"},
	} {
		code, stdout, stderr := runT(t, tc.args...)
		if code != 2 || stdout != "" || stderr != tc.want {
			t.Errorf("%v: exit %d, stderr\n%s\nwant 2 and\n%s", tc.args, code, stderr, tc.want)
		}
	}
}

// notifyBuffer is a buffer safe for concurrent writes that tells when a
// write happens.
type notifyBuffer struct {
	mu    sync.Mutex
	b     bytes.Buffer
	wrote chan struct{}
}

func (b *notifyBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	select {
	case b.wrote <- struct{}{}:
	default:
	}
	return b.b.Write(p)
}

func (b *notifyBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func TestServeBuildsServesAndStops(t *testing.T) {
	dir := writeFiles(t, synthetic)
	spec := filepath.Join(dir, "reports", "synthetic.yaml")
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout := &notifyBuffer{wrote: make(chan struct{}, 1)}
	stderr := &notifyBuffer{wrote: make(chan struct{}, 1)}
	exited := make(chan int, 1)
	go func() {
		exited <- run(ctx, []string{"serve", "-addr", "127.0.0.1:0", "-format", "svg", "-out", out, spec}, stdout, stderr)
	}()
	serving := regexp.MustCompile(`serving .* at http://(127\.0\.0\.1:\d+)/ \(Ctrl-C to stop\)\n`)
	timeout := time.After(60 * time.Second)
	var addr string
	for addr == "" {
		select {
		case <-stderr.wrote:
			if m := serving.FindStringSubmatch(stderr.String()); m != nil {
				addr = m[1]
			}
		case code := <-exited:
			t.Fatalf("serve exited %d:\n%s", code, stderr.String())
		case <-timeout:
			t.Fatalf("serve did not start:\n%s", stderr.String())
		}
	}
	if !strings.Contains(stdout.String(), filepath.Join(out, "synthetic", "index.html")+"\n") {
		t.Errorf("stdout does not list the files written:\n%s", stdout.String())
	}
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `<a href="/synthetic/">Synthetic report</a>`) {
		t.Errorf("GET /: %d\n%s", resp.StatusCode, body)
	}
	cancel() // Ctrl-C
	select {
	case code := <-exited:
		if code != 0 || !strings.HasSuffix(stderr.String(), "tollcharts serve: stopped\n") {
			t.Errorf("after cancel: exit %d\n%s", code, stderr.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not stop on cancel")
	}
}
