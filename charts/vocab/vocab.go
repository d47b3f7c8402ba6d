// Package vocab is the registry of what datasets count: metrics, victim
// categories and perpetrators, with their names in English and Arabic and the
// part-of relations between categories.
//
// In: an identifier from a dataset or a spec ("children", "massacres").
// Out: its definition, or an error message listing the allowed identifiers.
// Categories overlap: children and women are parts of all civilians,
// medical personnel are civilians. Parts in the same Group are disjoint, so
// their sum may not exceed the parent; "other adults" is never a dataset
// category, only a derived one (all - children - women).
package vocab

import (
	"slices"
	"strings"
)

// Unit says what a metric counts.
type Unit string

const (
	People    Unit = "people"
	Incidents Unit = "incidents"
)

// Metric is one thing counted.
type Metric struct {
	ID     string
	Unit   Unit
	EN, AR string
}

// Category is a victim or target category.
type Category struct {
	ID     string
	Unit   Unit   // People or Incidents; "" for "all", which fits any metric
	Parent string // "" for the top category "all"
	Group  string // parts of one parent in the same group are disjoint
	EN, AR string
	// Derived categories are computed from others, never read from data.
	Derived bool
}

// Perpetrator is a party to whom deaths or attacks are attributed.
type Perpetrator struct {
	ID     string
	EN, AR string
}

var metrics = []Metric{
	{"civilians_killed", People, "Civilians killed", "الضحايا المدنيون"},
	{"massacres", Incidents, "Massacres", "المجازر"},
	{"attacks_on_vital_facilities", Incidents, "Attacks on vital civilian facilities", "الاعتداءات على المراكز الحيوية المدنية"},
	{"cluster_munition_attacks", Incidents, "Cluster munition attacks", "الهجمات بالذخائر العنقودية"},
	{"incendiary_weapon_attacks", Incidents, "Incendiary weapon attacks", "الهجمات بالأسلحة الحارقة"},
	{"barrel_bombs", Incidents, "Barrel bombs dropped", "البراميل المتفجرة الملقاة"},
	{"people_displaced", People, "People displaced", "المشردون قسرياً"},
	{"un_security_council_vetoes", Incidents, "UN Security Council vetoes", "استخدامات حق النقض (الفيتو) في مجلس الأمن"},
	{"human_rights_council_votes_against", Incidents, "Votes against at the Human Rights Council", "التصويت ضد القرارات في مجلس حقوق الإنسان"},
}

var categories = []Category{
	{ID: "all", EN: "All civilians", AR: "جميع المدنيين"},
	{ID: "children", Unit: People, Parent: "all", Group: "age-sex", EN: "Children", AR: "الأطفال"},
	{ID: "women", Unit: People, Parent: "all", Group: "age-sex", EN: "Women", AR: "النساء"},
	{ID: "other_adults", Unit: People, Parent: "all", Group: "age-sex", EN: "Other adults (derived)", AR: "بالغون آخرون (محسوب)", Derived: true},
	{ID: "medical_and_civil_defence_personnel", Unit: People, Parent: "all", EN: "Medical and civil defence personnel", AR: "الكوادر الطبية وكوادر الدفاع المدني"},
	{ID: "medical_personnel", Unit: People, Parent: "medical_and_civil_defence_personnel", Group: "role", EN: "Medical personnel", AR: "الكوادر الطبية"},
	{ID: "civil_defence_personnel", Unit: People, Parent: "medical_and_civil_defence_personnel", Group: "role", EN: "Civil defence personnel", AR: "كوادر الدفاع المدني"},
	{ID: "medical_personnel_women", Unit: People, Parent: "medical_personnel", EN: "Women medical personnel", AR: "سيدات من الكوادر الطبية"},
	{ID: "media_workers", Unit: People, Parent: "all", EN: "Media workers", AR: "الكوادر الإعلامية"},
	{ID: "schools", Unit: Incidents, Parent: "all", Group: "facility", EN: "Schools", AR: "المدارس"},
	{ID: "medical_facilities", Unit: Incidents, Parent: "all", Group: "facility", EN: "Medical facilities", AR: "المنشآت الطبية"},
	{ID: "markets", Unit: Incidents, Parent: "all", Group: "facility", EN: "Markets", AR: "الأسواق"},
	{ID: "mosques", Unit: Incidents, Parent: "all", Group: "facility", EN: "Mosques", AR: "المساجد"},
}

var perpetrators = []Perpetrator{
	{"russian_forces", "Russian forces", "القوات الروسية"},
	{"syrian_regime_forces", "Syrian regime forces", "قوات النظام السوري"},
	{"all_parties", "All parties", "جميع الأطراف"},
	{"russia", "Russia (the state)", "روسيا"},
}

// MetricByID finds a metric.
func MetricByID(id string) (Metric, bool) {
	i := slices.IndexFunc(metrics, func(m Metric) bool { return m.ID == id })
	if i < 0 {
		return Metric{}, false
	}
	return metrics[i], true
}

// CategoryByID finds a category, derived ones included.
func CategoryByID(id string) (Category, bool) {
	i := slices.IndexFunc(categories, func(c Category) bool { return c.ID == id })
	if i < 0 {
		return Category{}, false
	}
	return categories[i], true
}

// PerpetratorByID finds a perpetrator.
func PerpetratorByID(id string) (Perpetrator, bool) {
	i := slices.IndexFunc(perpetrators, func(p Perpetrator) bool { return p.ID == id })
	if i < 0 {
		return Perpetrator{}, false
	}
	return perpetrators[i], true
}

// Fits reports whether a category can qualify a metric: people categories
// go with people metrics, facility categories with incident metrics.
func (c Category) Fits(m Metric) bool { return c.Unit == "" || c.Unit == m.Unit }

// Name returns the metric's name in lang.
func (m Metric) Name(lang string) string { return pick(lang, m.EN, m.AR) }

// Name returns the perpetrator's name in lang.
func (p Perpetrator) Name(lang string) string { return pick(lang, p.EN, p.AR) }

// Name returns the category's name in lang; "all" is named after the metric
// it qualifies ("All civilians" for people, "All" for incidents).
func (c Category) Name(lang string, m Metric) string {
	if c.ID == "all" && m.Unit == Incidents {
		return pick(lang, "All", "المجموع")
	}
	return pick(lang, c.EN, c.AR)
}

func pick(lang, en, ar string) string {
	if lang == "ar" {
		return ar
	}
	return en
}

// MetricIDs lists the metric identifiers, for "want one of" messages.
func MetricIDs() string { return ids(metrics, func(m Metric) string { return m.ID }) }

// DataCategoryIDs lists the categories a dataset may hold (not derived ones).
func DataCategoryIDs() string {
	var out []string
	for _, c := range categories {
		if !c.Derived {
			out = append(out, c.ID)
		}
	}
	return strings.Join(out, ", ")
}

// PerpetratorIDs lists the perpetrator identifiers.
func PerpetratorIDs() string { return ids(perpetrators, func(p Perpetrator) string { return p.ID }) }

func ids[T any](xs []T, id func(T) string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return strings.Join(out, ", ")
}
