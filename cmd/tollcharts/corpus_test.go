package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBadInputCorpus runs every file of testdata/bad (one class of bad
// input each) through `check` and `build`: exit status 1, every stderr line
// a positioned message naming the file, the exact text recorded in
// <case>.err, and the output folder left exactly as it was.
func TestBadInputCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "bad")
	cases, _ := filepath.Glob(filepath.Join(dir, "dataset-*.csv"))
	xlsx, _ := filepath.Glob(filepath.Join(dir, "dataset-*.xlsx"))
	cases = append(cases, xlsx...)
	specs, _ := filepath.Glob(filepath.Join(dir, "spec-*.yaml"))
	cases = append(cases, specs...)
	if len(cases) < 30 {
		t.Fatalf("%d cases, want at least 30", len(cases))
	}
	positioned := regexp.MustCompile(`^\S+?:(\d+:(\d+:)?)? \S`)
	for _, c := range cases {
		name := strings.TrimSuffix(filepath.Base(c), filepath.Ext(c))
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := runT(t, "check", c)
			if code != 1 {
				t.Fatalf("check exit %d, want 1\n%s", code, stderr)
			}
			if stdout != "" {
				t.Errorf("check wrote to stdout: %q", stdout)
			}
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if !positioned.MatchString(line) || strings.Contains(line, "panic") || strings.Contains(line, "goroutine") {
					t.Errorf("not a positioned message: %q", line)
				}
			}
			golden := filepath.Join(dir, name+".err")
			if *updateGolden {
				os.WriteFile(golden, []byte(stderr), 0o644)
			} else if want, err := os.ReadFile(golden); err != nil {
				t.Errorf("%v (UPDATE_GOLDEN=1 records it)", err)
			} else if string(want) != stderr {
				t.Errorf("stderr\n%s\nwant\n%s", stderr, want)
			}
			if !strings.HasPrefix(name, "spec-") {
				return
			}
			out := t.TempDir()
			keep := filepath.Join(out, "bad-case", "manifest.json")
			os.MkdirAll(filepath.Dir(keep), 0o755)
			os.WriteFile(keep, []byte("earlier build\n"), 0o644)
			code, stdout, _ = runT(t, "build", "-q", "-format", "svg", "-out", out, c)
			if code != 1 || stdout != "" {
				t.Errorf("build exit %d, stdout %q; want 1 and nothing written", code, stdout)
			}
			entries := snapshot(t, out)
			if len(entries) != 1 || string(entries[keep]) != "earlier build\n" {
				t.Errorf("output folder changed: %v", keys(entries))
			}
		})
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
