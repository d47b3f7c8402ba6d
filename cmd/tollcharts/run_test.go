package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runT runs the command line in-process.
func runT(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(context.Background(), args, &o, &e)
	return code, o.String(), e.String()
}

// writeFiles lays out a synthetic project in a temporary folder.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// synthetic is a small project whose numbers are invented for tests.
var synthetic = map[string]string{
	"datasets/synthetic.csv": "period,category,value\n2019,all,100\n2019,children,30\n2019,women,20\n2020,all,50\n2020,children,10\n2020,women,\n",
	"datasets/synthetic.meta.yaml": `title: Synthetic test data
publisher: Test
publisher_short: TEST
period_semantics: calendar_year
documented_minimum: true
licence: test only
defaults: {perpetrator: russian_forces, metric: civilians_killed}
default_source: s
sources:
  s: {title: Synthetic source, date: "2021", kind: primary}
`,
	"reports/synthetic.yaml": `id: synthetic
title: {en: Synthetic report, ar: تقرير تجريبي}
datasets:
  d: ../datasets/synthetic.csv
charts:
  - id: years
    kind: column
    data: d
    title: {en: "Synthetic: {value:2019} in {period:2019}? no", ar: عنوان تجريبي}
    select: {metric: civilians_killed, category: [all]}
    x: period
  - id: parts
    kind: bar
    data: d
    title: {en: Synthetic parts, ar: أجزاء تجريبية}
    select: {metric: civilians_killed, category: [all, children, women], period: ["2019"]}
    x: category
`,
}

func TestVersionAndUsage(t *testing.T) {
	if code, out, _ := runT(t, "version"); code != 0 || !strings.HasPrefix(out, "tollcharts ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, _, errOut := runT(t, "frobnicate"); code != 2 || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: %d %q", code, errOut)
	}
	if code, _, _ := runT(t); code != 2 {
		t.Errorf("no command: %d, want 2", code)
	}
	if code, _, errOut := runT(t, "build", "-format", "webm"); code != 2 || !strings.Contains(errOut, `-format: "webm" is not known; want one of: png, svg, pdf, html, oembed, mp4, gif`) {
		t.Errorf("bad format: %d %q", code, errOut)
	}
	if code, _, _ := runT(t, "build", "-nope"); code != 2 {
		t.Errorf("bad flag: %d, want 2", code)
	}
}

func TestBuildTwiceIsIdenticalAndQuiet(t *testing.T) {
	files := map[string]string{}
	for k, v := range synthetic {
		files[k] = v
	}
	files["reports/synthetic.yaml"] = strings.Replace(synthetic["reports/synthetic.yaml"], `"Synthetic: {value:2019} in {period:2019}? no"`, "Synthetic years", 1)
	dir := writeFiles(t, files)
	spec := filepath.Join(dir, "reports", "synthetic.yaml")
	out := filepath.Join(dir, "out")
	code, stdout, stderr := runT(t, "build", "-q", "-format", "svg,pdf", "-out", out, spec)
	if code != 0 {
		t.Fatalf("build: %d\n%s", code, stderr)
	}
	want := []string{"ar/parts.csv", "ar/parts.pdf", "ar/parts.svg", "ar/years.csv", "ar/years.pdf", "ar/years.svg",
		"en/parts.csv", "en/parts.pdf", "en/parts.svg", "en/years.csv", "en/years.pdf", "en/years.svg", "index.html", "manifest.json"}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		rel, _ := filepath.Rel(filepath.Join(out, "synthetic"), l)
		got = append(got, filepath.ToSlash(rel))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("stdout lists\n%v\nwant\n%v", got, want)
	}
	if stderr != "" {
		t.Errorf("-q printed %q", stderr)
	}
	before := snapshot(t, out)
	code, stdout, _ = runT(t, "build", "-q", "-format", "svg,pdf", "-out", out, spec)
	if code != 0 || stdout != "" {
		t.Errorf("rebuild: %d, wrote %q; want nothing written", code, stdout)
	}
	after := snapshot(t, out)
	for p, b := range before {
		if !bytes.Equal(b, after[p]) {
			t.Errorf("%s changed on rebuild", p)
		}
	}
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		m[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestBadInputLeavesOutputUntouched(t *testing.T) {
	dir := writeFiles(t, synthetic)
	spec := filepath.Join(dir, "reports", "synthetic.yaml")
	out := filepath.Join(dir, "out")
	// The {value:2019} placeholder names a period on a one-series chart: fine.
	if code, _, stderr := runT(t, "build", "-q", "-format", "png", "-out", out, spec); code != 0 {
		t.Fatalf("build: %d\n%s", code, stderr)
	}
	before := snapshot(t, out)
	csv := filepath.Join(dir, "datasets", "synthetic.csv")
	if err := os.WriteFile(csv, []byte("period,category,value\n2019,all,1.000\n2019,kids,3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runT(t, "build", "-q", "-format", "png", "-out", out, spec)
	if code != 1 || stdout != "" {
		t.Errorf("build with a bad dataset: exit %d, stdout %q; want 1 and nothing written", code, stdout)
	}
	want := csv + `:2:10: value "1.000" is ambiguous: a dot may be a thousands separator or a decimal point; write 6993 or 6,993` + "\n" +
		csv + `:3:6: unknown category "kids"; want one of: all, children, women, medical_and_civil_defence_personnel, medical_personnel, civil_defence_personnel, medical_personnel_women, media_workers, schools, medical_facilities, markets, mosques` + "\n"
	if stderr != want {
		t.Errorf("stderr\n%s\nwant\n%s", stderr, want)
	}
	if code, _, stderr2 := runT(t, "check", csv); code != 1 || stderr2 != want {
		t.Errorf("check: exit %d\n%s", code, stderr2)
	}
	after := snapshot(t, out)
	if len(after) != len(before) {
		t.Errorf("output has %d files, had %d", len(after), len(before))
	}
	for p, b := range before {
		if !bytes.Equal(b, after[p]) {
			t.Errorf("%s changed by a failed build", p)
		}
	}
}

func TestCheckShippedReports(t *testing.T) {
	specs, _ := filepath.Glob(filepath.Join("..", "..", "reports", "*.yaml"))
	if len(specs) < 4 {
		t.Fatalf("found %d shipped reports, want at least 4", len(specs))
	}
	code, _, stderr := runT(t, append([]string{"check"}, specs...)...)
	if code != 0 {
		t.Errorf("check shipped reports: %d\n%s", code, stderr)
	}
	data, _ := filepath.Glob(filepath.Join("..", "..", "datasets", "*.csv"))
	if code, _, stderr := runT(t, append([]string{"check"}, data...)...); code != 0 {
		t.Errorf("check shipped datasets: %d\n%s", code, stderr)
	}
}

var updateGolden = flag.Bool("update", os.Getenv("UPDATE_GOLDEN") != "", "rewrite golden files")

// TestIncremental: a rebuild renders only the charts whose numbers or
// texts changed; -force renders everything.
func TestIncremental(t *testing.T) {
	files := map[string]string{}
	for k, v := range synthetic {
		files[k] = v
	}
	// The chart of parts draws on a second dataset, a copy: every file
	// names the hashes of the files it is made from, so only the charts
	// of a changed dataset can be rendered again.
	files["datasets/synthetic2.csv"] = files["datasets/synthetic.csv"]
	files["datasets/synthetic2.meta.yaml"] = files["datasets/synthetic.meta.yaml"]
	files["reports/synthetic.yaml"] = strings.Replace(strings.Replace(files["reports/synthetic.yaml"],
		"  d: ../datasets/synthetic.csv\n", "  d: ../datasets/synthetic.csv\n  e: ../datasets/synthetic2.csv\n", 1),
		"  - id: parts\n    kind: bar\n    data: d\n", "  - id: parts\n    kind: bar\n    data: e\n", 1)
	dir := writeFiles(t, files)
	spec := filepath.Join(dir, "reports", "synthetic.yaml")
	out := filepath.Join(dir, "out")
	if code, _, stderr := runT(t, "build", "-q", "-format", "svg", "-out", out, spec); code != 0 {
		t.Fatal(stderr)
	}
	// 2020's figure changes in the first dataset: the chart of years shows
	// it, the chart of 2019's parts (from the second) does not.
	csv := filepath.Join(dir, "datasets", "synthetic.csv")
	b, _ := os.ReadFile(csv)
	os.WriteFile(csv, []byte(strings.Replace(string(b), "2020,all,50", "2020,all,60", 1)), 0o644)
	_, stdout, _ := runT(t, "build", "-q", "-format", "svg", "-out", out, spec)
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if strings.Contains(l, "parts") {
			t.Errorf("rewrote %s, whose chart did not change", l)
		}
	}
	if !strings.Contains(stdout, filepath.Join("en", "years.svg")) || !strings.Contains(stdout, "manifest.json") {
		t.Errorf("did not rewrite the changed chart:\n%s", stdout)
	}
	// -force renders all, but files whose bytes are equal are not rewritten.
	if code, stdout, _ := runT(t, "build", "-q", "-force", "-format", "svg", "-out", out, spec); code != 0 || stdout != "" {
		t.Errorf("-force: %d, wrote %q; want nothing rewritten (same bytes)", code, stdout)
	}
}
