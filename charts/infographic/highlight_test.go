package infographic

import (
	"bytes"
	"image"
	"strings"
	"testing"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/syria"
)

// highlighted is the synthetic map of the kind with Hama highlighted: a
// governorate outside the three largest values, which a map labels
// anyway.
func highlighted(kind figure.Kind, lang string) *figure.Figure {
	f := syntheticMap(lang)
	f.Kind, f.ID, f.Highlight = kind, "synthetic-"+string(kind)+"-highlight", "SY05"
	return f
}

// TestMapHighlight: a highlighted governorate is outlined in the text
// colour (the map) or framed (the tile grid) and labelled with its value,
// in every size and both languages, its fill still its class colour;
// golden images for the widest and tallest sizes.
func TestMapHighlight(t *testing.T) {
	hama, _ := syria.ByPCode("SY05")
	for _, kind := range []figure.Kind{figure.Map, figure.TileMap} {
		for _, lang := range []string{"en", "ar"} {
			f := highlighted(kind, lang)
			for _, s := range Sizes {
				c, err := draw(f, Options{Width: s.Width, Height: s.Height})
				if err != nil {
					t.Fatal(err)
				}
				checkBoxes(t, c)
				name := string(kind) + "-highlight." + lang + s.Suffix
				if c.rec.outlined != "SY05" {
					t.Errorf("%s: outlined %q, want SY05", name, c.rec.outlined)
				}
				labelled := false
				for _, tb := range c.rec.texts {
					if strings.Contains(tb.Text, "300") || strings.Contains(tb.Text, hama.Name(lang)) {
						labelled = true
					}
				}
				if !labelled {
					t.Errorf("%s: Hama is not labelled", name)
				}
				if kind == figure.TileMap {
					img := c.dc.Image().(*image.RGBA)
					tile := c.rec.tiles["SY05"]
					vs, _ := mapValues(f)
					sc := scaleFor(vs)
					frame := img.RGBAAt(int(tile.X0)+1, int((tile.Y0+tile.Y1)/2))
					inside := img.RGBAAt(int(tile.X0+0.08*tile.W()), int(tile.Y0+0.08*tile.H()))
					if frame != c.th.Text {
						t.Errorf("%s: Hama's tile edge is %v, want the text colour %v", name, frame, c.th.Text)
					}
					if want := sc.colors[sc.class(300)]; inside != want {
						t.Errorf("%s: inside Hama's frame %v, want its class colour %v", name, inside, want)
					}
				}
			}
			for _, s := range goldenSizes {
				name := string(kind) + "-highlight." + lang + s.Suffix
				t.Run(name, func(t *testing.T) {
					var got bytes.Buffer
					if err := Render(&got, f, Options{Width: s.Width, Height: s.Height}); err != nil {
						t.Fatal(err)
					}
					compareGolden(t, name, got.Bytes(), goldenUpdate())
				})
			}
		}
	}
}
