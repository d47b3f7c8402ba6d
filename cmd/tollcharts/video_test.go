package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// videoSpec is a synthetic report over testdata/bad/good.csv whose stat
// card has a 2 s video.
func videoSpec(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range []string{"good.csv", "good.meta.yaml"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "bad", n))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, n), b, 0o644)
	}
	spec := filepath.Join(dir, "video.yaml")
	os.WriteFile(spec, []byte(`id: video-case
title: {en: Synthetic, ar: تجريبي}
languages: [en]
datasets:
  d: good.csv
charts:
  - id: card
    kind: stat
    data: d
    title: {en: One, ar: واحد}
    select: {metric: civilians_killed}
    x: category
    video: {duration: 2, hold: 1.5}
`), 0o644)
	return spec
}

// TestVideoWithoutFFmpeg: a build that asks for MP4 on a machine without
// ffmpeg fails at once with one line naming the package and writes
// nothing; a GIF build works.
func TestVideoWithoutFFmpeg(t *testing.T) {
	spec := videoSpec(t)
	t.Setenv("PATH", t.TempDir())
	out := t.TempDir()
	code, stdout, stderr := runT(t, "build", "-q", "-format", "mp4", "-out", out, spec)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if code != 1 || stdout != "" || len(lines) != 1 || !strings.Contains(stderr, "Debian package ffmpeg") || !strings.HasPrefix(stderr, spec+":13:12: ") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1, nothing, one positioned line naming the package ffmpeg", code, stdout, stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) > 1 { // the lock file at most
		t.Errorf("wrote %d entries", len(entries))
	}
	code, stdout, stderr = runT(t, "build", "-q", "-format", "gif", "-out", out, spec)
	if code != 0 || !strings.Contains(stdout, "card-story.gif") || !strings.Contains(stdout, "card.caption.txt") || !strings.Contains(stdout, "card-story.poster.png") {
		t.Errorf("gif build: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestVideoBuild: MP4s, GIFs, posters and captions are artifacts with
// keys: a second build writes nothing, and the caption is the alt text
// and the source line.
func TestVideoBuild(t *testing.T) {
	if _, err := exec.LookPath("ffmpeg"); err != nil && os.Getenv("CI") == "" {
		t.Skip("ffmpeg not installed (apt-get install ffmpeg)")
	}
	spec := videoSpec(t)
	out := t.TempDir()
	code, stdout, stderr := runT(t, "build", "-q", "-format", "mp4,gif", "-out", out, spec)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"card.mp4", "card-square.mp4", "card-portrait.mp4", "card-story.mp4", "card-story.gif", "card.poster.png", "card.caption.txt", "manifest.json", "index.html"} {
		if !strings.Contains(stdout, string(filepath.Separator)+want+"\n") {
			t.Errorf("%s not written; wrote:\n%s", want, stdout)
		}
	}
	cap, err := os.ReadFile(filepath.Join(out, "video-case", "en", "card.caption.txt"))
	if err != nil || !strings.Contains(string(cap), "Source") {
		t.Errorf("caption %q (%v); want the alt text and the source line", cap, err)
	}
	m, _ := os.ReadFile(filepath.Join(out, "video-case", "manifest.json"))
	if !strings.Contains(string(m), `"format": "mp4"`) || !strings.Contains(string(m), `"caption": `) {
		t.Errorf("manifest lists no mp4 with its caption")
	}
	g, _ := os.ReadFile(filepath.Join(out, "video-case", "index.html"))
	if !strings.Contains(string(g), `<source src="en/card.mp4" type="video/mp4">`) {
		t.Errorf("gallery has no player for en/card.mp4")
	}
	if entries, _ := os.ReadDir(filepath.Join(out, "video-case")); len(entries) == 0 {
		t.Fatal("no report folder")
	} else {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".tmp-") {
				t.Errorf("temporary file left: %s", e.Name())
			}
		}
	}
	code, stdout, _ = runT(t, "build", "-q", "-format", "mp4,gif", "-out", out, spec)
	if code != 0 || stdout != "" {
		t.Errorf("rebuild: exit %d, wrote %q; want nothing", code, stdout)
	}
}
