package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// wait bounds every wait on the server; tests wait on channels, and this
// only turns a hang into a failure.
const wait = 60 * time.Second

// syntheticMeta is a provenance sidecar for invented test numbers.
const syntheticMeta = `title: Synthetic test data
publisher: Test
publisher_short: TEST
period_semantics: calendar_year
documented_minimum: true
licence: test only
defaults: {perpetrator: russian_forces, metric: civilians_killed}
default_source: s
sources:
  s: {title: Synthetic source, date: "2021", kind: primary}
`

func syntheticSpec(id, title string) string {
	return `id: ` + id + `
title: {en: "` + title + `", ar: تقرير تجريبي}
datasets:
  d: ../datasets/` + id + `.csv
charts:
  - id: years
    kind: column
    data: d
    title: {en: Synthetic years, ar: عنوان تجريبي}
    select: {metric: civilians_killed, category: [all]}
    x: period
`
}

// synthetic is a project of two reports, each with its own dataset, whose
// numbers are invented for tests.
var synthetic = map[string]string{
	"datasets/synthetic-a.csv":       "period,category,value\n2019,all,100\n2020,all,50\n",
	"datasets/synthetic-a.meta.yaml": syntheticMeta,
	"datasets/synthetic-b.csv":       "period,category,value\n2019,all,7\n2020,all,9\n",
	"datasets/synthetic-b.meta.yaml": syntheticMeta,
	"reports/synthetic-a.yaml":       syntheticSpec("synthetic-a", "Synthetic report A"),
	"reports/synthetic-b.yaml":       syntheticSpec("synthetic-b", "Synthetic report B"),
	"secret.txt":                     "synthetic secret outside the output folder",
}

func writeFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), body)
	}
	return dir
}

func writeFile(t testing.TB, p, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// saveByRename writes p the way editors do: a new file, renamed over it.
func saveByRename(t testing.TB, p, body string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".swp")
	writeFile(t, tmp, body)
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

type testServer struct {
	*Server
	dir, out string
	ts       *httptest.Server
	rebuilt  chan []string // specs of each rebuild
	stderr   *syncBuffer
}

// start builds the synthetic project (SVG only: quick, and no echarts
// needed) and serves it; Watch runs until the test ends.
func start(t testing.TB, files map[string]string) *testServer {
	t.Helper()
	return startWith(t, files, Config{Formats: []string{"svg"}, Jobs: 2, Debounce: 20 * time.Millisecond})
}

// startWith is start with the given formats, jobs and debounce; prepare,
// if given, runs on the project folder before the first build.
func startWith(t testing.TB, files map[string]string, cfg Config, prepare ...func(dir string)) *testServer {
	t.Helper()
	dir := writeFiles(t, files)
	for _, p := range prepare {
		p(dir)
	}
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &syncBuffer{}
	cfg.Root, cfg.Out, cfg.Stderr = dir, out, stderr
	s, err := New(ctx, cfg)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	rebuilt := make(chan []string, 64)
	s.afterRebuild = func(specs []string) { rebuilt <- specs }
	watching := make(chan struct{})
	go func() {
		s.Watch(ctx)
		close(watching)
	}()
	ts := httptest.NewUnstartedServer(nil)
	ts.Config = s.httpServer()
	ts.Start()
	t.Cleanup(func() {
		s.hub.close()
		ts.Close()
		cancel()
		<-watching
		s.Close()
	})
	return &testServer{Server: s, dir: dir, out: out, ts: ts, rebuilt: rebuilt, stderr: stderr}
}

func (ts *testServer) spec(id string) string {
	return filepath.Join(ts.dir, "reports", id+".yaml")
}

// nextRebuild returns the specs of the next rebuild that built any.
func (ts *testServer) nextRebuild(t testing.TB) []string {
	t.Helper()
	timeout := time.After(wait)
	for {
		select {
		case specs := <-ts.rebuilt:
			if len(specs) > 0 {
				return specs
			}
		case <-timeout:
			t.Fatalf("no rebuild; stderr:\n%s", ts.stderr.String())
		}
	}
}

func (ts *testServer) get(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(ts.ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// sseEvent is one server-sent event.
type sseEvent struct{ name, data string }

// events opens the live-reload stream and returns its events; the first
// is "hello", sent once the server has registered the stream.
func (ts *testServer) events(t testing.TB) <-chan sseEvent {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.ts.URL+"/_tollcharts/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	ch := make(chan sseEvent, 64)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					ch <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[len("data: "):]
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		resp.Body.Close()
	})
	if ev := nextEvent(t, ch, "hello"); ev.data != "{}" {
		t.Fatalf("hello %q", ev.data)
	}
	return ch
}

// nextEvent waits for the next event called name, skipping others.
func nextEvent(t testing.TB, ch <-chan sseEvent, name string) sseEvent {
	t.Helper()
	timeout := time.After(wait)
	for {
		select {
		case ev, ok := <-ch:
			if !ok {
				t.Fatalf("stream ended before %q", name)
			}
			if ev.name == name {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %q event", name)
		}
	}
}

func TestServeFilesAndInjectsOnlyInResponses(t *testing.T) {
	ts := start(t, synthetic)
	resp, body := ts.get(t, "/")
	if resp.StatusCode != 200 || !strings.Contains(body, `<a href="/synthetic-a/">Synthetic report A</a>`) ||
		!strings.Contains(body, `<a href="/synthetic-b/">Synthetic report B</a>`) || !strings.Contains(body, liveTag) {
		t.Errorf("index: %d\n%s", resp.StatusCode, body)
	}
	if resp, _ := ts.get(t, "/synthetic-a"); resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/synthetic-a/" {
		t.Errorf("folder without slash: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	onDisk, err := os.ReadFile(filepath.Join(ts.out, "synthetic-a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(onDisk, []byte("_tollcharts")) {
		t.Error("the gallery on disk carries the live-reload script")
	}
	for _, p := range []string{"/synthetic-a/", "/synthetic-a/index.html"} {
		resp, body := ts.get(t, p)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("%s: %d %s", p, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if want := string(injectLive(onDisk)); body != want {
			t.Errorf("%s: not the file with the script before </body>", p)
		}
		if resp.Header.Get("Cache-Control") != "no-cache" || resp.Header.Get("ETag") == "" {
			t.Errorf("%s: Cache-Control %q, ETag %q", p, resp.Header.Get("Cache-Control"), resp.Header.Get("ETag"))
		}
	}
	if resp, _ := ts.get(t, "/"); resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("the list of reports: Cache-Control %q", resp.Header.Get("Cache-Control"))
	}
	// A file unchanged since the browser's copy is not sent again; one
	// rewritten is, however soon.
	etag := func(p string) string { resp, _ := ts.get(t, p); return resp.Header.Get("ETag") }
	before := etag("/synthetic-a/en/years.svg")
	req, _ := http.NewRequest("GET", ts.ts.URL+"/synthetic-a/en/years.svg", nil)
	req.Header.Set("If-None-Match", before)
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Error(err)
	} else {
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotModified {
			t.Errorf("revalidating an unchanged file: %d, want 304", resp.StatusCode)
		}
	}
	svgPath := filepath.Join(ts.out, "synthetic-a", "en", "years.svg")
	old, _ := os.ReadFile(svgPath)
	saveByRename(t, svgPath, string(old))
	if after := etag("/synthetic-a/en/years.svg"); after == before {
		t.Errorf("a rewritten file keeps its ETag %s", before)
	}
	svg, _ := os.ReadFile(filepath.Join(ts.out, "synthetic-a", "en", "years.svg"))
	if resp, body := ts.get(t, "/synthetic-a/en/years.svg"); resp.StatusCode != 200 || body != string(svg) || resp.Header.Get("Content-Type") != "image/svg+xml" {
		t.Errorf("svg: %d %s, %d bytes, want %d", resp.StatusCode, resp.Header.Get("Content-Type"), len(body), len(svg))
	}
	if resp, body := ts.get(t, "/_tollcharts/live.js"); resp.StatusCode != 200 || !strings.Contains(body, "EventSource") {
		t.Errorf("live.js: %d", resp.StatusCode)
	}
	if resp, _ := ts.get(t, "/_tollcharts/nope"); resp.StatusCode != 404 {
		t.Errorf("/_tollcharts/nope: %d", resp.StatusCode)
	}
}

func TestInjectLive(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<p>a</p></body></html>", "<p>a</p>" + liveTag + "\n</body></html>"},
		{"<P>x</BODY>", "<P>x" + liveTag + "\n</BODY>"},
		{"<p>no body end", "<p>no body end" + liveTag + "\n"},
		{"<p></body> in text</p></body>", "<p></body> in text</p>" + liveTag + "\n</body>"},
	} {
		if got := string(injectLive([]byte(tc.in))); got != tc.want {
			t.Errorf("injectLive(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// rawGet sends a request target as is, without a client's cleaning.
func rawGet(t *testing.T, addr, target, extra string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"+extra+"\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServeRefusesPathsOutside(t *testing.T) {
	ts := start(t, synthetic)
	secret := filepath.Join(ts.dir, "secret.txt")
	if err := os.Symlink(secret, filepath.Join(ts.out, "escape.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Symlink(ts.dir, filepath.Join(ts.out, "up")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../secret.txt", filepath.Join(ts.out, "synthetic-a", "rel.txt")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(ts.out, "synthetic-a", ".tmp-index.html-123"), "synthetic temporary file")
	addr := ts.ts.Listener.Addr().String()
	for _, tc := range []struct {
		target string
		want   int
	}{
		{"/../secret.txt", 400},
		{"/synthetic-a/../../secret.txt", 400},
		{"/./secret.txt", 400},
		{"/%2e%2e/secret.txt", 400},
		{"/%2E%2E/secret.txt", 400},
		{"/..%2fsecret.txt", 400},
		{"/..%2Fsecret.txt", 400},
		{"/synthetic-a/..%5c..%5csecret.txt", 400},
		{`/synthetic-a/..\..\secret.txt`, 400},
		{"/synthetic-a/%252e%252e/%252e%252e/secret.txt", 404}, // a name with "%2e" in it, which does not exist
		{"//secret.txt", 400},
		{"/synthetic-a//index.html", 400},
		{"/synthetic-a/index.html%00", 400},
		{"http://127.0.0.1/../secret.txt", 400},
		{"/escape.txt", 404},
		{"/up/secret.txt", 404},
		{"/synthetic-a/rel.txt", 404},
		{"/synthetic-a/.tmp-index.html-123", 404},
		{"/.secret.txt", 404},
		{"/secret.txt", 404},
		{"/synthetic-a/en/", 404}, // no listings
		{"/synthetic-a/en/years.svg/", 404},
	} {
		code, body := rawGet(t, addr, tc.target, "")
		if code != tc.want {
			t.Errorf("GET %s: %d, want %d", tc.target, code, tc.want)
		}
		if strings.Contains(body, "synthetic secret") || strings.Contains(body, "synthetic temporary") {
			t.Errorf("GET %s: served a file it must not", tc.target)
		}
	}
}

func TestServeBoundsRequests(t *testing.T) {
	ts := start(t, synthetic)
	addr := ts.ts.Listener.Addr().String()
	resp, err := http.Post(ts.ts.URL+"/", "text/plain", strings.NewReader("synthetic"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 405 || resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d, Allow %q", resp.StatusCode, resp.Header.Get("Allow"))
	}
	if code, _ := rawGet(t, addr, "/", "Content-Length: 9\r\n"); code != 413 {
		t.Errorf("GET with a body: %d, want 413", code)
	}
	if code, _ := rawGet(t, addr, "/"+strings.Repeat("a", maxTarget), ""); code != 414 {
		t.Errorf("long target: %d, want 414", code)
	}
	if code, _ := rawGet(t, addr, "/", "X-Big: "+strings.Repeat("b", maxHeaderBytes+8192)+"\r\n"); code != 431 {
		t.Errorf("big headers: %d, want 431", code)
	}
	// DNS rebinding: a page on another site pointing its name at 127.0.0.1.
	req, _ := http.NewRequest("GET", ts.ts.URL+"/", nil)
	req.Host = "attacker.example:8080"
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); resp.StatusCode != 403 {
		t.Errorf("foreign Host: %d, want 403", resp.StatusCode)
	}
	for _, host := range []string{"localhost:8080", "127.0.0.1", "[::1]:8080", "LOCALHOST"} {
		if !loopbackHost(host) {
			t.Errorf("loopbackHost(%q) = false", host)
		}
	}
	ts.Server.cfg.Public = true
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); resp.StatusCode != 200 {
		t.Errorf("foreign Host on a public server: %d, want 200", resp.StatusCode)
	}
}

func TestCheckAddr(t *testing.T) {
	for _, tc := range []struct {
		addr   string
		public bool
		err    string
	}{
		{"127.0.0.1:8080", false, ""},
		{"localhost:0", false, ""},
		{"[::1]:8080", false, ""},
		{"127.0.0.2:8080", false, ""},
		{"0.0.0.0:8080", false, "-addr 0.0.0.0:8080 is not a loopback address: other machines could read the charts; pass -public to allow that, or use 127.0.0.1"},
		{":8080", false, "-addr :8080 listens on every interface: other machines could read the charts; pass -public to allow that, or use 127.0.0.1"},
		{"192.0.2.1:80", false, "-addr 192.0.2.1:80 is not a loopback address: other machines could read the charts; pass -public to allow that, or use 127.0.0.1"},
		{"example.org:80", false, "-addr example.org:80 is not a loopback address: other machines could read the charts; pass -public to allow that, or use 127.0.0.1"},
		{"0.0.0.0:8080", true, ""},
		{"8080", false, `-addr "8080": want host:port, such as 127.0.0.1:8080`},
	} {
		err := CheckAddr(tc.addr, tc.public)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.err {
			t.Errorf("CheckAddr(%q, %v) = %q, want %q", tc.addr, tc.public, got, tc.err)
		}
	}
}

func TestSpecEditRebuildsThatReportAndReloads(t *testing.T) {
	ts := start(t, synthetic)
	events := ts.events(t)
	bBefore, _ := os.Stat(filepath.Join(ts.out, "synthetic-b", "index.html"))
	saveByRename(t, ts.spec("synthetic-a"), syntheticSpec("synthetic-a", "Synthetic report A, edited"))
	if specs := ts.nextRebuild(t); !slices.Equal(specs, []string{ts.spec("synthetic-a")}) {
		t.Errorf("rebuilt %v, want only synthetic-a", specs)
	}
	ev := nextEvent(t, events, "reload")
	var reload reloadEvent
	if err := json.Unmarshal([]byte(ev.data), &reload); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(reload.Reports, []string{"synthetic-a"}) || !slices.Contains(reload.Paths, "/synthetic-a/index.html") {
		t.Errorf("reload %s", ev.data)
	}
	gallery, _ := os.ReadFile(filepath.Join(ts.out, "synthetic-a", "index.html"))
	if !bytes.Contains(gallery, []byte("Synthetic report A, edited")) {
		t.Error("the gallery was not rebuilt with the new title")
	}
	if _, body := ts.get(t, "/"); !strings.Contains(body, "Synthetic report A, edited") {
		t.Error("the list of reports has the old title")
	}
	bAfter, _ := os.Stat(filepath.Join(ts.out, "synthetic-b", "index.html"))
	if !bAfter.ModTime().Equal(bBefore.ModTime()) {
		t.Error("synthetic-b was rewritten")
	}
}

func TestDatasetEditRebuildsOnlyItsReports(t *testing.T) {
	ts := start(t, synthetic)
	events := ts.events(t)
	saveByRename(t, filepath.Join(ts.dir, "datasets", "synthetic-b.csv"), "period,category,value\n2019,all,8\n2020,all,9\n")
	if specs := ts.nextRebuild(t); !slices.Equal(specs, []string{ts.spec("synthetic-b")}) {
		t.Errorf("rebuilt %v, want only synthetic-b", specs)
	}
	if ev := nextEvent(t, events, "reload"); !strings.Contains(ev.data, `"reports":["synthetic-b"]`) {
		t.Errorf("reload %s", ev.data)
	}
	// An editor's swap file is no input: nothing is rebuilt.
	writeFile(t, filepath.Join(ts.dir, "datasets", ".synthetic-b.csv.swp"), "synthetic")
	writeFile(t, ts.spec("synthetic-a"), syntheticSpec("synthetic-a", "Synthetic report A, again"))
	if specs := ts.nextRebuild(t); !slices.Equal(specs, []string{ts.spec("synthetic-a")}) {
		t.Errorf("rebuilt %v, want only synthetic-a", specs)
	}
}

func TestBuildErrorsReachTheOverlay(t *testing.T) {
	ts := start(t, synthetic)
	events := ts.events(t)
	csv := filepath.Join(ts.dir, "datasets", "synthetic-a.csv")
	saveByRename(t, csv, "period,category,value\n2019,all,1.000\n2019,kids,3\n")
	ev := nextEvent(t, events, "errors")
	want := []string{
		csv + `:2:10: value "1.000" is ambiguous: a dot may be a thousands separator or a decimal point; write 6993 or 6,993`,
		csv + `:3:6: unknown category "kids"; want one of: all, children, women, medical_and_civil_defence_personnel, medical_personnel, civil_defence_personnel, medical_personnel_women, media_workers, schools, medical_facilities, markets, mosques`,
	}
	var got struct {
		Errors []errorsReport `json:"errors"`
	}
	if err := json.Unmarshal([]byte(ev.data), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Errors) != 1 || got.Errors[0].Report != "synthetic-a" || !slices.Equal(got.Errors[0].Lines, want) {
		t.Errorf("errors event %s\nwant lines %q", ev.data, want)
	}
	resp, body := ts.get(t, "/_tollcharts/errors")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" || body != ev.data {
		t.Errorf("/_tollcharts/errors: %d %s\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	if _, body := ts.get(t, "/"); !strings.Contains(body, "build failed: 2 errors; showing the last good build") ||
		!strings.Contains(body, strings.ReplaceAll(want[1], `"`, "&#34;")) {
		t.Errorf("the list of reports does not show the errors:\n%s", body)
	}
	if !strings.Contains(ts.stderr.String(), want[0]+"\n"+want[1]+"\n") {
		t.Errorf("stderr lacks the errors:\n%s", ts.stderr.String())
	}
	if _, err := os.Stat(filepath.Join(ts.out, "synthetic-a", "index.html")); err != nil {
		t.Errorf("the failed build touched the last good one: %v", err)
	}
	// A typo in the spec: the errors name the spec; the report is still
	// rebuilt once its dataset is fixed.
	spec := ts.spec("synthetic-a")
	saveByRename(t, spec, strings.Replace(syntheticSpec("synthetic-a", "Synthetic report A"), "kind: column", "kind: colum", 1))
	if ev := nextEvent(t, events, "errors"); !strings.Contains(ev.data, spec+":7:11: ") {
		t.Errorf("errors event %s; want one at %s:7:11", ev.data, spec)
	}
	saveByRename(t, spec, syntheticSpec("synthetic-a", "Synthetic report A"))
	nextEvent(t, events, "errors")
	saveByRename(t, csv, "period,category,value\n2019,all,101\n2020,all,50\n")
	if ev := nextEvent(t, events, "errors"); ev.data != `{"errors":[]}` {
		t.Errorf("errors after the fix: %s", ev.data)
	}
	nextEvent(t, events, "reload")
}

func TestNewSpecIsServed(t *testing.T) {
	ts := start(t, synthetic)
	events := ts.events(t)
	writeFile(t, filepath.Join(ts.dir, "datasets", "synthetic-c.csv"), "period,category,value\n2019,all,3\n")
	writeFile(t, filepath.Join(ts.dir, "datasets", "synthetic-c.meta.yaml"), syntheticMeta)
	saveByRename(t, ts.spec("synthetic-c"), syntheticSpec("synthetic-c", "Synthetic report C"))
	for {
		ev := nextEvent(t, events, "reload")
		if strings.Contains(ev.data, `"synthetic-c"`) {
			break
		}
	}
	if _, body := ts.get(t, "/"); !strings.Contains(body, `<a href="/synthetic-c/">Synthetic report C</a>`) {
		t.Errorf("new report not listed:\n%s", body)
	}
}

func TestServeStopsOnCancel(t *testing.T) {
	dir := writeFiles(t, synthetic)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := New(ctx, Config{Root: dir, Out: filepath.Join(dir, "out"), Formats: []string{"svg"}, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	ts := &testServer{Server: s, ts: &httptest.Server{URL: "http://" + ln.Addr().String()}}
	events := ts.events(t) // an open stream must not hold the shutdown
	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(wait):
		t.Fatal("Serve did not return after cancel")
	}
	for range events { // the stream ends
	}
}
