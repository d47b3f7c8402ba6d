package static

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"path/filepath"
	"testing"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/theme"
)

// annotated is a synthetic figure of the kind with every annotation the
// kind takes: a highlighted category, a callout with a leader line, a
// reference band (texts and positions invented, as are the numbers).
func annotated(kind figure.Kind, lang string) *figure.Figure {
	f := synthetic(kind, lang)
	ar := lang == "ar"
	pick := func(en, a string) string {
		if ar {
			return a
		}
		return en
	}
	f.ID = "annotated-" + string(kind)
	callout := pick("A synthetic callout", "تعليق مصطنع")
	switch kind {
	case figure.Bar:
		f.Highlight = "SY07"
		f.Callouts = []figure.Callout{{Category: 0, Series: 0, Text: callout, Leader: true}}
	case figure.Column:
		f.Highlight = "2019"
		f.Callouts = []figure.Callout{{Category: 0, Series: 0, Text: callout, Leader: true}}
		f.Marks = []figure.Mark{{ID: "reference-2", Label: pick("A synthetic reference band", "نطاق مرجعي مصطنع"), Date: f.Categories[2] + " – " + f.Categories[3], At: 1.55, To: 3.45}}
	case figure.Line:
		f.Callouts = []figure.Callout{{Category: 1, Series: 0, Text: callout, Leader: true}}
		f.Marks = []figure.Mark{{ID: "reference-1", Label: pick("A synthetic reference line", "خط مرجعي مصطنع"), Date: f.Categories[2], At: 2, To: 2}}
	case figure.Grouped:
		f.Callouts = []figure.Callout{{Category: 2, Series: 1, Text: callout, Leader: true}}
		f.Marks = []figure.Mark{{ID: "reference-1", Label: pick("A synthetic reference band", "نطاق مرجعي مصطنع"), Date: f.Categories[0], At: -0.45, To: 0.45}}
	}
	return f
}

var annotatedKinds = []figure.Kind{figure.Bar, figure.Column, figure.Line, figure.Grouped}

// Golden images of annotated charts in both languages: the highlighted
// category in the accent colour and the others muted, the callout beside
// its value with a leader, the reference band or line with its label;
// mirrored in Arabic.
func TestGoldenAnnotations(t *testing.T) {
	for _, kind := range annotatedKinds {
		for _, lang := range []string{"en", "ar"} {
			for _, s := range testSizes {
				if s.name != "landscape" && s.name != "story" {
					continue
				}
				name := fmt.Sprintf("annotated-%s-%s-%s", kind, lang, s.name)
				t.Run(name, func(t *testing.T) {
					var buf bytes.Buffer
					if err := Render(&buf, annotated(kind, lang), Options{Width: s.w, Height: s.h, TextScale: s.textScale, Text: handler()}); err != nil {
						t.Fatal(err)
					}
					compare(t, filepath.Join("testdata", name+".png"), buf.Bytes())
				})
			}
		}
	}
}

// TestHighlightColours reads the pixels of a highlighted bar chart: the
// highlighted bar in the accent colour, the others in the muted grey,
// no bar in the first series' colour but the highlighted one.
func TestHighlightColours(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		f := annotated(figure.Bar, lang)
		th, _ := theme.ByName("")
		accent, muted := th.Accent(), th.MutedMark()
		var buf bytes.Buffer
		if err := Render(&buf, f, Options{Text: handler()}); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		// Rows of accent and of muted pixels, each as one run of rows.
		count := func(want [3]uint8) (rows int) {
			for y := 0; y < img.Bounds().Dy(); y++ {
				run := 0
				for x := 0; x < img.Bounds().Dx(); x++ {
					r, g, b, _ := img.At(x, y).RGBA()
					if [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)} == want {
						run++
					}
				}
				if run > 40 {
					rows++
				}
			}
			return rows
		}
		a, m := count([3]uint8{accent.R, accent.G, accent.B}), count([3]uint8{muted.R, muted.G, muted.B})
		// Three bars drawn (Hama has no data): one accent, two muted.
		if a < 20 || m < 2*a-4 || m > 2*a+4 {
			t.Errorf("%s: %d rows of accent bar, %d of muted; want one highlighted bar and two muted ones of the same thickness", lang, a, m)
		}
	}
}

// TestGroupedOrderRTL: in a group of columns the first series stands
// leftmost in English and rightmost in Arabic when the categories mirror,
// reading like the axis and the legend; a time axis keeps it leftmost.
func TestGroupedOrderRTL(t *testing.T) {
	for _, c := range []struct {
		lang       string
		timeAxis   bool
		firstRight bool
	}{{"en", false, false}, {"ar", false, true}, {"ar", true, false}} {
		f := synthetic(figure.Grouped, c.lang)
		f.TimeAxis = c.timeAxis
		// Distinct values to find each column's label: 400 (children)
		// and 300 (women) in the first group.
		rec := &recorder{Handler: handler()}
		if err := Render(io.Discard, f, Options{Format: SVG, Text: rec}); err != nil {
			t.Fatal(err)
		}
		x := map[string]float64{}
		for _, b := range rec.boxes {
			if b.txt == "400" || b.txt == "300" {
				x[b.txt] = float64(b.r.Min.X+b.r.Max.X) / 2
			}
		}
		if len(x) != 2 {
			t.Fatalf("%s: labels found %v", c.lang, x)
		}
		if right := x["400"] > x["300"]; right != c.firstRight {
			t.Errorf("%s (time axis %v): the first series' column is at %.0f, the second's at %.0f; want the first on the %s",
				c.lang, c.timeAxis, x["400"], x["300"], map[bool]string{true: "right", false: "left"}[c.firstRight])
		}
	}
}

// TestMarkOutlines: a bar whose colour stands out from the page by less
// than 3:1 (the default theme's orange on white, WCAG 1.4.11) is outlined
// in the muted grey: the pixels just outside its fill are the outline's;
// a bar of the blue, 5:1, is not.
func TestMarkOutlines(t *testing.T) {
	th, _ := theme.ByName("")
	f := synthetic(figure.Grouped, "en")
	var buf bytes.Buffer
	if err := Render(&buf, f, Options{Text: handler()}); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	near := func(x, y int, c [3]uint8, tol int) bool {
		r, g, b, _ := img.At(x, y).RGBA()
		d := func(a uint32, b uint8) int { return abs(int(a>>8) - int(b)) }
		return d(r, c[0]) <= tol && d(g, c[1]) <= tol && d(b, c[2]) <= tol
	}
	edges := func(c color.RGBA) (outlined, rows int) {
		want := [3]uint8{c.R, c.G, c.B}
		for y := 0; y < img.Bounds().Dy(); y += 7 {
			for x := 2; x < img.Bounds().Dx(); x++ {
				if near(x, y, want, 2) && !near(x-1, y, want, 2) {
					// The first pixel of a run of this colour: is the pixel
					// before it (or the one before that) the outline?
					rows++
					m := [3]uint8{th.Muted.R, th.Muted.G, th.Muted.B}
					if near(x-1, y, m, 40) || near(x-2, y, m, 40) {
						outlined++
					}
					break
				}
			}
		}
		return outlined, rows
	}
	if o, n := edges(th.Color(1)); n < 10 || o < n*9/10 {
		t.Errorf("orange (%s, %.1f:1 on white): %d of %d bar edges outlined, want all", theme.Hex(th.Color(1)), theme.Contrast(th.Color(1), th.Background), o, n)
	}
	if o, n := edges(th.Color(0)); n < 10 || o > n/10 {
		t.Errorf("blue (%.1f:1 on white): %d of %d bar edges outlined, want none", theme.Contrast(th.Color(0), th.Background), o, n)
	}
}
