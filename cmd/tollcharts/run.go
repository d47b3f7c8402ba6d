package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tollcharts/tollcharts/charts"
	"github.com/tollcharts/tollcharts/charts/dataset"
	"github.com/tollcharts/tollcharts/charts/diag"
	"github.com/tollcharts/tollcharts/charts/spec"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // data, spec or render errors
	exitUsage = 2
)

const usage = `usage:
  tollcharts build  [-out DIR] [-lang en,ar] [-format png,svg,html] [-j N] [-force] [-q] [REPORT.yaml ...]
  tollcharts check  [REPORT.yaml | DATASET.csv | themes/THEME.yaml ...]
  tollcharts list   [REPORT.yaml ...]
  tollcharts new    [-root DIR] REPORT-ID | -dataset NAME
  tollcharts serve  [-addr 127.0.0.1:8080] [-public] [-out DIR] [-lang en,ar] [-format ...] [-j N] [-q] [REPORT.yaml ...]
  tollcharts version

With no REPORT, every reports/*.yaml. Files written go to stdout, one per
line; diagnostics go to stderr as path:line:col: message.
`

// run is the whole command line: testable in-process, it never exits.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "build":
		return build(ctx, args, stdout, stderr)
	case "check":
		return check(args, stdout, stderr)
	case "list":
		return list(args, stdout, stderr)
	case "new":
		return newCmd(args, stdout, stderr)
	case "serve":
		return serveCmd(ctx, args, stdout, stderr)
	case "version":
		if len(args) > 0 {
			fmt.Fprintf(stderr, "tollcharts version: takes no arguments\n")
			return exitUsage
		}
		fmt.Fprintf(stdout, "tollcharts %s\n", charts.Version)
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "tollcharts: unknown command %q; want one of: build, check, list, new, serve, version\n%s", cmd, usage)
	return exitUsage
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("tollcharts "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// splitList reads "a,b" and checks every item is allowed.
func splitList(flagName, s string, allowed []string) ([]string, error) {
	if s == "" {
		return nil, nil
	}
	var out []string
	for _, x := range strings.Split(s, ",") {
		x = strings.TrimSpace(x)
		if !slices.Contains(allowed, x) {
			return nil, fmt.Errorf("-%s: %q is not known; want one of: %s", flagName, x, strings.Join(allowed, ", "))
		}
		out = append(out, x)
	}
	return out, nil
}

func build(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	out := fs.String("out", "output", "output `folder`")
	langs := fs.String("lang", "", "languages to build, comma-separated (en,ar); default: the report's")
	formats := fs.String("format", "", "formats, comma-separated ("+strings.Join(charts.Formats, ",")+"); default: all")
	jobs := fs.Int("j", 0, "parallel renders (default: the number of CPUs)")
	force := fs.Bool("force", false, "render everything, even what is up to date")
	quiet := fs.Bool("q", false, "no progress or summary on stderr")
	base := baseURLFlag(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	o := charts.Options{Reports: fs.Args(), Out: *out, Jobs: *jobs, Force: *force, BaseURL: *base, Written: stdout, Log: stderr, Notices: stderr}
	if err := checkBaseURLFlag(*base); err != nil {
		fmt.Fprintf(stderr, "tollcharts build: %v\n", err)
		return exitUsage
	}
	if *quiet {
		o.Log = io.Discard
	}
	var err error
	if o.Langs, err = splitList("lang", *langs, []string{"en", "ar"}); err != nil {
		fmt.Fprintf(stderr, "tollcharts build: %v\n", err)
		return exitUsage
	}
	if o.Formats, err = splitList("format", *formats, charts.Formats); err != nil {
		fmt.Fprintf(stderr, "tollcharts build: %v\n", err)
		return exitUsage
	}
	stop := withProgress(ctx, &o, stderr, *quiet)
	_, err = charts.Build(ctx, o)
	stop()
	if err != nil {
		return report(stderr, err)
	}
	return exitOK
}

// baseURLFlag defines -base-url.
func baseURLFlag(fs *flag.FlagSet) *string {
	return fs.String("base-url", "", "`URL` where the output folder is published (https://example.org/charts/), for link previews, oEmbed and embed codes; wins over each spec's base_url")
}

// checkBaseURLFlag checks the value of -base-url.
func checkBaseURLFlag(b string) error {
	if b != "" && !spec.BaseURLOK(b) {
		return fmt.Errorf("-base-url %q is not allowed; %s", b, spec.BaseURLWant)
	}
	return nil
}

// report prints an error on stderr and returns the exit status.
func report(stderr io.Writer, err error) int {
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "tollcharts: interrupted; earlier outputs are kept as they were")
		return exitError
	}
	fmt.Fprintln(stderr, err)
	return exitError
}

func check(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		m, _ := filepath.Glob(filepath.Join("reports", "*.yaml"))
		paths = m
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "tollcharts check: no reports/*.yaml here; name a report spec or a dataset")
		return exitUsage
	}
	var errs diag.List
	var reports []string
	for _, p := range paths {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".csv", ".xlsx":
			if _, err := dataset.Load(p); err != nil {
				errs.Append(p, err)
			}
		case ".yaml", ".yml":
			if filepath.Base(filepath.Dir(p)) == "themes" { // a theme file
				_, _, err := charts.LoadTheme(p)
				errs.Append(p, err)
				continue
			}
			reports = append(reports, p)
		default:
			fmt.Fprintf(stderr, "tollcharts check: %s: want a report spec (.yaml), a dataset (.csv or .xlsx) or a theme (themes/*.yaml)\n", p)
			return exitUsage
		}
	}
	if len(reports) > 0 {
		_, err := charts.Load(reports, nil)
		errs.Append("", err)
	}
	if err := errs.Err(); err != nil {
		return report(stderr, err)
	}
	fmt.Fprintf(stderr, "ok: %d files checked\n", len(paths))
	return exitOK
}

func list(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("list", stderr)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths, _ = filepath.Glob(filepath.Join("reports", "*.yaml"))
	}
	loaded, err := charts.Load(paths, nil)
	for _, l := range loaded {
		for _, f := range l.Figures {
			fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\t%s\n", l.Report.ID.Value, f.ID, f.Kind, f.Locale.Lang, f.Title)
		}
	}
	if err != nil {
		return report(stderr, err)
	}
	return exitOK
}
