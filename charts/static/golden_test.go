package static

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot/cmpimg"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/locale"
)

var update = flag.Bool("update", os.Getenv("UPDATE_GOLDEN") != "", "rewrite golden files")

// synthetic returns a figure of the given kind whose numbers are invented
// for tests, in English or Arabic.
func synthetic(kind figure.Kind, lang string) *figure.Figure {
	loc := locale.Locale{Lang: lang, Digits: locale.Latin, Months: locale.Levantine}
	ar := lang == "ar"
	pick := func(en, a string) string {
		if ar {
			return a
		}
		return en
	}
	f := &figure.Figure{
		Report: "synthetic", ID: string(kind), Kind: kind, Locale: loc,
		Title:    pick("Synthetic test figure: "+string(kind), "شكل اختباري مصطنع: "+string(kind)),
		Subtitle: pick("Invented numbers, for tests only", "أرقام مخترعة للاختبار فقط"),
		Source:   pick("Source: synthetic data", "المصدر: بيانات مصطنعة"),
		Notes:    []string{pick("No bar or point: no figure published (not zero).", "غياب العمود أو النقطة: لا يوجد رقم منشور (وليس صفراً).")},
	}
	v := func(n int64) figure.Value { return figure.Value{N: n, Known: true, Label: loc.Int(n)} }
	none := figure.Value{}
	switch kind {
	case figure.Donut:
		f.CategoryKeys = []string{"2019"}
		f.Categories = []string{loc.Year(2019)}
		f.Series = []figure.Series{
			{Key: "all", Name: pick("All civilians", "جميع المدنيين"), Values: []figure.Value{v(1000)}},
			{Key: "children", Name: pick("Children", "الأطفال"), Values: []figure.Value{v(295)}},
			{Key: "women", Name: pick("Women", "النساء"), Values: []figure.Value{v(141)}},
			{Key: "other_adults", Name: pick("Other adults (derived)", "بالغون آخرون (محسوب)"), Values: []figure.Value{v(564)}, Derived: true},
		}
	case figure.Bar:
		f.CategoryKeys = []string{"SY02", "SY07", "SY09", "SY05"}
		f.Categories = []string{pick("Aleppo", "حلب"), pick("Idleb", "إدلب"), pick("Deir-ez-Zor", "دير الزور"), pick("Hama", "حماة")}
		f.Series = []figure.Series{{Key: "all", Name: "all", Values: []figure.Value{v(1500), v(900), v(300), none}}}
	default:
		f.TimeAxis = true
		f.CategoryKeys = []string{"2019", "2020", "2021", "2022"}
		f.Categories = []string{loc.Year(2019), loc.Year(2020), loc.Year(2021), loc.Year(2022)}
		f.Series = []figure.Series{
			{Key: "children", Name: pick("Children", "الأطفال"), Values: []figure.Value{v(400), v(250), v(90), v(12)}},
			{Key: "women", Name: pick("Women", "النساء"), Values: []figure.Value{v(300), none, v(60), v(7)}},
		}
		if kind == figure.Column {
			f.Series = f.Series[:1]
		}
	}
	return f
}

func TestGoldenImages(t *testing.T) {
	kinds := []figure.Kind{figure.Bar, figure.Column, figure.Line, figure.Grouped, figure.Stacked, figure.Donut, figure.Multiples}
	for _, kind := range kinds {
		for _, lang := range []string{"en", "ar"} {
			for _, s := range testSizes {
				if s.name != "landscape" && s.name != "story" {
					continue
				}
				name := fmt.Sprintf("%s-%s-%s", kind, lang, s.name)
				t.Run(name, func(t *testing.T) {
					var buf bytes.Buffer
					err := Render(&buf, synthetic(kind, lang), Options{Width: s.w, Height: s.h, TextScale: s.textScale, Text: handler()})
					if err != nil {
						t.Fatal(err)
					}
					compare(t, filepath.Join("testdata", name+".png"), buf.Bytes())
				})
			}
		}
	}
}

// compare checks a PNG against its golden file with a perceptual
// tolerance; on a mismatch it writes <name>.got.png and <name>.diff.got.png.
func compare(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (UPDATE_GOLDEN=1 creates it; look at it before committing)", err)
	}
	ok, err := cmpimg.EqualApprox("png", got, want, 0.02)
	if err != nil {
		t.Fatal(err)
	}
	if ok {
		return
	}
	stem := golden[:len(golden)-len(".png")]
	os.WriteFile(stem+".got.png", got, 0o644)
	a, _ := png.Decode(bytes.NewReader(got))
	b, _ := png.Decode(bytes.NewReader(want))
	if a != nil && b != nil {
		diff := image.NewRGBA(a.Bounds().Union(b.Bounds()))
		cmpimg.Diff(diff, a, b)
		var d bytes.Buffer
		if png.Encode(&d, diff) == nil {
			os.WriteFile(stem+".diff.got.png", d.Bytes(), 0o644)
		}
	}
	t.Errorf("%s differs from the golden image; see %s.got.png and %s.diff.got.png", golden, stem, stem)
}

// TestBarGeometry checks that bar lengths are proportional to values and
// that Arabic bars grow from the right.
func TestBarGeometry(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		f := synthetic(figure.Bar, lang)
		var buf bytes.Buffer
		if err := Render(&buf, f, Options{Text: handler()}); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		// Measure the run of bar colour along each bar's row.
		bar := [3]uint32{0x00, 0x72, 0xB2}
		var lengths []int
		var starts []int
		for y := 0; y < img.Bounds().Dy(); y++ {
			run, start := 0, -1
			for x := 0; x < img.Bounds().Dx(); x++ {
				r, g, b, _ := img.At(x, y).RGBA()
				if [3]uint32{r >> 8, g >> 8, b >> 8} == bar {
					if start < 0 {
						start = x
					}
					run++
				}
			}
			if run > 20 && (len(lengths) == 0 || abs(run-lengths[len(lengths)-1]) > 3) {
				lengths = append(lengths, run)
				starts = append(starts, start)
			}
		}
		if len(lengths) != 3 {
			t.Fatalf("%s: found %d bars (%v), want 3 (the fourth is no data)", lang, len(lengths), lengths)
		}
		for i, want := range []float64{1500, 900, 300} {
			ratio := float64(lengths[i]) / float64(lengths[0])
			if d := ratio - want/1500; d > 0.01 || d < -0.01 {
				t.Errorf("%s: bar %d is %.3f of the first, want %.3f", lang, i, ratio, want/1500)
			}
		}
		right := starts[0] + lengths[0] - (starts[2] + lengths[2])
		if lang == "ar" && abs(right) > 1 {
			t.Errorf("ar: bars end at %d and %d; Arabic bars grow from a common right edge", starts[0]+lengths[0], starts[2]+lengths[2])
		}
		if lang == "en" && abs(starts[0]-starts[2]) > 1 {
			t.Errorf("en: bars start at %d and %d; want a common left edge", starts[0], starts[2])
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
