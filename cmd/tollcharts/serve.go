package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"

	"github.com/tollcharts/tollcharts/charts"
	"github.com/tollcharts/tollcharts/charts/serve"
)

// serveCmd builds the reports, serves the output folder and rebuilds on
// change until ctx is cancelled (Ctrl-C), which is a clean exit.
func serveCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on; a loopback address unless -public")
	public := fs.Bool("public", false, "allow a non-loopback -addr: anyone who reaches it can read the output")
	out := fs.String("out", "output", "output `folder`, the only one served")
	langs := fs.String("lang", "", "languages to build, comma-separated (en,ar); default: the report's")
	formats := fs.String("format", "", "formats, comma-separated ("+strings.Join(charts.Formats, ",")+"); default: all")
	jobs := fs.Int("j", 0, "parallel renders (default: the number of CPUs)")
	quiet := fs.Bool("q", false, "no progress line on stderr")
	base := baseURLFlag(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	cfg := serve.Config{Reports: fs.Args(), Out: *out, Jobs: *jobs, Public: *public, Stdout: stdout, Stderr: stderr, BaseURL: *base}
	var err error
	if err := checkBaseURLFlag(*base); err != nil {
		fmt.Fprintf(stderr, "tollcharts serve: %v\n", err)
		return exitUsage
	}
	if cfg.Langs, err = splitList("lang", *langs, []string{"en", "ar"}); err != nil {
		fmt.Fprintf(stderr, "tollcharts serve: %v\n", err)
		return exitUsage
	}
	if cfg.Formats, err = splitList("format", *formats, charts.Formats); err != nil {
		fmt.Fprintf(stderr, "tollcharts serve: %v\n", err)
		return exitUsage
	}
	if err := serve.CheckAddr(*addr, *public); err != nil {
		fmt.Fprintf(stderr, "tollcharts serve: %v\n", err)
		return exitUsage
	}
	cfg.Progress = func(o *charts.Options) func() { return withProgress(ctx, o, stderr, *quiet) }
	// Listen first: a port in use fails at once, not after the build.
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "tollcharts serve: %v\n", err)
		return exitError
	}
	s, err := serve.New(ctx, cfg)
	if err != nil {
		ln.Close()
		return report(stderr, err)
	}
	fmt.Fprintf(stderr, "serving %s at http://%s/ (Ctrl-C to stop)\n", *out, ln.Addr())
	if err := s.Serve(ctx, ln); err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "tollcharts serve: %v\n", err)
		return exitError
	}
	fmt.Fprintln(stderr, "tollcharts serve: stopped")
	return exitOK
}
