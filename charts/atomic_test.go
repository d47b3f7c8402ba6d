package charts

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// syntheticProject lays out a small project whose numbers are invented for
// tests, and returns its spec path.
func syntheticProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"datasets/synthetic.csv": "period,category,value\n2019,all,100\n2019,children,30\n2020,all,50\n2020,children,10\n",
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
    title: {en: Synthetic years, ar: سنوات تجريبية}
    select: {metric: civilians_killed, category: [all]}
    x: period
`,
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "reports", "synthetic.yaml")
}

// buildSVG builds the synthetic report's SVGs into out.
func buildSVG(t *testing.T, spec, out string, force bool) ([]string, error) {
	t.Helper()
	var written bytes.Buffer
	res, err := Build(context.Background(), Options{Reports: []string{spec}, Out: out, Formats: []string{"svg"}, Jobs: 2, Force: force, Written: &written})
	if res == nil {
		t.Fatalf("Build returned no result (%v)", err)
	}
	if got := strings.Join(res.Written, "\n"); got != strings.TrimSpace(written.String()) {
		t.Errorf("Result.Written %q, Options.Written %q", got, written.String())
	}
	return res.Written, err
}

// files lists the regular files and links under dir, relative, with
// forward slashes.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	return out
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestOutDirRefusesPathsOutside: absolute names and names climbing out
// with ".." are refused for every operation, before anything is touched.
func TestOutDirRefusesPathsOutside(t *testing.T) {
	base := t.TempDir()
	out, err := openOut(filepath.Join(base, "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	victim := filepath.Join(base, "victim.txt")
	os.WriteFile(victim, []byte("not the build's"), 0o644)
	for _, rel := range []string{"../victim.txt", "r/../../victim.txt", victim, "/etc/passwd", "", "..", `r\..\..\victim.txt`} {
		if _, err := out.writeFile(rel, []byte("x")); err == nil || !strings.Contains(err.Error(), "is not a path inside "+out.name+"; want a relative path without ..") {
			t.Errorf("writeFile(%q): %v", rel, err)
		}
		if err := out.remove(rel); err == nil {
			t.Errorf("remove(%q): no error", rel)
		}
		if _, err := out.readFile(rel); err == nil {
			t.Errorf("readFile(%q): no error", rel)
		}
	}
	if b, _ := os.ReadFile(victim); string(b) != "not the build's" {
		t.Errorf("victim now %q", b)
	}
	if got := files(t, base); strings.Join(got, " ") != "victim.txt" {
		t.Errorf("files %v", got)
	}
}

// TestWriteFileAtomicAndUnchanged: a write goes through a temporary file
// in the same folder that does not outlive it, and equal bytes are not
// written again (same inode, no rename).
func TestWriteFileAtomicAndUnchanged(t *testing.T) {
	base := t.TempDir()
	out, err := openOut(base)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if changed, err := out.writeFile("r/en/a.svg", []byte("one")); err != nil || !changed {
		t.Fatalf("first write: %v %v", changed, err)
	}
	st1, _ := os.Stat(filepath.Join(base, "r", "en", "a.svg"))
	if changed, err := out.writeFile("r/en/a.svg", []byte("one")); err != nil || changed {
		t.Fatalf("same bytes: changed %v, %v; want unchanged", changed, err)
	}
	st2, _ := os.Stat(filepath.Join(base, "r", "en", "a.svg"))
	if !os.SameFile(st1, st2) {
		t.Errorf("same bytes replaced the file")
	}
	if changed, err := out.writeFile("r/en/a.svg", []byte("two")); err != nil || !changed {
		t.Fatalf("new bytes: %v %v", changed, err)
	}
	if b, _ := os.ReadFile(filepath.Join(base, "r", "en", "a.svg")); string(b) != "two" {
		t.Errorf("content %q", b)
	}
	if st, _ := os.Stat(filepath.Join(base, "r", "en", "a.svg")); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
	if got := files(t, base); strings.Join(got, " ") != "r/en/a.svg" {
		t.Errorf("files %v; want no temporary file left", got)
	}
}

// TestSymlinkedReportFolderOutside: output/<report> a symbolic link to a
// folder elsewhere (absolute or relative) gives one clear error before
// anything renders, and nothing is written there.
func TestSymlinkedReportFolderOutside(t *testing.T) {
	spec := syntheticProject(t)
	for _, relative := range []bool{false, true} {
		base := t.TempDir()
		out := filepath.Join(base, "out")
		elsewhere := filepath.Join(base, "elsewhere")
		os.MkdirAll(out, 0o755)
		os.MkdirAll(elsewhere, 0o755)
		target := elsewhere
		if relative {
			target = filepath.Join("..", "elsewhere")
		}
		symlink(t, target, filepath.Join(out, "synthetic"))
		written, err := buildSVG(t, spec, out, false)
		want := filepath.Join(out, "synthetic") + ": is a symbolic link to " + target + ", which does not lead to a folder inside " + out + "; want a folder inside " + out
		if err == nil || err.Error() != want {
			t.Errorf("error\n%v\nwant\n%s", err, want)
		}
		if len(written) != 0 {
			t.Errorf("wrote %v", written)
		}
		if got := files(t, elsewhere); len(got) != 0 {
			t.Errorf("wrote outside the output folder: %v", got)
		}
	}
}

// TestSymlinkedLanguageFolderOutside: a folder below the report's, turned
// into a link out after a build, stops the next build with a clear error;
// the folder it points to is left alone.
func TestSymlinkedLanguageFolderOutside(t *testing.T) {
	spec := syntheticProject(t)
	base := t.TempDir()
	out := filepath.Join(base, "out")
	if _, err := buildSVG(t, spec, out, false); err != nil {
		t.Fatal(err)
	}
	elsewhere := filepath.Join(base, "elsewhere")
	os.MkdirAll(elsewhere, 0o755)
	os.WriteFile(filepath.Join(elsewhere, "years.svg"), []byte("not the build's"), 0o644)
	en := filepath.Join(out, "synthetic", "en")
	os.RemoveAll(en)
	symlink(t, elsewhere, en)
	_, err := buildSVG(t, spec, out, true)
	want := en + ": is a symbolic link to " + elsewhere + ", which does not lead to a folder inside " + out + "; want a folder inside " + out
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error\n%v\nwant\n%s", err, want)
	}
	if got := files(t, elsewhere); strings.Join(got, " ") != "years.svg" {
		t.Errorf("files elsewhere: %v", got)
	}
	if b, _ := os.ReadFile(filepath.Join(elsewhere, "years.svg")); string(b) != "not the build's" {
		t.Errorf("years.svg elsewhere now %q", b)
	}
}

// TestSymlinkInsideOutputIsFollowed: a link that stays inside the output
// folder is allowed (it is the user's layout), and the files land where it
// leads.
func TestSymlinkInsideOutputIsFollowed(t *testing.T) {
	spec := syntheticProject(t)
	out := filepath.Join(t.TempDir(), "out")
	os.MkdirAll(filepath.Join(out, "real"), 0o755)
	symlink(t, "real", filepath.Join(out, "synthetic"))
	if _, err := buildSVG(t, spec, out, false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "real", "en", "years.svg")); err != nil {
		t.Error(err)
	}
}

// TestSymlinkAtFinalNameIsReplaced: a link where a file goes is replaced
// by the file; the file it pointed to is never written through.
func TestSymlinkAtFinalNameIsReplaced(t *testing.T) {
	spec := syntheticProject(t)
	base := t.TempDir()
	out := filepath.Join(base, "out")
	if _, err := buildSVG(t, spec, out, false); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(base, "victim.svg")
	os.WriteFile(victim, []byte("not the build's"), 0o644)
	p := filepath.Join(out, "synthetic", "en", "years.svg")
	want, _ := os.ReadFile(p)
	os.Remove(p)
	symlink(t, victim, p)
	if _, err := buildSVG(t, spec, out, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "not the build's" {
		t.Errorf("wrote through the link: victim now %.40q", b)
	}
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() {
		t.Fatalf("%s: %v %v; want a file", p, st, err)
	}
	if got, _ := os.ReadFile(p); !bytes.Equal(got, want) {
		t.Errorf("%s differs from the first build's", p)
	}
}

// TestStaleRemovalStaysInside: a manifest edited to list files outside the
// report folder (by "..", an absolute path or a link out) never makes a
// build remove them.
func TestStaleRemovalStaysInside(t *testing.T) {
	spec := syntheticProject(t)
	base := t.TempDir()
	out := filepath.Join(base, "out")
	if _, err := buildSVG(t, spec, out, false); err != nil {
		t.Fatal(err)
	}
	elsewhere := filepath.Join(base, "elsewhere")
	os.MkdirAll(elsewhere, 0o755)
	victims := []string{filepath.Join(base, "victim.txt"), filepath.Join(out, "victim.txt"), filepath.Join(elsewhere, "victim.txt")}
	for _, v := range victims {
		os.WriteFile(v, []byte("not the build's"), 0o644)
	}
	symlink(t, elsewhere, filepath.Join(out, "synthetic", "old"))
	mp := filepath.Join(out, "synthetic", "manifest.json")
	b, _ := os.ReadFile(mp)
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"../../victim.txt", "../victim.txt", filepath.ToSlash(victims[0]), "en/../../victim.txt", "old/victim.txt"} {
		m.Artifacts = append(m.Artifacts, Artifact{Path: p, Format: "txt"})
	}
	os.WriteFile(mp, m.encode(), 0o644)
	_, err := buildSVG(t, spec, out, false)
	want := filepath.Join(out, "synthetic", "old") + ": is a symbolic link to " + elsewhere + ", which does not lead to a folder inside " + out + "; want a folder inside " + out
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error\n%v\nwant\n%s", err, want)
	}
	for _, v := range victims {
		if b, err := os.ReadFile(v); string(b) != "not the build's" {
			t.Errorf("%s: %q %v", v, b, err)
		}
	}
}

// TestRenderErrorLeavesNothing: when one file of a report fails to render
// (here a note too long for the canvas), the files already staged are
// removed with the folders made for them, and an earlier build's files
// stay as they were.
func TestRenderErrorLeavesNothing(t *testing.T) {
	spec := syntheticProject(t)
	good, _ := os.ReadFile(spec)
	long := strings.Repeat("Synthetic words of a note far too long for its chart. ", 400)
	// The failing chart comes second: a worker takes it only once it has
	// staged a file of the first.
	bad := string(good) + `  - id: other
    kind: column
    data: d
    title: {en: Synthetic other, ar: تجريبي آخر}
    select: {metric: civilians_killed, category: [children]}
    x: period
    notes: [{en: "` + long + `", ar: "` + long + `"}]
`
	os.WriteFile(spec, []byte(bad), 0o644)
	out := filepath.Join(t.TempDir(), "out")
	written, err := buildSVG(t, spec, out, false)
	if err == nil || !strings.Contains(err.Error(), "is too small for its title and notes") {
		t.Fatalf("error %v; want the render error", err)
	}
	if len(written) != 0 {
		t.Errorf("wrote %v", written)
	}
	if got := files(t, out); strings.Join(got, " ") != LockName {
		t.Errorf("a failed first build left %v", got)
	}
	if _, err := os.Stat(filepath.Join(out, "synthetic")); !os.IsNotExist(err) {
		t.Errorf("the report folder was made: %v", err)
	}

	os.WriteFile(spec, good, 0o644)
	if _, err := buildSVG(t, spec, out, false); err != nil {
		t.Fatal(err)
	}
	before := map[string]string{}
	for _, p := range files(t, out) {
		b, _ := os.ReadFile(filepath.Join(out, p))
		before[p] = string(b)
	}
	os.WriteFile(spec, []byte(bad), 0o644)
	if _, err := buildSVG(t, spec, out, true); err == nil {
		t.Fatal("no error")
	}
	after := files(t, out)
	if len(after) != len(before) {
		t.Errorf("files now %v, were %d", after, len(before))
	}
	for _, p := range after {
		if b, _ := os.ReadFile(filepath.Join(out, p)); string(b) != before[p] {
			t.Errorf("%s changed", p)
		}
	}
}
