//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tollcharts/tollcharts/charts"
)

// lockBusy reports whether a build holds the output folder's lock. It
// takes the lock for an instant when it is free (a build starting then
// waits one poll).
func lockBusy(t *testing.T, out string) bool {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(out, charts.LockName), os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return false
	} else if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return true
	} else if err != nil {
		t.Fatal(err)
	}
	return false
}

// holdLock takes the output folder's lock as another build would, until
// the returned function is called.
func holdLock(t *testing.T, out string) (release func()) {
	t.Helper()
	os.MkdirAll(out, 0o755)
	f, err := os.OpenFile(filepath.Join(out, charts.LockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	return func() { f.Close() }
}

// TestKilledBuildLosesNothing kills builds (SIGKILL, nothing can clean up)
// at several points and checks that no file under its final name is ever
// partial, then that the next build recovers.
//
// The output starts as a finished build of version 1 of a synthetic
// project; version 2 changes the numbers of some charts, keeps the others
// and adds one. A reference build of version 2 in another folder gives the
// sha256 every rewritten file must have (builds are byte-identical). After
// each kill, wherever it landed: every file of the version 1 manifest is
// still there, with its version 1 sha256 or, for the charts version 2
// changed, the whole version 2 file's; every other file under a final name
// is a whole version 2 file; manifest.json is one of the two manifests;
// every PNG decodes. Temporary files (.tmp-*) are the only other files.
// The kills land while rendering (once the build holds the lock), after
// the first file written, and after a third of the files; whether the
// build had got that far or even finished does not change the checks.
// Then a build runs to its end: exit 0, the version 2 manifest, every
// artifact's sha256 matching its file, no temporary file left (including
// one planted as if a kill had struck mid-write).
func TestKilledBuildLosesNothing(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("builds several times in other processes; the race detector runs the same build code in-process")
	}
	dir := writeFiles(t, bigSynthetic(1))
	spec := filepath.Join(dir, "reports", "synthetic.yaml")
	out := filepath.Join(dir, "out")
	ref := filepath.Join(dir, "ref")
	args := func(out string) []string {
		return []string{"build", "-q", "-lang", "en", "-format", "png", "-j", "2", "-out", out, spec}
	}
	if code, _, stderr := runChild(t, args(out)...); code != 0 {
		t.Fatalf("version 1: exit %d\n%s", code, stderr)
	}
	report := filepath.Join(out, "synthetic-big")
	m1, m1Bytes := readManifest(t, report)
	v1 := hashes(m1)

	writeFilesInto(t, dir, bigSynthetic(2))
	code, refWritten, stderr := runChild(t, args(ref)...)
	if code != 0 {
		t.Fatalf("reference build of version 2: exit %d\n%s", code, stderr)
	}
	m2, m2Bytes := readManifest(t, filepath.Join(ref, "synthetic-big"))
	v2 := hashes(m2)
	changed := 0
	for p, h := range v1 {
		if v2[p] == "" {
			t.Fatalf("version 2 drops %s; the test needs every version 1 file kept", p)
		}
		if v2[p] != h {
			changed++
		}
	}
	if changed == 0 || changed == len(v1) || len(v2) == len(v1) {
		t.Fatalf("version 2 changes %d of %d files and adds %d; want some changed, some kept, some added", changed, len(v1), len(v2)-len(v1))
	}

	rounds := []struct {
		name string
		kill func(c *child) bool // waits for the moment to kill; false: the build ended first
	}{
		{"while rendering", func(c *child) bool {
			for !lockBusy(t, out) {
				select {
				case <-c.done:
					return false
				case <-time.After(2 * time.Millisecond):
				}
			}
			return true
		}},
		{"after the first file", func(c *child) bool { _, ok := <-c.lines; return ok }},
		{"after a third of the files", func(c *child) bool {
			for range len(refWritten) / 3 {
				if _, ok := <-c.lines; !ok {
					return false
				}
			}
			return true
		}},
	}
	for _, r := range rounds {
		c := startChild(t, args(out)...)
		landed := r.kill(c)
		c.cmd.Process.Signal(syscall.SIGKILL)
		code := c.wait()
		t.Logf("kill %s: landed %v, exit %d", r.name, landed, code)
		if code != -1 && code != 0 {
			t.Fatalf("kill %s: the build exited %d before the kill\n%s", r.name, code, c.stderr.String())
		}
		for p := range v1 {
			if _, err := os.Stat(filepath.Join(report, filepath.FromSlash(p))); err != nil {
				t.Errorf("kill %s: %s of the previous build is gone: %v", r.name, p, err)
			}
		}
		newer, temps := 0, 0
		for _, p := range files(t, report) {
			b, err := os.ReadFile(filepath.Join(report, filepath.FromSlash(p)))
			if err != nil {
				t.Fatal(err)
			}
			switch name := filepath.Base(p); {
			case strings.HasPrefix(name, ".tmp-"):
				temps++
				continue // a temporary file: never a final name
			case p == "manifest.json":
				if !bytes.Equal(b, m1Bytes) && !bytes.Equal(b, m2Bytes) {
					t.Errorf("kill %s: manifest.json is neither build's:\n%.300s", r.name, b)
				}
				continue
			}
			h := sha(b)
			if h != v1[p] && h == v2[p] {
				newer++
			}
			switch {
			case h == v1[p]:
			case h == v2[p]:
			case v1[p] == "" && v2[p] == "":
				t.Errorf("kill %s: %s is in neither build", r.name, p)
			default:
				t.Errorf("kill %s: %s is partial or wrong: sha256 %s, want %s (before) or %s (after)", r.name, p, h, v1[p], v2[p])
			}
			if strings.HasSuffix(p, ".png") {
				checkPNG(t, p, b)
			}
		}
		t.Logf("kill %s: %d of the %d new or changed files in place, %d temporary files", r.name, newer, changed+len(v2)-len(v1), temps)
	}

	// A temporary file as a kill between write and rename leaves it.
	planted := filepath.Join(report, "en", ".tmp-all-years.png-0123456789abcdef")
	whole, _ := os.ReadFile(filepath.Join(report, "en", "all-years.png"))
	os.WriteFile(planted, whole[:len(whole)/2], 0o600)

	code, _, stderr = runChild(t, args(out)...)
	if code != 0 {
		t.Fatalf("build after the kills: exit %d\n%s", code, stderr)
	}
	m := checkConsistent(t, report)
	if _, b := readManifest(t, report); !bytes.Equal(b, m2Bytes) {
		t.Errorf("manifest after recovery differs from the reference build's")
	}
	if len(m.Artifacts) != len(m2.Artifacts) {
		t.Errorf("%d artifacts, want %d", len(m.Artifacts), len(m2.Artifacts))
	}
	for _, p := range files(t, out) {
		if strings.Contains(p, ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
	}
}
