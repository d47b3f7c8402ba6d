package charts

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newTestMeter(width int) (*Meter, *fakeClock, *bytes.Buffer) {
	clock := &fakeClock{t: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}
	var buf bytes.Buffer
	return NewMeter(&buf, clock.now, width), clock, &buf
}

func TestMeterQuietForShortBuilds(t *testing.T) {
	m, clock, buf := newTestMeter(80)
	m.Update(Progress{Report: "synthetic", Total: 4})
	for i := 1; i <= 4; i++ {
		clock.advance(200 * time.Millisecond)
		m.Update(Progress{Report: "synthetic", Path: "en/a.png", Done: i, Total: 4})
	}
	m.Clear()
	if buf.Len() != 0 {
		t.Errorf("a 0.8s build drew %q; want nothing", buf.String())
	}
}

func TestMeterDrawsRedrawsAndClears(t *testing.T) {
	m, clock, buf := newTestMeter(80)
	m.Update(Progress{Report: "synthetic", Total: 10})
	clock.advance(1200 * time.Millisecond)
	m.Update(Progress{Report: "synthetic", Path: "en/years.png", Done: 3, Total: 10})
	want := "\rsynthetic 3/10 en/years.png 1.2s"
	if buf.String() != want {
		t.Fatalf("first draw %q, want %q", buf.String(), want)
	}
	buf.Reset()
	clock.advance(50 * time.Millisecond) // too soon to redraw
	m.Update(Progress{Report: "synthetic", Path: "en/years@2x.png", Done: 4, Total: 10})
	if buf.Len() != 0 {
		t.Errorf("redrew after 50ms: %q", buf.String())
	}
	clock.advance(100 * time.Millisecond)
	m.Update(Progress{Report: "synthetic", Path: "ar/p.png", Done: 5, Total: 10})
	// The shorter line is padded over the longer one it replaces.
	want = "\rsynthetic 5/10 ar/p.png 1.4s" + strings.Repeat(" ", 4)
	if buf.String() != want {
		t.Errorf("redraw %q, want %q", buf.String(), want)
	}
	buf.Reset()
	clock.advance(1050 * time.Millisecond)
	m.Tick()
	if want := "\rsynthetic 5/10 ar/p.png 2.4s" + strings.Repeat(" ", 4); buf.String() != want {
		t.Errorf("tick %q, want %q", buf.String(), want)
	}
	buf.Reset()
	m.Clear()
	if want := "\r" + strings.Repeat(" ", 32) + "\r"; buf.String() != want {
		t.Errorf("clear %q, want %q", buf.String(), want)
	}
	buf.Reset()
	m.Clear()
	if buf.Len() != 0 {
		t.Errorf("second clear wrote %q", buf.String())
	}
}

func TestMeterWriterClearsFirst(t *testing.T) {
	m, clock, buf := newTestMeter(80)
	clock.advance(2 * time.Second)
	m.Update(Progress{Report: "r", Path: "en/a.png", Done: 1, Total: 2})
	out := m.Writer(buf) // stdout and stderr share the terminal
	out.Write([]byte("output/r/en/a.png\n"))
	m.Update(Progress{Report: "r", Path: "en/b.png", Done: 2, Total: 2})
	want := "\rr 1/2 en/a.png 2.0s" + "\r" + strings.Repeat(" ", 19) + "\r" + "output/r/en/a.png\n" + "\rr 2/2 en/b.png 2.0s"
	if buf.String() != want {
		t.Errorf("got  %q\nwant %q", buf.String(), want)
	}
}

func TestMeterCutsToWidth(t *testing.T) {
	m, clock, buf := newTestMeter(20)
	clock.advance(61 * time.Second)
	m.Update(Progress{Report: "russia-10th-anniversary", Path: "ar/calendar.png", Done: 1, Total: 2})
	if want := "\rrussia-10th-anniver"; buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
	if got := formatElapsed(125 * time.Second); got != "2m05s" {
		t.Errorf("formatElapsed = %q", got)
	}
}

func TestMeterRunTicks(t *testing.T) {
	m, clock, buf := newTestMeter(80)
	m.Update(Progress{Report: "r", Total: 1})
	clock.advance(3 * time.Second)
	tick := make(chan time.Time)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { m.Run(ctx, tick); close(done) }()
	tick <- time.Time{}
	tick <- time.Time{} // the first tick has been handled once this one is taken
	cancel()
	<-done
	if want := "\rr 0/1 3.0s"; buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

func TestNilMeterIsInert(t *testing.T) {
	var m *Meter
	var o Options
	m.Attach(&o)
	m.Update(Progress{})
	m.Tick()
	m.Clear()
	if o.Progress != nil {
		t.Error("nil meter set Options.Progress")
	}
	var buf bytes.Buffer
	if m.Writer(&buf) != &buf {
		t.Error("nil meter wrapped the writer")
	}
}

func TestTerminalMeterOnlyOnTerminals(t *testing.T) {
	if TerminalMeter(&bytes.Buffer{}, time.Now) != nil {
		t.Error("meter on a buffer")
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if TerminalMeter(f, time.Now) != nil {
		t.Error("meter on a regular file")
	}
	if null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		defer null.Close()
		if TerminalMeter(null, time.Now) != nil {
			t.Error("meter on " + os.DevNull + " (a character device, not a terminal)")
		}
	}
}

func TestProgressStepCountsRenderedArtifacts(t *testing.T) {
	var got []Progress
	o := Options{Progress: func(p Progress) { got = append(got, p) }}
	noop := func(w io.Writer) error { return nil }
	arts := []*artifact{
		{Artifact: Artifact{Path: "en/a.csv"}},
		{Artifact: Artifact{Path: "en/a.png"}, render: noop},
		{Artifact: Artifact{Path: "en/a.html"}, render: noop},
	}
	if err := renderAll(context.Background(), arts, 2, o.progressStep("synthetic", arts), nil); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] != (Progress{Report: "synthetic", Total: 2}) {
		t.Fatalf("events %+v", got)
	}
	last := got[2]
	if last.Done != 2 || last.Total != 2 || last.Report != "synthetic" || (last.Path != "en/a.png" && last.Path != "en/a.html") {
		t.Errorf("last event %+v", last)
	}
	var none Options
	if none.progressStep("synthetic", arts) != nil {
		t.Error("a step without a listener")
	}
}
