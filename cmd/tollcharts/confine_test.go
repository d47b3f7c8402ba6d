package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestReportFolderLinkedOutside: output/<report> a symbolic link to a
// folder outside the output folder: exit 1, one clear message, nothing
// written anywhere, the folder it points to untouched.
func TestReportFolderLinkedOutside(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := writeFiles(t, synthetic)
	spec := filepath.Join(dir, "reports", "synthetic.yaml")
	out := filepath.Join(dir, "out")
	elsewhere := t.TempDir()
	os.MkdirAll(out, 0o755)
	if err := os.Symlink(elsewhere, filepath.Join(out, "synthetic")); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runT(t, "build", "-q", "-format", "svg", "-out", out, spec)
	want := filepath.Join(out, "synthetic") + ": is a symbolic link to " + elsewhere + ", which does not lead to a folder inside " + out + "; want a folder inside " + out + "\n"
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("exit %d, stdout %q, stderr\n%s\nwant 1, nothing, and\n%s", code, stdout, stderr, want)
	}
	if got := files(t, elsewhere); len(got) != 0 {
		t.Errorf("wrote outside the output folder: %v", got)
	}
}
