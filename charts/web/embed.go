package web

import (
	"bytes"
	_ "embed"
	"html/template"
	"strings"

	"github.com/tollcharts/tollcharts/charts/figure"
)

//go:embed assets/embed.js
var embedJS string

var embedTmpl = template.Must(template.New("embed").Parse(
	`<iframe src="{{.Src}}" title="{{.Title}}" lang="{{.Lang}}" data-tollcharts="{{.ID}}" width="100%" height="{{.Height}}" style="display:block;width:100%;max-width:100%;border:0" loading="lazy"></iframe>
<script>{{.Script}}</script>
`))

type embedData struct {
	Src             any // string, or template.URL for the fixed fallback
	Title, Lang, ID string
	Height          int
	Script          template.JS
}

// Embed returns the code that embeds the page at pageURL (the published URL
// of the figure's HTML page, or a URL relative to the embedding page) in an
// article: an iframe as wide as its column, and the script that sets its
// height from the height the page posts (see the package documentation).
// The iframe starts at an estimated height. A pageURL that is not a
// relative or http(s) URL (javascript:, data:) becomes "about:blank".
func Embed(fig *figure.Figure, pageURL string) string {
	if fig == nil {
		return ""
	}
	lang := fig.Locale.Lang
	return embedCode(pageURL, fig.Title, lang, ChartID(fig.Report, fig.ID, lang), EmbedHeight(fig))
}

// EmbedHeight is the height in px an embed iframe of the figure's page
// starts at, before the page posts its own: an estimate from the kind of
// chart and its number of categories.
func EmbedHeight(fig *figure.Figure) int {
	switch {
	case checkFigure(fig) != nil:
	case fig.Kind == figure.Bar:
		return rankHeight(fig) + 220
	case formOf(fig.Kind) == formStat:
		return 360
	case formOf(fig.Kind) == formMap:
		return 640 + 34*len(fig.Categories)
	}
	return 560
}

// embedCode writes the iframe and its height script.
func embedCode(src, title, lang, id string, height int) string {
	var s any = src
	if _, err := checkURL("page URL", src); err != nil || src == "" {
		s = template.URL("about:blank")
	}
	var b bytes.Buffer
	err := embedTmpl.Execute(&b, embedData{
		Src: s, Title: title, Lang: lang, ID: id, Height: height,
		Script: template.JS(strings.TrimSpace(embedJS)),
	})
	if err != nil {
		// The template and its data types are fixed: this cannot happen.
		panic(err)
	}
	return b.String()
}
