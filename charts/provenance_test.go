package charts

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"rsc.io/pdf"
)

// TestProvenanceInEveryOutput builds every shipped report and reads each
// PNG, SVG, PDF and HTML file's own metadata back: its title, its source
// line and the sha256 of the spec and of the dataset it draws on, each as
// the manifest lists it.
func TestProvenanceInEveryOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every shipped report")
	}
	out := t.TempDir()
	if _, err := Build(context.Background(), Options{Root: "..", Out: out, Jobs: 2, Formats: []string{"png", "svg", "pdf", "html"}}); err != nil {
		t.Fatal(err)
	}
	specs, _ := filepath.Glob("../reports/*.yaml")
	loaded, err := Load(specs, nil)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, l := range loaded {
		dir := filepath.Join(out, l.Report.ID.Value)
		b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		var m Manifest
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		hashes := map[string]string{}
		var spec string
		for _, in := range m.Inputs {
			hashes[in.Path] = in.SHA256
			if in.Kind == "spec" {
				spec = in.Path
			}
		}
		dataOf := map[string]string{}
		for _, c := range l.Report.Charts {
			dataOf[c.ID.Value] = filepath.ToSlash(l.Tables[c.Data.Value].Path)
		}
		for _, a := range m.Artifacts {
			if a.Format != "png" && a.Format != "svg" && a.Format != "pdf" && a.Format != "html" {
				continue
			}
			p := filepath.Join(dir, filepath.FromSlash(a.Path))
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var title, source string
			var inputs []string
			switch a.Format {
			case "png":
				title, source, inputs = pngMeta(t, p, b)
			case "svg":
				title, source, inputs = svgMeta(t, p, b)
			case "pdf":
				title, source, inputs = pdfMeta(t, p, b)
			case "html":
				title, source, inputs = htmlMeta(t, p, b)
			}
			counts[a.Format]++
			wantTitle, wantSource := "", ""
			for _, f := range l.Figures {
				if f.ID == a.Chart && f.Locale.Lang == a.Lang {
					wantTitle, wantSource = metaText(f.Title), metaText(f.Source)
				}
			}
			want := []string{spec}
			if a.Kind == "gallery" {
				wantTitle = l.Report.Title.EN.Value
				wantSource = "" // any: each chart's once
			} else {
				want = append(want, dataOf[a.Chart])
			}
			if title != wantTitle {
				t.Errorf("%s: title %q, want %q", p, title, wantTitle)
			}
			if source == "" || wantSource != "" && source != wantSource {
				t.Errorf("%s: source %q, want %q", p, source, wantSource)
			}
			got := map[string]string{}
			for _, line := range inputs {
				sum, path, ok := strings.Cut(line, "  ")
				if !ok || !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(sum) {
					t.Errorf("%s: input %q: want \"<sha256>  <path>\"", p, line)
					continue
				}
				got[path] = sum
				if hashes[path] != sum {
					t.Errorf("%s: input %s sha256 %s; the manifest has %q", p, path, sum, hashes[path])
				}
			}
			for _, w := range want {
				if got[w] == "" {
					t.Errorf("%s: no sha256 of %s among %v", p, w, inputs)
				}
			}
		}
	}
	for _, f := range []string{"png", "svg", "pdf", "html"} {
		if counts[f] == 0 {
			t.Errorf("no %s file checked", f)
		}
	}
	t.Logf("checked %v", counts)
}

func pngMeta(t *testing.T, p string, b []byte) (title, source string, inputs []string) {
	for rest := b[8:]; len(rest) >= 12; {
		n := binary.BigEndian.Uint32(rest)
		typ, data := string(rest[4:8]), rest[8:8+n]
		rest = rest[12+n:]
		if typ != "iTXt" {
			continue
		}
		key, v, _ := bytes.Cut(data, []byte{0})
		_, v, _ = bytes.Cut(v[2:], []byte{0})
		_, v, _ = bytes.Cut(v, []byte{0})
		switch string(key) {
		case "Title":
			title = string(v)
		case "Source":
			source = string(v)
		case "Input-SHA256":
			inputs = append(inputs, string(v))
		}
	}
	return
}

func svgMeta(t *testing.T, p string, b []byte) (title, source string, inputs []string) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var stack []string
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name.Space+" "+tok.Name.Local)
			if tok.Name.Space == "urn:tollcharts:provenance" && tok.Name.Local == "input" {
				var path, sum string
				for _, a := range tok.Attr {
					switch a.Name.Local {
					case "path":
						path = a.Value
					case "sha256":
						sum = a.Value
					}
				}
				inputs = append(inputs, sum+"  "+path)
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			switch stack[len(stack)-1] {
			case "http://purl.org/dc/elements/1.1/ title":
				title += string(tok)
			case "http://purl.org/dc/elements/1.1/ source":
				source += string(tok)
			}
		}
	}
	return
}

func pdfMeta(t *testing.T, p string, b []byte) (title, source string, inputs []string) {
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("%s does not open: %v", p, err)
	}
	info := r.Trailer().Key("Info")
	title = info.Key("Title").Text()
	kw := strings.Split(info.Key("Keywords").Text(), "\n")
	source = kw[0]
	if s := info.Key("Source").Text(); s != source {
		t.Errorf("%s: /Source %q, /Keywords starts %q", p, s, source)
	}
	for _, l := range kw[1:] {
		if !strings.HasPrefix(l, "theme: ") {
			inputs = append(inputs, l)
		}
	}
	return
}

var (
	htmlTitle = regexp.MustCompile(`(?s)<title>(.*?)</title>`)
	htmlMetaE = regexp.MustCompile(`<meta name="([^"]*)" content="([^"]*)">`)
)

// htmlMeta reads a page's <title> and <meta> elements (html/template
// escapes every quote in an attribute, so none ends one early).
func htmlMeta(t *testing.T, p string, b []byte) (title, source string, inputs []string) {
	if m := htmlTitle.FindSubmatch(b); m != nil {
		title = html.UnescapeString(string(m[1]))
	}
	for _, m := range htmlMetaE.FindAllSubmatch(b, -1) {
		content := html.UnescapeString(string(m[2]))
		switch string(m[1]) {
		case "tollcharts:source":
			if source == "" {
				source = content
			}
		case "tollcharts:input-sha256":
			inputs = append(inputs, content)
		}
	}
	return
}
