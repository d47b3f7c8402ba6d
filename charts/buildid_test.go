//go:build linux

package charts

import (
	"os"
	"strings"
	"testing"
)

// TestBinaryIDIsGoBuildID checks the render keys name the program by the
// build ID the Go linker writes (actionID/.../contentID), not by a hash of
// its tens of megabytes, and that a file without one gives "".
func TestBinaryIDIsGoBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	id := goBuildID(exe)
	if strings.Count(id, "/") < 1 || strings.ContainsAny(id, "\x00\n ") {
		t.Fatalf("build ID of the test binary = %q", id)
	}
	if got := binaryID(); got != "go-build-id "+id {
		t.Fatalf("binaryID() = %q, want the build ID %q", got, id)
	}
	if got := goBuildID("manifest.go"); got != "" {
		t.Fatalf("build ID of a source file = %q", got)
	}
}
