package web

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/tollcharts/tollcharts/charts/internal/provenance"
)

// DefaultAssetsURL is where a page looks for echarts.min.js when
// Options.AssetsURL is empty: pages live at output/<report>/<lang>/ and the
// shared assets at output/<report>/assets/.
const DefaultAssetsURL = "../assets/"

// Options says how a page loads echarts and what it links to.
// The zero value loads DefaultAssetsURL + AssetJS and links no CSV.
type Options struct {
	// AssetsURL is the URL of the folder holding echarts.min.js, relative to
	// the page ("../assets/"). It may not name a host: use CDN for that.
	AssetsURL string

	// Inline is the echarts library itself (the first result of Asset). When
	// set, the page carries it in a <script> and loads nothing: the single
	// self-contained file form. It wins over AssetsURL.
	Inline []byte

	// CDN is the absolute https URL of echarts.min.js on a content delivery
	// network. Used only when set; the page then depends on that host.
	// Inline and CDN exclude each other.
	CDN string

	// CSVHref links the chart's CSV download, relative to the page
	// ("chart-id.csv"). Empty: no link.
	CSVHref string

	// Fallback is the chart's still image, relative to the page
	// ("chart-id.png"), shown in place of the interactive chart until it
	// is drawn: what a reader without JavaScript, a feed reader or a
	// cache that strips scripts sees, with the alt text. Empty: none.
	// FallbackWidth and FallbackHeight are its size in pixels.
	Fallback                      string
	FallbackWidth, FallbackHeight int

	// FallbackPNG is the still image itself, a PNG the page carries as a
	// data: URL. It wins over Fallback: the image then comes with the
	// page, with no request of its own, so it is drawn as soon as the
	// page arrives (one round trip, not two, on a slow network).
	FallbackPNG []byte

	// Social is what the page's link preview (Open Graph, Twitter card)
	// gives beyond its title and description: its own absolute URL and
	// its image's, with the image's size. Empty: a preview without them.
	Social Social

	// OEmbed is the absolute URL of the page's oEmbed response (see
	// OEmbedJSON), which the page names in its discovery link so that a
	// CMS given the page's URL finds its embed code. Empty: no link.
	OEmbed string

	// NoAnimation draws the chart at once, without ECharts' opening
	// animation (tests, print). Readers who ask for reduced motion get no
	// animation anyway.
	NoAnimation bool

	// Meta is what the page says about itself in <meta> elements: the
	// description (alt text), generator, source line, theme and input
	// hashes. Title, description and source default to the figure's.
	Meta provenance.Meta
}

// scriptSrc returns the URL of the echarts script the page loads, or "" when
// the library is inlined.
func (o Options) scriptSrc() (string, error) {
	if len(o.Inline) > 0 {
		if o.CDN != "" {
			return "", errors.New("web: Options.Inline and Options.CDN exclude each other")
		}
		return "", nil
	}
	if o.CDN != "" {
		u, err := checkURL("Options.CDN", o.CDN)
		if err != nil {
			return "", err
		}
		if u.Scheme != "https" {
			return "", fmt.Errorf("web: Options.CDN %q: want an absolute https URL", o.CDN)
		}
		return o.CDN, nil
	}
	base := o.AssetsURL
	if base == "" {
		base = DefaultAssetsURL
	}
	u, err := checkURL("Options.AssetsURL", base)
	if err != nil {
		return "", err
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(base, "//") {
		return "", fmt.Errorf("web: Options.AssetsURL %q names a host: give a relative URL, or set Options.CDN to load echarts from a remote host", base)
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base + AssetJS, nil
}

// checkURL accepts a relative URL or an absolute http(s) one. It refuses
// other schemes (javascript:, data:, vbscript:, file:) and URLs with control
// characters, which browsers would strip before reading the scheme.
func checkURL(field, s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("web: %s %q: %v", field, s, err)
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == ' ' {
			return nil, fmt.Errorf("web: %s %q: control character or space in URL", field, s)
		}
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https":
		return u, nil
	}
	return nil, fmt.Errorf("web: %s %q: scheme %q not allowed (want a relative or http(s) URL)", field, s, u.Scheme)
}

// Social names a page and its preview image by absolute URLs.
type Social struct {
	URL, Image    string
	Width, Height int
}
