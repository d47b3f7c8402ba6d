package locale

import (
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Noun is a counted word in each CLDR plural form of a language. A form
// holds "%d" where the number goes; a form without it (Arabic "تقرير
// واحد", "تقريران") stands for the number on its own. Empty forms fall
// back to Other.
type Noun struct {
	Zero, One, Two, Few, Many, Other string
}

// Count writes n with its noun in the plural form the language's CLDR
// rules choose for it: English "1 report", "2 reports"; Arabic 0 "0
// تقرير", 1 "تقرير واحد", 2 "تقريران", 3-10 "3 تقارير", 11-99 "11
// تقريراً", 100 and up "100 تقرير" (the form follows the last two digits:
// 103 takes the 3-10 form).
func (l Locale) Count(n int64, w Noun) string {
	form := plural.Cardinal.MatchPlural(l.pluralTag(), int(n), 0, 0, 0, 0)
	pattern := w.Other
	switch form {
	case plural.Zero:
		pattern = or(w.Zero, w.Other)
	case plural.One:
		pattern = or(w.One, w.Other)
	case plural.Two:
		pattern = or(w.Two, w.Other)
	case plural.Few:
		pattern = or(w.Few, w.Other)
	case plural.Many:
		pattern = or(w.Many, w.Other)
	}
	return strings.Replace(pattern, "%d", l.Int(n), 1)
}

func (l Locale) pluralTag() language.Tag {
	if l.Lang == "ar" {
		return language.Arabic
	}
	return language.English
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
