package infographic

import (
	"fmt"
	"image"
	"io"

	"github.com/fogleman/gg"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/internal/pngenc"
	"github.com/tollcharts/tollcharts/charts/internal/provenance"
	"github.com/tollcharts/tollcharts/charts/text"
	"github.com/tollcharts/tollcharts/charts/theme"
)

// Options say how to draw. Zero fields mean defaults.
type Options struct {
	Width, Height int     // canvas in pixels at scale 1; 1200x675 when zero
	Scale         float64 // 1 or 2; 0 means 1
	Theme         *theme.Theme
	Fonts         *text.Fonts // nil: the theme's fonts, or text.Default() (DejaVu Sans, embedded)
	// Logo is drawn in the footer, on the start side (left in English,
	// right in Arabic), the theme's logo height tall, if not nil; nil
	// means the theme's logo, if it has one. Render reads no files.
	Logo image.Image
	// Unit is the number of people one pictogram icon stands for; 0 picks
	// one (see the package doc).
	Unit int64
	// Events are the timeline's key dates; nil means Events() (the
	// embedded events.yaml).
	Events []Event
	// Meta is written into the PNG's text chunks (title, alt text,
	// source, software, theme, input hashes).
	Meta provenance.Meta
	// Motion, if not nil, draws a frame of the card's animation instead
	// of the still (see Motion).
	Motion *Motion
	// Target, if not nil and of the canvas' size in pixels, is drawn
	// into (every pixel is painted) instead of a new image: the frames
	// of a video reuse one.
	Target *image.RGBA
}

// Size is a social format.
type Size struct {
	Name   string // landscape, square, portrait, story
	Suffix string // file name suffix: "", "-square", "-portrait", "-story"
	Width  int    // pixels at scale 1
	Height int
}

// Sizes are the social formats every infographic is drawn in.
var Sizes = []Size{
	{"landscape", "", 1200, 675},
	{"square", "-square", 1080, 1080},
	{"portrait", "-portrait", 1080, 1350},
	{"story", "-story", 1080, 1920},
}

// Kinds are the figure kinds Render draws.
var Kinds = []figure.Kind{figure.Stat, figure.Pictogram, figure.Map, figure.TileMap, figure.Timeline}

// Render draws f and writes it to w as a PNG.
func Render(w io.Writer, f *figure.Figure, o Options) error {
	c, err := draw(f, o)
	if err != nil {
		return err
	}
	return pngenc.Encode(w, c.dc.Image(), provenance.PNGChunks(o.Meta)...)
}

// draw renders f on a new canvas, which keeps a record of what was drawn
// (text boxes, icons, fills) for tests.
func draw(f *figure.Figure, o Options) (*canvas, error) {
	if o.Width <= 0 || o.Height <= 0 {
		o.Width, o.Height = 1200, 675
	}
	if o.Scale <= 0 {
		o.Scale = 1
	}
	if o.Scale != 1 && o.Scale != 2 {
		return nil, fmt.Errorf("render %s: scale %g; want 1 or 2", f.ID, o.Scale)
	}
	if o.Theme == nil {
		o.Theme, _ = theme.ByName("")
	}
	if o.Fonts == nil {
		o.Fonts = o.Theme.Fonts
	}
	if o.Fonts == nil {
		o.Fonts = text.Default()
	}
	if o.Logo == nil && o.Theme.Logo != nil {
		o.Logo = o.Theme.Logo.Image
	}
	if o.Events == nil {
		o.Events = Events()
	}
	if len(f.Series) == 0 || len(f.CategoryKeys) == 0 {
		return nil, fmt.Errorf("render %s: the figure has no values", f.ID)
	}
	pw, ph := int(float64(o.Width)*o.Scale+0.5), int(float64(o.Height)*o.Scale+0.5)
	var dc *gg.Context
	if t := o.Target; t != nil && t.Rect == image.Rect(0, 0, pw, ph) {
		dc = gg.NewContextForRGBA(t)
	} else {
		dc = gg.NewContext(pw, ph)
	}
	dc.Scale(o.Scale, o.Scale)
	c := newCanvas(dc, f, o)
	var err error
	switch f.Kind {
	case figure.Stat:
		err = drawStat(c, f)
	case figure.Pictogram:
		err = drawPictogram(c, f)
	case figure.Map:
		if c.format == landscape {
			err = drawChoropleth(c, f)
		} else {
			err = drawTiles(c, f)
		}
	case figure.TileMap:
		err = drawTiles(c, f)
	case figure.Timeline:
		err = drawTimeline(c, f)
	default:
		err = fmt.Errorf("kind %q has no infographic form; want one of: %v", f.Kind, Kinds)
	}
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", f.ID, err)
	}
	return c, nil
}
