package web

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/tollcharts/tollcharts/charts/internal/provenance"
)

// GalleryData is what the gallery page (output/<report>/index.html) lists.
// Plain data: the build fills it from what it wrote.
type GalleryData struct {
	Report string // report id
	Title  string // report title, in the gallery's language
	// Lang is the language of the gallery's own words: "en" (default) or "ar".
	Lang string
	// BaseURL, when set, is the absolute http(s) URL where the report folder
	// is published ("https://example.org/charts/<report>/"): embed codes
	// then name absolute page URLs. When empty, embed codes hold the page
	// paths, and the gallery's script makes them absolute when the gallery
	// itself is opened over http(s).
	BaseURL string
	Charts  []GalleryChart
	// Meta is what the page says about itself in <meta> elements: its
	// description, generator, theme and input hashes; the source lines
	// are those of the entries, each once.
	Meta provenance.Meta
}

// GalleryChart is one chart of the report, in each language built.
type GalleryChart struct {
	ID      string // chart id
	Entries []GalleryEntry
}

// GalleryEntry is one chart in one language. Paths are relative to the
// gallery (the report folder), such as "ar/deaths.html"; empty ones are left
// out of the page.
type GalleryEntry struct {
	Lang   string // "en" or "ar"
	Title  string
	Alt    string
	Source string // the chart's source line
	Page   string // interactive HTML page
	// Single is the same page as one self-contained file (echarts inlined).
	Single string
	PNG    string // also the preview
	SVG    string
	PDF    string
	CSV    string
	// OEmbed is the page's oEmbed response, written only when the
	// gallery's BaseURL is known: the gallery shows its absolute URL.
	OEmbed string
	// Videos are the chart's videos, one per social size; Caption the
	// share caption (alt text and source line) to paste under a post.
	Videos  []GalleryVideo
	Caption string
	// Height is the starting height in px of the embed iframe (before the
	// page reports its own); 0 means 560.
	Height int
}

// GalleryVideo is one size of a chart's video: its MP4 and GIF (either
// may be empty) and its poster (the last frame).
type GalleryVideo struct {
	Size, MP4, GIF, Poster string
}

var (
	//go:embed assets/gallery.html.tmpl
	galleryTemplate string
	//go:embed assets/gallery.css
	galleryCSS string
	//go:embed assets/gallery.js
	galleryJS string
)

var galleryTmpl = template.Must(template.New("gallery").Parse(galleryTemplate))

type galleryPage struct {
	Report, Title, Lang, Dir string
	UI                       ui
	CSS                      template.CSS
	Script                   template.JS
	Copied, CopyFailed       string
	Absolute                 bool
	Charts                   []galleryChart
	Meta                     []provenance.HTMLMeta
}

type galleryChart struct {
	ID, Anchor string
	Entries    []galleryEntry
}

type galleryEntry struct {
	GalleryEntry
	Dir, LangName  string
	Embed, EmbedID string
	// OEmbedURL is the absolute URL of the page's oEmbed response.
	OEmbedURL, OEmbedID string
}

// Gallery writes the report's gallery page: for each chart and language,
// the PNG preview with its alt text, download links, the alt text to copy,
// and the embed code with a copy button. Everything is escaped; the page
// loads nothing from another host.
func Gallery(w io.Writer, g GalleryData) error {
	lang := g.Lang
	if lang == "" {
		lang = "en"
	}
	if lang != "en" && lang != "ar" {
		return fmt.Errorf("web: gallery %s: language %q: want en or ar", g.Report, lang)
	}
	t := uiFor(lang)
	base := g.BaseURL
	if base != "" {
		u, err := checkURL("GalleryData.BaseURL", base)
		if err != nil {
			return err
		}
		if u.Scheme == "" || u.Host == "" {
			return fmt.Errorf("web: GalleryData.BaseURL %q: want an absolute http(s) URL", base)
		}
		if !strings.HasSuffix(base, "/") {
			base += "/"
		}
	}
	p := galleryPage{
		Report: g.Report, Title: g.Title, Lang: lang, Dir: dirOf(lang), UI: t,
		CSS: template.CSS(galleryCSS), Script: template.JS(galleryJS),
		Copied: t.Copied, CopyFailed: t.CopyFailed, Absolute: base != "",
	}
	if p.Title == "" {
		p.Title = g.Report
	}
	p.Meta = galleryMeta(g)
	for _, c := range g.Charts {
		gc := galleryChart{ID: c.ID, Anchor: anchor(c.ID)}
		for _, e := range c.Entries {
			paths := []struct{ name, v string }{{"Page", e.Page}, {"PNG", e.PNG}, {"SVG", e.SVG}, {"PDF", e.PDF}, {"CSV", e.CSV}, {"Caption", e.Caption}, {"OEmbed", e.OEmbed}}
			for _, v := range e.Videos {
				paths = append(paths, struct{ name, v string }{"MP4", v.MP4}, struct{ name, v string }{"GIF", v.GIF}, struct{ name, v string }{"Poster", v.Poster})
			}
			for _, f := range paths {
				if f.v == "" {
					continue
				}
				u, err := checkURL("gallery "+c.ID+"/"+e.Lang+" "+f.name, f.v)
				if err != nil {
					return err
				}
				if u.Scheme != "" || u.Host != "" {
					return fmt.Errorf("web: gallery %s/%s %s %q: want a path relative to the gallery", c.ID, e.Lang, f.name, f.v)
				}
			}
			ge := galleryEntry{GalleryEntry: e, Dir: dirOf(e.Lang), LangName: uiFor(e.Lang).Language}
			if e.Page != "" {
				h := e.Height
				if h <= 0 {
					h = 560
				}
				ge.Embed = embedCode(base+e.Page, e.Title, e.Lang, ChartID(g.Report, c.ID, e.Lang), h)
				ge.EmbedID = "embed-" + gc.Anchor + "-" + slug(e.Lang)
			}
			if e.OEmbed != "" {
				if base == "" {
					return fmt.Errorf("web: gallery %s/%s: OEmbed %q without a BaseURL: an oEmbed response is only of use at its absolute URL", c.ID, e.Lang, e.OEmbed)
				}
				ge.OEmbedURL = base + e.OEmbed
				ge.OEmbedID = "oembed-" + gc.Anchor + "-" + slug(e.Lang)
			}
			gc.Entries = append(gc.Entries, ge)
		}
		p.Charts = append(p.Charts, gc)
	}
	var buf bytes.Buffer
	if err := galleryTmpl.Execute(&buf, p); err != nil {
		return fmt.Errorf("web: gallery %s: %v", g.Report, err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// galleryMeta lists the gallery's <meta> elements: description and
// generator, every chart's source line once (in chart order), then the
// theme and the inputs.
func galleryMeta(g GalleryData) []provenance.HTMLMeta {
	m := g.Meta
	out := provenance.HTML(provenance.Meta{Description: m.Description, Software: m.Software})
	seen := map[string]bool{}
	for _, c := range g.Charts {
		for _, e := range c.Entries {
			src := provenance.Clean(e.Source)
			if src != "" && !seen[src] {
				seen[src] = true
				out = append(out, provenance.HTMLMeta{Name: provenance.MetaSource, Content: src})
			}
		}
	}
	return append(out, provenance.HTML(provenance.Meta{Theme: m.Theme, Inputs: m.Inputs})...)
}

// anchor is a unique, readable HTML id for a chart id.
func anchor(id string) string {
	h := sha256.Sum256([]byte(id))
	return slug(id) + "-" + hex.EncodeToString(h[:3])
}
