package web

import (
	"bytes"
	"strings"
	"testing"
)

// testGallery is a synthetic gallery: two charts, one with every file, one
// with some missing.
func testGallery() GalleryData {
	return GalleryData{
		Report: "synthetic",
		Title:  "Synthetic test report",
		Charts: []GalleryChart{
			{ID: "test-bar", Entries: []GalleryEntry{
				{Lang: "en", Title: "Synthetic test figure (bar)", Alt: "Synthetic ranking: Aleppo 6,993.", Page: "en/test-bar.html", PNG: "en/test-bar.png", SVG: "en/test-bar.svg", PDF: "en/test-bar.pdf", CSV: "en/test-bar.csv"},
				{Lang: "ar", Title: "شكل اختبار اصطناعي", Alt: "ترتيب اصطناعي: حلب ٦٬٩٩٣.", Page: "ar/test-bar.html", PNG: "ar/test-bar.png", CSV: "ar/test-bar.csv"},
			}},
			{ID: "test-stat", Entries: []GalleryEntry{
				{Lang: "en", Title: "Synthetic headline numbers", Alt: "Synthetic numbers.", PNG: "en/test-stat.png"},
			}},
		},
	}
}

func TestGoldenGallery(t *testing.T) {
	var b bytes.Buffer
	if err := Gallery(&b, testGallery()); err != nil {
		t.Fatal(err)
	}
	golden(t, "gallery.html", b.Bytes())
	again := bytes.Buffer{}
	_ = Gallery(&again, testGallery())
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("two galleries differ")
	}
	page := b.String()
	for _, want := range []string{
		`<img src="ar/test-bar.png" alt="ترتيب اصطناعي: حلب ٦٬٩٩٣." loading="lazy">`,
		`<article class="g-entry" lang="ar" dir="rtl">`,
		`<a href="en/test-bar.pdf" download>PDF</a>`,
		`<button type="button" data-copy="embed-`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("gallery lacks %s", want)
		}
	}
	if strings.Contains(page, `href="ar/test-bar.svg"`) || strings.Contains(page, "://") {
		t.Error("gallery links a missing file or names a remote host")
	}
}

func TestGalleryBaseURL(t *testing.T) {
	g := testGallery()
	g.BaseURL = "https://example.org/charts/synthetic"
	var b bytes.Buffer
	if err := Gallery(&b, g); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `src=&#34;https://example.org/charts/synthetic/en/test-bar.html&#34;`) {
		t.Error("embed code does not use BaseURL")
	}
	// The oEmbed response's absolute URL, with a copy button; refused
	// without a base URL, where it would be of no use.
	g.Charts[0].Entries[0].OEmbed = "en/test-bar.oembed.json"
	b.Reset()
	if err := Gallery(&b, g); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`value="https://example.org/charts/synthetic/en/test-bar.oembed.json"`, `<button type="button" data-copy="oembed-`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("gallery lacks %s", want)
		}
	}
	g.BaseURL = ""
	if err := Gallery(&b, g); err == nil {
		t.Error("an oEmbed entry without a BaseURL was accepted")
	}
}

func TestGalleryEscaping(t *testing.T) {
	g := testGallery()
	g.Title = evilScript
	g.Report = evilComment
	e := &g.Charts[0].Entries[0]
	e.Title, e.Alt = evilImg, evilQuote+evilScript
	g.Charts[0].ID = evilQuote
	var b bytes.Buffer
	if err := Gallery(&b, g); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if n := len(scripts(page)); n != 1 {
		t.Errorf("gallery has %d script elements, want 1", n)
	}
	for _, bad := range []string{evilScript, evilComment, evilImg, `onmouseover="`, "<!--"} {
		if strings.Contains(page, bad) {
			t.Errorf("gallery contains raw %q", bad)
		}
	}
	for _, bad := range []GalleryEntry{{Lang: "en", Page: evilURL}, {Lang: "en", PNG: "https://example.org/x.png"}, {Lang: "en", CSV: "data:text/csv,1"}} {
		g := testGallery()
		g.Charts[0].Entries[0] = bad
		if err := Gallery(&bytes.Buffer{}, g); err == nil {
			t.Errorf("Gallery accepted %+v", bad)
		}
	}
	g = testGallery()
	g.BaseURL = evilURL
	if err := Gallery(&bytes.Buffer{}, g); err == nil {
		t.Error("Gallery accepted a javascript: BaseURL")
	}
}
