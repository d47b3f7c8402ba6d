package theme_test

import (
	"testing"

	"github.com/go-fonts/dejavu/dejavuserif"

	"github.com/tollcharts/tollcharts/charts/theme"
)

// FuzzParse feeds theme files and the files they name (every name reads
// the same bytes) to Parse: it must return a theme or errors, never panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte("extends: dark\nsizes: {title: 30}\n"), []byte(nil))
	f.Add([]byte("fonts: {regular: [a.ttf], bold: b.otf}\n"), dejavuserif.TTF[:4096])
	f.Add([]byte("logo: {file: l.png, height: 40}\n"), pngOf(3, 2))
	f.Add([]byte("colours: {background: \"#000000\"}\npalette: [\"#ffffff\"]\n"), []byte("x"))
	f.Fuzz(func(t *testing.T, yaml, file []byte) {
		read := func(string, int64) ([]byte, error) { return file, nil }
		th, err := theme.Parse("fuzz", "themes/fuzz.yaml", yaml, read)
		if (th == nil) == (err == nil) {
			t.Fatalf("theme %v and error %v", th, err)
		}
	})
}
