package web

import (
	"html"
	"regexp"
	"testing"

	"github.com/tollcharts/tollcharts/charts/figure"
)

var metaTag = regexp.MustCompile(`<meta (property|name)="([^"]+)" content="([^"]*)">`)

// pageCard reads a page's link-preview meta: property or name to content.
func pageCard(t *testing.T, page []byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, m := range metaTag.FindAllSubmatch(page, -1) {
		out[string(m[2])] = html.UnescapeString(string(m[3]))
	}
	return out
}

// TestLinkPreview checks each page's Open Graph and Twitter card meta:
// title, the alt text as description and the locale always; the page's
// URL and its landscape PNG, with size, when the build knows where the
// output is published; never a relative URL.
func TestLinkPreview(t *testing.T) {
	for _, lang := range langs {
		f := testFigure(figure.Line, lang)
		social := Social{URL: "https://example.org/charts/synthetic/" + lang + "/test-line.html",
			Image: "https://example.org/charts/synthetic/" + lang + "/test-line.png", Width: 1200, Height: 675}
		m := pageCard(t, render(t, f, Options{Social: social}))
		want := map[string]string{
			"og:type": "article", "og:title": f.Title, "og:description": f.Alt,
			"og:locale": map[string]string{"en": "en_US", "ar": "ar_AR"}[lang],
			"og:url":    social.URL, "og:image": social.Image, "og:image:width": "1200", "og:image:height": "675", "og:image:alt": f.Alt,
			"twitter:card": "summary_large_image", "twitter:title": f.Title, "twitter:description": f.Alt, "twitter:image": social.Image,
		}
		for k, v := range want {
			if m[k] != v {
				t.Errorf("%s: %s = %q, want %q", lang, k, m[k], v)
			}
		}
		bare := pageCard(t, render(t, f, Options{}))
		if bare["og:image"] != "" || bare["og:url"] != "" || bare["twitter:card"] != "summary" || bare["og:title"] != f.Title {
			t.Errorf("%s: without a base URL: %v; want title and description, no image or URL, a summary card", lang, bare)
		}
		if _, err := newPageData(f, Options{Social: Social{Image: "test-line.png"}}, false); err == nil {
			t.Errorf("%s: a relative preview image was accepted", lang)
		}
	}
}
