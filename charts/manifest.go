package charts

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// Manifest lists what a build of one report read and wrote.
type Manifest struct {
	Tool   Tool   `json:"tool"`
	Report string `json:"report"`
	// Updated is the report's update or correction (spec updated:), when
	// it has one.
	Updated   *Updated   `json:"updated,omitempty"`
	Inputs    []Input    `json:"inputs"`
	Artifacts []Artifact `json:"artifacts"`
}

// Updated is the day of a report's update or correction (YYYY-MM-DD) and
// its note by language, as every chart prints it.
type Updated struct {
	Date string            `json:"date"`
	Note map[string]string `json:"note,omitempty"`
}

// Tool names the program that wrote the files.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Input is one file the build read.
type Input struct {
	Path   string `json:"path"` // as given, with forward slashes
	Kind   string `json:"kind"` // spec, dataset, provenance, asset, theme, font, logo
	SHA256 string `json:"sha256"`
}

// Artifact is one file the build wrote.
type Artifact struct {
	Path   string `json:"path"` // relative to the report folder
	Chart  string `json:"chart,omitempty"`
	Kind   string `json:"kind,omitempty"` // bar, line, ...; "gallery", "asset"
	Lang   string `json:"lang,omitempty"`
	Format string `json:"format"`
	Size   string `json:"size,omitempty"` // landscape, square, portrait, story
	Scale  int    `json:"scale,omitempty"`
	Width  int    `json:"width,omitempty"`
	Height int    `json:"height,omitempty"`
	SHA256 string `json:"sha256"`
	Alt    string `json:"alt,omitempty"`
	// Sources are the ids (in the chart's dataset sidecar) of the
	// publications the artifact's numbers were read from.
	Sources []string `json:"sources,omitempty"`
	// Key identifies everything the file was rendered from (tool version,
	// the figure with its numbers and texts, the render options): a later
	// build with the same key reuses the file instead of rendering it.
	Key string `json:"key,omitempty"`
	// Caption is a video's share caption (its alt text and source line,
	// also in <lang>/<chart>.caption.txt), to paste under a post.
	Caption string `json:"caption,omitempty"`
}

// encode writes the manifest with sorted inputs and artifacts, so equal
// builds give equal bytes.
func (m *Manifest) encode() []byte {
	slices.SortFunc(m.Inputs, func(a, b Input) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(m.Artifacts, func(a, b Artifact) int { return strings.Compare(a.Path, b.Path) })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(m) // a Manifest always encodes
	return buf.Bytes()
}
