package charts

import (
	"context"
	"io"
	"os"

	"slices"
	"strings"

	"github.com/tollcharts/tollcharts/charts/diag"
	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/infographic"
	"github.com/tollcharts/tollcharts/charts/internal/pngenc"
	"github.com/tollcharts/tollcharts/charts/internal/provenance"
	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
	"github.com/tollcharts/tollcharts/charts/spec"
	"github.com/tollcharts/tollcharts/charts/static"
	"github.com/tollcharts/tollcharts/charts/theme"
	"github.com/tollcharts/tollcharts/charts/video"
)

// videoFormats are the build's video formats (of Formats).
var videoFormats = []string{string(video.MP4), string(video.GIF)}

// chartOf is the spec of a figure's chart.
func chartOf(r *spec.Report, id string) *spec.Chart {
	for i := range r.Charts {
		if r.Charts[i].ID.Value == id {
			return &r.Charts[i]
		}
	}
	return nil
}

// wantsMP4 returns where the first video: block that asks for an MP4 is
// (its report and position), if the build writes one.
func wantsMP4(loaded []*Loaded, o *Options) (string, sy.Pos, bool) {
	if !slices.Contains(o.Formats, string(video.MP4)) {
		return "", sy.Pos{}, false
	}
	for _, l := range loaded {
		r := l.Report
		for i := range r.Charts {
			c := &r.Charts[i]
			if vs, ok := r.VideoFor(c); ok && slices.Contains(vs.Formats, string(video.MP4)) {
				at := r.At
				if c.Video != nil {
					at = c.Video.At
				} else if r.Video != nil {
					at = r.Video.At
				}
				return r.Path, at, true
			}
		}
	}
	return "", sy.Pos{}, false
}

// caption is what to paste under a post of a chart's video: its alt text
// and its source line (once: the alt text may end with it already).
func caption(f *figure.Figure) string {
	alt, src := strings.TrimSpace(f.Alt), strings.TrimSpace(f.Source)
	if src == "" || strings.Contains(alt, src) {
		return alt + "\n"
	}
	return alt + "\n\n" + src + "\n"
}

// planVideo lists a chart's videos in one language: for each social size
// and each format its video: settings and the build ask for, the video
// and its poster (the last frame, which is the still), and once the share
// caption.
func planVideo(ctx context.Context, l *Loaded, fig *figure.Figure, base Artifact, stem string, th *theme.Theme, o *Options, out *outDir, key func(Artifact, ...any) string, meta provenance.Meta) []*artifact {
	c := chartOf(l.Report, fig.ID)
	if c == nil {
		return nil
	}
	vs, ok := l.Report.VideoFor(c)
	if !ok || !video.Supports(fig.Kind) {
		return nil
	}
	var formats []video.Format
	for _, f := range vs.Formats {
		if slices.Contains(o.Formats, f) {
			formats = append(formats, video.Format(f))
		}
	}
	if len(formats) == 0 {
		return nil
	}
	cap := caption(fig)
	var arts []*artifact
	ca := base
	ca.Format, ca.Path, ca.Caption = "txt", stem+".caption.txt", cap
	arts = append(arts, &artifact{Artifact: ca, data: []byte(cap)})
	dir := l.Report.ID.Value
	temp := func() (*os.File, func(), error) {
		if _, err := out.folder(dir, true); err != nil {
			return nil, nil, err
		}
		f, rel, err := out.createTemp(dir, "video")
		if err != nil {
			return nil, nil, err
		}
		return f, func() { f.Close(); out.root.Remove(rel) }, nil
	}
	for _, s := range sizes {
		vo := video.Options{
			Duration: vs.Duration, Hold: vs.Hold, Temp: temp, Meta: meta,
			Infographic: infographic.Options{Width: s.w, Height: s.h, Scale: 1, Theme: th, Fonts: fontsOf(th), Meta: meta},
			Static:      static.Options{Width: s.w, Height: s.h, Scale: 1, Format: static.PNG, Theme: th, Text: shaperOf(th), TextScale: s.text, Meta: meta},
		}
		for _, f := range formats {
			a := base
			a.Format, a.Size, a.Scale, a.Width, a.Height = string(f), s.name, 1, s.w, s.h
			a.Path = stem + s.suffix + "." + string(f)
			a.Caption = cap
			a.Key = key(a, vs.Duration, vs.Hold, s.text)
			fo := vo
			fo.Format = f
			arts = append(arts, &artifact{Artifact: a, render: func(w io.Writer) error { return video.Render(ctx, w, fig, fo) }})
		}
		p := base
		p.Format, p.Size, p.Scale, p.Width, p.Height = "png", s.name, 1, s.w, s.h
		p.Path = stem + s.suffix + ".poster.png"
		p.Key = key(p, "poster", s.text)
		arts = append(arts, &artifact{Artifact: p, render: func(w io.Writer) error {
			a, err := video.NewAnimation(fig, vo, video.FPS)
			if err != nil {
				return err
			}
			return pngenc.Encode(w, a.Still(), provenance.PNGChunks(meta)...)
		}})
	}
	return arts
}

// checkFFmpeg fails a build that writes an MP4 on a machine without
// ffmpeg, before anything renders: one line, at the first video: block
// that asks for one.
func checkFFmpeg(loaded []*Loaded, o *Options) error {
	p, at, ok := wantsMP4(loaded, o)
	if !ok {
		return nil
	}
	if _, err := video.LookFFmpeg(""); err != nil {
		return &diag.Error{Path: p, Line: at.Line, Col: at.Col, Msg: err.Error()}
	}
	return nil
}
