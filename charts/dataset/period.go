package dataset

import (
	"fmt"
	"strings"
	"time"
)

// Period is the window a count covers, both ends included, as published.
type Period struct {
	Start    time.Time // zero when the source gives no start
	End      time.Time
	Calendar bool // a whole calendar year, written "YYYY"
}

// Key writes the period as the CSV does: "2019", "2015-09-30/2016-09-30"
// or "/2025-09-30".
func (p Period) Key() string {
	if p.Calendar {
		return fmt.Sprint(p.Start.Year())
	}
	if p.Start.IsZero() {
		return "/" + p.End.Format(time.DateOnly)
	}
	return p.Start.Format(time.DateOnly) + "/" + p.End.Format(time.DateOnly)
}

// Less orders periods by end, then start.
func (p Period) Less(q Period) bool {
	if !p.End.Equal(q.End) {
		return p.End.Before(q.End)
	}
	return p.Start.Before(q.Start)
}

const periodAllowed = "want YYYY for a calendar year, YYYY-MM-DD/YYYY-MM-DD for a window, or /YYYY-MM-DD when the start is not stated"

// ParsePeriod reads a period cell.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Period{}, fmt.Errorf("period is blank; %s", periodAllowed)
	}
	if len(s) == 4 && !strings.Contains(s, "/") {
		y, err := time.Parse("2006", s)
		if err != nil || y.Year() < 1900 {
			return Period{}, fmt.Errorf("period %q is not a year; %s", clip(s), periodAllowed)
		}
		return Period{Start: y, End: time.Date(y.Year(), 12, 31, 0, 0, 0, 0, time.UTC), Calendar: true}, nil
	}
	a, b, ok := strings.Cut(s, "/")
	if !ok {
		return Period{}, fmt.Errorf("period %q is not a year or a window; %s", clip(s), periodAllowed)
	}
	var p Period
	var err error
	if a = strings.TrimSpace(a); a != "" {
		if p.Start, err = time.Parse(time.DateOnly, a); err != nil {
			return Period{}, fmt.Errorf("period start %q is not a date; %s", clip(a), periodAllowed)
		}
	}
	if p.End, err = time.Parse(time.DateOnly, strings.TrimSpace(b)); err != nil {
		return Period{}, fmt.Errorf("period end %q is not a date; %s", clip(b), periodAllowed)
	}
	if !p.Start.IsZero() && p.End.Before(p.Start) {
		return Period{}, fmt.Errorf("period %q ends before it starts; write the earlier date first", clip(s))
	}
	return p, nil
}
