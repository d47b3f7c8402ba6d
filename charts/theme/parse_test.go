package theme_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/go-fonts/dejavu/dejavuserif"

	"github.com/tollcharts/tollcharts/charts/internal/themetest"
	"github.com/tollcharts/tollcharts/charts/text"
	"github.com/tollcharts/tollcharts/charts/theme"
)

func TestParseSynthetic(t *testing.T) {
	th, err := themetest.Theme()
	if err != nil {
		t.Fatal(err)
	}
	if th.Name != themetest.Name || th.Background != (color.RGBA{0xfb, 0xfa, 0xf7, 0xff}) || len(th.Palette) != 7 || th.Title != 28 || th.Small != 12 {
		t.Errorf("theme read wrong: %+v", th)
	}
	if th.Logo == nil || th.Logo.Height != 40 || th.Logo.Image.Bounds().Dx() != 300 {
		t.Errorf("logo read wrong: %+v", th.Logo)
	}
	if th.Fonts == nil {
		t.Fatal("no fonts")
	}
	// Latin comes from the theme's font; Arabic, which DejaVu Serif lacks,
	// from the embedded DejaVu Sans, the last fallback.
	for _, c := range []struct {
		s       string
		bold    bool
		primary bool
	}{{"Title", false, true}, {"Title", true, true}, {"حلب", false, false}, {"حلب", true, false}} {
		l := text.Shape(c.s, text.Style{Fonts: th.Fonts, Size: 20, Bold: c.bold})
		for _, g := range l.Glyphs() {
			if (g.Font == 0) != c.primary {
				t.Errorf("%q (bold %v): glyph %d from font %d of %v", c.s, c.bold, g.ID, g.Font, th.Fonts.Names(c.bold))
			}
		}
	}
	names := th.Fonts.Names(false)
	if len(names) != 2 || names[1] != "DejaVu Sans" {
		t.Errorf("regular stack %v, want the theme's font then DejaVu Sans", names)
	}
	if b := th.Fonts.Names(true); len(b) != 2 || b[1] != "DejaVu Sans Bold" {
		t.Errorf("bold stack %v, want the theme's bold font then DejaVu Sans Bold", b)
	}
}

func TestParseDefaults(t *testing.T) {
	th, err := theme.Parse("plain", "themes/plain.yaml", []byte("extends: dark\nsizes: {title: 32.5}\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	dark, _ := theme.ByName("dark")
	if th.Name != "plain" || th.Background != dark.Background || th.Title != 32.5 || th.Label != dark.Label || th.Fonts != nil || th.Logo != nil {
		t.Errorf("got %+v", th)
	}
	// Bold falls back to the regular files.
	files := map[string][]byte{"serif.ttf": dejavuserif.TTF}
	th, err = theme.Parse("plain", "themes/plain.yaml", []byte("fonts: {regular: serif.ttf}\nlogo: {file: l.png}\n"), themetest.Reader(withLogo(files, 100, 50)))
	if err != nil {
		t.Fatal(err)
	}
	if b := th.Fonts.Names(true); len(b) != 2 || b[1] != "DejaVu Sans Bold" {
		t.Errorf("bold stack %v", b)
	}
	if th.Logo.Height != theme.DefaultLogoHeight {
		t.Errorf("logo height %g, want the default", th.Logo.Height)
	}
}

func pngOf(w, h int) []byte {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewNRGBA(image.Rect(0, 0, w, h)))
	return buf.Bytes()
}

func withLogo(files map[string][]byte, w, h int) map[string][]byte {
	out := map[string][]byte{"l.png": pngOf(w, h)}
	for k, v := range files {
		out[k] = v
	}
	return out
}

// TestParseErrors holds one case per class of bad theme, with the exact
// message it must give.
func TestParseErrors(t *testing.T) {
	files := map[string][]byte{
		"serif.ttf":   dejavuserif.TTF,
		"notfont.ttf": []byte("this is not a font"),
		"logo.png":    pngOf(120, 40),
		"wide.png":    pngOf(4001, 10),
		"jpeg.png":    []byte("\xff\xd8\xff\xe0 a JPEG"),
		"broken.png":  []byte("\x89PNG\r\n\x1a\n broken"),
		"huge.png":    append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, theme.MaxLogoBytes)...),
	}
	const p = "themes/t.yaml"
	for _, c := range []struct {
		name, yaml, want string
	}{
		{"unknown key", "colours: {background: \"#ffffff\"}\nfont: x.ttf\n",
			`themes/t.yaml:2:1: unknown field "font"; want one of: colours, extends, fonts, logo, palette, sizes`},
		{"unknown nested key", "colours: {backgroud: \"#ffffff\"}\n",
			`themes/t.yaml:1:11: unknown field "backgroud"; want one of: background, grid, muted, no_data, text`},
		{"bad colour", "colours: {text: \"#12345\"}\n",
			`themes/t.yaml:1:17: colours.text "#12345" is not a colour; want "#rrggbb" (six hexadecimal digits, in quotes)`},
		{"colour name", "palette: [red, \"#000000\", \"#000001\", \"#000002\", \"#000003\", \"#000004\"]\n",
			`themes/t.yaml:1:11: palette colour 1 "red" is not a colour; want "#rrggbb" (six hexadecimal digits, in quotes)`},
		{"unquoted colour", "colours:\n  background: #ffffff\n",
			`themes/t.yaml:2:14: want a string, got nothing (a # starts a YAML comment: put the value in quotes, as in "#1a1a1a")`},
		{"short palette", "palette: [\"#0072b2\", \"#e69f00\"]\n",
			`themes/t.yaml:1:11: palette has 2 colours; want 6 to 16 (infographics use the first 6; charts with more series reuse them in turn)`},
		{"long palette", "palette: [" + strings.Repeat(`"#000000", `, 16) + "\"#000000\"]\n",
			`themes/t.yaml:1:187: too many palette: 17; at most 16 are allowed`},
		{"colour-blind clash", "palette: [\"#0072b2\", \"#e66100\", \"#5d9c2b\", \"#cc79a7\", \"#56b4e9\", \"#f0e442\"]\n",
			`themes/t.yaml:1:33: palette colours 2 and 3 (#e66100, #5d9c2b) differ by ΔE 11.0 under protanopia; want at least 12, so that series drawn side by side stay apart`},
		{"no data like a series", "colours: {no_data: \"#0070b0\"}\n",
			`themes/t.yaml:1:20: palette colour 1 (#0072b2) is ΔE 0.8 from the no-data colour #0070b0 under normal vision; want at least 12, so that a series never looks like the no-data colour`},
		{"unreadable text", "colours: {muted: \"#bbbbbb\"}\n",
			`themes/t.yaml:1:18: muted #bbbbbb on background #ffffff has a contrast of 1.9:1; want at least 4.5:1 (WCAG AA), so that every text is readable`},
		{"size", "sizes: {title: 0, small: big}\n",
			"themes/t.yaml:1:16: sizes.title \"0\" is not allowed; want a number from 6 to 100 (points at the 1200x675 size)\n" +
				`themes/t.yaml:1:26: sizes.small "big" is not allowed; want a number from 6 to 100 (points at the 1200x675 size)`},
		{"extends", "extends: neon\n",
			`themes/t.yaml:1:10: extends "neon" is not known; want one of: default, dark`},
		{"missing font", "fonts: {regular: [serif.ttf, gone.ttf]}\n",
			`themes/t.yaml:1:30: fonts.regular: font file "gone.ttf": not found (file does not exist); want a TrueType (.ttf) or OpenType (.otf) font, its path relative to the theme file`},
		{"not a font", "fonts: {regular: serif.ttf, bold: notfont.ttf}\n",
			`themes/t.yaml:1:35: fonts.bold: font file "notfont.ttf" is not a font it can read (unknown font format tag [116 104 105 115]); want a TrueType (.ttf) or OpenType (.otf) font`},
		{"font extension", "fonts: {regular: serif.woff2}\n",
			`themes/t.yaml:1:18: fonts.regular: font file "serif.woff2" is not allowed; want a TrueType (.ttf) or OpenType (.otf) font, its path relative to the theme file`},
		{"absolute font", "fonts: {regular: /usr/share/fonts/x.ttf}\n",
			`themes/t.yaml:1:18: fonts.regular: font file "/usr/share/fonts/x.ttf" is not allowed; want a TrueType (.ttf) or OpenType (.otf) font, its path relative to the theme file`},
		{"bold without regular", "fonts: {bold: serif.ttf}\n",
			`themes/t.yaml:1:8: fonts has no regular font; want fonts: {regular: [file.ttf, fallback.ttf, ...], bold: [...]}, paths relative to the theme file`},
		{"too many fonts", "fonts: {regular: [" + strings.Repeat("serif.ttf, ", 8) + "serif.ttf]}\n",
			`themes/t.yaml:1:107: too many regular: 9; at most 8 are allowed`},
		{"logo without file", "logo: {height: 30}\n",
			`themes/t.yaml:1:7: logo has no file; want logo: {file: logo.png, height: 40}, the path relative to the theme file`},
		{"missing logo", "logo: {file: gone.png}\n",
			`themes/t.yaml:1:14: logo file "gone.png": not found (file does not exist); want a PNG image, its path relative to the theme file`},
		{"logo not png", "logo: {file: jpeg.png}\n",
			`themes/t.yaml:1:14: logo file "jpeg.png" is not a PNG image; want a PNG image (export the logo as PNG, with a transparent background)`},
		{"logo extension", "logo: {file: logo.svg}\n",
			`themes/t.yaml:1:14: logo file "logo.svg" is not allowed; want a PNG image, its path relative to the theme file`},
		{"broken png", "logo: {file: broken.png}\n",
			`themes/t.yaml:1:14: logo file "broken.png" is not a PNG image it can read (unexpected EOF); want a PNG image`},
		{"logo too wide", "logo: {file: wide.png}\n",
			`themes/t.yaml:1:14: logo file "wide.png" is 4001x10 pixels; want at most 4000 pixels on a side (a few times the drawn height is plenty)`},
		{"logo too large", "logo: {file: huge.png}\n",
			`themes/t.yaml:1:14: logo file "huge.png" is larger than 4 MB; at most 4194304 bytes are allowed`},
		{"logo height", "logo: {file: logo.png, height: 4000}\n",
			`themes/t.yaml:1:32: logo.height "4000" is not allowed; want a number from 8 to 400 (pixels at 1x)`},
		{"yaml syntax", "colours: [\n",
			`themes/t.yaml:1:1: YAML syntax: did not find expected node content`},
		{"empty", "",
			`themes/t.yaml:1:1: file is empty; a YAML mapping is required`},
		{"too large", "# " + strings.Repeat("x", theme.MaxBytes) + "\n",
			`themes/t.yaml: file is 65539 bytes; at most 65536 are allowed`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := theme.Parse("t", p, []byte(c.yaml), themetest.Reader(files))
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestParseNames(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"dark", `themes/dark.yaml: theme "dark" is built in; name the file otherwise (and extend "dark" if you want its look)`},
		{"Brand_X", `themes/Brand_X.yaml: theme name "Brand_X" is not allowed; want a file named with lower-case letters, digits and hyphens, ending in .yaml`},
	} {
		_, err := theme.Parse(c.name, "themes/"+c.name+".yaml", []byte("extends: default\n"), nil)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v, want %s", c.name, err, c.want)
		}
	}
}

func TestLogoScaled(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 80))
	l := &theme.Logo{Image: img, Height: 40}
	if l.Scaled(300, 80) != image.Image(img) {
		t.Error("the same size is not the image itself")
	}
	a := l.Scaled(150, 40)
	if b := a.Bounds(); b.Dx() != 150 || b.Dy() != 40 {
		t.Errorf("scaled to %v, want 150x40", b)
	}
	if l.Scaled(150, 40) != a {
		t.Error("a size is resampled twice")
	}
}
