package charts

import (
	"bytes"
	"io"
	"slices"
	"strings"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/internal/provenance"
	"github.com/tollcharts/tollcharts/charts/theme"
	"github.com/tollcharts/tollcharts/charts/web"
)

// renderHTML writes a chart's page, which links its CSV and loads echarts
// from the report's assets/ folder, or carries it inline when given.
func renderHTML(w io.Writer, f *figure.Figure, inline []byte, meta provenance.Meta) error {
	return web.Render(w, f, web.Options{AssetsURL: web.DefaultAssetsURL, Inline: inline, CSVHref: f.ID + ".csv", Meta: meta})
}

// htmlSupport returns the shared files of the HTML pages: the echarts
// library with its licence under assets/, and the gallery index.html. It
// records echarts as an input of the build.
func htmlSupport(l *Loaded, o *Options, m *Manifest, arts []*artifact) ([]*artifact, error) {
	var out []*artifact
	if slices.Contains(o.Formats, "html") {
		js, license := o.echarts, o.echartsLicense
		m.Inputs = append(m.Inputs, Input{Path: "node_modules/echarts/dist/echarts.min.js", Kind: "asset", SHA256: o.echartsSHA256})
		out = append(out,
			&artifact{Artifact: Artifact{Path: "assets/" + web.AssetJS, Kind: "asset", Format: "js"}, data: js},
			&artifact{Artifact: Artifact{Path: "assets/" + web.AssetLicense, Kind: "asset", Format: "txt"}, data: license},
		)
	}
	g := web.GalleryData{Report: l.Report.ID.Value, Title: l.Report.Title.EN}
	g.Meta = provenance.Meta{Title: g.Title, Description: galleryDescription(l), Software: "tollcharts " + Version, Inputs: reportInputs(m)}
	if th := l.Theme; th != nil {
		g.Meta.Theme = th.Name
	} else if th, ok := theme.ByName(l.Report.Theme.Value); ok {
		g.Meta.Theme = th.Name
	}
	seen := map[string]bool{}
	entries := map[string]*web.GalleryEntry{}
	for _, f := range l.Figures {
		if !seen[f.ID] {
			seen[f.ID] = true
			g.Charts = append(g.Charts, web.GalleryChart{ID: f.ID})
		}
		key := f.Locale.Lang + "/" + f.ID
		entries[key] = &web.GalleryEntry{Lang: f.Locale.Lang, Title: f.Title, Alt: f.Alt, Source: f.Source}
	}
	for _, a := range arts {
		e := entries[a.Lang+"/"+a.Chart]
		if e == nil {
			continue
		}
		switch {
		case a.Format == "html" && strings.HasSuffix(a.Path, ".single.html"):
			e.Single = a.Path
		case a.Format == "html":
			e.Page = a.Path
		case a.Format == "png" && a.Scale == 1 && a.Size == "landscape":
			e.PNG = a.Path
		case a.Format == "svg":
			e.SVG = a.Path
		case a.Format == "pdf":
			e.PDF = a.Path
		case a.Format == "csv":
			e.CSV = a.Path
		}
	}
	for i := range g.Charts {
		for _, f := range l.Figures {
			if f.ID == g.Charts[i].ID {
				g.Charts[i].Entries = append(g.Charts[i].Entries, *entries[f.Locale.Lang+"/"+f.ID])
			}
		}
	}
	var buf bytes.Buffer
	if err := web.Gallery(&buf, g); err != nil {
		return nil, err
	}
	out = append(out, &artifact{Artifact: Artifact{Path: "index.html", Kind: "gallery", Format: "html"}, data: buf.Bytes()})
	return out, nil
}

// galleryDescription says what the gallery page holds.
func galleryDescription(l *Loaded) string {
	return "Every chart of " + l.Report.Title.EN + ", in " + strings.Join(l.Report.Languages, " and ") + ": previews, downloads, alt text and embed codes."
}
