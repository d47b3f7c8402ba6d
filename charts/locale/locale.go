// Package locale formats numbers, percentages and dates for one language.
//
// In: a Locale (language, digit system, Arabic month style) and a value.
// Out: the string a chart shows. English gives "6,993"; Arabic gives
// "6,993" with Western digits or "٦٬٩٩٣" with Arabic-Indic digits, as the
// report asks. Tags are pinned explicitly: region defaults differ.
package locale

import (
	"fmt"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Digits chooses the digit system of Arabic output.
type Digits string

const (
	Latin       Digits = "latn" // 0123456789
	ArabicIndic Digits = "arab" // ٠١٢٣٤٥٦٧٨٩
)

// Months chooses the Arabic month names.
type Months string

const (
	Levantine Months = "levantine" // كانون الثاني ...
	Egyptian  Months = "egyptian"  // يناير ...
)

// Locale is how one output language writes numbers and dates.
type Locale struct {
	Lang   string `json:"lang"`             // "en" or "ar"
	Digits Digits `json:"digits,omitempty"` // for "ar" only; English always uses Latin digits
	Months Months `json:"months,omitempty"` // for "ar" only
}

// RTL reports whether the language is written right to left.
func (l Locale) RTL() bool { return l.Lang == "ar" }

func (l Locale) tag() language.Tag {
	if l.Lang == "ar" {
		if l.Digits == ArabicIndic {
			return language.MustParse("ar-u-nu-arab")
		}
		return language.MustParse("ar-u-nu-latn")
	}
	return language.MustParse("en")
}

// Int formats a count with the locale's grouping: 6,993 or ٦٬٩٩٣.
func (l Locale) Int(n int64) string {
	return message.NewPrinter(l.tag()).Sprint(number.Decimal(n))
}

// Percent formats a share already computed and rounded by the caller
// (for example 29.5 for 29.5%) with the given number of decimals.
func (l Locale) Percent(v float64, decimals int) string {
	p := message.NewPrinter(l.tag())
	s := p.Sprint(number.Decimal(v, number.Scale(decimals)))
	if l.Lang == "ar" {
		return s + "٪"
	}
	return s + "%"
}

var monthsEgyptian = [12]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}
var monthsLevantine = [12]string{"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"}

// Month names a month (1-12) in full.
func (l Locale) Month(m time.Month) string {
	if l.Lang == "ar" {
		if l.Months == Egyptian {
			return monthsEgyptian[m-1]
		}
		return monthsLevantine[m-1]
	}
	return m.String()
}

// Date writes a day: "30 September 2015" or "30 أيلول 2015".
func (l Locale) Date(t time.Time) string {
	return fmt.Sprintf("%s %s %s", l.Int(int64(t.Day())), l.Month(t.Month()), l.year(t.Year()))
}

// ShortDate writes a day with an abbreviated English month: "30 Sep 2015".
// Arabic has no abbreviations in common use and gets the full name.
func (l Locale) ShortDate(t time.Time) string {
	if l.Lang == "ar" {
		return l.Date(t)
	}
	return fmt.Sprintf("%d %s %d", t.Day(), t.Month().String()[:3], t.Year())
}

// Year writes a year without grouping: 2015 or ٢٠١٥.
func (l Locale) Year(y int) string { return l.year(y) }

func (l Locale) year(y int) string {
	s := fmt.Sprint(y)
	if l.Lang == "ar" && l.Digits == ArabicIndic {
		return ToArabicIndic(s)
	}
	return s
}

// ToArabicIndic replaces ASCII digits with Arabic-Indic ones.
func ToArabicIndic(s string) string {
	r := []rune(s)
	for i, c := range r {
		if c >= '0' && c <= '9' {
			r[i] = '٠' + (c - '0')
		}
	}
	return string(r)
}
