// Package syria is the registry of Syria's 14 governorates.
//
// In: a governorate as a spreadsheet spells it (OCHA English name, any
// alias, Arabic name, OCHA P-code or ISO 3166-2 code). Out: the canonical
// Governorate, keyed by its OCHA P-code (SY01 Damascus ... SY14 Quneitra).
// FIPS 10-4 codes look like P-codes but mean other governorates, so they are
// never accepted.
package syria

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

//go:embed governorates.csv
var table []byte

// Governorate is one first-level administrative division.
type Governorate struct {
	PCode   string // OCHA P-code, e.g. "SY02"
	ISO     string // ISO 3166-2, e.g. "SY-HL"
	HASC    string // e.g. "SY.HL"
	NameEN  string // OCHA English name, e.g. "Aleppo"
	NameAR  string // e.g. "حلب"
	Aliases []string
}

// Name returns the governorate's name in lang ("en" or "ar").
func (g Governorate) Name(lang string) string {
	if lang == "ar" {
		return g.NameAR
	}
	return g.NameEN
}

type registry struct {
	all   []Governorate
	index map[string]int // folded spelling -> position in all
}

var load = sync.OnceValue(func() *registry {
	rows, err := csv.NewReader(bytes.NewReader(table)).ReadAll()
	if err != nil {
		panic(fmt.Sprintf("syria: embedded governorates.csv: %v", err)) // a build defect, caught by tests
	}
	r := &registry{index: map[string]int{}}
	for _, row := range rows[1:] {
		g := Governorate{PCode: row[0], ISO: row[1], HASC: row[2], NameEN: row[4], NameAR: row[5]}
		names := []string{row[0], row[1], row[2], row[4], row[5], row[6], row[7]}
		if row[8] != "" {
			g.Aliases = strings.Split(row[8], "|")
			names = append(names, g.Aliases...)
		}
		i := len(r.all)
		r.all = append(r.all, g)
		for _, n := range names {
			r.index[Fold(n)] = i
		}
	}
	return r
})

// All returns the governorates in P-code order.
func All() []Governorate { return slices.Clone(load().all) }

// ByPCode returns the governorate with the given OCHA P-code.
func ByPCode(code string) (Governorate, bool) {
	for _, g := range load().all {
		if g.PCode == code {
			return g, true
		}
	}
	return Governorate{}, false
}

// Lookup finds a governorate by any accepted spelling.
func Lookup(name string) (Governorate, bool) {
	r := load()
	i, ok := r.index[Fold(name)]
	if !ok {
		return Governorate{}, false
	}
	return r.all[i], true
}

// Suggest returns the English name closest to an unknown spelling, or ""
// when nothing is close enough to be a likely typo.
func Suggest(name string) string {
	f := Fold(name)
	n := utf8.RuneCountInString(f)
	limit := max(1, n/4)
	best, bestD := "", 1<<30
	r := load()
	for k, i := range r.index {
		// The distance is at least the difference in length: a key that
		// cannot come within the limit is skipped, so a long name (a
		// pasted paragraph) costs no quadratic comparison.
		if m := utf8.RuneCountInString(k); n-m > limit || m-n > limit {
			continue
		}
		if d := distance(f, k); d < bestD || (d == bestD && r.all[i].NameEN < best) {
			best, bestD = r.all[i].NameEN, d
		}
	}
	if bestD > limit {
		return ""
	}
	return best
}

// Fold reduces a spelling to a comparison key: NFKD, marks, case,
// punctuation and spaces removed, Arabic alef and teh marbuta variants unified.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(strings.TrimSpace(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'أ' || r == 'إ' || r == 'آ':
			b.WriteRune('ا')
		case r == 'ة':
			b.WriteRune('ه')
		case r == 'ى':
			b.WriteRune('ي')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
