package provenance

// Names of the HTML <meta> elements a page carries besides description
// and generator.
const (
	MetaSource = "tollcharts:source"
	MetaTheme  = "tollcharts:theme"
	MetaInput  = "tollcharts:input-sha256" // one per input: "<sha256>  <path>"
)

// HTMLMeta is one <meta name content> of a page; html/template escapes
// both when it writes them.
type HTMLMeta struct{ Name, Content string }

// HTML lists the <meta> elements of a page, in a fixed order: the
// description (the alt text), the generator, the source line, the theme
// and one per input. The page's title is its <title>.
func HTML(m Meta) []HTMLMeta {
	var out []HTMLMeta
	add := func(name, v string) {
		if v = Clean(v); v != "" {
			out = append(out, HTMLMeta{name, v})
		}
	}
	add("description", m.Description)
	add("generator", m.Software)
	add(MetaSource, m.Source)
	add(MetaTheme, m.Theme)
	for _, in := range m.SortedInputs() {
		add(MetaInput, in.Line())
	}
	return out
}
