package spec

import (
	"fmt"
	"slices"
	"strings"

	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
)

// Annotation is one thing a chart says about its numbers, besides drawing
// them. Exactly one of Highlight, Callout and Reference is set; each names
// a category of the chart's x axis by its key (a period such as 2016, a
// governorate name or P-code, a category or perpetrator id):
//
//   - highlight: that category in the accent colour, the others muted;
//   - callout: a short text beside that category's value (of Series, when
//     the chart has several), with a leader line when Leader is set;
//   - reference: a labelled line on that category, or a band from it to
//     To, across the plot.
type Annotation struct {
	Highlight sy.String `yaml:"highlight"`
	Callout   sy.String `yaml:"callout"`
	Reference sy.String `yaml:"reference"`
	To        sy.String `yaml:"to"`
	Series    sy.String `yaml:"series"`
	Text      Text      `yaml:"text"`
	Leader    bool      `yaml:"leader"`
	At        sy.Pos
}

// MaxAnnotations is the most annotations a chart may carry (the max tag
// of Chart.Annotations): more would crowd the numbers they speak of.
const MaxAnnotations = 6

// annotationKinds lists, for each annotation, the chart kinds it is drawn
// on.
var annotationKinds = map[string][]string{
	"highlight": {"bar", "column", "map", "tilemap"},
	"callout":   {"bar", "column", "line", "grouped"},
	"reference": {"column", "line", "stacked", "grouped"},
}

// What returns the annotation's kind ("highlight", "callout", "reference")
// and the category key it names.
func (a *Annotation) What() (string, sy.String) {
	switch {
	case a.Highlight.Line != 0:
		return "highlight", a.Highlight
	case a.Callout.Line != 0:
		return "callout", a.Callout
	case a.Reference.Line != 0:
		return "reference", a.Reference
	}
	return "", sy.String{}
}

func (v *validator) annotations(c *Chart) {
	highlights := 0
	for i := range c.Annotations {
		a := &c.Annotations[i]
		what := fmt.Sprintf("annotations[%d]", i)
		n := 0
		for _, s := range []sy.String{a.Highlight, a.Callout, a.Reference} {
			if s.Line != 0 {
				n++
			}
		}
		if n != 1 {
			v.add(a.At, "chart %q: %s names %d of highlight, callout and reference; want exactly one", c.ID.Value, what, n)
			continue
		}
		kind, key := a.What()
		if strings.TrimSpace(key.Value) == "" {
			v.add(key.Pos, "chart %q: %s: %s is empty; want the key of a category on the chart's x axis", c.ID.Value, what, kind)
		}
		if ks := annotationKinds[kind]; c.Kind.Line != 0 && slices.Contains(kindNames, c.Kind.Value) && !slices.Contains(ks, c.Kind.Value) {
			v.add(key.Pos, "chart %q: a %s is not drawn on a %s chart; want kind: %s", c.ID.Value, kind, c.Kind.Value, strings.Join(ks, ", "))
		}
		if kind == "highlight" {
			highlights++
			if highlights == 2 {
				v.add(key.Pos, "chart %q: a second highlight; a chart highlights one category", c.ID.Value)
			}
			if !a.Text.IsZero() {
				v.add(a.Text.At, "chart %q: %s: a highlight has no text; add a callout on the same category to say something about it", c.ID.Value, what)
			}
		} else {
			if a.Text.IsZero() {
				v.add(a.At, "chart %q: %s: a %s needs text: {en: ..., ar: ...}", c.ID.Value, what, kind)
			}
			v.handTyped(c, a.Text, what+".text")
		}
		if a.To.Line != 0 && kind != "reference" {
			v.add(a.To.Pos, "chart %q: %s: to is for a reference band; want it only with reference", c.ID.Value, what)
		}
		if a.Series.Line != 0 && kind != "callout" {
			v.add(a.Series.Pos, "chart %q: %s: series is for a callout; want it only with callout", c.ID.Value, what)
		}
		if a.Leader && kind != "callout" {
			v.add(a.At, "chart %q: %s: leader is for a callout; want it only with callout", c.ID.Value, what)
		}
	}
}
