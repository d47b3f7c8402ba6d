package static

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"github.com/tollcharts/tollcharts/charts/internal/pngenc"
)

// Meta is what a file says about itself: PNG text chunks, the SVG title
// and description, the PDF document information.
type Meta struct {
	Title       string
	Description string // the alt text
	Source      string
	Software    string            // "tollcharts 0.1.0"
	Inputs      map[string]string // input path -> sha256
}

// clean makes s fit for a metadata field: PNG text forbids control
// characters other than newline, and XML 1.0 forbids most of them and the
// non-characters U+FFFE and U+FFFF. It drops those, every control
// character (C0 but newline, DEL, C1) and invalid UTF-8. Bidi formatting
// characters (marks, embeddings, overrides, isolates) are kept as text:
// Arabic text needs them, and each text is a field of its own, so an
// override left open ends with it.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		if unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
}

// pngChunks are the iTXt chunks (UTF-8, so Arabic titles survive) that
// say what the PNG is, written after its IHDR chunk.
func pngChunks(m Meta) []pngenc.Chunk {
	var chunks []pngenc.Chunk
	add := func(key, val string) {
		if val == "" {
			return
		}
		var data bytes.Buffer
		data.WriteString(key)
		data.Write([]byte{0, 0, 0}) // keyword end, no compression, method 0
		data.WriteByte(0)           // empty language tag
		data.WriteByte(0)           // empty translated keyword
		data.WriteString(clean(val))
		chunks = append(chunks, pngenc.Chunk{Type: "iTXt", Data: data.Bytes()})
	}
	add("Title", m.Title)
	add("Description", m.Description)
	add("Source", m.Source)
	add("Software", m.Software)
	for _, k := range sortedKeys(m.Inputs) {
		add("Input-SHA256", k+" "+m.Inputs[k])
	}
	return chunks
}

// svgTitle puts an escaped <title> and <desc> first in the SVG, and
// role="img", so screen readers and search engines read the chart.
func svgTitle(svg []byte, m Meta) []byte {
	i := bytes.Index(svg, []byte("<svg"))
	if i < 0 {
		return svg
	}
	j := bytes.IndexByte(svg[i:], '>')
	if j < 0 {
		return svg
	}
	j += i
	var b bytes.Buffer
	// One point of the canvas is one CSS pixel, as one pixel of the PNG.
	tag := regexp.MustCompile(`(width|height)="([0-9.]+)pt"`).ReplaceAll(svg[:j], []byte(`$1="$2"`))
	b.Write(tag)
	b.WriteString(` role="img">`)
	b.WriteString("<title>" + html.EscapeString(clean(m.Title)) + "</title>")
	b.WriteString("<desc>" + html.EscapeString(clean(m.Description)) + "</desc>")
	b.Write(svg[j+1:])
	return b.Bytes()
}

// pdfDates fixes the PDF dates once, so equal inputs give equal bytes.
var pdfDates = sync.OnceFunc(func() {
	fixed := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	fpdf.SetDefaultCreationDate(fixed)
	fpdf.SetDefaultModificationDate(fixed)
	fpdf.SetDefaultCatalogSort(true)
})

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
