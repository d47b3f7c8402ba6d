// Package provenance is what every output file says about itself: its
// title, its description (the alt text), its source line, the program that
// wrote it and the sha256 of each input it was made from (the report spec,
// the dataset and sidecar the chart draws on, the theme files), as the
// manifest lists them.
//
// Each format carries it in its own metadata: PNG iTXt chunks (PNGChunks),
// an SVG <title>, <desc> and <metadata> (SVG), the PDF document
// information dictionary (PDF) and HTML <meta> elements (HTMLMeta). Every
// form is deterministic: inputs are written in path order, and no date is
// written.
package provenance

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tollcharts/tollcharts/charts/internal/pngenc"
)

// Meta is what a file says about itself.
type Meta struct {
	Title       string
	Description string // the alt text
	Source      string // the chart's source line
	Software    string // "tollcharts 0.1.0"
	// Theme names the theme the file is drawn in ("default", or a file's).
	Theme string
	// Inputs maps an input path (slash-separated, as in the manifest) to
	// its sha256 in hex.
	Inputs map[string]string
}

// Input is one input with its hash.
type Input struct{ Path, SHA256 string }

// SortedInputs returns the inputs in path order.
func (m Meta) SortedInputs() []Input {
	keys := make([]string, 0, len(m.Inputs))
	for k := range m.Inputs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]Input, len(keys))
	for i, k := range keys {
		out[i] = Input{k, m.Inputs[k]}
	}
	return out
}

// InputLine is how one input is written where a field holds text:
// "<sha256> <path>", as sha256sum prints it.
func (in Input) Line() string { return in.SHA256 + "  " + in.Path }

// Clean makes s fit for a metadata field: PNG text forbids control
// characters other than newline, and XML 1.0 forbids most of them and the
// non-characters U+FFFE and U+FFFF. It drops those, every control
// character (C0 but newline, DEL, C1) and invalid UTF-8. Bidi formatting
// characters (marks, embeddings, overrides, isolates) are kept as text:
// Arabic text needs them, and each text is a field of its own, so an
// override left open ends with it.
func Clean(s string) string {
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

// PNG text keywords.
const (
	KeyTitle       = "Title"
	KeyDescription = "Description"
	KeySource      = "Source"
	KeySoftware    = "Software"
	KeyTheme       = "Theme"
	KeyInput       = "Input-SHA256" // one chunk per input: "<sha256>  <path>"
)

// PNGChunks are the iTXt chunks (UTF-8, so Arabic titles survive) that say
// what a PNG is, written after its IHDR chunk.
func PNGChunks(m Meta) []pngenc.Chunk {
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
		data.WriteString(Clean(val))
		chunks = append(chunks, pngenc.Chunk{Type: "iTXt", Data: data.Bytes()})
	}
	add(KeyTitle, m.Title)
	add(KeyDescription, m.Description)
	add(KeySource, m.Source)
	add(KeySoftware, m.Software)
	add(KeyTheme, m.Theme)
	for _, in := range m.SortedInputs() {
		add(KeyInput, in.Line())
	}
	return chunks
}
