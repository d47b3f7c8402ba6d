package dataset

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ParseCount reads a count as spreadsheets write it: "6993", "6,993",
// "6 993" (also with a no-break or thin space), "٦٬٩٩٣" or "۶۹۹۳". Blank is
// reported by known=false. The error text says what is wrong and what is
// allowed; it carries no position (the caller adds it).
func ParseCount(s string) (n int64, known bool, err error) {
	s = strings.TrimFunc(s, isSpace)
	if s == "" {
		return 0, false, nil
	}
	if !utf8.ValidString(s) {
		return 0, false, fmt.Errorf("value is not valid UTF-8; save the file as UTF-8")
	}
	const allowed = "write a whole number such as 6993, 6,993 or ٦٬٩٩٣, or leave the cell blank for no data"
	switch s[0] {
	case '=', '+', '@':
		return 0, false, fmt.Errorf("value %q looks like a spreadsheet formula; %s", clip(s), allowed)
	}
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") {
		return 0, false, fmt.Errorf("value %q is negative; counts cannot be negative", clip(s))
	}
	// Normalise digits and separators.
	var digits []byte
	var groups []int // lengths of digit groups between grouping separators
	cur := 0
	decimal := false
	var afterDecimal int
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = append(digits, byte(r))
		case r >= '٠' && r <= '٩':
			digits = append(digits, byte('0'+r-'٠'))
		case r >= '۰' && r <= '۹':
			digits = append(digits, byte('0'+r-'۰'))
		case r == ',' || r == '٬' || r == '\'' || isSpace(r):
			if decimal {
				return 0, false, fmt.Errorf("value %q is not a whole number; %s", clip(s), allowed)
			}
			groups = append(groups, cur)
			cur = 0
			continue
		case r == '.' || r == '٫':
			if decimal {
				return 0, false, fmt.Errorf("value %q is not a number; %s", clip(s), allowed)
			}
			decimal = true
			groups = append(groups, cur)
			cur = 0
			continue
		default:
			return 0, false, fmt.Errorf("value %q is not a number; %s", clip(s), allowed)
		}
		cur++
		if decimal {
			afterDecimal++
		}
	}
	if decimal {
		if afterDecimal == 3 && len(groups) == 1 && groups[0] >= 1 && groups[0] <= 3 {
			return 0, false, fmt.Errorf("value %q is ambiguous: a dot may be a thousands separator or a decimal point; write 6993 or 6,993", clip(s))
		}
		return 0, false, fmt.Errorf("value %q is not a whole number; counts are whole numbers", clip(s))
	}
	groups = append(groups, cur)
	if len(groups) > 1 {
		for i, g := range groups {
			if (i == 0 && (g < 1 || g > 3)) || (i > 0 && g != 3) {
				return 0, false, fmt.Errorf("value %q has misplaced thousands separators; %s", clip(s), allowed)
			}
		}
	}
	if len(digits) == 0 {
		return 0, false, fmt.Errorf("value %q is not a number; %s", clip(s), allowed)
	}
	for _, d := range digits {
		if n > (1<<63-1-int64(d-'0'))/10 {
			return 0, false, fmt.Errorf("value %q is too large; counts must be below 9,223,372,036,854,775,808", clip(s))
		}
		n = n*10 + int64(d-'0')
	}
	return n, true, nil
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\u00a0', '\u2009', '\u202f', '\u2007':
		return true
	}
	return false
}

// clip shortens a value quoted in an error message.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	for i := 37; i > 0; i-- {
		if utf8.RuneStart(s[i]) {
			return s[:i] + "..."
		}
	}
	return s[:37] + "..."
}
