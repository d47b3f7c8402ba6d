// Package events holds the key dates that charts mark: the start of
// Russia's intervention, the Eastern Aleppo attacks, the northwest
// campaign, the fall of the former regime. They live in the embedded
// events.yaml, in English and Arabic, each with a note saying where its
// date comes from. Timeline infographics draw those within their periods;
// a line chart draws those its spec names (events: [ids]).
package events

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"sync"
	"time"

	"github.com/tollcharts/tollcharts/charts/diag"
	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
	"github.com/tollcharts/tollcharts/charts/spec"
)

//go:embed events.yaml
var eventsYAML []byte

// Event is a key date on a timeline: one day, or a span when End is set.
type Event struct {
	ID         string
	Start, End time.Time // End is zero for a single day
	EN, AR     string    // the label in each language
	Note       string    // where the date comes from; not drawn
}

// Label returns the event's label in lang.
func (e Event) Label(lang string) string {
	if lang == "ar" {
		return e.AR
	}
	return e.EN
}

// Last is the event's last day.
func (e Event) Last() time.Time {
	if e.End.IsZero() {
		return e.Start
	}
	return e.End
}

// All returns the key dates of the embedded events.yaml, in date order.
func All() []Event { return slices.Clone(embeddedEvents()) }

// ByID finds an embedded event.
func ByID(id string) (Event, bool) {
	for _, e := range embeddedEvents() {
		if e.ID == id {
			return e, true
		}
	}
	return Event{}, false
}

// IDs lists the embedded events' ids, for "want one of" messages.
func IDs() []string {
	var out []string
	for _, e := range embeddedEvents() {
		out = append(out, e.ID)
	}
	return out
}

var embeddedEvents = sync.OnceValue(func() []Event {
	es, err := Parse("events.yaml", eventsYAML)
	if err != nil {
		panic(fmt.Sprintf("events: embedded %v", err)) // a build defect, caught by tests
	}
	return es
})

type eventsFile struct {
	Events []eventEntry `yaml:"events"`
	At     sy.Pos
}

type eventEntry struct {
	ID    sy.String `yaml:"id"`
	Date  sy.String `yaml:"date"`
	End   sy.String `yaml:"end"`
	Label spec.Text `yaml:"label"`
	Note  string    `yaml:"note"`
	At    sy.Pos
}

var eventID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

// Parse reads an events file (the format of events.yaml) strictly;
// every error is "path:line:col: message". Events come back in date order.
func Parse(path string, data []byte) ([]Event, error) {
	var f eventsFile
	var errs diag.List
	errs.Append(path, sy.Decode(path, data, &f)) // and check what decoded
	add := func(p sy.Pos, format string, args ...any) { errs.Add(path, p.Line, p.Col, format, args...) }
	var out []Event
	for _, e := range f.Events {
		ev := Event{ID: e.ID.Value, EN: e.Label.EN.Value, AR: e.Label.AR.Value, Note: e.Note}
		if !eventID.MatchString(e.ID.Value) {
			add(e.ID.Pos, "event id %q is not allowed; want lower-case letters, digits and hyphens", e.ID.Value)
		}
		var err error
		if ev.Start, err = time.Parse(time.DateOnly, e.Date.Value); err != nil {
			add(e.Date.Pos, "event %q: date %q; want YYYY-MM-DD", e.ID.Value, e.Date.Value)
		}
		if e.End.Value != "" {
			if ev.End, err = time.Parse(time.DateOnly, e.End.Value); err != nil || !ev.End.After(ev.Start) {
				add(e.End.Pos, "event %q: end %q; want YYYY-MM-DD after date", e.ID.Value, e.End.Value)
			}
		}
		if _, ok := e.Label.Get("en"); !ok {
			add(e.At, "event %q: missing label.en", e.ID.Value)
		}
		if _, ok := e.Label.Get("ar"); !ok {
			add(e.At, "event %q: missing label.ar", e.ID.Value)
		}
		out = append(out, ev)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b Event) int { return a.Start.Compare(b.Start) })
	return out, nil
}
