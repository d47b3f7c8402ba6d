package main

import (
	"context"
	"io"
	"time"

	"github.com/tollcharts/tollcharts/charts"
)

// withProgress draws a progress line on stderr while o builds, when stderr
// is an interactive terminal and quiet is not set; the line shows once a
// build has run for about a second. Call stop when the build returns: it
// erases the line.
func withProgress(ctx context.Context, o *charts.Options, stderr io.Writer, quiet bool) (stop func()) {
	if quiet {
		return func() {}
	}
	m := charts.TerminalMeter(stderr, time.Now)
	if m == nil {
		return func() {}
	}
	m.Attach(o)
	ctx, cancel := context.WithCancel(ctx)
	ticker := time.NewTicker(250 * time.Millisecond)
	done := make(chan struct{})
	go func() {
		m.Run(ctx, ticker.C)
		close(done)
	}()
	return func() {
		cancel()
		<-done
		ticker.Stop()
		m.Clear()
	}
}
