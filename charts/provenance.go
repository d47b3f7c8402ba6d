package charts

import (
	"path/filepath"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/internal/provenance"
	"github.com/tollcharts/tollcharts/charts/theme"
)

// chartInputs are the inputs of the manifest a chart's files are made
// from, path to sha256: the report spec, the dataset the chart draws on
// and its provenance sidecar, and the theme file with its fonts and logo.
func chartInputs(l *Loaded, m *Manifest, chart string) map[string]string {
	data := map[string]bool{}
	for _, c := range l.Report.Charts {
		if c.ID.Value != chart {
			continue
		}
		if t := l.Tables[c.Data.Value]; t != nil {
			data[filepath.ToSlash(t.Path)] = true
			if t.MetaPath != "" {
				data[filepath.ToSlash(t.MetaPath)] = true
			}
		}
	}
	in := map[string]string{}
	for _, i := range m.Inputs {
		switch i.Kind {
		case "spec", "theme", "font", "logo":
			in[i.Path] = i.SHA256
		case "dataset", "provenance":
			if data[i.Path] {
				in[i.Path] = i.SHA256
			}
		}
	}
	return in
}

// figureMeta is what every file of a figure says about itself.
func figureMeta(f *figure.Figure, th *theme.Theme, inputs map[string]string) provenance.Meta {
	return provenance.Meta{
		Title: f.Title, Description: f.Alt, Source: f.Source,
		Software: "tollcharts " + Version, Theme: th.Name, Inputs: inputs,
	}
}

// reportInputs are every input of the manifest but the shared assets:
// what the gallery says it was made from.
func reportInputs(m *Manifest) map[string]string {
	in := map[string]string{}
	for _, i := range m.Inputs {
		if i.Kind != "asset" {
			in[i.Path] = i.SHA256
		}
	}
	return in
}
