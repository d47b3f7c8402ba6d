package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckTheme: check reads a file in a themes/ folder as a theme.
func TestCheckTheme(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "themes")
	os.MkdirAll(dir, 0o755)
	good := filepath.Join(dir, "synthetic.yaml")
	os.WriteFile(good, []byte("extends: dark\nsizes: {title: 32}\n"), 0o644)
	if code, stdout, stderr := runT(t, "check", good); code != 0 || stdout != "" || stderr != "ok: 1 files checked\n" {
		t.Errorf("check a good theme: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("sizes: {title: 300}\n"), 0o644)
	want := bad + `:1:16: sizes.title "300" is not allowed; want a number from 6 to 100 (points at the 1200x675 size)` + "\n"
	if code, _, stderr := runT(t, "check", bad); code != 1 || stderr != want {
		t.Errorf("check a bad theme: exit %d\n%s\nwant\n%s", code, stderr, want)
	}
	if code, _, stderr := runT(t, "check", filepath.Join(dir, "gone.yaml")); code != 1 || !strings.Contains(stderr, "gone.yaml: not found at ") {
		t.Errorf("check a missing theme: exit %d\n%s", code, stderr)
	}
}
