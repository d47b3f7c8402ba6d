package charts

import (
	"bytes"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/internal/provenance"
	"github.com/tollcharts/tollcharts/charts/theme"
	"github.com/tollcharts/tollcharts/charts/web"
)

// renderHTML writes a chart's page, which links its CSV and loads echarts
// from the report's assets/ folder, or carries it inline when given.
// With still (the chart's landscape PNG, which the build also writes
// beside it), the page carries that image and shows it until the
// interactive chart is drawn, and in its place without JavaScript.
//
// social names the page and its PNG by absolute URLs for its link
// preview, when the published address is known; oembed is the URL of
// its oEmbed response, named in its discovery link ("": none).
func renderHTML(w io.Writer, f *figure.Figure, inline []byte, meta provenance.Meta, still []byte, social web.Social, oembed string) error {
	o := web.Options{AssetsURL: web.DefaultAssetsURL, Inline: inline, CSVHref: f.ID + ".csv", Meta: meta, Social: social, OEmbed: oembed}
	if still != nil {
		o.FallbackPNG, o.FallbackWidth, o.FallbackHeight = still, sizes[0].w, sizes[0].h
	}
	return web.Render(w, f, o)
}

// assetArts lists the files the HTML pages share under assets/: the
// echarts bundle (web.Bundle) and its licence. Their key is the bundle's
// (its entry and the package.json of every package it is made from) and
// the program's, so esbuild runs only when one of them is to be written
// again; the package.json files are recorded as inputs of the build.
func assetArts(o *Options, m *Manifest) []*artifact {
	if !slices.Contains(o.Formats, "html") {
		return nil
	}
	for _, p := range []string{"echarts", "zrender", "tslib"} {
		f := "node_modules/" + p + "/package.json"
		m.Inputs = append(m.Inputs, Input{Path: f, Kind: "asset", SHA256: fileHash(filepath.Join(o.Root, f))})
	}
	var out []*artifact
	for i, name := range []string{web.AssetJS, web.AssetLicense} {
		a := Artifact{Path: "assets/" + name, Kind: "asset", Format: map[int]string{0: "js", 1: "txt"}[i]}
		a.Key = renderKey(keyBase(nil, "", nil), a.Path, o.echartsKey)
		out = append(out, &artifact{Artifact: a, render: func(w io.Writer) error {
			js, license, err := web.Bundle(o.Root)
			if err != nil {
				return err
			}
			_, err = w.Write(map[int][]byte{0: js, 1: license}[i])
			return err
		}})
	}
	return out
}

// htmlSupport returns the gallery index.html.
func htmlSupport(l *Loaded, o *Options, m *Manifest, arts []*artifact) ([]*artifact, error) {
	var out []*artifact
	g := web.GalleryData{Report: l.Report.ID.Value, Title: l.Report.Title.EN.Value}
	if b := baseURL(l, o); b != "" {
		g.BaseURL = b + l.Report.ID.Value + "/"
	}
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
		entries[key] = &web.GalleryEntry{Lang: f.Locale.Lang, Title: f.Title, Alt: f.Alt, Source: f.Source, Height: web.EmbedHeight(f)}
	}
	for _, a := range arts {
		e := entries[a.Lang+"/"+a.Chart]
		if e == nil {
			continue
		}
		switch {
		case a.Format == "mp4" || a.Format == "gif" || strings.HasSuffix(a.Path, ".poster.png"):
			addVideo(e, a)
		case a.Format == OEmbedFormat:
			e.OEmbed = a.Path
		case a.Format == "txt":
			e.Caption = a.Path
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
	return "Every chart of " + l.Report.Title.EN.Value + ", in " + strings.Join(l.Report.Languages, " and ") + ": previews, downloads, alt text and embed codes."
}

// addVideo files a video, GIF or poster under its size, sizes in the
// build's order (the gallery plays the first).
func addVideo(e *web.GalleryEntry, a *artifact) {
	i := slices.IndexFunc(e.Videos, func(v web.GalleryVideo) bool { return v.Size == a.Size })
	if i < 0 {
		e.Videos = append(e.Videos, web.GalleryVideo{Size: a.Size})
		slices.SortStableFunc(e.Videos, func(x, y web.GalleryVideo) int { return sizeIndex(x.Size) - sizeIndex(y.Size) })
		i = slices.IndexFunc(e.Videos, func(v web.GalleryVideo) bool { return v.Size == a.Size })
	}
	v := &e.Videos[i]
	switch a.Format {
	case "mp4":
		v.MP4 = a.Path
	case "gif":
		v.GIF = a.Path
	default:
		v.Poster = a.Path
	}
}

func sizeIndex(name string) int {
	return slices.IndexFunc(sizes, func(s size) bool { return s.name == name })
}
