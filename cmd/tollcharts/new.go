package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// newID is what a report or dataset name may be: it names files and
// appears in URLs.
var newID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// newCmd writes a template to start from: a commented report spec
// (reports/<id>.yaml), or with -dataset a CSV header and a provenance
// sidecar (datasets/<name>.csv, datasets/<name>.meta.yaml). Every value
// to fill in reads TODO, which check refuses at its line and column until
// it is replaced. Existing files are never overwritten.
func newCmd(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("new", stderr)
	dataset := fl.Bool("dataset", false, "write datasets/NAME.csv and datasets/NAME.meta.yaml instead of a report spec")
	root := fl.String("root", ".", "the project folder holding reports/ and datasets/")
	fl.Usage = func() {
		fmt.Fprint(stderr, "usage: tollcharts new [-root DIR] REPORT-ID\n       tollcharts new [-root DIR] -dataset NAME\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() != 1 {
		fl.Usage()
		return exitUsage
	}
	id := fl.Arg(0)
	if !newID.MatchString(id) {
		fmt.Fprintf(stderr, "tollcharts new: %q: want lower-case letters, digits and single hyphens, e.g. russia-11th-anniversary\n", id)
		return exitUsage
	}
	var files []newFile
	if *dataset {
		files = []newFile{
			{filepath.Join(*root, "datasets", id+".csv"), datasetCSV},
			{filepath.Join(*root, "datasets", id+".meta.yaml"), strings.ReplaceAll(datasetSidecar, "{{name}}", id)},
		}
	} else {
		files = []newFile{{filepath.Join(*root, "reports", id+".yaml"), strings.ReplaceAll(reportSpec, "{{id}}", id)}}
	}
	for _, f := range files {
		if _, err := os.Stat(f.path); err == nil {
			fmt.Fprintf(stderr, "tollcharts new: %s exists; nothing written (remove it or choose another name)\n", f.path)
			return exitError
		} else if !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "tollcharts new: %v\n", err)
			return exitError
		}
	}
	for _, f := range files {
		if err := writeNew(f); err != nil {
			fmt.Fprintf(stderr, "tollcharts new: %v\n", err)
			return exitError
		}
		fmt.Fprintln(stdout, f.path)
	}
	fmt.Fprintln(stderr, "fill in every TODO, then run: tollcharts check "+strings.Join(paths(files), " "))
	return exitOK
}

type newFile struct{ path, body string }

func paths(fs []newFile) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		if !strings.HasSuffix(f.path, ".meta.yaml") {
			out = append(out, f.path)
		}
	}
	return out
}

// writeNew creates the file, refusing to replace one made meanwhile.
func writeNew(f newFile) error {
	if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
		return err
	}
	w, err := os.OpenFile(f.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, f.body); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

const reportSpec = `# A report spec: one publication's charts, in English and Arabic.
# The full format is in reports/README.md. Replace every TODO; "tollcharts
# check" names each one left, at its line and column.
id: {{id}}
title:
  en: TODO the publication's title in English
  ar: TODO عنوان المنشور بالعربية
# languages: [en, ar]                # the default: both
# arabic:
#   digits: latn                     # latn (6,993) | arab (٦٬٩٩٣)
#   months: levantine                # levantine (أيلول) | egyptian (سبتمبر)
#   mirror_time: false               # true: time axes run right to left in Arabic too
datasets:
  # name: path of a CSV in datasets/, relative to this file
  main: ../datasets/TODO.csv
charts:
  - id: victims                      # names the output files: <lang>/victims.png ...
    kind: bar                        # bar | column | line | stacked | grouped | donut | multiples
                                     # | stat | pictogram | map | tilemap | timeline
    data: main
    title:
      # Numbers in titles come from the data: {value:all} is the value of
      # category "all". A number typed by hand is refused.
      en: TODO a title in English, e.g. At least {value:all} civilians killed
      ar: TODO عنوان بالعربية
    # subtitle: {en: "{period}", ar: "{period}"}
    select:
      metric: civilians_killed
      category: [all, children, women]
    x: category                      # the axis: period | governorate | category | perpetrator | metric
    # annotations:                   # optional: reports/README.md#annotations
    #   - highlight: children        # a category in the accent colour, the others muted
    #   - callout: children          # a short text beside a value, an arrow to it
    #     text: {en: "{value:children} children", ar: "{value:children} طفلاً"}
    #     leader: true
`

const datasetCSV = "period,governorate,category,value,source,note\n"

const datasetSidecar = `# The provenance of datasets/{{name}}.csv: who published its numbers,
# where and when. The format is in datasets/README.md. Replace every TODO;
# "tollcharts check" names each one left, at its line and column. Only
# published figures belong in the CSV, each row naming its source below;
# a figure not published is left blank (no data), never 0.
title: "TODO what the dataset holds, e.g. Civilians killed by Russian forces, 2015-2025"
publisher: "TODO the publishing organisation"
publisher_short: TODO
period_semantics: window             # window: each period is the window the source counts
documented_minimum: true             # true: the counts are documented minimums ("at least")
licence: "TODO the terms the figures are quoted under"
notes: >
  TODO for curators: where the numbers come from and what a reader must know.
defaults:
  perpetrator: russian_forces
  metric: civilians_killed
default_source: main
sources:
  main:
    title: "TODO the publication's title, as published"
    date: "TODO YYYY-MM-DD"
    url: "TODO https://..."
    kind: primary                    # primary: the publisher's own; secondary: a report quoting it
`
