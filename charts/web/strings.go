package web

// ui holds the words of the page around the chart, in one language. The
// figure brings its own text (title, labels, source); these are the
// controls and headings this package adds.
type ui struct {
	DataTable   string // summary of the <details> holding the table
	NoData      string // an unknown value, in tooltips, table and stat
	Category    string // first column header of the table (categories)
	Period      string // first column header when the categories are periods
	PeriodLabel string // before Figure.Period in the footer
	DownloadCSV string
	Patterns    string // toggle button for decal patterns
	NoScript    string // shown when JavaScript or echarts is missing
	Load        string // button that loads echarts on a data-light connection
	Loading     string // the button while echarts loads

	// Gallery
	Interactive string
	SingleFile  string // the self-contained page, echarts inlined
	Downloads   string
	AltText     string
	EmbedCode   string
	OEmbedURL   string // label of the page's oEmbed address
	Copy        string
	Copied      string
	CopyFailed  string
	Charts      string
	Language    string // the language's own name
	Videos      string // heading of a chart's videos
	Caption     string // the share caption's link
}

var uiEN = ui{
	DataTable:   "Data table",
	NoData:      "no data",
	Category:    "Category",
	Period:      "Period",
	PeriodLabel: "Period: ",
	DownloadCSV: "Download the data (CSV)",
	Patterns:    "Fill patterns",
	NoScript:    "The interactive chart could not be shown. The data table holds every value.",
	Load:        "Show the interactive chart",
	Loading:     "Loading the interactive chart…",
	Interactive: "Interactive chart",
	SingleFile:  "single file, works offline",
	Downloads:   "Downloads",
	AltText:     "Alt text",
	EmbedCode:   "Embed code",
	OEmbedURL:   "oEmbed URL (for a CMS that embeds by link)",
	Copy:        "Copy",
	Copied:      "Copied",
	CopyFailed:  "Selected: press Ctrl+C (⌘C on a Mac) to copy",
	Charts:      "Charts",
	Language:    "English",
	Videos:      "Videos (reels, stories, status)",
	Caption:     "Share caption (TXT)",
}

var uiAR = ui{
	DataTable:   "جدول البيانات",
	NoData:      "لا توجد بيانات",
	Category:    "الفئة",
	Period:      "الفترة",
	PeriodLabel: "الفترة: ",
	DownloadCSV: "تنزيل البيانات (CSV)",
	Patterns:    "أنماط التعبئة",
	NoScript:    "تعذّر عرض المخطط التفاعلي. يضم جدول البيانات كل القيم.",
	Load:        "اعرض المخطط التفاعلي",
	Loading:     "جارٍ تحميل المخطط التفاعلي…",
	Interactive: "المخطط التفاعلي",
	SingleFile:  "ملف واحد يعمل دون اتصال",
	Downloads:   "التنزيلات",
	AltText:     "النص البديل",
	EmbedCode:   "رمز التضمين",
	OEmbedURL:   "رابط oEmbed (لأنظمة إدارة المحتوى التي تضمّن عبر الرابط)",
	Copy:        "نسخ",
	Copied:      "تم النسخ",
	CopyFailed:  "تم التحديد: اضغط Ctrl+C (أو ⌘C على Mac) للنسخ",
	Charts:      "المخططات",
	Language:    "العربية",
	Videos:      "مقاطع الفيديو (ريلز، قصص، حالة)",
	Caption:     "نص المشاركة (TXT)",
}

// uiFor returns the page words for a language; English for any language
// but Arabic.
func uiFor(lang string) ui {
	if lang == "ar" {
		return uiAR
	}
	return uiEN
}

// dirOf is the HTML dir of a language.
func dirOf(lang string) string {
	if lang == "ar" {
		return "rtl"
	}
	return "ltr"
}

// numberLocale is the BCP 47 tag the page gives Intl.NumberFormat for the
// value axis ticks, matching how the figure's labels were formatted.
func numberLocale(lang, digits string) string {
	if lang == "ar" {
		if digits == "arab" {
			return "ar-u-nu-arab"
		}
		return "ar-u-nu-latn"
	}
	return "en"
}
