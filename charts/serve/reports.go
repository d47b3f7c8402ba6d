package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tollcharts/tollcharts/charts"
	"github.com/tollcharts/tollcharts/charts/dataset"
	"github.com/tollcharts/tollcharts/charts/spec"
)

// report is one served report and what its last build said.
type report struct {
	spec  string // spec path as given
	id    string // report id; "" until the spec parses
	title string
	// inputs are the absolute paths of the spec, its datasets and their
	// sidecars and its theme's files: a change to one rebuilds the report.
	inputs map[string]bool
	errs   []string // errors of the last build, each "path:line:col: message"
}

// label names the report: its id, or its spec path while the spec does
// not parse.
func (r *report) label() string {
	if r.id != "" {
		return r.id
	}
	return r.spec
}

// readInputs learns the report's id, title and inputs from its spec. When
// the spec does not parse, the inputs known before are kept, so fixing a
// dataset still rebuilds it.
func (r *report) readInputs() {
	in := map[string]bool{}
	for p := range r.inputs {
		in[p] = true
	}
	in[absPath(r.spec)] = true
	rep, err := spec.Load(r.spec)
	if err == nil {
		clear(in)
		in[absPath(r.spec)] = true
		r.id, r.title = rep.ID.Value, rep.Title.EN.Value
		for _, p := range rep.DatasetPaths {
			in[absPath(p)] = true
			in[absPath(dataset.MetaPath(p))] = true
		}
		for _, f := range charts.ThemeFiles(r.spec, rep.Theme.Value) {
			in[absPath(f)] = true
		}
	}
	r.inputs = in
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// build builds one report, leaving the deferred formats as they were (see
// charts.Options.Defer), and records its errors; it returns the files
// written. Only a cancelled ctx is an error: build errors are the
// report's, shown in the pages and printed on Stderr.
func (s *Server) build(ctx context.Context, r *report, deferred []string) ([]string, error) {
	s.mu.Lock()
	r.readInputs()
	s.mu.Unlock()
	o := charts.Options{
		Reports: []string{r.spec}, Root: s.cfg.Root, Out: s.cfg.Out,
		Langs: s.cfg.Langs, Formats: s.cfg.Formats, Jobs: s.cfg.Jobs, BaseURL: s.cfg.BaseURL, Defer: deferred,
		Written: s.cfg.Stdout, Log: io.Discard, Notices: s.cfg.Stderr,
	}
	stop := func() {}
	if s.cfg.Progress != nil {
		stop = s.cfg.Progress(&o)
	}
	res, err := charts.Build(ctx, o)
	stop()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	var written []string
	if res != nil {
		written = res.Written
	}
	var errs []string
	if err != nil {
		errs = strings.Split(err.Error(), "\n")
	}
	s.mu.Lock()
	r.errs = errs
	if res != nil && len(res.Manifests) == 1 {
		r.id = res.Manifests[0].Report
	}
	label := r.label()
	s.mu.Unlock()
	if err != nil {
		fmt.Fprintf(s.cfg.Stderr, "%s: build failed; serving its last good build\n%s\n", label, err)
	} else {
		fmt.Fprintf(s.cfg.Stderr, "%s: built, %d files written\n", label, len(written))
	}
	return written, nil
}

// globReports lists reports/*.yaml under the root.
func (s *Server) globReports() ([]string, error) {
	return filepath.Glob(filepath.Join(s.cfg.Root, "reports", "*.yaml"))
}

// rebuild builds the reports that read a changed path (every report when
// all is set), and specs added under reports/ when serving them all; it
// drops specs deleted from there. Then it tells the pages.
func (s *Server) rebuild(ctx context.Context, changed map[string]bool, all bool) {
	var targets []*report
	listChanged := false
	s.mu.Lock()
	if len(s.cfg.Reports) == 0 {
		specs, _ := s.globReports()
		kept := s.reports[:0]
		for _, r := range s.reports {
			if slices.Contains(specs, r.spec) {
				kept = append(kept, r)
			} else {
				listChanged = true
			}
		}
		clear(s.reports[len(kept):])
		s.reports = kept
		for _, p := range specs {
			if !slices.ContainsFunc(s.reports, func(r *report) bool { return r.spec == p }) {
				r := &report{spec: p}
				s.reports = append(s.reports, r)
				targets = append(targets, r)
				listChanged = true
			}
		}
	}
	for _, r := range s.reports {
		if slices.Contains(targets, r) {
			continue
		}
		if all || touches(r.inputs, changed) {
			targets = append(targets, r)
		}
	}
	s.mu.Unlock()

	// The pages first (HTML and CSV), leaving the images as they were, so
	// an open chart reloads at once; then the images, and a reload again.
	var specs []string
	phases := [][]string{nil}
	if d := s.imageFormats(); len(d) > 0 {
		phases = [][]string{d, nil}
	}
	for i, deferred := range phases {
		var built, urls []string
		next := targets[:0:0]
		for _, r := range targets {
			written, err := s.build(ctx, r, deferred)
			if err != nil {
				return // cancelled
			}
			if i == 0 {
				specs = append(specs, r.spec)
			}
			s.mu.Lock()
			if len(written) > 0 {
				built = append(built, r.id)
			}
			if len(r.errs) == 0 {
				next = append(next, r) // a report that failed fails again
			}
			s.mu.Unlock()
			for _, p := range written {
				if rel, err := filepath.Rel(s.cfg.Out, p); err == nil {
					urls = append(urls, "/"+filepath.ToSlash(rel))
				}
			}
		}
		if i == 0 {
			s.watchFolders()
			if len(targets) > 0 || listChanged {
				s.hub.send("errors", s.errorsJSON())
			}
		}
		if len(built) > 0 || (i == 0 && listChanged) {
			b, _ := json.Marshal(reloadEvent{Reports: nonNil(built), Paths: nonNil(urls)})
			s.hub.send("reload", b)
		}
		targets = next
	}
	if s.afterRebuild != nil {
		s.afterRebuild(specs)
	}
}

// reloadEvent is the data of a "reload" event: the reports that wrote
// files and the URL paths of those files.
type reloadEvent struct {
	Reports []string `json:"reports"`
	Paths   []string `json:"paths"`
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func touches(inputs, changed map[string]bool) bool {
	for p := range changed {
		if inputs[p] {
			return true
		}
	}
	return false
}

// errorsReport is one report with errors in /_tollcharts/errors.
type errorsReport struct {
	Report string   `json:"report"` // id, or spec path while the spec does not parse
	Spec   string   `json:"spec"`
	Lines  []string `json:"lines"` // "path:line:col: message" each
}

// errorsJSON is the body of /_tollcharts/errors and of "errors" events:
// {"errors": [...]}, the reports whose last build failed, in spec order.
func (s *Server) errorsJSON() []byte {
	s.mu.Lock()
	list := []errorsReport{}
	for _, r := range s.reports {
		if len(r.errs) > 0 {
			list = append(list, errorsReport{Report: r.label(), Spec: r.spec, Lines: slices.Clone(r.errs)})
		}
	}
	s.mu.Unlock()
	b, _ := json.Marshal(struct {
		Errors []errorsReport `json:"errors"`
	}{list})
	return b
}

// exists reports whether name is a regular file under the output folder.
func (s *Server) exists(name string) bool {
	st, err := s.out.Stat(name)
	return err == nil && st.Mode().IsRegular()
}

// imageFormats are the formats a rebuild renders after the pages: every
// built format but HTML, when HTML is built (otherwise there is no page
// to show first).
func (s *Server) imageFormats() []string {
	formats := s.cfg.Formats
	if len(formats) == 0 {
		formats = charts.Formats
	}
	if !slices.Contains(formats, "html") {
		return nil
	}
	var out []string
	for _, f := range formats {
		if f != "html" {
			out = append(out, f)
		}
	}
	return out
}
