package text

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	gofont "github.com/go-text/typesetting/font"
)

// Fonts is a font stack: a primary face and fallbacks, for the regular and
// the bold weight. A rune is drawn with the first face of the stack that
// has it. Fonts are parsed once and safe for concurrent use; each Fonts
// value owns a cache of shaped lines.
type Fonts struct {
	regular, bold []*face

	cache *lineCache
	pool  sync.Pool // of *shaperState

	gonumOnce  sync.Once
	gonumFaces gonumFaces
}

// face is one parsed font file, shared by every Fonts that uses it.
type face struct {
	name string
	data []byte
	font *gofont.Font
	// master is used only for read-only calls (outlines); the caching
	// calls (cmap, extents) go through per-shaper faces, since a
	// *gofont.Face is not safe for concurrent use.
	master *gofont.Face
	upem   float64
	// Line metrics in em, descent positive.
	ascent, descent, gap float64

	outlines sync.Map // gofont.GID -> []gofont.Segment
}

var defaultFonts = sync.OnceValue(func() *Fonts {
	reg, err := parseFace("DejaVu Sans", dejavusans.TTF)
	if err != nil {
		panic(fmt.Sprintf("text: embedded DejaVu Sans: %v", err))
	}
	bold, err := parseFace("DejaVu Sans Bold", dejavusansbold.TTF)
	if err != nil {
		panic(fmt.Sprintf("text: embedded DejaVu Sans Bold: %v", err))
	}
	return newFonts([]*face{reg}, []*face{bold})
})

// Default returns DejaVu Sans (regular and bold), which covers Latin and
// Arabic. The font bytes are embedded in the binary; host fonts are never
// read. It returns the same *Fonts on every call.
func Default() *Fonts { return defaultFonts() }

// Load parses TTF/OTF files into a stack, primary first. The stack serves
// both weights; use [Fonts.WithBold] to give it bold faces. The error names
// the file that failed.
func Load(paths ...string) (*Fonts, error) {
	if len(paths) == 0 {
		return nil, errors.New("text: Load needs at least one font file")
	}
	faces := make([]*face, len(paths))
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("text: font %s: %w", p, err)
		}
		if faces[i], err = parseFace(p, data); err != nil {
			return nil, fmt.Errorf("text: font %s: %w", p, err)
		}
	}
	return newFonts(faces, faces), nil
}

// Parse is [Load] for font bytes already in memory (for example embedded
// with go:embed), primary first.
func Parse(data ...[]byte) (*Fonts, error) {
	if len(data) == 0 {
		return nil, errors.New("text: Parse needs at least one font")
	}
	faces := make([]*face, len(data))
	for i, d := range data {
		name := fmt.Sprintf("font #%d", i)
		var err error
		if faces[i], err = parseFace(name, d); err != nil {
			return nil, fmt.Errorf("text: %s: %w", name, err)
		}
	}
	return newFonts(faces, faces), nil
}

// WithBold returns a new stack with f's regular faces and b's regular
// faces as the bold weight:
//
//	reg, _ := text.Load("NotoNaskhArabic-Regular.ttf")
//	bold, _ := text.Load("NotoNaskhArabic-Bold.ttf")
//	fonts := reg.WithBold(bold).WithFallback(text.Default())
func (f *Fonts) WithBold(b *Fonts) *Fonts {
	return newFonts(f.regular, b.regular)
}

// WithFallback returns a new stack that tries f's faces first, then
// next's, weight by weight.
func (f *Fonts) WithFallback(next *Fonts) *Fonts {
	reg := append(append([]*face(nil), f.regular...), next.regular...)
	bold := append(append([]*face(nil), f.bold...), next.bold...)
	return newFonts(reg, bold)
}

// Names returns the names of the faces of one weight, primary first (file
// paths for loaded fonts).
func (f *Fonts) Names(bold bool) []string {
	var names []string
	for _, fc := range f.stack(bold) {
		names = append(names, fc.name)
	}
	return names
}

// Metrics are vertical font metrics in output units, all positive.
type Metrics struct {
	Ascent, Descent, LineGap float64
}

// LineHeight is the distance between baselines of consecutive lines.
func (m Metrics) LineHeight() float64 { return m.Ascent + m.Descent + m.LineGap }

// Metrics returns the primary face's metrics at the given size.
func (f *Fonts) Metrics(size float64, bold bool) Metrics {
	p := f.stack(bold)[0]
	size = cleanSize(size)
	return Metrics{Ascent: p.ascent * size, Descent: p.descent * size, LineGap: p.gap * size}
}

func (f *Fonts) stack(bold bool) []*face {
	if bold {
		return f.bold
	}
	return f.regular
}

func newFonts(regular, bold []*face) *Fonts {
	f := &Fonts{regular: regular, bold: bold, cache: newLineCache(cacheGeneration)}
	f.pool.New = func() any { return f.newState() }
	return f
}

func parseFace(name string, data []byte) (*face, error) {
	fc, err := gofont.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	upem := float64(fc.Upem())
	if upem <= 0 {
		return nil, errors.New("units per em is zero")
	}
	out := &face{name: name, data: data, font: fc.Font, master: fc, upem: upem}
	if ext, ok := fc.FontHExtents(); ok {
		out.ascent = float64(ext.Ascender) / upem
		out.descent = -float64(ext.Descender) / upem
		out.gap = float64(ext.LineGap) / upem
	} else { // the fallback HarfBuzz uses
		out.ascent, out.descent = 0.8, 0.2
	}
	return out, nil
}

// outline returns the glyph's outline in font units (y up), cached.
func (fc *face) outline(gid gofont.GID) []gofont.Segment {
	if v, ok := fc.outlines.Load(gid); ok {
		return v.([]gofont.Segment)
	}
	o, _ := fc.master.GlyphDataOutline(gid)
	v, _ := fc.outlines.LoadOrStore(gid, o.Segments)
	return v.([]gofont.Segment)
}
