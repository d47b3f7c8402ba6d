package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tollcharts/tollcharts/charts"
)

// childEnv makes the test binary run as the tollcharts command, so that
// tests can start real builds in other processes (and kill them) without
// compiling the command first.
const childEnv = "TOLLCHARTS_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		main() // exits
	}
	os.Exit(m.Run())
}

// child is a build running in another process.
type child struct {
	cmd    *exec.Cmd
	lines  chan string // stdout, line by line; closed at EOF
	stderr *syncBuffer
	done   chan struct{} // closed once the process has exited
	err    error         // Wait's error, once done
}

// syncBuffer is a buffer safe for concurrent use.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startChild runs `tollcharts args...` in a new process.
func startChild(t *testing.T, args ...string) *child {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: exec.Command(exe, args...), lines: make(chan string, 4096), stderr: &syncBuffer{}, done: make(chan struct{})}
	c.cmd.Env = append(os.Environ(), childEnv+"=1")
	c.cmd.Stderr = c.stderr
	stdout, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c.cmd.Process.Kill()
		<-c.done
	})
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.lines)
		io.Copy(io.Discard, stdout)
		c.err = c.cmd.Wait()
		close(c.done)
	}()
	return c
}

// wait waits for the child to exit and returns its exit status (-1 when
// killed by a signal).
func (c *child) wait() int {
	<-c.done
	return c.cmd.ProcessState.ExitCode()
}

// runChild runs a build to its end in another process.
func runChild(t *testing.T, args ...string) (code int, stdout []string, stderr string) {
	t.Helper()
	c := startChild(t, args...)
	for l := range c.lines {
		stdout = append(stdout, l)
	}
	return c.wait(), stdout, c.stderr.String()
}

// bigSynthetic is a project of invented numbers with charts enough that a
// PNG build takes a moment. Version 2 changes the figures of the charts
// that show women, keeps the others and adds a chart.
func bigSynthetic(version int) map[string]string {
	var csv strings.Builder
	csv.WriteString("period,category,value\n")
	for y := 2012; y <= 2023; y++ {
		all, children, women := 1000+37*(y-2012), 200+11*(y-2012), 100+7*(y-2012)
		if version == 2 {
			women += 3
		}
		fmt.Fprintf(&csv, "%d,all,%d\n%d,children,%d\n%d,women,%d\n", y, all, y, children, y, women)
	}
	chart := func(id, kind, title, sel, axes string) string {
		return fmt.Sprintf("  - id: %s\n    kind: %s\n    data: d\n    title: {en: \"Synthetic %s\", ar: \"%s تجريبي\"}\n    subtitle: {en: Synthetic data for a test, ar: بيانات تجريبية}\n    select: {metric: civilians_killed, %s}\n%s", id, kind, title, title, sel, axes)
	}
	spec := "id: synthetic-big\ntitle: {en: Synthetic report, ar: تقرير تجريبي}\ndatasets:\n  d: ../datasets/synthetic.csv\ncharts:\n" +
		chart("all-years", "column", "all by year", "category: [all]", "    x: period\n") +
		chart("parts-years", "grouped", "parts by year", "category: [all, children, women]", "    x: period\n    series: category\n") +
		chart("stacked-years", "stacked", "children and women", "category: [children, women]", "    x: period\n    series: category\n")
	if version == 2 {
		spec += chart("parts-2021", "bar", "parts in one year", `category: [all, children, women], period: ["2021"]`, "    x: category\n")
	}
	return map[string]string{
		"datasets/synthetic.csv":       csv.String(),
		"datasets/synthetic.meta.yaml": synthetic["datasets/synthetic.meta.yaml"],
		"reports/synthetic.yaml":       spec,
	}
}

// readManifest reads a report's manifest; it fails the test when it does
// not parse.
func readManifest(t *testing.T, dir string) (*charts.Manifest, []byte) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m charts.Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("manifest.json does not parse: %v", err)
	}
	return &m, b
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// hashes maps each artifact of m to its sha256.
func hashes(m *charts.Manifest) map[string]string {
	h := map[string]string{}
	for _, a := range m.Artifacts {
		h[a.Path] = a.SHA256
	}
	return h
}

// checkPNG fails when the file is not a whole PNG.
func checkPNG(t *testing.T, p string, b []byte) {
	t.Helper()
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		t.Errorf("%s: not a whole PNG: %v", p, err)
	}
}

// checkConsistent checks a finished build's report folder: every artifact
// of the manifest is on disk with its sha256, every PNG decodes, no
// temporary file is left, and no file is there that the manifest does not
// list.
func checkConsistent(t *testing.T, dir string) *charts.Manifest {
	t.Helper()
	m, _ := readManifest(t, dir)
	listed := hashes(m)
	for p, want := range listed {
		if p == charts.LockName || strings.HasSuffix(p, "/"+charts.LockName) {
			t.Errorf("the manifest lists the lock file %s", p)
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if sha(b) != want {
			t.Errorf("%s: sha256 %s, manifest says %s", p, sha(b), want)
		}
		if strings.HasSuffix(p, ".png") {
			checkPNG(t, p, b)
		}
	}
	for _, p := range files(t, dir) {
		if _, ok := listed[p]; !ok && p != "manifest.json" {
			t.Errorf("%s is on disk but not in the manifest", p)
		}
	}
	return m
}

// files lists the files under dir, relative, with forward slashes.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// copyDir copies the files under src to dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	for _, p := range files(t, src) {
		b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		q := filepath.Join(dst, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(q), 0o755)
		if err := os.WriteFile(q, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// writeFilesInto writes files into an existing project folder.
func writeFilesInto(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
