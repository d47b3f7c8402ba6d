package web

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// ChartID is the DOM id of a chart: fixed for a report, chart and language,
// so that re-rendering gives the same bytes and two charts on one page
// never collide. It is a valid HTML id and JavaScript identifier:
// "tc_" + readable parts + 8 hex digits of a hash of the exact inputs.
func ChartID(report, chart, lang string) string {
	h := sha256.Sum256([]byte(report + "\x00" + chart + "\x00" + lang))
	return "tc_" + slug(report) + "_" + slug(chart) + "_" + slug(lang) + "_" + hex.EncodeToString(h[:4])
}

// slug keeps ASCII letters and digits (lower-cased), turns runs of anything
// else into one underscore, and cuts at 32 bytes.
func slug(s string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			under = false
		} else if !under && b.Len() > 0 {
			b.WriteByte('_')
			under = true
		}
		if b.Len() >= 32 {
			break
		}
	}
	out := strings.TrimSuffix(b.String(), "_")
	if out == "" {
		return "x"
	}
	return out
}
