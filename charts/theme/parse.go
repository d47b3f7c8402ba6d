package theme

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tollcharts/tollcharts/charts/diag"
	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
	"github.com/tollcharts/tollcharts/charts/text"
)

// Limits of a theme file and of the files it names.
const (
	MaxBytes     = 64 << 10 // a theme file
	MaxFonts     = 8        // font files per weight
	MaxFontBytes = 32 << 20 // a font file
	MaxLogoBytes = 4 << 20  // a logo file
	MaxLogoSide  = 4000     // a logo's width or height, in pixels
	MinSize      = 6        // text sizes, in points
	MaxSize      = 100
	MinLogo      = 8 // logo heights, in pixels at 1x
	MaxLogo      = 400
	MinPalette   = 6 // infographics use the first six colours
	MaxPalette   = 16
)

// NamePattern is what a theme's name (its file's stem) must match.
var NamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

// ReadFunc returns the bytes of a file a theme names, by its path as
// written in the theme file (slash-separated, relative to the theme file:
// the caller resolves it). It need not return more than limit+1 bytes;
// Parse refuses a file larger than limit. Its error is printed after the
// file's name ("font file \"a.ttf\": <error>"), so it should say what
// went wrong and where, such as "not found at themes/a.ttf".
type ReadFunc func(name string, limit int64) ([]byte, error)

// file is a theme file as written.
type file struct {
	Extends sy.String   `yaml:"extends"`
	Colours colours     `yaml:"colours"`
	Palette []sy.String `yaml:"palette" max:"16"` // MaxPalette
	Sizes   sizes       `yaml:"sizes"`
	Fonts   fonts       `yaml:"fonts"`
	Logo    logo        `yaml:"logo"`
	At      sy.Pos
}

type colours struct {
	Background sy.String `yaml:"background"`
	Text       sy.String `yaml:"text"`
	Muted      sy.String `yaml:"muted"`
	Grid       sy.String `yaml:"grid"`
	NoData     sy.String `yaml:"no_data"`
	At         sy.Pos
}

type sizes struct {
	Title    sy.String `yaml:"title"`
	Subtitle sy.String `yaml:"subtitle"`
	Label    sy.String `yaml:"label"`
	Small    sy.String `yaml:"small"`
	At       sy.Pos
}

type fonts struct {
	Regular []sy.String `yaml:"regular" max:"8"` // MaxFonts
	Bold    []sy.String `yaml:"bold" max:"8"`
	At      sy.Pos
}

type logo struct {
	File   sy.String `yaml:"file"`
	Height sy.String `yaml:"height"`
	At     sy.Pos
}

// Parse reads a theme file: name is the theme's name (the file's stem),
// path is used in messages only, data is the file, and read returns the
// files it names (fonts, logo). The format is in themes/README.md. Every
// error is "path:line:col: what is wrong; what is allowed", all of them.
func Parse(name, path string, data []byte, read ReadFunc) (*Theme, error) {
	var errs diag.List
	if len(data) > MaxBytes {
		errs.Add(path, 0, 0, "file is %d bytes; at most %d are allowed", len(data), MaxBytes)
		return nil, errs.Err()
	}
	if !NamePattern.MatchString(name) {
		errs.Add(path, 0, 0, "theme name %q is not allowed; want a file named with lower-case letters, digits and hyphens, ending in .yaml", name)
		return nil, errs.Err()
	}
	if _, builtin := ByName(name); builtin {
		errs.Add(path, 0, 0, "theme %q is built in; name the file otherwise (and extend %q if you want its look)", name, name)
		return nil, errs.Err()
	}
	var f file
	if err := sy.Decode(path, data, &f); err != nil {
		return nil, err
	}
	p := parser{path: path, errs: &errs, read: read}
	t := p.theme(name, &f)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

type parser struct {
	path string
	errs *diag.List
	read ReadFunc
}

func (p *parser) add(at sy.Pos, format string, args ...any) {
	p.errs.Add(p.path, at.Line, at.Col, format, args...)
}

func set(s sy.String) bool { return s.Line != 0 }

func (p *parser) theme(name string, f *file) *Theme {
	base := "default"
	if set(f.Extends) {
		base = f.Extends.Value
	}
	t, ok := ByName(base)
	if !ok {
		p.add(f.Extends.Pos, "extends %q is not known; want one of: %s", base, Names())
		t, _ = ByName("")
	}
	t.Name = name

	colourErr := false
	for _, c := range []struct {
		s   sy.String
		key string
		dst *color.RGBA
	}{
		{f.Colours.Background, "background", &t.Background}, {f.Colours.Text, "text", &t.Text},
		{f.Colours.Muted, "muted", &t.Muted}, {f.Colours.Grid, "grid", &t.Grid}, {f.Colours.NoData, "no_data", &t.NoData},
	} {
		if !set(c.s) {
			continue
		}
		col, ok := p.colour(c.s, "colours."+c.key)
		colourErr = colourErr || !ok
		*c.dst = col
	}
	if f.Palette != nil {
		if n := len(f.Palette); n < MinPalette {
			p.add(p.listPos(f, 0), "palette has %d colours; want %d to %d (infographics use the first %d; charts with more series reuse them in turn)", n, MinPalette, MaxPalette, MinPalette)
			colourErr = true
		}
		t.Palette = make([]color.RGBA, len(f.Palette))
		for i, s := range f.Palette {
			col, ok := p.colour(s, fmt.Sprintf("palette colour %d", i+1))
			colourErr = colourErr || !ok
			t.Palette[i] = col
		}
	}
	if !colourErr {
		for _, pr := range t.colourProblems() {
			p.add(p.problemPos(f, pr), "%s", pr.Msg)
		}
	}

	for _, s := range []struct {
		s   sy.String
		key string
		dst *float64
	}{
		{f.Sizes.Title, "title", &t.Title}, {f.Sizes.Subtitle, "subtitle", &t.Subtitle},
		{f.Sizes.Label, "label", &t.Label}, {f.Sizes.Small, "small", &t.Small},
	} {
		if set(s.s) {
			*s.dst = p.number(s.s, "sizes."+s.key, MinSize, MaxSize, "points at the 1200x675 size")
		}
	}

	t.Fonts = p.fonts(&f.Fonts)
	t.Logo = p.logo(&f.Logo)
	return t
}

// listPos is where the palette starts: its first entry, or the key's
// mapping when it is empty.
func (p *parser) listPos(f *file, i int) sy.Pos {
	if i < len(f.Palette) {
		return f.Palette[i].Pos
	}
	return f.At
}

// problemPos points a colour problem at what the file set: the palette
// colour to blame, else the colour key, else the colours mapping or the
// file.
func (p *parser) problemPos(f *file, pr problem) sy.Pos {
	if pr.Palette >= 0 && pr.Palette < len(f.Palette) {
		return f.Palette[pr.Palette].Pos
	}
	keys := map[string]sy.String{"background": f.Colours.Background, "text": f.Colours.Text, "muted": f.Colours.Muted, "no_data": f.Colours.NoData}
	for _, k := range []string{pr.Key, "background"} {
		if s, ok := keys[k]; ok && set(s) {
			return s.Pos
		}
	}
	if f.Colours.At.Line != 0 {
		return f.Colours.At
	}
	return f.At
}

var hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// ParseHex reads a colour written "#rrggbb".
func ParseHex(s string) (color.RGBA, bool) {
	if !hexColour.MatchString(s) {
		return color.RGBA{}, false
	}
	v, _ := strconv.ParseUint(s[1:], 16, 32)
	return rgb(uint32(v)), true
}

func (p *parser) colour(s sy.String, what string) (color.RGBA, bool) {
	c, ok := ParseHex(s.Value)
	if !ok {
		p.add(s.Pos, "%s %q is not a colour; want \"#rrggbb\" (six hexadecimal digits, in quotes)", what, s.Value)
	}
	return c, ok
}

func (p *parser) number(s sy.String, what string, lo, hi float64, unit string) float64 {
	v, err := strconv.ParseFloat(strings.TrimSpace(s.Value), 64)
	if err != nil || math.IsNaN(v) || v < lo || v > hi {
		p.add(s.Pos, "%s %q is not allowed; want a number from %g to %g (%s)", what, s.Value, lo, hi, unit)
		return lo
	}
	return v
}

// relative reports whether a file name is a path relative to the theme
// file, in either slash style of the systems curators use.
func relative(name string) bool {
	return name != "" && !strings.HasPrefix(name, "/") && !strings.Contains(name, `\`) && !strings.Contains(name, ":")
}

func hasExt(name string, exts ...string) bool {
	return slices.ContainsFunc(exts, func(e string) bool { return strings.HasSuffix(strings.ToLower(name), e) })
}

// fonts parses the regular and bold stacks and puts DejaVu Sans after
// them, so that a script the theme's fonts lack (Arabic, say) is still
// drawn. Without bold files, bold text uses the regular ones.
func (p *parser) fonts(f *fonts) *text.Fonts {
	if f.At.Line == 0 {
		return nil
	}
	if len(f.Regular) == 0 {
		p.add(f.At, "fonts has no regular font; want fonts: {regular: [file.ttf, fallback.ttf, ...], bold: [...]}, paths relative to the theme file")
		return nil
	}
	reg := p.stack(f.Regular, "fonts.regular")
	bold := p.stack(f.Bold, "fonts.bold")
	if reg == nil || (len(f.Bold) > 0 && bold == nil) {
		return nil
	}
	if bold != nil {
		reg = reg.WithBold(bold)
	}
	return reg.WithFallback(text.Default())
}

// stack parses font files into one stack, primary first; nil if any fails.
func (p *parser) stack(list []sy.String, key string) *text.Fonts {
	var out *text.Fonts
	failed := false
	for _, s := range list {
		data, ok := p.file(s, key+": font file", []string{".ttf", ".otf"}, "a TrueType (.ttf) or OpenType (.otf) font", MaxFontBytes)
		if !ok {
			failed = true
			continue
		}
		fs, err := parseFont(data)
		if err != nil {
			p.add(s.Pos, "%s: font file %q is not a font it can read (%v); want a TrueType (.ttf) or OpenType (.otf) font", key, s.Value, parseErr(err))
			failed = true
			continue
		}
		if out == nil {
			out = fs
		} else {
			out = out.WithFallback(fs)
		}
	}
	if failed {
		return nil
	}
	return out
}

// parseFont parses one font file; a font that makes the parser panic is
// an error like any other unreadable font.
func parseFont(data []byte) (fs *text.Fonts, err error) {
	defer func() {
		if r := recover(); r != nil {
			fs, err = nil, fmt.Errorf("malformed font: %v", r)
		}
	}()
	return text.Parse(data)
}

// parseErr drops the "text: font #0: " prefix of text.Parse's errors.
func parseErr(err error) string {
	return strings.TrimPrefix(err.Error(), "text: font #0: ")
}

// file checks a named file's path and extension and reads it.
func (p *parser) file(s sy.String, what string, exts []string, want string, limit int64) ([]byte, bool) {
	if !relative(s.Value) || !hasExt(s.Value, exts...) {
		p.add(s.Pos, "%s %q is not allowed; want %s, its path relative to the theme file", what, s.Value, want)
		return nil, false
	}
	if p.read == nil {
		p.add(s.Pos, "%s %q cannot be read: no files here; want %s", what, s.Value, want)
		return nil, false
	}
	data, err := p.read(s.Value, limit)
	if err != nil {
		p.add(s.Pos, "%s %q: %v; want %s, its path relative to the theme file", what, s.Value, err, want)
		return nil, false
	}
	if int64(len(data)) > limit {
		p.add(s.Pos, "%s %q is larger than %d MB; at most %d bytes are allowed", what, s.Value, limit>>20, limit)
		return nil, false
	}
	return data, true
}

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

func (p *parser) logo(l *logo) *Logo {
	if l.At.Line == 0 {
		return nil
	}
	out := &Logo{Height: DefaultLogoHeight}
	if set(l.Height) {
		out.Height = p.number(l.Height, "logo.height", MinLogo, MaxLogo, "pixels at 1x")
	}
	if !set(l.File) {
		p.add(l.At, "logo has no file; want logo: {file: logo.png, height: %d}, the path relative to the theme file", DefaultLogoHeight)
		return nil
	}
	const want = "a PNG image"
	data, ok := p.file(l.File, "logo file", []string{".png"}, want, MaxLogoBytes)
	if !ok {
		return nil
	}
	if !bytes.HasPrefix(data, pngSignature) {
		p.add(l.File.Pos, "logo file %q is not a PNG image; want a PNG image (export the logo as PNG, with a transparent background)", l.File.Value)
		return nil
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		p.add(l.File.Pos, "logo file %q is not a PNG image it can read (%v); want a PNG image", l.File.Value, err)
		return nil
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxLogoSide || cfg.Height > MaxLogoSide {
		p.add(l.File.Pos, "logo file %q is %dx%d pixels; want at most %d pixels on a side (a few times the drawn height is plenty)", l.File.Value, cfg.Width, cfg.Height, MaxLogoSide)
		return nil
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		p.add(l.File.Pos, "logo file %q is not a PNG image it can read (%v); want a PNG image", l.File.Value, err)
		return nil
	}
	out.Image = img
	return out
}
