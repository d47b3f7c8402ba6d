package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// writeDataset writes a CSV and a synthetic sidecar into a new folder.
func writeDataset(t *testing.T, csv []byte) string {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "synthetic.csv")
	meta := "title: Synthetic\npublisher: Test\npublisher_short: T\nperiod_semantics: window\nlicence: test\n" +
		"defaults: {perpetrator: russian_forces, metric: civilians_killed}\ndefault_source: s\nsources:\n  s: {title: Synthetic, kind: primary}\n"
	if err := os.WriteFile(MetaPath(p), []byte(meta), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, csv, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestDatasetTooLarge: a dataset over MaxBytes is refused before a byte of
// it is read (the file is sparse: nothing is written either).
func TestDatasetTooLarge(t *testing.T) {
	p := writeDataset(t, nil)
	if err := os.Truncate(p, MaxBytes+1); err != nil {
		t.Fatal(err)
	}
	var err error
	alloc := allocated(func() { _, err = Load(p) })
	want := fmt.Sprintf("%s: file is %d bytes; at most %d are allowed", p, MaxBytes+1, MaxBytes)
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
	if alloc > 1<<20 {
		t.Errorf("allocated %d KB to refuse it", alloc>>10)
	}
}

// TestHugeCell: a cell of 10 MB in any column, quoted or not, is one
// error at the cell's start, found before the CSV is read: memory holds
// the file and little more.
func TestHugeCell(t *testing.T) {
	const n = 10 << 20
	digits, text := strings.Repeat("9", n), strings.Repeat("x", n)
	for _, c := range []struct{ name, csv, at string }{
		{"value", "period,category,value\n2019,all," + digits + "\n", "2:10"},
		{"governorate", "period,governorate,category,value\n2019," + text + ",all,1\n", "2:6"},
		{"note", "period,category,value,note\n2019,all,1," + text + "\n", "2:12"},
		{"quoted with newlines", "period,category,value,note\n2019,all,1,\"" + strings.Repeat("x\n", n/2) + "\"\n", "2:12"},
		{"header", "period,category,value," + text + "\n2019,all,1,1\n", "1:23"},
		{"quote left open", "period,category,value\n2019,all,\"1\n" + strings.Repeat("2020,all,1\n", n/11) + "", "2:10"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := writeDataset(t, []byte(c.csv))
			var err error
			alloc := allocated(func() { _, err = Load(p) })
			if err == nil {
				t.Fatal("no error")
			}
			if lines := strings.Split(err.Error(), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], p+":"+c.at+": cell is ") || !strings.HasSuffix(lines[0], fmt.Sprintf(" bytes; at most %d are allowed", MaxCell)) {
				t.Errorf("got %.300s\nwant one error at %s: cell is N bytes; at most %d are allowed", err, c.at, MaxCell)
			}
			if alloc > uint64(len(c.csv))+4<<20 {
				t.Errorf("allocated %d MB for a %d MB file", alloc>>20, len(c.csv)>>20)
			}
		})
	}
}

// TestCellLimitExact: a cell of MaxCell bytes is read; one more byte is
// an error giving the size.
func TestCellLimitExact(t *testing.T) {
	note := strings.Repeat("n", MaxCell)
	if _, err := Parse("t.csv", []byte("period,category,value,note\n2019,all,1,"+note+"\n"), testMeta); err != nil {
		t.Errorf("a cell of %d bytes: %v", MaxCell, err)
	}
	_, err := Parse("t.csv", []byte("period,category,value,note\n2019,all,1,\""+note+"\"\n"), testMeta)
	want := fmt.Sprintf("t.csv:2:12: cell is %d bytes; at most %d are allowed", MaxCell+2, MaxCell)
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}
