package provenance

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
)

var (
	pdfStartXref = regexp.MustCompile(`startxref\r?\n([0-9]+)\r?\n%%EOF\r?\n?$`)
	pdfInfoRef   = regexp.MustCompile(`/Info ([0-9]+) 0 R`)
)

// PDFKeywords is the /Keywords of a PDF: the source line, then the theme
// and one line per input ("<sha256>  <path>").
func PDFKeywords(m Meta) string {
	lines := []string{Clean(m.Source)}
	if m.Theme != "" {
		lines = append(lines, "theme: "+Clean(m.Theme))
	}
	for _, in := range m.SortedInputs() {
		lines = append(lines, in.Line())
	}
	return strings.Join(lines, "\n")
}

// PDF writes m into the document information dictionary of a PDF with one
// cross-reference table (as fpdf writes them): /Title, /Subject (the alt
// text), /Keywords (PDFKeywords), /Creator (the software), and /Source
// and /Theme of tollcharts' own, beside what the dictionary held (the
// producer and the fixed dates). The dictionary is rewritten in place and
// the table's offsets moved after it, so the file stays one revision.
// Every text is a UTF-16 hex string: Arabic survives, and no text of a
// spec can close a string or a dictionary.
func PDF(doc []byte, m Meta) ([]byte, error) {
	sx := pdfStartXref.FindSubmatchIndex(doc)
	if sx == nil {
		return nil, fmt.Errorf("pdf metadata: no startxref at the end of the file")
	}
	xref, _ := strconv.Atoi(string(doc[sx[2]:sx[3]]))
	if xref <= 0 || xref >= sx[0] || !bytes.HasPrefix(doc[xref:], []byte("xref\n")) {
		return nil, fmt.Errorf("pdf metadata: startxref %d does not lead to a cross-reference table", xref)
	}
	// "xref\n0 N\n" then N entries of 20 bytes, then the trailer.
	head := doc[xref+5:]
	nl := bytes.IndexByte(head, '\n')
	var first, n int
	if nl < 0 {
		return nil, fmt.Errorf("pdf metadata: malformed cross-reference table")
	}
	if _, err := fmt.Sscanf(string(head[:nl]), "%d %d", &first, &n); err != nil || first != 0 || n <= 0 {
		return nil, fmt.Errorf("pdf metadata: cross-reference table %q: want one section from object 0", head[:nl])
	}
	entries := xref + 5 + nl + 1
	trailer := entries + 20*n
	if trailer > sx[0] || !bytes.HasPrefix(doc[trailer:], []byte("trailer")) {
		return nil, fmt.Errorf("pdf metadata: cross-reference table is not followed by its trailer")
	}
	ref := pdfInfoRef.FindSubmatch(doc[trailer:sx[0]])
	if ref == nil {
		return nil, fmt.Errorf("pdf metadata: trailer names no /Info")
	}
	info, _ := strconv.Atoi(string(ref[1]))
	if info <= 0 || info >= n {
		return nil, fmt.Errorf("pdf metadata: /Info %d is not in the table", info)
	}
	offsets := make([]int, n)
	for i := range n {
		e := doc[entries+20*i : entries+20*i+20]
		v, err := strconv.Atoi(string(e[:10]))
		if err != nil {
			return nil, fmt.Errorf("pdf metadata: cross-reference entry %d: %q", i, e)
		}
		offsets[i] = v
	}
	at := offsets[info]
	objHead := fmt.Sprintf("%d 0 obj\n<<\n", info)
	if at <= 0 || at >= xref || !bytes.HasPrefix(doc[at:], []byte(objHead)) {
		return nil, fmt.Errorf("pdf metadata: object %d is not a dictionary at %d", info, at)
	}
	endRel := bytes.Index(doc[at:xref], []byte(">>\nendobj\n"))
	if endRel < 0 {
		return nil, fmt.Errorf("pdf metadata: object %d has no end", info)
	}
	end := at + endRel + len(">>\nendobj\n")
	old := doc[at+len(objHead) : at+endRel]

	var obj bytes.Buffer
	obj.WriteString(objHead)
	for _, f := range [][2]string{
		{"Title", Clean(m.Title)},
		{"Subject", Clean(m.Description)},
		{"Keywords", PDFKeywords(m)},
		{"Creator", Clean(m.Software)},
		{"Source", Clean(m.Source)},
		{"Theme", Clean(m.Theme)},
	} {
		if f[1] != "" {
			obj.WriteString("/" + f[0] + " " + pdfText(f[1]) + "\n")
		}
	}
	// fpdf's own entries (producer, dates), less any it set that we set.
	for _, line := range strings.SplitAfter(string(old), "\n") {
		k, _, _ := strings.Cut(strings.TrimPrefix(line, "/"), " ")
		switch k {
		case "Title", "Subject", "Keywords", "Creator", "Source", "Theme":
			continue
		}
		obj.WriteString(line)
	}
	obj.WriteString(">>\nendobj\n")
	delta := obj.Len() - (end - at)

	var out bytes.Buffer
	out.Grow(len(doc) + delta)
	out.Write(doc[:at])
	out.Write(obj.Bytes())
	out.Write(doc[end:xref])
	fmt.Fprintf(&out, "xref\n0 %d\n", n)
	for i := range n {
		e := doc[entries+20*i : entries+20*i+20]
		if offsets[i] > at {
			fmt.Fprintf(&out, "%010d", offsets[i]+delta)
			out.Write(e[10:])
		} else {
			out.Write(e)
		}
	}
	out.Write(doc[trailer:sx[0]])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", xref+delta)
	return out.Bytes(), nil
}

// pdfText is s as a PDF text string: UTF-16BE with its byte order mark,
// in hex.
func pdfText(s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xFE, 0xFF
	for _, c := range u {
		b = append(b, byte(c>>8), byte(c))
	}
	return "<" + strings.ToUpper(hex.EncodeToString(b)) + ">"
}
