package infographic

import (
	"testing"
	"time"
)

func TestTimelineEvents(t *testing.T) {
	f := fig(t, "timeline", "en")
	for _, s := range Sizes {
		c, err := draw(f, Options{Width: s.Width, Height: s.Height})
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"3,264", "5,233", "6,239", "6,686", "6,859", "6,910", "6,943", "6,954", "6,969", "6,993",
			"30 Sep 2015", "about 19 Sep 2016 – 14 Oct 2016", "1 Apr 2019 – 11 Apr 2020", "8 Dec 2024"} {
			if !drew(c, want) {
				t.Errorf("%s: %q not drawn", s.Name, want)
			}
		}
	}
	// Events outside the figure's window are left out; given events
	// replace the embedded ones.
	only := []Event{{ID: "synthetic", Start: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), EN: "Synthetic event", AR: "حدث اختباري"}}
	c, err := draw(f, Options{Events: only})
	if err != nil {
		t.Fatal(err)
	}
	if drew(c, "Synthetic event") || drew(c, "30 Sep 2015") {
		t.Error("an event outside the window, or an embedded one, was drawn")
	}
}
