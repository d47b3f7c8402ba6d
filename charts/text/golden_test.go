package text

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/fogleman/gg"
	"gonum.org/v1/plot/cmpimg"
)

// goldenCases are rendered with gg and compared with testdata/<name>.png.
// Regenerate with UPDATE_GOLDEN=1 go test ./charts/text/ -run Golden, then
// look at every image before keeping it.
var goldenCases = []struct {
	name  string
	text  string
	bold  bool
	width float64 // wrap width; 0: one line
}{
	{name: "arabic_indic_digits", text: "قُتل ٦٬٩٩٣ مدنياً"},
	{name: "arabic_western_digits", text: "6,993 مدنياً"},
	{name: "latin_in_arabic", text: "قوات Wagner الروسية"},
	{name: "lam_alef", text: "لا"},
	{name: "tashkeel", text: "حُقُوقُ الإِنْسَانِ"},
	{name: "english", text: "Civilian deaths by year, 2011–2024"},
	{name: "bold_mixed", text: "ضحايا 2024 (Wagner)", bold: true},
	{name: "arabic_wrapped", width: 300,
		text: "هذه فقرة تجريبية طويلة لاختبار التفاف الأسطر في العناوين العربية، وفيها الرقم 2024 واسم Wagner بالحروف اللاتينية."},
}

const (
	goldenSize  = 28.0
	goldenPad   = 12.0
	goldenWidth = 560
)

// renderGolden draws the case on white: each line aligned to its start
// side, with its advance box (origin to width, ascent to descent) in light
// blue and its baseline in light red, so the images also show measurement.
func renderGolden(text string, bold bool, width float64) image.Image {
	st := Style{Size: goldenSize, Bold: bold}
	var lines []*Line
	if width > 0 {
		lines = Wrap(text, st, width)
	} else {
		lines = []*Line{Shape(text, st)}
	}
	h := int(Height(lines) + 2*goldenPad + 0.5)
	dc := gg.NewContext(goldenWidth, h)
	dc.SetColor(color.White)
	dc.Clear()
	anchor := goldenPad
	if lines[0].Direction() == RTL {
		anchor = goldenWidth - goldenPad
	}
	y0 := goldenPad + lines[0].Ascent()
	y := y0
	for i, l := range lines {
		if i > 0 {
			y += Leading(lines[i-1], l)
		}
		x := l.OriginX(anchor, Start)
		dc.SetLineWidth(1)
		dc.SetColor(color.RGBA{170, 200, 255, 255})
		dc.DrawRectangle(x, y-l.Ascent(), l.Width(), l.Ascent()+l.Descent())
		dc.Stroke()
		dc.SetColor(color.RGBA{255, 170, 170, 255})
		dc.DrawLine(x, y, x+l.Width(), y)
		dc.Stroke()
	}
	dc.SetColor(color.Black)
	DrawGGLines(dc, lines, anchor, y0, Start)
	return dc.Image()
}

func TestGolden(t *testing.T) {
	update := os.Getenv("UPDATE_GOLDEN") != ""
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			img := renderGolden(c.text, c.bold, c.width)
			var got bytes.Buffer
			if err := png.Encode(&got, img); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", c.name+".png")
			if update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
			}
			ok, err := cmpimg.EqualApprox("png", got.Bytes(), want, 0.05)
			if err != nil {
				t.Fatal(err)
			}
			if ok {
				return
			}
			gotPath := filepath.Join("testdata", c.name+".got.png")
			diffPath := filepath.Join("testdata", c.name+".diff.got.png")
			_ = os.WriteFile(gotPath, got.Bytes(), 0o644)
			if wantImg, err := png.Decode(bytes.NewReader(want)); err == nil {
				diff := image.NewRGBA(img.Bounds().Union(wantImg.Bounds()))
				cmpimg.Diff(diff, img, wantImg)
				var buf bytes.Buffer
				if png.Encode(&buf, diff) == nil {
					_ = os.WriteFile(diffPath, buf.Bytes(), 0o644)
				}
			}
			t.Errorf("%s differs from %s: see %s and %s", c.name, golden, gotPath, diffPath)
		})
	}
}
