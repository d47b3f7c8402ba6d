package spec

import (
	"path/filepath"
	"strings"
	"testing"
)

// The spec lives in testdata/, beside a synthetic dataset.
var specPath = filepath.Join("testdata", "r.yaml")

const good = `id: synthetic
title: {en: Synthetic, ar: تجريبي}
datasets:
  d: synthetic.csv
charts:
  - id: c1
    kind: bar
    data: d
    title: {en: One, ar: واحد}
    select: {metric: civilians_killed}
    x: category
`

func TestParseGood(t *testing.T) {
	r, err := Parse(specPath, []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if r.ID.Value != "synthetic" || len(r.Charts) != 1 || r.DatasetPaths["d"] != filepath.Join("testdata", "synthetic.csv") {
		t.Errorf("parsed %+v", r)
	}
	if got := strings.Join(r.Langs(), ","); got != "en,ar" {
		t.Errorf("languages %s, want both by default", got)
	}
}

func TestParseErrors(t *testing.T) {
	p := specPath
	for _, c := range []struct{ name, in, want string }{
		{"unknown field", strings.Replace(good, "x: category", "x: category\n    colour: red", 1),
			p + `:12:5: unknown field "colour"; want one of: annotations, data, derive, events, id, kind, labels, notes, select, series, sort, subtitle, title, video, x`},
		{"wrong type", strings.Replace(good, "kind: bar", "kind: [bar]", 1),
			p + ":7:11: want a string, got a list"},
		{"missing dataset", strings.Replace(good, "synthetic.csv", "nowhere.csv", 1),
			p + `:4:6: dataset "d" not found at ` + filepath.Join("testdata", "nowhere.csv")},
		{"duplicate chart id", good + "  - id: c1\n    kind: line\n    data: d\n    title: {en: Two, ar: اثنان}\n    select: {metric: massacres}\n",
			p + `:12:9: duplicate chart id "c1" (first at line 6)`},
		{"bad id", strings.Replace(good, "id: c1", "id: ../c1", 1),
			p + `:6:9: chart id "../c1" is not allowed; want lower-case letters, digits and hyphens (at most 64), starting with a letter or digit`},
		{"unknown kind", strings.Replace(good, "kind: bar", "kind: pie", 1),
			p + `:7:11: kind "pie" is not known; want one of: ` + strings.Join(KindNames(), ", ")},
		{"unknown data", strings.Replace(good, "data: d", "data: e", 1),
			p + `:8:11: data "e" is not one of the report's datasets: d`},
		{"absolute dataset", strings.Replace(good, "d: synthetic.csv", "d: /etc/passwd.csv", 1),
			p + `:4:6: dataset path "/etc/passwd.csv" is not allowed; want a .csv or .xlsx path relative to the spec`},
		{"yaml syntax", "id: [unclosed\n", p + ":1:1: YAML syntax: did not find expected ',' or ']'"},
		{"empty", "", p + ":1:1: file is empty; a YAML mapping is required"},
		{"every error", strings.Replace(strings.Replace(good, "kind: bar", "kind: pie", 1), "x: category", "x: colour", 1),
			p + `:7:11: kind "pie" is not known; want one of: ` + strings.Join(KindNames(), ", ") + "\n" +
				p + `:11:8: x "colour" is not known; want one of: period, governorate, category, perpetrator, metric`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(p, []byte(c.in))
			if err == nil {
				t.Fatalf("no error, want %s", c.want)
			}
			if err.Error() != c.want {
				t.Errorf("got  %s\nwant %s", err, c.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("id: x\ncharts: [{id: a, kind: bar}]\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte(head + strings.Repeat("  - {}\n", MaxCharts+1))) // over MaxCharts
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Parse(specPath, data)
		if err == nil {
			return
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if !strings.HasPrefix(line, specPath+":") {
				t.Fatalf("error without the path: %q", line)
			}
		}
	})
}
