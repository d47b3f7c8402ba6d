package charts

import (
	"fmt"
	"io"
	"slices"

	"github.com/tollcharts/tollcharts/charts/diag"
	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/spec"
	"github.com/tollcharts/tollcharts/charts/web"
)

// OEmbedFormat is the format of a page's oEmbed response (<chart>.oembed.json
// beside the page), written for every page whose published address is
// known: the spec's base_url or Options.BaseURL.
const OEmbedFormat = "oembed"

// baseURL is where the report's output folder is published: Options.BaseURL
// (the -base-url flag) when set, else the spec's base_url; "" when unknown.
func baseURL(l *Loaded, o *Options) string {
	if o.BaseURL != "" {
		return o.BaseURL
	}
	return l.Report.BaseURL.Value
}

// pageURLs are the absolute URLs of a figure's files under base (the
// published output folder): its folder, e.g.
// https://example.org/charts/<report>/<lang>/.
func pageDir(base string, f *figure.Figure) string {
	return base + f.Report + "/" + f.Locale.Lang + "/"
}

// social is what a page's link preview and oEmbed response say of where
// it is published: the page's absolute URL and, when the build writes it
// (still), its landscape PNG's.
func social(base string, f *figure.Figure, page string, still bool) web.Social {
	if base == "" {
		return web.Social{}
	}
	dir := pageDir(base, f)
	s := web.Social{URL: dir + page}
	if still {
		s.Image, s.Width, s.Height = dir+f.ID+".png", sizes[0].w, sizes[0].h
	}
	return s
}

// checkOEmbed refuses a build asked for oEmbed responses (-format with
// oembed) of a report whose published address is unknown: every URL in
// the response is absolute. Without the ask, such a report's pages have
// no oEmbed link.
func checkOEmbed(loaded []*Loaded, o *Options) error {
	if !o.oembedAsked {
		return nil
	}
	var errs diag.List
	for _, l := range loaded {
		if baseURL(l, o) == "" {
			errs.Append("", &diag.Error{Path: l.Report.Path, Line: 1, Col: 1,
				Msg: "oembed needs the address where the output folder is published, and this report has none; set base_url: https://example.org/charts/ in the spec, or pass -base-url"})
		}
	}
	return errs.Err()
}

// planOEmbed is the oEmbed response of a figure's page, when the build
// writes them and the page's address is known.
func planOEmbed(l *Loaded, o *Options, fig *figure.Figure, base Artifact, stem string, still bool, key func(Artifact, ...any) string) *artifact {
	b := baseURL(l, o)
	if b == "" || !slices.Contains(o.Formats, OEmbedFormat) || !web.Supports(fig.Kind) {
		return nil
	}
	a := base
	a.Format, a.Path = OEmbedFormat, stem+".oembed.json"
	s := social(b, fig, fig.ID+".html", still)
	a.Key = key(a, s)
	return &artifact{Artifact: a, render: func(w io.Writer) error {
		j, err := web.OEmbedJSON(fig, s)
		if err != nil {
			return err
		}
		_, err = w.Write(j)
		return err
	}}
}

// checkBaseURL checks Options.BaseURL.
func checkBaseURL(b string) error {
	if b != "" && !spec.BaseURLOK(b) {
		return fmt.Errorf("base URL %q is not allowed; %s", b, spec.BaseURLWant)
	}
	return nil
}
