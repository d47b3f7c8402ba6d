package provenance

import (
	"bytes"
	"html"
	"regexp"
)

// Namespace names the elements of tollcharts' own metadata in SVG; it is
// an identifier only, never fetched.
const Namespace = "urn:tollcharts:provenance"

var svgSize = regexp.MustCompile(`(width|height)="([0-9.]+)pt"`)

// SVG puts an escaped <title>, <desc> and <metadata> first in the SVG, and
// role="img", so screen readers and search engines read the chart and a
// fact-checker finds its source and inputs:
//
//	<metadata><rdf:RDF ...><rdf:Description>
//	  <dc:title>, <dc:description>, <dc:source>, <dc:creator>
//	</rdf:Description></rdf:RDF>
//	<tc:inputs xmlns:tc="urn:tollcharts:provenance">
//	  <tc:input path="reports/x.yaml" sha256="…"/> …
//	</tc:inputs></metadata>
//
// The width and height in points become CSS pixels: one point of the
// canvas is one pixel of the PNG.
func SVG(svg []byte, m Meta) []byte {
	i := bytes.Index(svg, []byte("<svg"))
	if i < 0 {
		return svg
	}
	j := bytes.IndexByte(svg[i:], '>')
	if j < 0 {
		return svg
	}
	j += i
	esc := func(s string) string { return html.EscapeString(Clean(s)) }
	var b bytes.Buffer
	b.Write(svgSize.ReplaceAll(svg[:j], []byte(`$1="$2"`)))
	b.WriteString(` role="img">`)
	b.WriteString("<title>" + esc(m.Title) + "</title>")
	b.WriteString("<desc>" + esc(m.Description) + "</desc>")
	b.WriteString(`<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description>`)
	for _, f := range [][2]string{{"title", m.Title}, {"description", m.Description}, {"source", m.Source}, {"creator", m.Software}} {
		if f[1] != "" {
			b.WriteString("<dc:" + f[0] + ">" + esc(f[1]) + "</dc:" + f[0] + ">")
		}
	}
	b.WriteString(`</rdf:Description></rdf:RDF><tc:inputs xmlns:tc="` + Namespace + `"`)
	if m.Theme != "" {
		b.WriteString(` theme="` + esc(m.Theme) + `"`)
	}
	b.WriteString(">")
	for _, in := range m.SortedInputs() {
		b.WriteString(`<tc:input path="` + esc(in.Path) + `" sha256="` + esc(in.SHA256) + `"/>`)
	}
	b.WriteString("</tc:inputs></metadata>")
	b.Write(svg[j+1:])
	return b.Bytes()
}
