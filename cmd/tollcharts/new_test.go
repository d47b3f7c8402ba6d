package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNew writes a report and a dataset from the templates, checks that
// check refuses them until every TODO is filled in, at its line and
// column, fills them in with synthetic values as a staffer would, and
// checks that check then passes and the report builds; new never
// overwrites a file.
func TestNew(t *testing.T) {
	root := t.TempDir()
	cli := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(context.Background(), args, &out, &errb)
		return code, out.String(), errb.String()
	}
	if code, out, errs := cli("new", "-root", root, "-dataset", "synthetic-tolls"); code != exitOK || !strings.Contains(out, "synthetic-tolls.meta.yaml") {
		t.Fatalf("new -dataset: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if code, out, errs := cli("new", "-root", root, "synthetic-report"); code != exitOK || !strings.Contains(out, "synthetic-report.yaml") {
		t.Fatalf("new: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	spec := filepath.Join(root, "reports", "synthetic-report.yaml")
	csv := filepath.Join(root, "datasets", "synthetic-tolls.csv")
	meta := filepath.Join(root, "datasets", "synthetic-tolls.meta.yaml")

	// Unfilled: one positioned error per TODO, exit 1.
	code, _, errs := cli("check", spec, csv)
	if code != exitError {
		t.Fatalf("check of the unfilled templates: exit %d, want 1; stderr %q", code, errs)
	}
	for _, want := range []string{meta + ":6:8: TODO left from the template", spec + ":6:7: TODO left from the template", spec + ":24:11: TODO"} {
		if !strings.Contains(errs, want) {
			t.Errorf("check stderr lacks %q:\n%s", want, errs)
		}
	}

	// Filled in: synthetic values, named as such.
	fill := func(path string, pairs ...string) {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for i := 0; i < len(pairs); i += 2 {
			if !strings.Contains(s, pairs[i]) {
				t.Fatalf("%s: the template has no %q", path, pairs[i])
			}
			s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
		}
		for _, line := range strings.Split(s, "\n") {
			if code, _, _ := strings.Cut(line, "#"); strings.Contains(code, "TODO") {
				t.Fatalf("%s: a TODO is left after filling: %q", path, line)
			}
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fill(meta,
		"TODO what the dataset holds, e.g. Civilians killed by Russian forces, 2015-2025", "Synthetic test tolls",
		"TODO the publishing organisation", "Synthetic publisher",
		"publisher_short: TODO", "publisher_short: SYN",
		"TODO the terms the figures are quoted under", "Synthetic, for tests only",
		"TODO for curators: where the numbers come from and what a reader must know.", "Synthetic numbers for the test of tollcharts new.",
		"TODO the publication's title, as published", "Synthetic publication",
		"TODO YYYY-MM-DD", "2020-10-01",
		"TODO https://...", "https://example.org/synthetic",
	)
	b, _ := os.ReadFile(csv)
	os.WriteFile(csv, append(b, []byte("2019-09-30/2020-09-30,,all,1500,main,synthetic\n2019-09-30/2020-09-30,,children,400,main,synthetic\n2019-09-30/2020-09-30,,women,,main,synthetic: no data\n")...), 0o644)
	fill(spec,
		"TODO the publication's title in English", "Synthetic report",
		"TODO عنوان المنشور بالعربية", "تقرير اصطناعي",
		"../datasets/TODO.csv", "../datasets/synthetic-tolls.csv",
		"TODO a title in English, e.g. At least {value:all} civilians killed", "At least {value:all} civilians killed (synthetic)",
		"TODO عنوان بالعربية", "مقتل ما لا يقل عن {value:all} مدنياً (اصطناعي)",
	)
	if code, _, errs := cli("check", spec, csv); code != exitOK {
		t.Fatalf("check of the filled-in templates: exit %d; stderr:\n%s", code, errs)
	}
	// The options the template shows commented out are valid as written.
	fill(spec,
		"# languages:", "languages:",
		"# arabic:\n#   digits: latn", "arabic:\n  digits: latn",
		"#   months:", "  months:",
		"#   mirror_time:", "  mirror_time:",
		"    # subtitle:", "    subtitle:",
		"    # annotations:", "    annotations:",
		"    #   - ", "      - ",
		"    #     ", "        ",
	)
	if code, _, errs := cli("check", spec, csv); code != exitOK {
		t.Fatalf("check of the templates with their options uncommented: exit %d; stderr:\n%s", code, errs)
	}
	out := filepath.Join(root, "output")
	if code, _, errs := cli("build", "-q", "-out", out, "-format", "png", spec); code != exitOK {
		t.Fatalf("build of the filled-in report: exit %d; stderr:\n%s", code, errs)
	}
	for _, lang := range []string{"en", "ar"} {
		if _, err := os.Stat(filepath.Join(out, "synthetic-report", lang, "victims.png")); err != nil {
			t.Errorf("the filled-in report did not write its chart: %v", err)
		}
	}

	// Never overwrites.
	before, _ := os.ReadFile(spec)
	if code, _, errs := cli("new", "-root", root, "synthetic-report"); code != exitError || !strings.Contains(errs, "exists; nothing written") {
		t.Errorf("new over an existing spec: exit %d, stderr %q; want 1 and \"exists\"", code, errs)
	}
	if after, _ := os.ReadFile(spec); !bytes.Equal(before, after) {
		t.Error("new changed an existing spec")
	}
	if code, _, _ := cli("new", "-root", root, "Bad Name"); code != exitUsage {
		t.Errorf("new with a bad id: exit %d, want 2", code)
	}
}
