package web

import (
	"encoding/json"
	"html"
	"html/template"
	"regexp"
	"strings"
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

var oembedLink = regexp.MustCompile(`<link rel="alternate" type="application/json\+oembed" href="([^"]+)" title="([^"]*)">`)

// TestOEmbed checks a page's oEmbed response (type rich, version 1.0, the
// embed code of the page at its absolute URL, the size, the thumbnail, the
// provider) and the discovery link naming it; relative URLs and a
// thumbnail without a size are refused.
func TestOEmbed(t *testing.T) {
	for _, lang := range langs {
		f := testFigure(figure.Bar, lang)
		dir := "https://example.org/charts/synthetic/" + lang + "/"
		s := Social{URL: dir + "test-bar.html", Image: dir + "test-bar.png", Width: 1200, Height: 675}
		b, err := OEmbedJSON(f, s)
		if err != nil {
			t.Fatal(err)
		}
		var o OEmbed
		if err := json.Unmarshal(b, &o); err != nil {
			t.Fatalf("%s: %v\n%s", lang, err, b)
		}
		want := OEmbed{Type: "rich", Version: "1.0", Title: f.Title, ProviderName: "example.org", ProviderURL: "https://example.org/",
			HTML: Embed(f, s.URL), Width: 1200, Height: EmbedHeight(f), ThumbnailURL: s.Image, ThumbnailWidth: 1200, ThumbnailHeight: 675}
		if o != want {
			t.Errorf("%s: oEmbed\n%+v\nwant\n%+v", lang, o, want)
		}
		if !strings.Contains(o.HTML, `<iframe src="`+s.URL+`"`) || o.Height != rankHeight(f)+220 {
			t.Errorf("%s: html %q, height %d: want an iframe of %s, %d px high", lang, o.HTML, o.Height, s.URL, rankHeight(f)+220)
		}
		// Without a still, no thumbnail.
		b, err = OEmbedJSON(f, Social{URL: s.URL})
		if err != nil || strings.Contains(string(b), "thumbnail") {
			t.Errorf("%s: without an image: %s, %v; want no thumbnail", lang, b, err)
		}
		for _, bad := range []Social{{URL: "test-bar.html"}, {URL: "javascript:alert(1)"}, {URL: s.URL, Image: "test-bar.png", Width: 1, Height: 1}, {URL: s.URL, Image: s.Image}} {
			if _, err := OEmbedJSON(f, bad); err == nil {
				t.Errorf("%s: %+v accepted", lang, bad)
			}
		}

		page := string(render(t, f, Options{Social: s, OEmbed: dir + "test-bar.oembed.json"}))
		m := oembedLink.FindStringSubmatch(page)
		if m == nil || m[1] != dir+"test-bar.oembed.json" || html.UnescapeString(m[2]) != f.Title {
			t.Errorf("%s: discovery link %q; want the oEmbed URL titled %q", lang, m, f.Title)
		}
		if strings.Contains(string(render(t, f, Options{Social: s})), "json+oembed") {
			t.Errorf("%s: a page without Options.OEmbed has a discovery link", lang)
		}
		if _, err := newPageData(f, Options{OEmbed: "test-bar.oembed.json"}, false); err == nil {
			t.Errorf("%s: a relative oEmbed URL was accepted", lang)
		}
	}
}

// TestUpdatedOnPage: a figure of an updated or corrected report shows the
// correction line in its footer, with the day in a <time>, and says the
// day in its meta (Open Graph's article:modified_time, dateModified);
// without one, neither.
func TestUpdatedOnPage(t *testing.T) {
	for _, lang := range langs {
		f := testFigure(figure.Line, lang)
		f.Updated, f.Correction = "2026-12-06", map[string]string{"en": "Updated 6 December 2026: a synthetic fix.", "ar": "حُدِّث في 6 كانون الأول 2026: تصحيح مصطنع."}[lang]
		page := string(render(t, f, Options{}))
		if want := `<p class="tc-updated"><time datetime="2026-12-06">` + template.HTMLEscapeString(f.Correction) + `</time></p>`; !strings.Contains(page, want) {
			t.Errorf("%s: page lacks %s", lang, want)
		}
		m := pageCard(t, []byte(page))
		if m["article:modified_time"] != "2026-12-06" || m["dateModified"] != "2026-12-06" {
			t.Errorf("%s: meta %v; want article:modified_time and dateModified 2026-12-06", lang, m)
		}
		f.Updated, f.Correction = "", ""
		if page := string(render(t, f, Options{})); strings.Contains(page, `class="tc-updated"`) || strings.Contains(page, "modified_time") || strings.Contains(page, "dateModified") {
			t.Errorf("%s: a page without an update says it was updated", lang)
		}
	}
}
