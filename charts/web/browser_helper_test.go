package web

// Tabs of a headless Chromium for tests, driven by chromedp over a pipe;
// charts/internal/browsertest starts the browser.
//
// Findings it encodes (see the design notes on testing):
//   - console errors, uncaught exceptions, failed loads and every request
//     are collected from the start of the tab (chromedp.WithListener);
//   - frames run in their own execution contexts: evaluate there by frame
//     URL (file:// frames are cross-origin to their parent).

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/tollcharts/tollcharts/charts/internal/browsertest"
)

// newBrowser starts a headless browser for the test and returns its
// context; tabs are made from it with newTab. The browser stops when the
// test ends. Without Chromium the test is skipped, or fails when the CI
// environment variable is set.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	return browsertest.Browser(t, chromedp.WindowSize(1000, 900))
}

// tab is one browser tab and what it saw.
type tab struct {
	ctx context.Context
	t   *testing.T

	mu       sync.Mutex
	problems []string                                       // console errors, exceptions, failed loads
	requests []string                                       // every URL requested
	contexts map[string]runtime.ExecutionContextDescription // default contexts by frame id
}

// newTab opens a tab with its own timeout; it closes when the test ends.
func newTab(t *testing.T, browser context.Context, timeout time.Duration) *tab {
	t.Helper()
	tb := &tab{t: t, contexts: map[string]runtime.ExecutionContextDescription{}}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(tb.listen))
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() {
		cancelTimeout()
		cancel()
	})
	tb.ctx = ctx
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	return tb
}

// listen runs in the tab's event loop: it must be quick and run no command.
func (tb *tab) listen(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			var parts []string
			for _, a := range ev.Args {
				if len(a.Value) > 0 {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			tb.problems = append(tb.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " ")))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		tb.problems = append(tb.problems, fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level == log.EntryLevelError && !strings.HasSuffix(e.URL, "/favicon.ico") {
			tb.problems = append(tb.problems, fmt.Sprintf("log %s: %s %s", e.Source, e.Text, e.URL))
		}
	case *network.EventRequestWillBeSent:
		tb.requests = append(tb.requests, ev.Request.URL)
	case *network.EventLoadingFailed:
		tb.problems = append(tb.problems, fmt.Sprintf("loading failed: %s %s", ev.ErrorText, ev.Type))
	case *runtime.EventExecutionContextsCleared:
		clear(tb.contexts)
	case *runtime.EventExecutionContextCreated:
		var aux struct {
			IsDefault bool   `json:"isDefault"`
			FrameID   string `json:"frameId"`
		}
		if len(ev.Context.AuxData) > 0 && json.Unmarshal([]byte(ev.Context.AuxData), &aux) == nil && aux.IsDefault {
			tb.contexts[aux.FrameID] = *ev.Context
		}
	}
}

// navigate loads a URL and waits for its load event.
func (tb *tab) navigate(u string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(u)); err != nil {
		tb.t.Fatalf("navigate %s: %v", u, err)
	}
}

// problemList returns the console errors, exceptions and failed loads so far.
func (tb *tab) problemList() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.problems...)
}

// requestList returns every URL the tab requested so far.
func (tb *tab) requestList() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.requests...)
}

// remoteRequests returns the requests to any host but this machine.
// data:, blob:, about: and file: URLs are local.
func (tb *tab) remoteRequests() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	var out []string
	for _, r := range tb.requests {
		u, err := url.Parse(r)
		if err != nil {
			out = append(out, r)
			continue
		}
		switch u.Scheme {
		case "data", "blob", "about", "file":
			continue
		}
		switch u.Hostname() {
		case "127.0.0.1", "localhost", "::1":
			continue
		}
		out = append(out, r)
	}
	return out
}

// eval evaluates a JavaScript expression in the top document (ctxID "")
// or in the execution context ctxID (see frameContext); promises are
// awaited.
func eval[T any](tb *tab, ctxID, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise,
		func(p *runtime.EvaluateParams) { p.UniqueContextID = ctxID }))
	if err != nil {
		tb.t.Fatalf("evaluate %s: %v", short(expr), err)
	}
	return v
}

// waitFor evaluates expr in ctxID ("" for the top document) until it is
// true, for at most d.
func (tb *tab) waitFor(ctxID, expr string, d time.Duration) {
	tb.t.Helper()
	deadline := time.Now().Add(d)
	for {
		ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool]("!!("+expr+")",
			func(p *runtime.EvaluateParams) { p.UniqueContextID = ctxID }))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("waited %v for %s (last error %v; problems: %v)", d, short(expr), err, tb.problemList())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// frameContext finds the default execution context of the frame whose URL
// ends with suffix, waiting for the frame to load.
func (tb *tab) frameContext(suffix string) string {
	tb.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		res, err := chromedp.Run(tb.ctx, func(ctx context.Context, t *chromedp.Target) (page.GetFrameTreeResult, error) {
			return cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
		})
		if err != nil {
			tb.t.Fatalf("frame tree: %v", err)
		}
		var id string
		var walk func(ft *page.FrameTree)
		walk = func(ft *page.FrameTree) {
			if ft == nil {
				return
			}
			if ft.Frame != nil && strings.HasSuffix(ft.Frame.URL, suffix) {
				id = string(ft.Frame.ID)
			}
			for _, c := range ft.ChildFrames {
				walk(c)
			}
		}
		walk(res.FrameTree)
		tb.mu.Lock()
		c, ok := tb.contexts[id]
		tb.mu.Unlock()
		if id != "" && ok {
			return c.UniqueID
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("no frame with a URL ending in %q (or no script context in it)", suffix)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 120 {
		return s[:117] + "..."
	}
	return s
}
