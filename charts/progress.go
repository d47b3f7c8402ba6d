package charts

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/term"
)

// Progress is one step of a build, given to Options.Progress: once when a
// report starts rendering (Done 0, Path "") and once as each of its
// artifacts finishes. Calls are serialised; the callback must not block.
type Progress struct {
	Report string // report id
	Path   string // artifact just rendered, relative to the report folder ("en/victims.png")
	Done   int    // artifacts of the report rendered so far
	Total  int    // artifacts of the report to render
}

// progressStep returns the function renderAll calls after each artifact of
// report renders, or nil when nobody listens.
func (o *Options) progressStep(report string, arts []*artifact) func(*artifact) {
	if o.Progress == nil {
		return nil
	}
	total := 0
	for _, a := range arts {
		if a.render != nil {
			total++
		}
	}
	done := 0
	o.Progress(Progress{Report: report, Total: total})
	return func(a *artifact) {
		done++
		o.Progress(Progress{Report: report, Path: a.Path, Done: done, Total: total})
	}
}

// Meter draws build progress as one line on an interactive terminal:
// report, done/total, the artifact just rendered and the time elapsed. The
// line appears only once a build has run for meterDelay, is redrawn in
// place with \r at most every meterEvery, and is erased by Clear and before
// anything is written through Writer. Its methods are safe for concurrent
// use, and do nothing on a nil *Meter.
type Meter struct {
	mu    sync.Mutex
	w     io.Writer
	now   func() time.Time
	width int // columns of the terminal

	start time.Time
	drawn time.Time // when the line was last drawn
	shown int       // columns of the line on screen; 0: none
	cur   Progress
	seen  bool // cur holds an event
}

const (
	meterDelay = time.Second            // builds shorter than this show nothing
	meterEvery = 100 * time.Millisecond // redraws at most this often
)

// NewMeter returns a meter that draws on w, a terminal width columns wide,
// reading the time from now. The build's elapsed time counts from this call.
func NewMeter(w io.Writer, now func() time.Time, width int) *Meter {
	if width <= 0 {
		width = 80
	}
	return &Meter{w: w, now: now, width: width, start: now()}
}

// TerminalMeter returns a meter drawing on w when w is an interactive
// terminal, and nil otherwise (a file, a pipe, a buffer).
func TerminalMeter(w io.Writer, now func() time.Time) *Meter {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		width = 80
	}
	return NewMeter(w, now, width)
}

// Attach makes a build report to m: it sets o.Progress, and routes o.Written,
// o.Log and o.Notices through m so that their lines never mix with the progress line.
func (m *Meter) Attach(o *Options) {
	if m == nil {
		return
	}
	o.Progress = m.Update
	if o.Written != nil {
		o.Written = m.Writer(o.Written)
	}
	if o.Log != nil {
		o.Log = m.Writer(o.Log)
	}
	if o.Notices != nil {
		o.Notices = m.Writer(o.Notices)
	}
}

// Update records a build step and redraws the line if it is due.
func (m *Meter) Update(p Progress) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cur, m.seen = p, true
	m.redraw()
}

// Tick redraws the line so the elapsed time moves on while one slow
// artifact renders.
func (m *Meter) Tick() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.redraw()
}

// Run calls Tick on every tick until ctx is done.
func (m *Meter) Run(ctx context.Context, tick <-chan time.Time) {
	if m == nil {
		return
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
			m.Tick()
		}
	}
}

// Clear erases the line, if one is shown.
func (m *Meter) Clear() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.clear()
}

// Writer returns a writer that erases the progress line before writing
// to w; the next update draws it again below what was written.
func (m *Meter) Writer(w io.Writer) io.Writer {
	if m == nil {
		return w
	}
	return meterWriter{m, w}
}

type meterWriter struct {
	m *Meter
	w io.Writer
}

func (mw meterWriter) Write(p []byte) (int, error) {
	mw.m.mu.Lock()
	defer mw.m.mu.Unlock()
	mw.m.clear()
	return mw.w.Write(p)
}

// redraw draws the line when the build has run long enough and the last
// draw is old enough. Callers hold m.mu.
func (m *Meter) redraw() {
	if !m.seen {
		return
	}
	now := m.now()
	elapsed := now.Sub(m.start)
	if elapsed < meterDelay {
		return
	}
	if m.shown > 0 && now.Sub(m.drawn) < meterEvery {
		return
	}
	line := m.line(elapsed)
	n := utf8.RuneCountInString(line)
	pad := ""
	if n < m.shown {
		pad = strings.Repeat(" ", m.shown-n)
	}
	fmt.Fprintf(m.w, "\r%s%s", line, pad)
	m.drawn, m.shown = now, max(n, m.shown)
}

// line is the text of the progress line, cut to fit the terminal (one
// column is left free: writing the last one wraps on some terminals).
func (m *Meter) line(elapsed time.Duration) string {
	p := m.cur
	s := fmt.Sprintf("%s %d/%d %s", p.Report, p.Done, p.Total, formatElapsed(elapsed))
	if p.Path != "" {
		s = fmt.Sprintf("%s %d/%d %s %s", p.Report, p.Done, p.Total, p.Path, formatElapsed(elapsed))
	}
	if limit := m.width - 1; utf8.RuneCountInString(s) > limit {
		r := []rune(s)
		s = string(r[:max(limit, 0)])
	}
	return s
}

// clear erases the line. Callers hold m.mu.
func (m *Meter) clear() {
	if m.shown == 0 {
		return
	}
	fmt.Fprintf(m.w, "\r%s\r", strings.Repeat(" ", m.shown))
	m.shown = 0
}

// formatElapsed prints 0.4s, 12.3s, 2m05s.
func formatElapsed(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%.1fs", d.Seconds())
	}
	d = d.Round(time.Second)
	return fmt.Sprintf("%dm%02ds", int(d/time.Minute), int(d%time.Minute/time.Second))
}
