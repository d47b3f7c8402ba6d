// Package themetest gives tests the synthetic theme,
// testdata/themes/synthetic-brand.yaml, whole: the theme file, its fonts
// (DejaVu Serif regular and bold, from the embedded go-fonts copies, so no
// font file is committed) and its logo (a placeholder drawn here that says
// "SYNTHETIC"; no organisation's logo). It is for tests only.
package themetest

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"

	"github.com/fogleman/gg"
	"github.com/go-fonts/dejavu/dejavuserif"
	"github.com/go-fonts/dejavu/dejavuserifbold"

	"github.com/tollcharts/tollcharts/charts/text"
	"github.com/tollcharts/tollcharts/charts/theme"
)

// Name is the synthetic theme's name.
const Name = "synthetic-brand"

// Dir is the repository's testdata/themes folder, found from this file.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata", "themes")
}

// Files are the synthetic theme's files, by their path in a themes folder.
func Files() (map[string][]byte, error) {
	y, err := os.ReadFile(filepath.Join(Dir(), Name+".yaml"))
	if err != nil {
		return nil, err
	}
	return map[string][]byte{
		Name + ".yaml":               y,
		"fonts/DejaVuSerif.ttf":      dejavuserif.TTF,
		"fonts/DejaVuSerif-Bold.ttf": dejavuserifbold.TTF,
		"synthetic-logo.png":         LogoPNG(),
	}, nil
}

// Write lays the synthetic theme out in a themes folder.
func Write(themesDir string) error {
	files, err := Files()
	if err != nil {
		return err
	}
	for name, b := range files {
		p := filepath.Join(themesDir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Theme parses the synthetic theme from memory.
func Theme() (*theme.Theme, error) {
	files, err := Files()
	if err != nil {
		return nil, err
	}
	return theme.Parse(Name, path.Join("testdata", "themes", Name+".yaml"), files[Name+".yaml"], Reader(files))
}

// Reader serves files from a map, as theme.Parse reads them.
func Reader(files map[string][]byte) theme.ReadFunc {
	return func(name string, limit int64) ([]byte, error) {
		b, ok := files[path.Clean(name)]
		if !ok {
			return nil, fmt.Errorf("not found (%w)", fs.ErrNotExist)
		}
		if int64(len(b)) > limit {
			return b[:limit+1], nil
		}
		return b, nil
	}
}

// LogoPNG draws the synthetic logo: 300x80 pixels, a dark blue rounded
// plate with a ring and the word SYNTHETIC, on a transparent background.
func LogoPNG() []byte {
	const w, h = 300, 80
	dc := gg.NewContext(w, h)
	plate := color.RGBA{0x2b, 0x4c, 0x7e, 0xff}
	dc.SetColor(plate)
	dc.DrawRoundedRectangle(0, 0, w, h, 14)
	dc.Fill()
	dc.SetColor(color.White)
	dc.DrawCircle(40, 40, 22)
	dc.Fill()
	dc.SetColor(plate)
	dc.DrawCircle(40, 40, 12)
	dc.Fill()
	l := text.Shape("SYNTHETIC", text.Style{Size: 36, Bold: true})
	size := 36 * min(1, 200/l.Width())
	l = text.Shape("SYNTHETIC", text.Style{Size: size, Bold: true})
	dc.SetColor(color.White)
	text.DrawGG(dc, l, 78, 40+(l.Ascent()-l.Descent())/2)
	var buf bytes.Buffer
	if err := png.Encode(&buf, dc.Image()); err != nil {
		panic(errors.New("themetest: encode the logo: " + err.Error()))
	}
	return buf.Bytes()
}
