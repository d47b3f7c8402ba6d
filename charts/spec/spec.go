// Package spec parses and validates report specs (reports/*.yaml).
//
// In: a YAML file naming a publication's datasets and charts, with every
// text in English and Arabic. Out: a Report whose dataset paths are resolved
// relative to the spec file, or a diag.List with every error of the file as
// "path:line:col: message" (unknown fields, wrong types, bad identifiers,
// duplicate chart ids, missing datasets, values outside the registries).
// The format is documented in reports/README.md.
package spec

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/tollcharts/tollcharts/charts/dataset"
	"github.com/tollcharts/tollcharts/charts/diag"
	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
)

// Text is one text in both languages. Numbers in it come from the data
// through placeholders ({value:KEY}, {period}, {period:KEY}); a digit typed
// by hand is an error unless Verbatim marks the text as quoted as
// published (a headline, a quotation).
type Text struct {
	EN       sy.String `yaml:"en"`
	AR       sy.String `yaml:"ar"`
	Verbatim bool      `yaml:"verbatim"`
	At       sy.Pos
}

// Get returns the text in lang and whether it is set.
func (t Text) Get(lang string) (string, bool) {
	s := t.EN.Value
	if lang == "ar" {
		s = t.AR.Value
	}
	return s, strings.TrimSpace(s) != ""
}

// IsZero reports whether neither language is set.
func (t Text) IsZero() bool { return t.EN.Value == "" && t.AR.Value == "" }

// Report is one publication's spec.
type Report struct {
	ID        sy.String            `yaml:"id"`
	Title     Text                 `yaml:"title"`
	Languages []string             `yaml:"languages"`
	Arabic    Arabic               `yaml:"arabic"`
	Theme     sy.String            `yaml:"theme"`
	Datasets  map[string]sy.String `yaml:"datasets"`
	Charts    []Chart              `yaml:"charts" max:"1000"` // MaxCharts
	// Video, when set, gives every chart of a kind that animates a video
	// (see VideoFor).
	Video *Video `yaml:"video"`
	// BaseURL is where the output folder is published
	// ("https://example.org/charts/"): the pages' link previews (Open
	// Graph, Twitter cards) name their image and themselves by absolute
	// URLs under it. Optional: without it, previews carry no image.
	BaseURL sy.String `yaml:"base_url"`
	// Updated, when set, is the day the report was updated or corrected
	// after publication, with a note saying what changed (see Updated).
	Updated *Updated `yaml:"updated"`
	At      sy.Pos

	// Path is the spec file; DatasetPaths maps a dataset name to its path
	// resolved relative to the spec.
	Path         string            `yaml:"-"`
	DatasetPaths map[string]string `yaml:"-"`
}

// Arabic holds the options of the Arabic output.
type Arabic struct {
	Digits     string `yaml:"digits"`      // latn (default) | arab
	Months     string `yaml:"months"`      // levantine (default) | egyptian
	MirrorTime bool   `yaml:"mirror_time"` // run time axes right to left too
	At         sy.Pos
}

// Chart is one chart of a report.
type Chart struct {
	ID       sy.String       `yaml:"id"`
	Kind     sy.String       `yaml:"kind"`
	Data     sy.String       `yaml:"data"`
	Title    Text            `yaml:"title"`
	Subtitle Text            `yaml:"subtitle"`
	Notes    []Text          `yaml:"notes"`
	Select   Select          `yaml:"select"`
	X        sy.String       `yaml:"x"`
	Series   sy.String       `yaml:"series"`
	Sort     sy.String       `yaml:"sort"`
	Derive   []sy.String     `yaml:"derive"`
	Labels   map[string]Text `yaml:"labels"`
	// Events are ids of key dates (package events) a line chart marks on
	// its time axis; the figure checks them.
	Events []sy.String `yaml:"events"`
	// Annotations are callouts, a highlighted category and reference
	// lines or bands (see Annotation); the figure resolves their keys.
	Annotations []Annotation `yaml:"annotations" max:"6"` // MaxAnnotations
	// Video, when set, gives the chart a video; its fields override the
	// report's.
	Video *Video `yaml:"video"`
	At    sy.Pos
}

// Select filters a dataset's rows.
type Select struct {
	Metric      []sy.String `yaml:"metric"` // one, or several when x or series is metric
	Perpetrator []sy.String `yaml:"perpetrator"`
	Category    []sy.String `yaml:"category"`
	Governorate []sy.String `yaml:"governorate"` // "" or absent = all of Syria; "*" = every governorate
	Period      []sy.String `yaml:"period"`
	At          sy.Pos
}

var (
	idPattern  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)
	languages  = []string{"en", "ar"}
	dimensions = []string{"period", "governorate", "category", "perpetrator", "metric"}
	sorts      = []string{"none", "desc", "asc"}
)

// MaxBytes is the largest spec accepted.
const MaxBytes = 1 << 20

// MaxCharts is the most charts a report may have (the max tag of
// Report.Charts). Each chart is some 16 files per language; a report of
// more is a generated or broken spec, refused before anything is built.
const MaxCharts = 1000

// Load reads and validates a spec file.
func Load(path string) (*Report, error) {
	data, err := readFile(path)
	if err != nil {
		var errs diag.List
		if errors.Is(err, fs.ErrNotExist) {
			errs.Add(path, 0, 0, "no such report spec")
		} else {
			errs.Add(path, 0, 0, "%v", err)
		}
		return nil, errs.Err()
	}
	return Parse(path, data)
}

// readFile reads a spec, refusing before reading it a file over MaxBytes
// or one that is not a regular file, and never reading more than
// MaxBytes+1 bytes (Parse then says how large it is).
func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("cannot read: %v", err)
	}
	switch {
	case st.IsDir():
		return nil, fmt.Errorf("is a directory; want a report spec")
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("is not a regular file; want a report spec")
	case st.Size() > MaxBytes:
		return nil, fmt.Errorf("file is %d bytes; at most %d are allowed", st.Size(), MaxBytes)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %v", err)
	}
	return data, nil
}

// Parse decodes and validates a spec; dataset paths are resolved relative
// to path's folder and must exist.
func Parse(path string, data []byte) (*Report, error) {
	var r Report
	if len(data) > MaxBytes {
		var errs diag.List
		errs.Add(path, 0, 0, "file is %d bytes; at most %d are allowed", len(data), MaxBytes)
		return nil, errs.Err()
	}
	if err := sy.Decode(path, data, &r); err != nil {
		return nil, err
	}
	r.Path = path
	var errs diag.List
	v := validator{path: path, errs: &errs}
	v.report(&r)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &r, nil
}

// Langs returns the report's languages, both by default.
func (r *Report) Langs() []string {
	if len(r.Languages) == 0 {
		return languages
	}
	return r.Languages
}

type validator struct {
	path string
	errs *diag.List
}

func (v *validator) add(p sy.Pos, format string, args ...any) {
	v.errs.Add(v.path, p.Line, p.Col, format, args...)
}

func (v *validator) id(s sy.String, what string, at sy.Pos) {
	switch {
	case s.Line == 0:
		v.add(at, "missing %s", what)
	case !idPattern.MatchString(s.Value):
		v.add(s.Pos, "%s %q is not allowed; want lower-case letters, digits and hyphens (at most 64), starting with a letter or digit", what, s.Value)
	}
}

func (v *validator) oneOf(s sy.String, what string, allowed []string) {
	if s.Line != 0 && !slices.Contains(allowed, s.Value) {
		v.add(s.Pos, "%s %q is not known; want one of: %s", what, s.Value, strings.Join(allowed, ", "))
	}
}

func (v *validator) report(r *Report) {
	v.id(r.ID, "report id", r.At)
	if r.Title.IsZero() {
		v.add(r.At, "missing title; want title: {en: ..., ar: ...}")
	}
	for _, l := range r.Languages {
		if !slices.Contains(languages, l) {
			v.add(r.At, "language %q is not supported; want one of: %s", l, strings.Join(languages, ", "))
		}
	}
	if d := r.Arabic.Digits; d != "" && d != "latn" && d != "arab" {
		v.add(r.Arabic.At, "arabic.digits %q is not known; want one of: latn, arab", d)
	}
	if m := r.Arabic.Months; m != "" && m != "levantine" && m != "egyptian" {
		v.add(r.Arabic.At, "arabic.months %q is not known; want one of: levantine, egyptian", m)
	}
	if b := r.BaseURL.Value; b != "" && !BaseURLOK(b) {
		v.add(r.BaseURL.Pos, "base_url %q is not allowed; %s", b, BaseURLWant)
	}
	v.updated(r)
	r.DatasetPaths = map[string]string{}
	dir := filepath.Dir(v.path)
	for name, p := range r.Datasets {
		if !idPattern.MatchString(name) {
			v.add(p.Pos, "dataset name %q is not allowed; want lower-case letters, digits and hyphens", name)
		}
		if filepath.IsAbs(p.Value) || !(strings.HasSuffix(p.Value, ".csv") || strings.HasSuffix(p.Value, ".xlsx")) {
			v.add(p.Pos, "dataset path %q is not allowed; want a .csv or .xlsx path relative to the spec", p.Value)
			continue
		}
		full := filepath.Join(dir, filepath.FromSlash(p.Value))
		if st, err := os.Stat(full); err != nil || st.IsDir() {
			v.add(p.Pos, "dataset %q not found at %s", name, full)
			continue
		}
		r.DatasetPaths[name] = full
	}
	if len(r.Charts) == 0 {
		v.add(r.At, "no charts; a report needs at least one")
	}
	seen := map[string]sy.Pos{}
	v.video(r.Video, "")
	for i := range r.Charts {
		c := &r.Charts[i]
		v.chart(r, c)
		v.video(c.Video, c.Kind.Value)
		if p, dup := seen[c.ID.Value]; dup && c.ID.Value != "" {
			v.add(c.ID.Pos, "duplicate chart id %q (first at line %d)", c.ID.Value, p.Line)
		}
		seen[c.ID.Value] = c.ID.Pos
	}
}

func (v *validator) chart(r *Report, c *Chart) {
	v.id(c.ID, "chart id", c.At)
	if c.Kind.Line == 0 {
		v.add(c.At, "chart %q: missing kind; want one of: %s", c.ID.Value, strings.Join(kindNames, ", "))
	}
	v.oneOf(c.Kind, "kind", kindNames)
	if c.Data.Line == 0 {
		v.add(c.At, "chart %q: missing data; want the name of one of the report's datasets", c.ID.Value)
	} else if _, ok := r.Datasets[c.Data.Value]; !ok {
		v.add(c.Data.Pos, "data %q is not one of the report's datasets: %s", c.Data.Value, strings.Join(sortedKeys(r.Datasets), ", "))
	}
	if c.Title.IsZero() {
		v.add(c.At, "chart %q: missing title; want title: {en: ..., ar: ...}", c.ID.Value)
	}
	v.handTyped(c, c.Title, "title")
	v.handTyped(c, c.Subtitle, "subtitle")
	for i, n := range c.Notes {
		v.handTyped(c, n, fmt.Sprintf("notes[%d]", i))
	}
	if len(c.Select.Metric) == 0 {
		at := c.Select.At
		if at.Line == 0 { // no select at all: point at the chart
			at = c.At
		}
		v.add(at, "chart %q: missing select.metric; want a metric, or a list when x or series is metric", c.ID.Value)
	} else if len(c.Select.Metric) > 1 && c.X.Value != "metric" && c.Series.Value != "metric" {
		v.add(c.Select.Metric[1].Pos, "chart %q: several metrics need x: metric or series: metric; a chart never mixes metrics on one axis", c.ID.Value)
	}
	v.oneOf(c.X, "x", dimensions)
	v.oneOf(c.Series, "series", append([]string{"none"}, dimensions...))
	v.oneOf(c.Sort, "sort", sorts)
	if c.X.Value != "" && c.X.Value == c.Series.Value {
		v.add(c.Series.Pos, "series %q is the same as x; want another dimension or none", c.Series.Value)
	}
	for _, d := range c.Derive {
		if d.Value != "other_adults" && d.Value != "change" {
			v.add(d.Pos, "derive %q is not known; want one of: other_adults, change", d.Value)
		}
	}
	if len(c.Events) > 0 && (c.Kind.Value != "line" || (c.X.Value != "" && c.X.Value != "period")) {
		v.add(c.Events[0].Pos, "chart %q: events are marked on line charts along periods; want kind: line and x: period, or no events", c.ID.Value)
	}
	v.annotations(c)
	for _, p := range c.Select.Period {
		if _, err := dataset.ParsePeriod(p.Value); err != nil {
			v.add(p.Pos, "%s", err)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// BaseURLWant says what a base URL (the spec's base_url, the -base-url
// flag) must be.
const BaseURLWant = "want the absolute http(s) URL of the published output folder, ending in /, e.g. https://example.org/charts/"

// BaseURLOK reports whether b is a base URL as BaseURLWant says.
func BaseURLOK(b string) bool {
	u, err := url.Parse(b)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.RawQuery == "" && u.Fragment == "" && u.User == nil && strings.HasSuffix(u.Path, "/") && !strings.ContainsAny(b, " \t\r\n")
}
