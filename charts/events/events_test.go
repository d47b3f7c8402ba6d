package events

import (
	"strings"
	"testing"
	"time"
)

func TestEvents(t *testing.T) {
	es := All()
	var ids []string
	for _, e := range es {
		ids = append(ids, e.ID)
		if e.EN == "" || e.AR == "" {
			t.Errorf("%s: a label is missing", e.ID)
		}
	}
	if got := strings.Join(ids, ","); got != "intervention,eastern-aleppo,northwest-campaign,fall-of-regime" {
		t.Errorf("events %s", got)
	}
	if d := es[0].Start.Format(time.DateOnly); d != "2015-09-30" {
		t.Errorf("intervention on %s", d)
	}
	if d := es[3].Start.Format(time.DateOnly); d != "2024-12-08" {
		t.Errorf("fall of the former regime on %s", d)
	}
	es[0].ID = "changed"
	if All()[0].ID != "intervention" {
		t.Error("Events returns a shared slice")
	}
}

func TestParseEventsErrors(t *testing.T) {
	_, err := Parse("ev.yaml", []byte(`events:
  - id: Bad_ID
    date: 2015-13-01
    label: {en: Only English}
    colour: red
  - id: backwards
    date: 2015-01-01
    end: 2014-01-01
    label: {en: Backwards, ar: بالعكس}
`))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`ev.yaml:5:5: unknown field "colour"`,
		`ev.yaml:2:9: event id "Bad_ID" is not allowed`,
		`ev.yaml:3:11: event "Bad_ID": date "2015-13-01"; want YYYY-MM-DD`,
		`ev.yaml:8:10: event "backwards": end "2014-01-01"; want YYYY-MM-DD after date`,
		`ev.yaml:2:5: event "Bad_ID": missing label.ar`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// TestTimelineEvents checks that a timeline draws the events within its
// window and the count at every anniversary.
