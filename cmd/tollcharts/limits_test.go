package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollcharts/tollcharts/charts/dataset"
)

// TestDatasetOverSizeLimit: a dataset over dataset.MaxBytes (a sparse file
// made here, never committed) fails check and build at once with its size
// and the limit; the build writes nothing.
func TestDatasetOverSizeLimit(t *testing.T) {
	dir := writeFiles(t, synthetic)
	csv := filepath.Join(dir, "datasets", "synthetic.csv")
	if err := os.Truncate(csv, dataset.MaxBytes+1); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%s: file is %d bytes; at most %d are allowed\n", csv, dataset.MaxBytes+1, dataset.MaxBytes)
	if code, stdout, stderr := runT(t, "check", csv); code != 1 || stdout != "" || stderr != want {
		t.Errorf("check: exit %d, stdout %q, stderr\n%s\nwant 1 and\n%s", code, stdout, stderr, want)
	}
	out := filepath.Join(dir, "out")
	spec := filepath.Join(dir, "reports", "synthetic.yaml")
	if code, stdout, stderr := runT(t, "build", "-q", "-format", "svg", "-out", out, spec); code != 1 || stdout != "" || stderr != want {
		t.Errorf("build: exit %d, stdout %q, stderr\n%s\nwant 1 and\n%s", code, stdout, stderr, want)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the build created %s: %v", out, err)
	}
}
