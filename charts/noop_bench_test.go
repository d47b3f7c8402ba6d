package charts

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkNoopRebuild rebuilds every shipped report into a folder that is
// already up to date: nothing is rendered or written.
func BenchmarkNoopRebuild(b *testing.B) {
	specs, _ := filepath.Glob(filepath.Join("..", "reports", "*.yaml"))
	o := Options{Reports: specs, Root: "..", Out: b.TempDir()}
	if _, err := Build(context.Background(), o); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		res, err := Build(context.Background(), o)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Written) > 0 {
			b.Fatalf("a no-op rebuild wrote %d files", len(res.Written))
		}
	}
}
