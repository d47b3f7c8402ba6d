package spec

import (
	"time"

	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
)

// Updated says that a report was updated or corrected after it was first
// published: the day, and a note saying what changed, in each of the
// report's languages. Every chart of the report prints it, and the pages
// and the manifest carry the day.
//
//	updated:
//	  date: 2026-12-06
//	  note:
//	    en: The governorate of one attack was corrected.
//	    ar: صُحّحت محافظة إحدى الهجمات.
type Updated struct {
	Date sy.String `yaml:"date"`
	Note Text      `yaml:"note"`
	At   sy.Pos
}

// Day is the day of the update (the zero time when the date is not valid;
// validation refuses such a spec).
func (u *Updated) Day() time.Time {
	t, _ := time.Parse(time.DateOnly, u.Date.Value)
	return t
}

// updated checks a report's updated: block.
func (v *validator) updated(r *Report) {
	u := r.Updated
	if u == nil {
		return
	}
	if u.Date.Line == 0 {
		v.add(u.At, "updated has no date; want updated: {date: YYYY-MM-DD, note: {en: ..., ar: ...}}")
	} else if t, err := time.Parse(time.DateOnly, u.Date.Value); err != nil || t.Year() < 2000 {
		v.add(u.Date.Pos, "updated.date %q is not a date; want the day of the update as YYYY-MM-DD, e.g. 2026-12-06", u.Date.Value)
	}
	if u.Note.IsZero() {
		return
	}
	for _, lang := range r.Langs() {
		if _, ok := u.Note.Get(lang); !ok {
			at := u.Note.At
			if at.Line == 0 {
				at = u.At
			}
			v.add(at, "updated.note has no %s text; every chart in %s prints it, so add note.%s", lang, lang, lang)
		}
	}
	if u.Note.Verbatim {
		return
	}
	for _, s := range []sy.String{u.Note.EN, u.Note.AR} {
		if s.Line == 0 {
			continue
		}
		if col, num, ok := firstDigit(s); ok {
			v.add(sy.Pos{Line: s.Line, Col: col}, "updated.note holds the number %q typed by hand; no check ties it to the data, so state the correction in words, or mark a quotation verbatim: true", num)
		}
	}
}
