package charts

import (
	"bytes"
	"context"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/tollcharts/tollcharts/charts/dataset"
	"github.com/tollcharts/tollcharts/charts/diag"
	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/infographic"
	"github.com/tollcharts/tollcharts/charts/spec"
	"github.com/tollcharts/tollcharts/charts/static"
	"github.com/tollcharts/tollcharts/charts/text"
	"github.com/tollcharts/tollcharts/charts/theme"
	"github.com/tollcharts/tollcharts/charts/web"
)

// Version is the tool version recorded in every manifest.
const Version = "0.1.0"

// Formats the build can write.
var Formats = []string{"png", "svg", "pdf", "html", "oembed", "mp4", "gif"}

// Options say what to build. Nil or zero fields mean defaults.
type Options struct {
	Reports []string // spec paths; none means every reports/*.yaml under Root
	Root    string   // project root: reports/ and node_modules/ (default ".")
	Out     string   // output folder (default "output")
	Langs   []string // subset of the reports' languages (default: all)
	Formats []string // subset of Formats (default: all); CSV is always written
	Jobs    int      // parallel renders (default: the number of CPUs)
	Force   bool     // render everything, even what the last build left up to date
	// BaseURL is where the output folder is published
	// ("https://example.org/charts/"), for every report: it wins over
	// the specs' base_url. Link previews, oEmbed responses and the
	// gallery's embed codes name files by absolute URLs under it.
	BaseURL string
	// Defer lists formats this build leaves as the last build wrote them:
	// their files stay, listed in the manifest under their old keys (so
	// the next full build renders them), and are not rendered. A new
	// chart's deferred files are simply not there yet. serve builds the
	// pages first this way, then everything.
	Defer   []string
	Written io.Writer // receives the path of each file written, one per line
	Log     io.Writer // progress and summaries (nil: silent)
	Notices io.Writer // "waiting for another build of ..." (nil: silent)

	// echartsKey identifies the echarts bundle the pages load (made
	// only when a file that holds it is rendered, see html.go).
	echartsKey string
	// oembedAsked: Formats named oembed (it was not the default), so a
	// report without a base URL is an error rather than pages without
	// oEmbed.
	oembedAsked bool
	// Progress, when set, is called as each report starts and as each of
	// its artifacts finishes rendering (see Progress).
	Progress func(Progress)
}

// Result of a build.
type Result struct {
	Manifests []*Manifest
	Written   []string // paths written, in a stable order
}

func (o *Options) defaults() error {
	if o.Root == "" {
		o.Root = "."
	}
	if o.Out == "" {
		o.Out = "output"
	}
	if o.Jobs <= 0 {
		o.Jobs = runtime.NumCPU()
	}
	if len(o.Formats) == 0 {
		o.Formats = Formats
	} else {
		o.oembedAsked = slices.Contains(o.Formats, OEmbedFormat)
	}
	if err := checkBaseURL(o.BaseURL); err != nil {
		return err
	}
	if len(o.Reports) == 0 {
		m, err := filepath.Glob(filepath.Join(o.Root, "reports", "*.yaml"))
		if err != nil {
			return err
		}
		if len(m) == 0 {
			return fmt.Errorf("no reports: %s has no *.yaml", filepath.Join(o.Root, "reports"))
		}
		o.Reports = m
	}
	if o.Written == nil {
		o.Written = io.Discard
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if slices.Contains(o.Formats, "html") {
		k, err := web.BundleKey(o.Root)
		if err != nil {
			return err
		}
		o.echartsKey = k
	}
	return nil
}

// Loaded is a report with its datasets and figures, checked.
type Loaded struct {
	Report  *spec.Report
	Tables  map[string]*dataset.Table
	Figures []*figure.Figure // chart order, then language order
	// Theme is the report's theme; ThemeInputs the files it was read
	// from (none for a built-in theme).
	Theme       *theme.Theme
	ThemeInputs []Input
}

// Load reads and checks reports without writing anything: specs, datasets
// and every figure in every language. Datasets shared by reports are read
// once. It returns what loaded and every error found.
func Load(paths []string, langs []string) ([]*Loaded, error) {
	var errs diag.List
	tables := map[string]*dataset.Table{}
	tableErr := map[string]bool{}
	themes := map[string]*loadedTheme{}
	var out []*Loaded
	for _, path := range paths {
		r, err := spec.Load(path)
		if err != nil {
			errs.Append(path, err)
			continue
		}
		l := &Loaded{Report: r, Tables: map[string]*dataset.Table{}}
		ok := true
		for _, name := range slices.Sorted(mapsKeys(r.DatasetPaths)) {
			p := r.DatasetPaths[name]
			if _, seen := tables[p]; !seen && !tableErr[p] {
				t, err := dataset.Load(p)
				if err != nil {
					errs.Append(p, err)
					tableErr[p] = true
				} else {
					tables[p] = t
				}
			}
			if tableErr[p] {
				ok = false
				continue
			}
			l.Tables[name] = tables[p]
		}
		if th, in, found := resolveTheme(path, r.Theme, themes, &errs); found {
			l.Theme, l.ThemeInputs = th, in
		} else {
			ok = false
		}
		if !ok {
			continue
		}
		for i := range r.Charts {
			c := &r.Charts[i]
			for _, lang := range r.Langs() {
				if len(langs) > 0 && !slices.Contains(langs, lang) {
					continue
				}
				f, err := figure.Build(r, c, l.Tables[c.Data.Value], lang)
				if err != nil {
					errs.Append(path, err)
					ok = false
					continue
				}
				l.Figures = append(l.Figures, f)
			}
		}
		if ok {
			out = append(out, l)
		}
	}
	return out, errs.Err()
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// Build loads every report, renders every artifact and writes the reports
// that have no errors. A report with an error writes nothing.
func Build(ctx context.Context, o Options) (*Result, error) {
	if err := o.defaults(); err != nil {
		return nil, err
	}
	loaded, loadErr := Load(o.Reports, o.Langs)
	res := &Result{}
	var errs diag.List
	errs.Append("", loadErr)
	if len(loaded) == 0 {
		return res, errs.Err()
	}
	if err := checkFFmpeg(loaded, &o); err != nil {
		errs.Append("", err)
		return res, errs.Err()
	}
	if err := checkOEmbed(loaded, &o); err != nil {
		errs.Append("", err)
		return res, errs.Err()
	}
	out, release, err := openOutLocked(ctx, &o)
	if err != nil {
		if ctx.Err() != nil {
			return res, err
		}
		errs.Append("", err)
		return res, errs.Err()
	}
	defer release()
	for _, l := range loaded {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		m, written, err := buildReport(ctx, l, &o, out)
		res.Written = append(res.Written, written...)
		if err != nil {
			errs.Append(l.Report.Path, err)
			continue
		}
		res.Manifests = append(res.Manifests, m)
		fmt.Fprintf(o.Log, "%s: %d files, %d written\n", l.Report.ID.Value, len(m.Artifacts)+1, len(written))
	}
	return res, errs.Err()
}

// artifact is one file to render.
type artifact struct {
	Artifact
	render func(w io.Writer) error
	data   []byte
	cached bool    // up to date on disk: neither rendered nor written
	staged string  // rendered into this temporary file, renamed at the end
	same   bool    // rendered, and the file on disk already holds those bytes
	uses   *shared // a rendering its render takes, shared with others
}

// shared is one rendering that several artifacts use: the landscape PNG,
// written as a file and carried in the chart's page. The first of them to
// render makes it; the last to take it lets it go, so that memory holds
// it only while it is needed. renderAll counts the takers among the
// artifacts it renders.
type shared struct {
	render func(io.Writer) error
	mu     sync.Mutex
	data   []byte
	err    error
	made   bool
	takers int
}

// take returns the rendering, made on the first call; nil from a nil s.
func (s *shared) take() ([]byte, error) {
	if s == nil {
		return nil, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.made {
		var buf bytes.Buffer
		s.err = s.render(&buf)
		s.data, s.made = buf.Bytes(), true
	}
	data, err := s.data, s.err
	if s.takers--; s.takers <= 0 {
		s.data, s.made = nil, false // a taker not counted renders it again
	}
	return data, err
}

// write writes the rendering to w (the render of an artifact that is
// that rendering).
func (s *shared) write(w io.Writer) error {
	data, err := s.take()
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// reuse marks the artifacts whose file the previous build rendered from the
// same key and which are still on disk. It returns the previous build's
// artifacts by path (nil when there is no usable manifest).
func reuse(out *outDir, dir string, arts []*artifact, old *Manifest) map[string]Artifact {
	if old == nil || old.Tool.Version != Version {
		return nil
	}
	prev := map[string]Artifact{}
	for _, a := range old.Artifacts {
		prev[a.Path] = a
	}
	for _, a := range arts {
		p, ok := prev[a.Path]
		if !ok || a.Key == "" || p.Key != a.Key || p.SHA256 == "" {
			continue
		}
		if _, err := out.stat(path.Join(dir, a.Path)); err != nil {
			continue
		}
		a.cached, a.SHA256, a.render = true, p.SHA256, nil
	}
	return prev
}

// deferArts leaves the artifacts of the deferred formats as the previous
// build wrote them: one still on disk keeps its old entry (key and hash),
// one that is not is left out of this build.
func deferArts(out *outDir, dir string, arts []*artifact, prev map[string]Artifact, formats []string) []*artifact {
	kept := arts[:0]
	for _, a := range arts {
		if a.cached || !slices.Contains(formats, a.Format) {
			kept = append(kept, a)
			continue
		}
		p, ok := prev[a.Path]
		if !ok || p.SHA256 == "" {
			continue
		}
		if _, err := out.stat(path.Join(dir, a.Path)); err != nil {
			continue
		}
		a.Artifact = p
		a.cached, a.render = true, nil
		kept = append(kept, a)
	}
	return kept
}

// binaryID identifies the running program, so that a change to the
// renderers' code (even without a new Version) renders everything again:
// the Go build ID the linker wrote into it (a hash of everything it was
// built from, and of its contents), read in microseconds; where there is
// none, a hash of the whole file (tens of milliseconds).
var binaryID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if id := goBuildID(exe); id != "" {
		return "go-build-id " + id
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})

// goBuildID reads the Go build ID note of an ELF executable, or "".
func goBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return ""
	}
	note, err := sec.Data()
	// namesz, descsz, type, then the name "Go\x00\x00" and the ID.
	if err != nil || len(note) < 16 || string(note[12:16]) != "Go\x00\x00" {
		return ""
	}
	n := int(f.ByteOrder.Uint32(note[4:8]))
	if n <= 0 || 16+n > len(note) {
		return ""
	}
	return string(note[16 : 16+n])
}

// keyBase hashes what every file of a figure is rendered from: the
// program, the figure, the theme and the inputs' hashes (which PNG
// metadata carries), once per figure rather than once per file.
func keyBase(fig []byte, theme string, inputs map[string]string) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%s %s\n%q\n", Version, binaryID(), theme)
	for _, k := range slices.Sorted(maps.Keys(inputs)) {
		fmt.Fprintf(h, "%q %q\n", k, inputs[k])
	}
	h.Write(fig)
	var b [sha256.Size]byte
	h.Sum(b[:0])
	return b
}

// renderKey hashes what a file is rendered from: its figure's key base
// and what is particular to the file.
func renderKey(base [sha256.Size]byte, opts ...any) string {
	h := sha256.New()
	h.Write(base[:])
	fmt.Fprintf(h, "%q\n", opts)
	return hex.EncodeToString(h.Sum(nil))
}

var shaper = sync.OnceValue(func() *text.Handler { return text.NewHandler(text.Default()) })

func buildReport(ctx context.Context, l *Loaded, o *Options, out *outDir) (*Manifest, []string, error) {
	r := l.Report
	th := l.Theme
	if th == nil {
		th, _ = theme.ByName(r.Theme.Value)
	}
	m := &Manifest{Tool: Tool{Name: "tollcharts", Version: Version}, Report: r.ID.Value}
	if u := r.Updated; u != nil {
		m.Updated = &Updated{Date: u.Date.Value}
		for _, lang := range r.Langs() {
			if n, ok := u.Note.Get(lang); ok {
				if m.Updated.Note == nil {
					m.Updated.Note = map[string]string{}
				}
				m.Updated.Note[lang] = strings.TrimSpace(n)
			}
		}
	}
	m.Inputs = append(m.Inputs, Input{Path: filepath.ToSlash(r.Path), Kind: "spec", SHA256: fileHash(r.Path)})
	for _, t := range l.Tables {
		m.Inputs = appendInput(m.Inputs, Input{Path: filepath.ToSlash(t.Path), Kind: "dataset", SHA256: t.SHA256})
		m.Inputs = appendInput(m.Inputs, Input{Path: filepath.ToSlash(t.MetaPath), Kind: "provenance", SHA256: t.MetaSHA256})
	}
	for _, in := range l.ThemeInputs { // in every key, through the inputs
		m.Inputs = appendInput(m.Inputs, in)
	}
	arts, err := plan(ctx, l, th, o, m, out)
	if err != nil {
		return nil, nil, err
	}
	arts = append(arts, assetArts(o, m)...)
	dir := r.ID.Value // the report's folder, inside out
	if err := prepareDir(out, dir, o); err != nil {
		return nil, nil, err
	}
	// The previous build's manifest, read once: what can be reused, and
	// what is no longer made and must go.
	old, oldErr := readManifest(out, dir)
	var prev map[string]Artifact
	if !o.Force {
		prev = reuse(out, dir, arts, old)
	}
	if len(o.Defer) > 0 {
		arts = deferArts(out, dir, arts, prev, o.Defer)
	}
	// Each file is staged beside its final name as it renders: memory
	// holds a file per worker, not the report.
	st := out.stager()
	defer st.discard()
	keep := func(a *artifact) (err error) {
		a.SHA256 = hashBytes(a.data)
		a.staged, a.same, err = st.keep(path.Join(dir, a.Path), a.data)
		a.data = nil
		return err
	}
	if err := renderAll(ctx, arts, o.Jobs, o.progressStep(r.ID.Value, arts), keep); err != nil {
		return nil, nil, err
	}
	html, err := htmlSupport(l, o, m, arts)
	if err != nil {
		return nil, nil, err
	}
	arts = append(arts, html...)
	var written, writtenRel []string
	for _, a := range arts {
		if a.SHA256 == "" {
			a.SHA256 = hashBytes(a.data)
		}
		m.Artifacts = append(m.Artifacts, a.Artifact)
	}
	slices.SortFunc(arts, func(a, b *artifact) int { return cmpString(a.Path, b.Path) })
	for _, a := range arts {
		if a.cached || a.same {
			continue
		}
		rel := path.Join(dir, a.Path)
		var changed bool
		var err error
		if a.staged != "" {
			changed, err = true, st.commit(a.staged, rel)
		} else {
			changed, err = out.writeFile(rel, a.data)
		}
		if err != nil {
			return nil, written, err
		}
		if changed {
			writtenRel = append(writtenRel, rel)
			written = append(written, out.path(rel))
			fmt.Fprintln(o.Written, out.path(rel))
		}
	}
	mp := path.Join(dir, "manifest.json")
	if err := removeStale(out, dir, m, old, oldErr); err != nil {
		return nil, written, err
	}
	// The files are on disk before the manifest that lists them.
	if err := out.syncDirs(writtenRel); err != nil {
		return nil, written, err
	}
	changed, err := out.writeFile(mp, m.encode())
	if err != nil {
		return nil, written, err
	}
	if changed {
		written = append(written, out.path(mp))
		fmt.Fprintln(o.Written, out.path(mp))
	}
	return m, written, nil
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func appendInput(in []Input, x Input) []Input {
	if slices.ContainsFunc(in, func(i Input) bool { return i.Path == x.Path }) {
		return in
	}
	return append(in, x)
}

func hashBytes(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func fileHash(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// removeStale deletes files the previous manifest listed that this build
// no longer writes. Only files the tool wrote are ever removed.
func removeStale(out *outDir, dir string, m *Manifest, old *Manifest, oldErr error) error {
	if errors.Is(oldErr, os.ErrNotExist) {
		return nil
	} else if oldErr != nil {
		return oldErr
	}
	if old == nil {
		return nil // not ours to interpret: leave it
	}
	made := make(map[string]bool, len(m.Artifacts))
	for _, a := range m.Artifacts {
		made[a.Path] = true
	}
	for _, a := range old.Artifacts {
		if made[a.Path] || !localPath(a.Path) {
			continue
		}
		if err := out.remove(path.Join(dir, a.Path)); err != nil {
			return err
		}
	}
	return nil
}

// readManifest reads the manifest a previous build left in dir: nil and
// no error when it is not JSON of ours; the read error when it cannot be
// read (os.ErrNotExist when there is none).
func readManifest(out *outDir, dir string) (*Manifest, error) {
	b, err := out.readFile(path.Join(dir, "manifest.json"))
	if err != nil {
		return nil, err
	}
	var old Manifest
	if json.Unmarshal(b, &old) != nil {
		return nil, nil
	}
	return &old, nil
}

// localPath reports whether a manifest path stays inside the report folder.
func localPath(p string) bool {
	return filepath.IsLocal(filepath.FromSlash(p))
}

// plan lists every artifact of a report.
func plan(ctx context.Context, l *Loaded, th *theme.Theme, o *Options, m *Manifest, out *outDir) ([]*artifact, error) {
	want := func(f string) bool { return slices.Contains(o.Formats, f) }
	var arts []*artifact
	for _, f := range l.Figures {
		stem := f.Locale.Lang + "/" + f.ID
		base := Artifact{Chart: f.ID, Kind: string(f.Kind), Lang: f.Locale.Lang, Alt: f.Alt, Sources: sourceIDs(f)}
		fig := f
		csvArt := base
		csvArt.Path, csvArt.Format = stem+".csv", "csv"
		data := figureCSV(fig)
		arts = append(arts, &artifact{Artifact: csvArt, data: data})
		inputs := chartInputs(l, m, f.ID)
		meta := figureMeta(f, th, inputs)
		figJSON, err := json.Marshal(f)
		if err != nil {
			return nil, err
		}
		// The theme and the inputs' hashes (written into every file's
		// metadata) are part of every key.
		kb := keyBase(figJSON, th.Name, inputs)
		key := func(a Artifact, extra ...any) string {
			return renderKey(kb, append([]any{a.Path, a.Format, a.Size, a.Scale}, extra...)...)
		}
		html := func() {
			if !web.Supports(fig.Kind) {
				return
			}
			// The landscape PNG stands in for the chart until it is
			// drawn, when the build writes it (-format with png).
			still := want("png")
			oe := planOEmbed(l, o, fig, base, stem, still, key)
			if oe != nil {
				arts = append(arts, oe)
			}
			if !want("html") {
				return
			}
			b := baseURL(l, o)
			page := func(name string) web.Social { return social(b, fig, name, still) }
			oembedURL := ""
			if oe != nil {
				oembedURL = pageDir(b, fig) + fig.ID + ".oembed.json"
			}
			a := base
			a.Format, a.Path = "html", stem+".html"
			a.Key = key(a, still, page(fig.ID+".html"), oembedURL)
			var png *shared
			if still {
				png = shareArt(arts, stem+".png")
			}
			arts = append(arts, &artifact{Artifact: a, uses: png, render: func(w io.Writer) error {
				img, err := png.take()
				if err != nil {
					return err
				}
				return renderHTML(w, fig, nil, meta, img, page(fig.ID+".html"), oembedURL)
			}})
			if !slices.Contains([]figure.Kind{figure.Stat, figure.Pictogram}, fig.Kind) {
				// The single self-contained file: the same page with
				// echarts inlined, to send or host anywhere. It shows
				// no still image, which would be a second file; without
				// JavaScript it shows its note and data table.
				s := base
				s.Format, s.Path = "html", stem+".single.html"
				s.Key = key(s, o.echartsKey, still, page(fig.ID+".single.html"))
				arts = append(arts, &artifact{Artifact: s, render: func(w io.Writer) error {
					js, _, err := web.Bundle(o.Root)
					if err != nil {
						return err
					}
					return renderHTML(w, fig, js, meta, nil, page(fig.ID+".single.html"), "")
				}})
			}
		}
		arts = append(arts, planVideo(ctx, l, fig, base, stem, th, o, out, key, meta)...)
		if slices.Contains(infographic.Kinds, fig.Kind) {
			if want("png") {
				arts = append(arts, planInfographic(fig, base, stem, th, key, meta)...)
			}
			html()
			continue
		}
		for _, s := range sizes {
			if !want("png") {
				break
			}
			for _, scale := range []int{1, 2} {
				a := base
				a.Format, a.Size, a.Scale = "png", s.name, scale
				a.Width, a.Height = s.w*scale, s.h*scale
				a.Path = stem + s.suffix + map[int]string{1: "", 2: "@2x"}[scale] + ".png"
				opts := static.Options{Width: s.w, Height: s.h, Scale: float64(scale), Format: static.PNG, Theme: th, Text: shaperOf(th), TextScale: s.text, Meta: meta}
				a.Key = key(a, s.text)
				arts = append(arts, &artifact{Artifact: a, render: func(w io.Writer) error { return static.Render(w, fig, opts) }})
			}
		}
		for _, format := range []static.Format{static.SVG, static.PDF} {
			if !want(string(format)) {
				continue
			}
			a := base
			a.Format, a.Size, a.Scale, a.Width, a.Height = string(format), "landscape", 1, 1200, 675
			a.Path = stem + "." + string(format)
			opts := static.Options{Format: format, Theme: th, Text: shaperOf(th), Meta: meta}
			a.Key = key(a)
			arts = append(arts, &artifact{Artifact: a, render: func(w io.Writer) error { return static.Render(w, fig, opts) }})
		}
		html()
	}
	return arts, nil
}

type size struct {
	name, suffix string
	w, h         int
	text         float64 // text scale: tall formats are read on phones
}

// sizes are the social formats, each with a layout of its own.
var sizes = []size{
	{"landscape", "", 1200, 675, 1},
	{"square", "-square", 1080, 1080, 1.2},
	{"portrait", "-portrait", 1080, 1350, 1.3},
	{"story", "-story", 1080, 1920, 1.5},
}

// shareArt makes the rendering of the artifact at path in arts a shared
// one, and returns it (nil when arts has none).
func shareArt(arts []*artifact, path string) *shared {
	for _, a := range arts {
		if a.Path != path || a.render == nil {
			continue
		}
		if a.uses == nil {
			s := &shared{render: a.render}
			a.render, a.uses = s.write, s
		}
		return a.uses
	}
	return nil
}

// planInfographic lists an infographic's PNGs: every social size, at 1x
// and 2x, each with a layout of its own.
func planInfographic(fig *figure.Figure, base Artifact, stem string, th *theme.Theme, key func(Artifact, ...any) string, meta static.Meta) []*artifact {
	var arts []*artifact
	for _, s := range infographic.Sizes {
		for _, scale := range []int{1, 2} {
			a := base
			a.Format, a.Size, a.Scale = "png", s.Name, scale
			a.Width, a.Height = s.Width*scale, s.Height*scale
			a.Path = stem + s.Suffix + map[int]string{1: "", 2: "@2x"}[scale] + ".png"
			a.Key = key(a)
			opts := infographic.Options{Width: s.Width, Height: s.Height, Scale: float64(scale), Theme: th, Fonts: fontsOf(th), Meta: meta}
			arts = append(arts, &artifact{Artifact: a, render: func(w io.Writer) error { return infographic.Render(w, fig, opts) }})
		}
	}
	return arts
}

// renderAll renders artifacts on n workers; results keep plan order.
// keep, if not nil, is called by the worker with each rendered artifact,
// concurrently; done, if not nil, after it, one call at a time.
func renderAll(ctx context.Context, arts []*artifact, n int, done func(*artifact), keep func(*artifact) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for _, a := range arts {
		if a.render != nil && a.uses != nil {
			a.uses.takers++
		}
	}
	jobs := make(chan *artifact)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs diag.List
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range jobs {
				var buf bytes.Buffer
				if err := a.render(&buf); err != nil {
					mu.Lock()
					errs.Append("", fmt.Errorf("render %s: %w", a.Path, err))
					mu.Unlock()
					cancel()
					continue
				}
				a.data = buf.Bytes()
				if keep != nil {
					if err := keep(a); err != nil {
						mu.Lock()
						errs.Append("", err)
						mu.Unlock()
						cancel()
						continue
					}
				}
				if done != nil {
					mu.Lock()
					done(a)
					mu.Unlock()
				}
			}
		}()
	}
feed:
	for _, a := range arts {
		if a.render == nil {
			continue
		}
		select {
		case jobs <- a:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := errs.Err(); err != nil {
		return err
	}
	return ctx.Err()
}
