package infographic

import "github.com/tollcharts/tollcharts/charts/events"

// Event is a key date on a timeline (see package events).
type Event = events.Event

// Events returns the key dates of package events, in date order.
func Events() []Event { return events.All() }

// ParseEvents reads an events file in the format of package events.
func ParseEvents(path string, data []byte) ([]Event, error) { return events.Parse(path, data) }
