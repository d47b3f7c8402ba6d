package web

import (
	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/locale"
)

// Synthetic test figures: invented numbers, named as such. They exercise
// every kind in both languages, unknown values, zero, and labels that mix
// directions.

func testLocale(lang string) locale.Locale {
	if lang == "ar" {
		return locale.Locale{Lang: "ar", Digits: locale.ArabicIndic, Months: locale.Levantine}
	}
	return locale.Locale{Lang: "en"}
}

// vals makes values; a negative number stands for "no data".
func vals(loc locale.Locale, ns ...int64) []figure.Value {
	out := make([]figure.Value, len(ns))
	for i, n := range ns {
		if n < 0 {
			continue
		}
		out[i] = figure.Value{N: n, Known: true, Label: loc.Int(n)}
	}
	return out
}

func pick(lang, en, ar string) string {
	if lang == "ar" {
		return ar
	}
	return en
}

// testFigure returns a small synthetic figure of a kind in a language.
func testFigure(kind figure.Kind, lang string) *figure.Figure {
	loc := testLocale(lang)
	f := &figure.Figure{
		Report:    "synthetic",
		ID:        "test-" + string(kind),
		Kind:      kind,
		Locale:    loc,
		Title:     pick(lang, "Synthetic test figure ("+string(kind)+")", "شكل اختبار اصطناعي ("+string(kind)+")"),
		Subtitle:  pick(lang, "Invented numbers, for tests only", "أرقام مختلقة للاختبار فقط"),
		Source:    pick(lang, "Source: none (synthetic data)", "المصدر: لا يوجد (بيانات اصطناعية)"),
		Notes:     []string{pick(lang, "Synthetic: not a real count", "اصطناعي: ليس عدًّا حقيقيًّا")},
		Period:    pick(lang, "2021–2024", "٢٠٢١–٢٠٢٤"),
		ValueAxis: pick(lang, "Synthetic count", "عدد اصطناعي"),
	}
	switch kind {
	case figure.Bar, figure.Map, figure.TileMap:
		f.CategoryKeys = []string{"SY02", "SY01", "SY07", "SY14"}
		f.Categories = []string{pick(lang, "Aleppo", "حلب"), pick(lang, "Damascus", "دمشق"), pick(lang, "Idlib", "إدلب"), pick(lang, "Area 51 (test)", "منطقة 51 (test)")}
		f.Series = []figure.Series{{Key: "civilians_killed", Name: f.ValueAxis, Values: vals(loc, 6993, 1204, -1, 0)}}
		f.Alt = pick(lang, "Synthetic ranking: Aleppo 6,993; Damascus 1,204; Idlib no data; Area 51 0.", "ترتيب اصطناعي: حلب ٦٬٩٩٣؛ دمشق ١٬٢٠٤؛ إدلب لا توجد بيانات؛ منطقة 51 صفر.")
	case figure.Stat, figure.Pictogram:
		f.CategoryKeys = []string{"all"}
		f.Categories = []string{pick(lang, "All civilians", "جميع المدنيين")}
		f.Series = []figure.Series{
			{Key: "killed", Name: pick(lang, "Civilians killed", "الضحايا المدنيون"), Values: vals(loc, 230224)},
			{Key: "children", Name: pick(lang, "Children", "الأطفال"), Values: vals(loc, 30007)},
			{Key: "vetoes", Name: pick(lang, "Vetoes", "الفيتو"), Values: vals(loc, -1)},
		}
		f.Alt = pick(lang, "Synthetic headline numbers.", "أرقام رئيسية اصطناعية.")
	case figure.Donut:
		f.CategoryKeys = []string{"2021/2024"}
		f.Categories = []string{pick(lang, "2021–2024", "٢٠٢١–٢٠٢٤")}
		f.Series = []figure.Series{
			{Key: "all", Name: pick(lang, "All civilians", "جميع المدنيين"), Values: vals(loc, 6993)},
			{Key: "children", Name: pick(lang, "Children", "الأطفال"), Values: vals(loc, 2061)},
			{Key: "women", Name: pick(lang, "Women", "النساء"), Values: vals(loc, 984)},
			{Key: "other_adults", Name: pick(lang, "Other adults (derived)", "بالغون آخرون (محسوب)"), Values: vals(loc, 3948), Derived: true},
		}
		f.Derived = pick(lang, "Other adults = all - children - women (synthetic).", "بالغون آخرون = الجميع - الأطفال - النساء (اصطناعي).")
		f.Alt = pick(lang, "Synthetic donut: of 6,993, children 2,061, women 984, other adults 3,948.", "حلقة اصطناعية: من ٦٬٩٩٣، أطفال ٢٬٠٦١، نساء ٩٨٤، بالغون آخرون ٣٬٩٤٨.")
	default:
		f.TimeAxis = kind != figure.Column
		f.CategoryKeys = []string{"2021", "2022", "2023", "2024"}
		if kind == figure.Column {
			f.CategoryKeys = []string{"children", "women", "men", "unknown"}
			f.Categories = []string{pick(lang, "Children", "الأطفال"), pick(lang, "Women", "النساء"), pick(lang, "Men", "الرجال"), pick(lang, "Unknown (UN)", "غير معروف (UN)")}
		} else {
			f.Categories = []string{pick(lang, "2021", "نيسان ٢٠٢١"), pick(lang, "2022", "2022 أيار"), pick(lang, "2023", "٢٠٢٣"), pick(lang, "2024", "٢٠٢٤")}
		}
		f.Series = []figure.Series{{Key: "all", Name: pick(lang, "All civilians", "جميع المدنيين"), Values: vals(loc, 1500, -1, 320, 4100)}}
		if kind == figure.Multiples {
			f.Series = []figure.Series{
				{Key: "children", Name: pick(lang, "Children", "الأطفال"), Values: vals(loc, 300, 250, -1, 90)},
				{Key: "women", Name: pick(lang, "Women", "النساء"), Values: vals(loc, 200, 0, 40, 60)},
			}
		}
		if kind == figure.Stacked || kind == figure.Grouped {
			f.Series = []figure.Series{
				{Key: "children", Name: pick(lang, "Children", "الأطفال"), Values: vals(loc, 300, 250, -1, 90)},
				{Key: "women", Name: pick(lang, "Women", "النساء"), Values: vals(loc, 200, 0, 40, 60)},
				{Key: "other_adults", Name: pick(lang, "Other adults (derived)", "بالغون آخرون (محسوب)"), Values: vals(loc, 1000, 700, 280, -1), Derived: true},
			}
			f.Derived = pick(lang, "Other adults = all - children - women (synthetic).", "بالغون آخرون = الجميع - الأطفال - النساء (اصطناعي).")
		}
		f.Alt = pick(lang, "Synthetic "+string(kind)+" chart with invented values, one of them unknown.", "مخطط اصطناعي بقيم مختلقة، إحداها غير معروفة.")
	}
	return f
}

// Text an attacker might slip into a dataset or a spec.
const (
	evilScript  = `</script><script>window.pwned=1</script>`
	evilComment = `<!--<script>window.pwned=2</script>`
	evilImg     = `<img src=x onerror="window.pwned=3">`
	evilQuote   = `" onmouseover="window.pwned=4" x='`
	evilURL     = `javascript:window.pwned=5`
	evilFunc    = `__f__window.pwned=6__f__`
	evilLines   = "a\u2028b\u2029c"
)

// hostileFigure is a synthetic column figure whose every text tries to
// break out of its context.
func hostileFigure(lang string) *figure.Figure {
	f := testFigure(figure.Grouped, lang)
	f.ID = "hostile"
	f.Title = "Synthetic test figure " + evilScript
	f.Subtitle = evilComment + " " + evilLines
	f.Source = evilURL
	f.Notes = []string{evilImg, evilQuote, evilFunc}
	f.Derived = evilScript
	f.Period = evilComment
	f.ValueAxis = evilScript
	f.Alt = "Synthetic " + evilQuote + evilScript
	f.Categories = []string{evilScript, evilImg, evilURL, evilFunc}
	f.Series[0].Name = evilImg
	f.Series[1].Name = evilScript
	f.Series[2].Name = evilQuote + evilLines
	return f
}

// unevenDates is the synthetic line figure on a time scale whose points
// stand unevenly apart: a year, a year, then ten weeks (as 30 Sep 2024
// and 8 Dec 2024 in the 10th-anniversary series), with a day marked
// half-way between the last two; mirror asks for a mirrored axis.
func unevenDates(lang string, mirror bool) *figure.Figure {
	f := testFigure(figure.Line, lang)
	f.ID = "time-scale"
	f.TimeAxis = true
	f.MirrorTime = mirror
	f.Dates = []string{"2019-09-30", "2020-09-30", "2021-09-30", "2021-12-08"}
	for i, t := range f.Times() {
		f.CategoryKeys[i], f.Categories[i] = f.Dates[i], f.Locale.Date(t)
	}
	f.Marks = []figure.Mark{{ID: "day", Label: pick(lang, "A synthetic day", "يوم مصطنع"), Date: "3 Nov 2021", At: 2.5, To: 2.5}}
	return f
}
