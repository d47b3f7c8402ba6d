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

func TestCountPluralForms(t *testing.T) {
	report := Noun{One: "%d report", Other: "%d reports"}
	taqrir := Noun{Zero: "%d تقرير", One: "تقرير واحد", Two: "تقريران", Few: "%d تقارير", Many: "%d تقريراً", Other: "%d تقرير"}
	en, ar, arab := Locale{Lang: "en"}, Locale{Lang: "ar", Digits: Latin}, Locale{Lang: "ar", Digits: ArabicIndic}
	for _, c := range []struct {
		l    Locale
		n    int64
		w    Noun
		want string
	}{
		{en, 0, report, "0 reports"},
		{en, 1, report, "1 report"},
		{en, 2, report, "2 reports"},
		{en, 11, report, "11 reports"},
		{en, 1000, report, "1,000 reports"},
		{ar, 0, taqrir, "0 تقرير"},
		{ar, 1, taqrir, "تقرير واحد"},
		{ar, 2, taqrir, "تقريران"},
		{ar, 3, taqrir, "3 تقارير"},
		{ar, 10, taqrir, "10 تقارير"},
		{ar, 11, taqrir, "11 تقريراً"},
		{ar, 99, taqrir, "99 تقريراً"},
		{ar, 100, taqrir, "100 تقرير"},
		{ar, 101, taqrir, "101 تقرير"},
		{ar, 102, taqrir, "102 تقرير"},
		{ar, 103, taqrir, "103 تقارير"},
		{ar, 111, taqrir, "111 تقريراً"},
		{ar, 1000, taqrir, "1,000 تقرير"},
		{arab, 4, taqrir, "٤ تقارير"},
		{arab, 12, taqrir, "١٢ تقريراً"},
	} {
		if got := c.l.Count(c.n, c.w); got != c.want {
			t.Errorf("%s%s Count(%d) = %q, want %q", c.l.Lang, c.l.Digits, c.n, got, c.want)
		}
	}
}
