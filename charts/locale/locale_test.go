package locale

import (
	"testing"
	"time"
)

func TestFormats(t *testing.T) {
	en := Locale{Lang: "en"}
	arLatn := Locale{Lang: "ar", Digits: Latin, Months: Levantine}
	arArab := Locale{Lang: "ar", Digits: ArabicIndic, Months: Egyptian}
	d := time.Date(2015, 9, 30, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{en.Int(6993), "6,993"},
		{en.Int(3300000), "3,300,000"},
		{arLatn.Int(6993), "6,993"},
		{arArab.Int(6993), "٦٬٩٩٣"},
		{en.Percent(29.47, 1), "29.5%"},
		{arArab.Percent(29.47, 1), "٢٩٫٥٪"},
		{en.Date(d), "30 September 2015"},
		{en.ShortDate(d), "30 Sep 2015"},
		{arLatn.Date(d), "30 أيلول 2015"},
		{arArab.Date(d), "٣٠ سبتمبر ٢٠١٥"},
		{arArab.Year(2024), "٢٠٢٤"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
