//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tollcharts/tollcharts/charts"
)

// TestBuildWaitsForTheLock: while another build holds the output folder's
// lock, a build says so on stderr (even with -q) and writes nothing; once
// the lock is released it goes on and finishes.
func TestBuildWaitsForTheLock(t *testing.T) {
	dir := writeFiles(t, synthetic)
	spec := filepath.Join(dir, "reports", "synthetic.yaml")
	out := filepath.Join(dir, "out")
	release := holdLock(t, out)
	c := startChild(t, "build", "-q", "-format", "svg", "-out", out, spec)
	want := "tollcharts: waiting for another build of " + out + " to finish (it holds " + filepath.Join(out, charts.LockName) + ")\n"
	for !strings.Contains(c.stderr.String(), want) {
		select {
		case <-c.done:
			release()
			t.Fatalf("the build ended (exit %d) without waiting; stderr:\n%s", c.wait(), c.stderr.String())
		case <-time.After(5 * time.Millisecond):
		}
	}
	if _, err := os.Stat(filepath.Join(out, "synthetic")); !os.IsNotExist(err) {
		t.Errorf("wrote while another build held the lock: %v", err)
	}
	release()
	var stdout []string
	for l := range c.lines {
		stdout = append(stdout, l)
	}
	if code := c.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, c.stderr.String())
	}
	if got := c.stderr.String(); got != want {
		t.Errorf("stderr %q, want only %q", got, want)
	}
	if len(stdout) != 10 {
		t.Errorf("wrote %d files, want 10:\n%s", len(stdout), strings.Join(stdout, "\n"))
	}
	checkConsistent(t, filepath.Join(out, "synthetic"))
}

// TestTwoBuildsAtOnce starts two builds of one report into one output
// folder at the same time, in two processes, asking for different
// formats and languages. Both succeed; the folder holds exactly what the manifest of
// the one that finished last lists, each file with its sha256, and no
// temporary file; the lock file is in no manifest.
func TestTwoBuildsAtOnce(t *testing.T) {
	dir := writeFiles(t, synthetic)
	spec := filepath.Join(dir, "reports", "synthetic.yaml")
	out := filepath.Join(dir, "out")
	a := startChild(t, "build", "-q", "-format", "svg,pdf", "-out", out, spec)
	b := startChild(t, "build", "-q", "-format", "svg", "-lang", "en", "-out", out, spec)
	for _, c := range []*child{a, b} {
		for range c.lines {
		}
		if code := c.wait(); code != 0 {
			t.Fatalf("exit %d\n%s", code, c.stderr.String())
		}
		s := c.stderr.String()
		if s != "" && !strings.HasPrefix(s, "tollcharts: waiting for another build of "+out) {
			t.Errorf("stderr %q", s)
		}
		t.Logf("waited for the other: %v", s != "")
	}
	m := checkConsistent(t, filepath.Join(out, "synthetic"))
	var formats []string
	for _, x := range m.Artifacts {
		if x.Format != "csv" && x.Kind != "gallery" && !slices.Contains(formats, x.Format) {
			formats = append(formats, x.Format)
		}
	}
	slices.Sort(formats)
	langs := map[string]bool{}
	for _, x := range m.Artifacts {
		langs[x.Lang] = true
	}
	switch f := strings.Join(formats, ","); {
	case f == "pdf,svg" && langs["ar"] && langs["en"]:
	case f == "svg" && !langs["ar"] && langs["en"]:
	default:
		t.Errorf("the manifest lists formats %s and languages %v; want one build's: pdf,svg in en and ar, or svg in en", f, langs)
	}
	for _, p := range files(t, out) {
		if strings.Contains(p, ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
	}
}

// TestTwoBuildsAtOnceInProcess: the same within one process (the lock is
// per open file, so goroutines take turns too), under the race detector in
// CI.
func TestTwoBuildsAtOnceInProcess(t *testing.T) {
	dir := writeFiles(t, synthetic)
	spec := filepath.Join(dir, "reports", "synthetic.yaml")
	out := filepath.Join(dir, "out")
	var wg sync.WaitGroup
	codes := make([]int, 4)
	stderrs := make([]string, 4)
	for i := range codes {
		wg.Go(func() {
			codes[i], _, stderrs[i] = runT(t, "build", "-q", "-force", "-format", "svg", "-out", out, spec)
		})
	}
	wg.Wait()
	for i, code := range codes {
		if code != 0 {
			t.Errorf("build %d: exit %d\n%s", i, code, stderrs[i])
		}
	}
	checkConsistent(t, filepath.Join(out, "synthetic"))
}
