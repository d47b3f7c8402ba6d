package web

import (
	"encoding/json"
	"fmt"
	"net/url"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// OEmbedWidth is the width in pixels an oEmbed response asks for: that of
// the landscape still. The iframe of the embed code fills its column
// whatever the width; consumers use the pair for the aspect of a
// placeholder.
const OEmbedWidth = 1200

// OEmbed is the oEmbed response of a chart page (https://oembed.com,
// version 1.0, type rich): the embed code of the page, its size, the
// page's landscape PNG as thumbnail and the site as provider. A CMS that
// finds it through the page's discovery link (Options.OEmbed) embeds the
// chart by its page's URL alone.
type OEmbed struct {
	Type            string `json:"type"`
	Version         string `json:"version"`
	Title           string `json:"title"`
	ProviderName    string `json:"provider_name"`
	ProviderURL     string `json:"provider_url"`
	HTML            string `json:"html"`
	Width           int    `json:"width"`
	Height          int    `json:"height"`
	ThumbnailURL    string `json:"thumbnail_url,omitempty"`
	ThumbnailWidth  int    `json:"thumbnail_width,omitempty"`
	ThumbnailHeight int    `json:"thumbnail_height,omitempty"`
}

// OEmbedJSON returns the oEmbed response of the figure's page, published at
// s.URL, with s.Image (if any) as thumbnail; the provider is the site that
// serves the page (its scheme and host). Every URL must be absolute http(s).
func OEmbedJSON(fig *figure.Figure, s Social) ([]byte, error) {
	if err := checkFigure(fig); err != nil {
		return nil, err
	}
	page, err := absURL(fig, "page", s.URL)
	if err != nil {
		return nil, err
	}
	o := OEmbed{
		Type: "rich", Version: "1.0", Title: fig.Title,
		ProviderName: page.Host, ProviderURL: page.Scheme + "://" + page.Host + "/",
		HTML:  Embed(fig, s.URL),
		Width: OEmbedWidth, Height: EmbedHeight(fig),
	}
	if s.Image != "" {
		if _, err := absURL(fig, "thumbnail", s.Image); err != nil {
			return nil, err
		}
		if s.Width <= 0 || s.Height <= 0 {
			return nil, fmt.Errorf("web: %s/%s: thumbnail %q has no size", fig.Report, fig.ID, s.Image)
		}
		o.ThumbnailURL, o.ThumbnailWidth, o.ThumbnailHeight = s.Image, s.Width, s.Height
	}
	b, err := json.MarshalIndent(o, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// absURL checks that u is an absolute http(s) URL fit for a page.
func absURL(fig *figure.Figure, what, u string) (*url.URL, error) {
	p, err := checkURL(what+" URL", u)
	if err != nil {
		return nil, fmt.Errorf("web: %s/%s: %v", fig.Report, fig.ID, err)
	}
	if (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		return nil, fmt.Errorf("web: %s/%s: %s URL %q is not an absolute http(s) URL", fig.Report, fig.ID, what, u)
	}
	return p, nil
}
