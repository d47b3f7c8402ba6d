package charts

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tollcharts/tollcharts/charts/diag"
	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
	"github.com/tollcharts/tollcharts/charts/text"
	"github.com/tollcharts/tollcharts/charts/theme"
)

// A report's theme is a built-in one (theme.ByName) or a file
// themes/<name>.yaml in the project: the themes/ folder beside the spec's
// folder (reports/x.yaml names themes/<name>.yaml).

// ThemesDir is the themes folder of the project a spec belongs to.
func ThemesDir(specPath string) string {
	return filepath.Join(filepath.Dir(specPath), "..", "themes")
}

// themeFile is where a spec's theme file would be.
func themeFile(specPath, name string) string {
	return filepath.Join(ThemesDir(specPath), name+".yaml")
}

// loadedTheme is a theme file read once per Load, with the files it was
// read from; err is its errors, reported once.
type loadedTheme struct {
	theme  *theme.Theme
	inputs []Input
	err    error
}

// resolveTheme finds the theme a spec names. Themes read from files are
// kept in cache (by path), so reports that share one read it once and its
// errors are reported once.
func resolveTheme(specPath string, name sy.String, cache map[string]*loadedTheme, errs *diag.List) (*theme.Theme, []Input, bool) {
	file := themeFile(specPath, name.Value)
	if th, ok := theme.ByName(name.Value); ok {
		if name.Value != "" && isFile(file) {
			errs.Add(specPath, name.Line, name.Col, "theme %q is built in, and %s would shadow it; rename that file and name it here", name.Value, file)
			return nil, nil, false
		}
		return th, nil, true
	}
	if !theme.NamePattern.MatchString(name.Value) {
		errs.Add(specPath, name.Line, name.Col, "theme %q is not a theme name; want one of: %s", name.Value, themeChoices(specPath))
		return nil, nil, false
	}
	if !isFile(file) {
		errs.Add(specPath, name.Line, name.Col, "theme %q is not known; want one of: %s", name.Value, themeChoices(specPath))
		return nil, nil, false
	}
	lt, seen := cache[file]
	if !seen {
		lt = &loadedTheme{}
		lt.theme, lt.inputs, lt.err = LoadTheme(file)
		cache[file] = lt
		errs.Append(file, lt.err) // once, however many reports use it
	}
	if lt.err != nil {
		return nil, nil, false
	}
	return lt.theme, lt.inputs, true
}

// themeChoices lists the built-in themes and the theme files beside a spec.
func themeChoices(specPath string) string {
	s := theme.Names() + " (built in)"
	dir := ThemesDir(specPath)
	var names []string
	if m, err := filepath.Glob(filepath.Join(dir, "*.yaml")); err == nil {
		for _, p := range m {
			if n := strings.TrimSuffix(filepath.Base(p), ".yaml"); theme.NamePattern.MatchString(n) {
				names = append(names, n)
			}
		}
	}
	if len(names) == 0 {
		return s + ", or a theme file " + filepath.Join(dir, "<name>.yaml")
	}
	slices.Sort(names)
	return s + ", " + strings.Join(names, ", ") + " (files in " + dir + ")"
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// LoadTheme reads a theme file (its name is the file's stem) and the files
// it names. It returns the theme and its inputs (the theme file, its fonts
// and its logo, with their hashes: they go into the key of every file drawn
// with it), or every error of the theme as path:line:col: message.
func LoadTheme(path string) (*theme.Theme, []Input, error) {
	data, err := readLimited(path, theme.MaxBytes)
	if err != nil {
		var errs diag.List
		errs.Add(path, 0, 0, "%v; want a theme file", err)
		return nil, nil, errs.Err()
	}
	inputs := []Input{{Path: filepath.ToSlash(path), Kind: "theme", SHA256: hashBytes(data)}}
	dir := filepath.Dir(path)
	read := func(name string, limit int64) ([]byte, error) {
		full := filepath.Join(dir, filepath.FromSlash(name))
		b, err := readLimited(full, limit)
		if err == nil {
			kind := "font"
			if strings.HasSuffix(strings.ToLower(name), ".png") {
				kind = "logo"
			}
			inputs = appendInput(inputs, Input{Path: filepath.ToSlash(full), Kind: kind, SHA256: hashBytes(b)})
		}
		return b, err
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	th, err := theme.Parse(name, path, data, read)
	if err != nil {
		return nil, nil, err
	}
	return th, inputs, nil
}

// ThemeFiles lists the files a report's theme is read from, found or not
// (the theme file, its fonts, its logo), for a watcher; none for a
// built-in theme.
func ThemeFiles(specPath, name string) []string {
	if _, ok := theme.ByName(name); ok || !theme.NamePattern.MatchString(name) {
		return nil
	}
	file := themeFile(specPath, name)
	out := []string{file}
	data, err := readLimited(file, theme.MaxBytes)
	if err != nil {
		return out
	}
	dir := filepath.Dir(file)
	theme.Parse(name, file, data, func(n string, limit int64) ([]byte, error) {
		full := filepath.Join(dir, filepath.FromSlash(n))
		out = append(out, full)
		return readLimited(full, limit)
	})
	return out
}

// readLimited reads a regular file of at most limit bytes (one byte more
// is read, so that the caller can say the file is too large).
func readLimited(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("not found at %s", path)
	case err != nil:
		return nil, fmt.Errorf("cannot be read: %v", err)
	case st.IsDir():
		return nil, fmt.Errorf("is a folder (%s)", path)
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("is not a regular file (%s)", path)
	case st.Size() > limit:
		return nil, fmt.Errorf("is %d bytes; at most %d are allowed", st.Size(), limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %v", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %v", err)
	}
	return b, nil
}

// fontsOf is the font stack a theme draws with.
func fontsOf(th *theme.Theme) *text.Fonts {
	if th != nil && th.Fonts != nil {
		return th.Fonts
	}
	return text.Default()
}

// shaperOf is the text handler of static charts drawn with a theme: one
// per theme's fonts; the shared one for the embedded font.
func shaperOf(th *theme.Theme) *text.Handler {
	if th != nil && th.Fonts != nil {
		return text.NewHandler(th.Fonts)
	}
	return shaper()
}
