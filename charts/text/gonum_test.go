package text

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"os"
	"strings"
	"testing"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	gfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

const (
	plotTitle  = "قتلى مدنيون حسب السنة"
	plotYLabel = "عدد الضحايا"
	plotDPI    = 96
)

func arabicPlot(t *testing.T) *plot.Plot {
	t.Helper()
	p := plot.New()
	ApplyHandler(p, NewHandler(nil))
	p.Title.Text = plotTitle
	p.Title.TextStyle.Font.Size = 20
	p.X.Label.Text = "السنة"
	p.Y.Label.Text = plotYLabel
	l, err := plotter.NewLine(plotter.XYs{{X: 2011, Y: 10}, {X: 2014, Y: 40}, {X: 2024, Y: 25}})
	if err != nil {
		t.Fatal(err)
	}
	p.Add(l)
	p.Legend.Add("مدنيون", l)
	return p
}

// inkBox returns the bounds of dark pixels of img inside r.
func inkBox(img image.Image, r image.Rectangle) image.Rectangle {
	var box image.Rectangle
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if cr+cg+cb < 3*0x8000 {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return box
}

func TestGonumHandler(t *testing.T) {
	p := arabicPlot(t)
	h := p.Title.TextStyle.Handler
	title := Shape(plotTitle, Style{Size: 20})

	// Measurement is the shaped measurement.
	if w, _, _ := h.Box(plotTitle, p.Title.TextStyle.Font); math.Abs(float64(w)-title.Width()) > 1e-9 {
		t.Errorf("Box width %v, shaped width %v", w, title.Width())
	}
	if w := p.Title.TextStyle.Width(plotTitle); math.Abs(float64(w)-title.Width()) > 1e-9 {
		t.Errorf("Style.Width %v, shaped width %v", w, title.Width())
	}
	e := h.Extents(p.Title.TextStyle.Font)
	if math.Abs(float64(e.Ascent)-title.Ascent()) > 1e-9 || math.Abs(float64(e.Height)-title.LineHeight()) > 1e-9 {
		t.Errorf("Extents %+v, line ascent %v height %v", e, title.Ascent(), title.LineHeight())
	}
	if f := h.Cache().Lookup(gfont.Font{Weight: xfont.WeightBold}, 10); f.Face == nil || f.Font.Weight != xfont.WeightBold {
		t.Errorf("Cache lookup of the default bold face: %+v", f.Font)
	}

	// PNG: the title's ink sits at the top, centred, as wide as its
	// shaped ink.
	c := vgimg.NewWith(vgimg.UseWH(6*vg.Inch, 4*vg.Inch), vgimg.UseDPI(plotDPI))
	p.Draw(draw.New(c))
	img := c.Image()
	px := func(pt float64) float64 { return pt * plotDPI / 72 }
	b := img.Bounds()
	band := int(math.Ceil(px(title.Ascent() + title.Descent())))
	got := inkBox(img, image.Rect(b.Min.X, b.Min.Y, b.Max.X, b.Min.Y+band))
	if got.Empty() {
		t.Fatal("no ink in the title band")
	}
	ink := title.Ink()
	if d := float64(got.Dx()) - px(ink.MaxX-ink.MinX); math.Abs(d) > 2 {
		t.Errorf("title ink %d px wide, shaped ink %.1f px", got.Dx(), px(ink.MaxX-ink.MinX))
	}
	wantMid := float64(b.Dx())/2 - px(title.Width())/2 + px(ink.MinX+ink.MaxX)/2
	if mid := float64(got.Min.X+got.Max.X) / 2; math.Abs(mid-wantMid) > 2 {
		t.Errorf("title ink centred at %.1f px, want %.1f", mid, wantMid)
	}
	// The ascent line is at the top of the canvas.
	if top := px(title.Ascent() + ink.MinY); math.Abs(float64(got.Min.Y)-top) > 1.5 {
		t.Errorf("title ink starts %d px below the top, want %.1f", got.Min.Y, top)
	}

	// The rotated y label: vertical, at the left edge, as tall as the
	// shaped ink is wide.
	yl := Shape(plotYLabel, Style{Size: 12})
	yink := yl.Ink()
	lband := int(math.Ceil(px(yl.Ascent() + yl.Descent())))
	gotY := inkBox(img, image.Rect(b.Min.X, b.Min.Y+band, b.Min.X+lband, b.Max.Y))
	if gotY.Empty() {
		t.Fatal("no ink for the y label")
	}
	if d := float64(gotY.Dy()) - px(yink.MaxX-yink.MinX); math.Abs(d) > 2 {
		t.Errorf("y label ink %d px tall, shaped ink %.1f px wide", gotY.Dy(), px(yink.MaxX-yink.MinX))
	}
	if gotY.Dx() >= gotY.Dy() {
		t.Errorf("y label ink %v is not vertical", gotY)
	}

	if out := os.Getenv("TEXT_PLOT_PNG"); out != "" { // for looking at it
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err == nil {
			_ = os.WriteFile(out, buf.Bytes(), 0o644)
		}
	}
}

func TestGonumSVGPDF(t *testing.T) {
	p := arabicPlot(t)
	var svg bytes.Buffer
	sc := vgsvg.New(4*vg.Inch, 3*vg.Inch)
	p.Draw(draw.New(sc))
	if _, err := sc.WriteTo(&svg); err != nil {
		t.Fatal(err)
	}
	if s := svg.String(); strings.Contains(s, "<text") || strings.Count(s, "<path") < 5 {
		t.Errorf("SVG should hold text as paths, not <text>: %d paths", strings.Count(s, "<path"))
	}
	var pdf bytes.Buffer
	pc := vgpdf.New(4*vg.Inch, 3*vg.Inch)
	p.Draw(draw.New(pc))
	if _, err := pc.WriteTo(&pdf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF")) {
		t.Error("not a PDF")
	}
}
