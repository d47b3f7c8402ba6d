package web

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/internal/provenance"
)

var (
	//go:embed assets/figure.html.tmpl
	figureTemplate string
	//go:embed assets/figure.css
	figureCSS string
	//go:embed assets/runtime.js
	runtimeJS string
)

var figureTmpl = template.Must(template.New("figure").Parse(figureTemplate))

// pageData is what the figure templates see. Every string from the figure
// reaches the HTML through html/template, which escapes it for its context.
type pageData struct {
	Fig         *figure.Figure
	ID          string
	Kind        string
	Lang, Dir   string
	UI          ui
	Snippet     bool
	CSS         template.CSS
	InlineJS    template.JS // the echarts library, checked by inlineJS
	ScriptSrc   string      // echarts, loaded by the runtime (see runtime.js)
	Runtime     template.JS
	Config      template.JS // JSON made safe by scriptJSON
	CSVHref     string
	Fallback    fallback
	Height      int // fixed height in px of a ranking; 0: by aspect ratio
	CatHeader   string
	SeriesNames []string
	Rows        []row
	Stats       []stat
	ShowPeriod  bool
	ShowDerived bool // the derivation, unless the notes already say it
	Map         bool // a map: its "no data" key, no pattern button
	MapNoData   bool // some governorate of the map has no data
	TableOpen   bool // the table is shown open
	// Meta are the page's <meta> elements of provenance.
	Meta []provenance.HTMLMeta
	// Card is the page's link preview: Open Graph properties and
	// Twitter card names.
	Card []cardMeta
	// OEmbed is the URL of the page's oEmbed response (discovery link).
	OEmbed string
}

// cardMeta is one <meta> of a link preview: property (Open Graph) or
// name (Twitter) and content.
type cardMeta struct{ Property, Name, Content string }

// card is the link preview of a page: title and description (the alt
// text) always; the image and the page's URL when known (absolute URLs
// only, as Open Graph requires).
func card(fig *figure.Figure, s Social) []cardMeta {
	og := func(p, c string) cardMeta { return cardMeta{Property: "og:" + p, Content: c} }
	tw := func(n, c string) cardMeta { return cardMeta{Name: "twitter:" + n, Content: c} }
	loc := map[string]string{"en": "en_US", "ar": "ar_AR"}[fig.Locale.Lang]
	out := []cardMeta{og("type", "article"), og("title", fig.Title), og("description", fig.Alt), og("locale", loc)}
	if s.URL != "" {
		out = append(out, og("url", s.URL))
	}
	kind := "summary"
	if s.Image != "" {
		kind = "summary_large_image"
		out = append(out, og("image", s.Image), og("image:alt", fig.Alt))
		if s.Width > 0 {
			out = append(out, og("image:width", fmt.Sprint(s.Width)), og("image:height", fmt.Sprint(s.Height)))
		}
	}
	if fig.Updated != "" {
		// The day of the report's update or correction, as Open Graph's
		// article and schema.org name it.
		out = append(out, cardMeta{Property: "article:modified_time", Content: fig.Updated}, cardMeta{Name: "dateModified", Content: fig.Updated})
	}
	out = append(out, tw("card", kind), tw("title", fig.Title), tw("description", fig.Alt))
	if s.Image != "" {
		out = append(out, tw("image", s.Image), tw("image:alt", fig.Alt))
	}
	return out
}

type row struct {
	Category string
	Cells    []figure.Value
}

type stat struct {
	Value, Label string
	Known        bool
}

// Render writes a standalone HTML page of the figure: the chart, its data
// table, source, notes and CSV link, loading echarts as opts say.
func Render(w io.Writer, fig *figure.Figure, opts Options) error {
	d, err := newPageData(fig, opts, false)
	if err != nil {
		return err
	}
	src, err := opts.scriptSrc()
	if err != nil {
		return err
	}
	if formOf(fig.Kind).usesECharts() { // headline numbers need no echarts
		d.ScriptSrc = src
		if len(opts.Inline) > 0 {
			if d.InlineJS, err = inlineJS(opts.Inline); err != nil {
				return err
			}
		}
	}
	return execute(w, "page", d)
}

// Snippet writes the figure as an HTML fragment (a <style> and a <figure>
// with its scripts) for a page that already loads echarts. Options'
// script fields are ignored; CSVHref is relative to the host page.
func Snippet(w io.Writer, fig *figure.Figure, opts Options) error {
	d, err := newPageData(fig, opts, true)
	if err != nil {
		return err
	}
	return execute(w, "snippet", d)
}

func execute(w io.Writer, name string, d *pageData) error {
	var buf bytes.Buffer
	if err := figureTmpl.ExecuteTemplate(&buf, name, d); err != nil {
		return fmt.Errorf("web: %s/%s: %v", d.Fig.Report, d.Fig.ID, err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func newPageData(fig *figure.Figure, opts Options, snippet bool) (*pageData, error) {
	if err := checkFigure(fig); err != nil {
		return nil, err
	}
	if opts.CSVHref != "" {
		if _, err := checkURL("Options.CSVHref", opts.CSVHref); err != nil {
			return nil, err
		}
	}
	if opts.Fallback != "" {
		if _, err := checkURL("Options.Fallback", opts.Fallback); err != nil {
			return nil, err
		}
	}
	lang := fig.Locale.Lang
	if lang != "en" && lang != "ar" {
		return nil, fmt.Errorf("web: %s/%s: language %q: want en or ar", fig.Report, fig.ID, lang)
	}
	id := ChartID(fig.Report, fig.ID, lang)
	cfg, err := buildConfig(drawnAs(fig), id, opts, !snippet)
	if err != nil {
		return nil, err
	}
	js, err := json.Marshal(cfg)
	if err != nil {
		return nil, fmt.Errorf("web: %s/%s: %v", fig.Report, fig.ID, err)
	}
	t := uiFor(lang)
	d := &pageData{
		Fig:       fig,
		ID:        id,
		Kind:      string(fig.Kind),
		Lang:      lang,
		Dir:       dirOf(lang),
		UI:        t,
		Snippet:   snippet,
		CSS:       template.CSS(figureCSS),
		Runtime:   template.JS(runtimeJS),
		Config:    template.JS(scriptJSON(js)),
		CSVHref:   opts.CSVHref,
		Fallback:  fallback{Src: opts.Fallback, Width: opts.FallbackWidth, Height: opts.FallbackHeight},
		CatHeader: t.Category,
		Meta:      provenance.HTML(pageMeta(fig, opts.Meta)),
	}
	for _, u := range []string{opts.Social.URL, opts.Social.Image, opts.OEmbed} {
		if u == "" {
			continue
		}
		if p, err := url.Parse(u); err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
			return nil, fmt.Errorf("web: %s/%s: Options.Social or Options.OEmbed URL %q is not an absolute http(s) URL", fig.Report, fig.ID, u)
		}
	}
	if len(opts.FallbackPNG) > 0 {
		if !bytes.HasPrefix(opts.FallbackPNG, []byte("\x89PNG\r\n\x1a\n")) {
			return nil, fmt.Errorf("web: %s/%s: Options.FallbackPNG is not a PNG", fig.Report, fig.ID)
		}
		// base64 is letters, digits, '+', '/' and '=': safe in a quoted
		// attribute as it is, where html/template would write each '+'
		// as "&#43;".
		d.Fallback.Data = template.HTMLAttr(`src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(opts.FallbackPNG) + `"`)
	}
	if !snippet {
		d.Card = card(fig, opts.Social)
		d.OEmbed = opts.OEmbed
	}
	if fig.TimeAxis {
		d.CatHeader = t.Period
	}
	if fig.Kind == figure.Bar {
		d.Height = rankHeight(fig)
	}
	d.ShowDerived = fig.Derived != "" && !slices.Contains(fig.Notes, fig.Derived)
	if fig.Period != "" {
		d.ShowPeriod = !strings.Contains(fig.Title+"\n"+fig.Subtitle, fig.Period)
	}
	for _, s := range fig.Series {
		name := s.Name
		if name == "" {
			name = fig.ValueAxis
		}
		d.SeriesNames = append(d.SeriesNames, name)
	}
	for i, c := range fig.Categories {
		r := row{Category: c}
		for _, s := range fig.Series {
			r.Cells = append(r.Cells, s.Values[i])
		}
		d.Rows = append(d.Rows, r)
	}
	switch formOf(fig.Kind) {
	case formStat:
		d.Stats = stats(fig)
	case formMap:
		// A map shows classes; the exact values are in the table, open.
		d.Map, d.MapNoData, d.TableOpen = true, mapHasNoData(fig), true
	}
	return d, nil
}

// pageMeta is m with the figure's title, alt text and source where m has
// none.
func pageMeta(fig *figure.Figure, m provenance.Meta) provenance.Meta {
	if m.Title == "" {
		m.Title = fig.Title
	}
	if m.Description == "" {
		m.Description = fig.Alt
	}
	if m.Source == "" {
		m.Source = fig.Source
	}
	return m
}

// rankHeight is the height in px of a horizontal bar chart: a slot per
// category, wide enough for its bars, plus the axes.
func rankHeight(fig *figure.Figure) int {
	per := 26*len(fig.Series) + 10
	h := 110 + per*len(fig.Categories)
	if len(fig.Series) > 1 {
		h += 24
	}
	return max(h, 240)
}

// stats lists the headline numbers of a stat or pictogram figure: one per category for
// one series, one per series for one category, else one per pair.
func stats(fig *figure.Figure) []stat {
	var out []stat
	for _, s := range fig.Series {
		for ci, v := range s.Values {
			label := fig.Categories[ci]
			switch {
			case len(fig.Series) == 1:
			case len(fig.Categories) == 1:
				label = s.Name
			default:
				label = s.Name + " (" + fig.Categories[ci] + ")"
			}
			out = append(out, stat{Value: v.Label, Label: label, Known: v.Known})
		}
	}
	return out
}

// inlineJS checks that a library can sit inside an inline <script>: it may
// not contain "</script" (which would end the element) nor "<!--" (which
// changes how the parser looks for the end). echarts.min.js 5.4.3 has
// neither; rewriting minified code to remove them could change its meaning.
func inlineJS(lib []byte) (template.JS, error) {
	low := bytes.ToLower(lib)
	if bytes.Contains(low, []byte("</script")) || bytes.Contains(low, []byte("<!--")) {
		return "", fmt.Errorf("web: Options.Inline contains \"</script\" or \"<!--\": it cannot be inlined safely; load it from AssetsURL")
	}
	return template.JS(lib), nil
}

// fallback is the still image a page shows until its chart is drawn.
type fallback struct {
	Src           string            // its URL
	Data          template.HTMLAttr // or the src attribute of a data: URL
	Width, Height int
}
