package dataset

import (
	"regexp"
	"slices"
	"strings"

	"github.com/tollcharts/tollcharts/charts/diag"
	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
)

// Meta is a dataset's provenance sidecar (<name>.meta.yaml).
type Meta struct {
	Title             string            `yaml:"title"`
	Publisher         string            `yaml:"publisher"`
	PublisherShort    string            `yaml:"publisher_short"`
	PeriodSemantics   string            `yaml:"period_semantics"`
	DocumentedMinimum bool              `yaml:"documented_minimum"`
	Licence           string            `yaml:"licence"`
	Notes             string            `yaml:"notes"`
	Defaults          map[string]string `yaml:"defaults"`
	DefaultSource     string            `yaml:"default_source"`
	Sources           map[string]Source `yaml:"sources"`
	// Inferred lists the periods whose dates the curators inferred (the
	// source states a length, say "25 days", not the dates): the period
	// key as the CSV writes it, and why. Charts print such a period with
	// "about" and a note.
	Inferred map[string]string `yaml:"inferred_periods"`
	// Sheet names the worksheet of an .xlsx dataset that holds the
	// table; empty: the workbook's only sheet.
	Sheet sy.String `yaml:"sheet"`
	At    sy.Pos
}

// Source is one publication the figures were read from.
type Source struct {
	Title string `yaml:"title"`
	// Date is YYYY, YYYY-MM or YYYY-MM-DD; "n.d." when the source states
	// none; "" when not yet filled in (a chart refuses to cite it).
	Date string `yaml:"date"`
	URL  string `yaml:"url"`
	Kind string `yaml:"kind"` // primary | secondary
	// Cites is, for a secondary source, the publisher's report it quotes;
	// Outlet the news outlet that quotes it.
	Cites  string `yaml:"cites"`
	Outlet string `yaml:"outlet"`
	At     sy.Pos
}

// Undated is the date of a source that states none.
const Undated = "n.d."

// PeriodSemantics values.
var periodSemantics = []string{"cumulative", "intervention_year", "calendar_year", "window"}

var sourceDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// defaultable lists the key columns a sidecar may give for every row.
var defaultable = []string{"governorate", "category", "perpetrator", "metric"}

// ParseMeta reads a sidecar and checks it.
func ParseMeta(path string, data []byte) (*Meta, error) {
	var m Meta
	if err := sy.Decode(path, data, &m); err != nil {
		return nil, err
	}
	var errs diag.List
	need := func(v, name string) {
		if strings.TrimSpace(v) == "" {
			errs.Add(path, m.At.Line, m.At.Col, "missing %s; every dataset states its provenance (see datasets/README.md)", name)
		}
	}
	need(m.Title, "title")
	need(m.Publisher, "publisher")
	need(m.PublisherShort, "publisher_short")
	need(m.Licence, "licence")
	if !slices.Contains(periodSemantics, m.PeriodSemantics) {
		errs.Add(path, m.At.Line, m.At.Col, "period_semantics %q is not known; want one of: %s", m.PeriodSemantics, strings.Join(periodSemantics, ", "))
	}
	for k := range m.Defaults {
		if !slices.Contains(defaultable, k) {
			errs.Add(path, m.At.Line, m.At.Col, "defaults.%s is not a key column; want one of: %s", k, strings.Join(defaultable, ", "))
		}
	}
	if m.DefaultSource != "" {
		if _, ok := m.Sources[m.DefaultSource]; !ok {
			errs.Add(path, m.At.Line, m.At.Col, "default_source %q is not one of the sources", m.DefaultSource)
		}
	}
	for _, k := range sortedKeys(m.Sources) {
		s := m.Sources[k]
		if strings.TrimSpace(s.Title) == "" {
			errs.Add(path, s.At.Line, s.At.Col, "source %q has no title", k)
		}
		if s.Kind != "primary" && s.Kind != "secondary" {
			errs.Add(path, s.At.Line, s.At.Col, "source %q: kind %q is not known; want one of: primary, secondary", k, s.Kind)
		}
		if s.Date != "" && s.Date != Undated && !sourceDate.MatchString(s.Date) {
			errs.Add(path, s.At.Line, s.At.Col, "source %q: date %q is not YYYY, YYYY-MM or YYYY-MM-DD; write n.d. when the source states no date", k, s.Date)
		}
		if s.Kind == "secondary" && (strings.TrimSpace(s.Cites) == "" || strings.TrimSpace(s.Outlet) == "") {
			errs.Add(path, s.At.Line, s.At.Col, "source %q: a secondary source names the report it quotes (cites) and who quotes it (outlet)", k)
		}
		if s.Kind == "primary" && (s.Cites != "" || s.Outlet != "") {
			errs.Add(path, s.At.Line, s.At.Col, "source %q: a primary source is the publisher's own text; cites and outlet are for secondary sources", k)
		}
	}
	for _, k := range sortedKeys(m.Inferred) {
		if _, err := ParsePeriod(k); err != nil {
			errs.Add(path, m.At.Line, m.At.Col, "inferred_periods: %s", err)
		}
		if strings.TrimSpace(m.Inferred[k]) == "" {
			errs.Add(path, m.At.Line, m.At.Col, "inferred_periods: %q needs the reason its dates are inferred", k)
		}
	}
	return &m, errs.Err()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
