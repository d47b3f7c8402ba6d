package static

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"

	"github.com/tollcharts/tollcharts/charts/dataset"
	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/infographic"
	"github.com/tollcharts/tollcharts/charts/spec"
	ctext "github.com/tollcharts/tollcharts/charts/text"
)

// recorder is a text.Handler that draws through the real one and records
// the box of every text drawn, in canvas coordinates.
type recorder struct {
	text.Handler
	mu    sync.Mutex
	boxes []box
}

type box struct {
	txt string
	r   vg.Rectangle
}

func (r *recorder) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	r.Handler.Draw(c, txt, sty, pt)
	if txt == "" {
		return
	}
	sty.Handler = r.Handler
	rect := sty.Rectangle(txt)
	rect.Min = rect.Min.Add(pt)
	rect.Max = rect.Max.Add(pt)
	r.mu.Lock()
	r.boxes = append(r.boxes, box{txt, rect})
	r.mu.Unlock()
}

var handler = sync.OnceValue(func() *ctext.Handler { return ctext.NewHandler(ctext.Default()) })

// shipped builds every figure of every shipped report in both languages.
func shipped(t *testing.T) []*figure.Figure {
	t.Helper()
	specs, _ := filepath.Glob(filepath.Join("..", "..", "reports", "*.yaml"))
	var out []*figure.Figure
	for _, sp := range specs {
		r, err := spec.Load(sp)
		if err != nil {
			t.Fatal(err)
		}
		for i := range r.Charts {
			c := &r.Charts[i]
			tab, err := dataset.Load(r.DatasetPaths[c.Data.Value])
			if err != nil {
				t.Fatal(err)
			}
			for _, lang := range r.Langs() {
				f, err := figure.Build(r, c, tab, lang)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Contains(infographic.Kinds, f.Kind) {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

var testSizes = []struct {
	name      string
	w, h      int
	textScale float64
}{{"landscape", 1200, 675, 1}, {"square", 1080, 1080, 1.2}, {"portrait", 1080, 1350, 1.3}, {"story", 1080, 1920, 1.5}}

// TestTextBoxes draws every shipped chart in every size and checks that
// every text lies inside the canvas and that no two texts overlap.
func TestTextBoxes(t *testing.T) {
	if testing.Short() {
		t.Skip("draws every shipped chart in every size")
	}
	figs := shipped(t)
	for _, kind := range []figure.Kind{figure.Bar, figure.Column, figure.Line, figure.Grouped, figure.Stacked, figure.Donut, figure.Multiples} {
		figs = append(figs, synthetic(kind, "en"), synthetic(kind, "ar"))
	}
	figs = append(figs, withMarks("en"), withMarks("ar"))
	for _, kind := range annotatedKinds {
		figs = append(figs, annotated(kind, "en"), annotated(kind, "ar"))
	}
	for _, f := range figs {
		for _, s := range testSizes {
			name := fmt.Sprintf("%s/%s/%s/%s", f.Report, f.ID, f.Locale.Lang, s.name)
			rec := &recorder{Handler: handler()}
			err := Render(io.Discard, f, Options{Width: s.w, Height: s.h, TextScale: s.textScale, Format: SVG, Text: rec})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			canvas := vg.Rectangle{Max: vg.Point{X: vg.Length(s.w), Y: vg.Length(s.h)}}
			const eps = 0.5
			for i, a := range rec.boxes {
				if a.r.Min.X < -eps || a.r.Min.Y < -eps || a.r.Max.X > canvas.Max.X+eps || a.r.Max.Y > canvas.Max.Y+eps {
					t.Errorf("%s: %q at %v lies outside the %dx%d canvas", name, a.txt, a.r, s.w, s.h)
				}
				for _, b := range rec.boxes[i+1:] {
					if overlap(a.r, b.r, 1) {
						t.Errorf("%s: %q %v overlaps %q %v", name, a.txt, a.r, b.txt, b.r)
					}
				}
			}
		}
	}
}

func overlap(a, b vg.Rectangle, tol vg.Length) bool {
	return a.Min.X+tol < b.Max.X && b.Min.X+tol < a.Max.X && a.Min.Y+tol < b.Max.Y && b.Min.Y+tol < a.Max.Y
}

// TestRTLAnchors: in Arabic the title and the bar labels end on the right
// margin; in English they start on the left margin.
func TestRTLAnchors(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		f := synthetic(figure.Bar, lang)
		rec := &recorder{Handler: handler()}
		if err := Render(io.Discard, f, Options{Format: SVG, Text: rec}); err != nil {
			t.Fatal(err)
		}
		const w, pad = 1200, 0.035 * 1200
		find := func(s string) vg.Rectangle {
			for _, b := range rec.boxes {
				if b.txt == s {
					return b.r
				}
			}
			t.Fatalf("%s: %q not drawn", lang, s)
			return vg.Rectangle{}
		}
		near := func(a, b vg.Length) bool { return a-b < 1 && b-a < 1 }
		for _, s := range append([]string{f.Title}, f.Categories...) {
			r := find(s)
			if lang == "ar" && !near(r.Max.X, w-pad) {
				t.Errorf("ar: %q ends at x=%.1f, want the right margin %.1f", s, r.Max.X, w-pad)
			}
			if lang == "en" && s == f.Title && !near(r.Min.X, pad) {
				t.Errorf("en: title starts at x=%.1f, want the left margin %.1f", r.Min.X, pad)
			}
		}
	}
}
