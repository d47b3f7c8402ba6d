package charts

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/tollcharts/tollcharts/charts/diag"
)

// outDir is the output folder (-out) opened as an os.Root: every file the
// build reads back, writes, renames or removes is named relative to it, so
// no path (an id, a manifest entry, a symbolic link) can lead outside it.
// Names are slash-separated and relative ("report/en/chart.png").
type outDir struct {
	root *os.Root
	name string // the folder as given, for messages and the files listed
}

// tmpPrefix starts the name of every temporary file; the next build of a
// report removes those an interrupted build left.
const tmpPrefix = ".tmp-"

// openOut creates the output folder if needed and opens it.
func openOut(name string) (*outDir, error) {
	if err := os.MkdirAll(name, 0o755); err != nil {
		return nil, err
	}
	r, err := os.OpenRoot(name)
	if err != nil {
		return nil, err
	}
	return &outDir{root: r, name: name}, nil
}

func (d *outDir) Close() error { return d.root.Close() }

// path is where rel is on disk, as listed on stdout.
func (d *outDir) path(rel string) string {
	return filepath.Join(d.name, filepath.FromSlash(rel))
}

// local refuses a name that is empty, absolute or climbs out with "..".
func (d *outDir) local(rel string) error {
	if rel == "" || strings.HasPrefix(rel, "/") || filepath.IsAbs(filepath.FromSlash(rel)) || !filepath.IsLocal(filepath.FromSlash(rel)) || strings.Contains(rel, "\\") {
		return &diag.Error{Path: rel, Msg: fmt.Sprintf("is not a path inside %s; want a relative path without ..", d.name)}
	}
	return nil
}

// folder checks every folder of the slash-separated dir, from the top:
// each must be a folder, or a symbolic link that stays inside the output
// folder and leads to one. With create, missing folders are made and
// listed in made; without, a missing one gives fs.ErrNotExist.
func (d *outDir) folder(dir string, create bool) (made []string, err error) {
	if dir == "." || dir == "" {
		return nil, nil
	}
	parts := strings.Split(dir, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		name := filepath.FromSlash(p)
		st, err := d.root.Lstat(name)
		switch {
		case errors.Is(err, fs.ErrNotExist) && create:
			if err := d.root.Mkdir(name, 0o755); err == nil {
				made = append(made, p)
			} else if !errors.Is(err, fs.ErrExist) {
				return made, fmt.Errorf("%s: %w", d.path(p), unwrapPath(err))
			}
			continue
		case err != nil:
			return made, err
		case st.Mode()&fs.ModeSymlink != 0:
			target, _ := d.root.Readlink(name)
			if st, err := d.root.Stat(name); err != nil || !st.IsDir() {
				return made, &diag.Error{Path: d.path(p), Msg: fmt.Sprintf("is a symbolic link to %s, which does not lead to a folder inside %s; want a folder inside %s", target, d.name, d.name)}
			}
		case !st.IsDir():
			return made, &diag.Error{Path: d.path(p), Msg: fmt.Sprintf("is a %s; want a folder", fileType(st))}
		}
	}
	return made, nil
}

func fileType(st fs.FileInfo) string {
	if st.Mode().IsRegular() {
		return "file"
	}
	return "special file (" + st.Mode().Type().String() + ")"
}

// unwrapPath drops the *PathError around err: the caller names the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readFile reads rel, if it is inside the output folder.
func (d *outDir) readFile(rel string) ([]byte, error) {
	if err := d.local(rel); err != nil {
		return nil, err
	}
	return d.root.ReadFile(filepath.FromSlash(rel))
}

// stat returns what rel is, if it is inside the output folder.
func (d *outDir) stat(rel string) (fs.FileInfo, error) {
	if err := d.local(rel); err != nil {
		return nil, err
	}
	return d.root.Stat(filepath.FromSlash(rel))
}

// writeFile writes data to rel atomically: a temporary file in the same
// folder, synced, then renamed over the target. It returns false without
// writing when the file already holds exactly data. A symbolic link at rel
// is replaced by a file, never written through.
func (d *outDir) writeFile(rel string, data []byte) (bool, error) {
	if err := d.local(rel); err != nil {
		return false, err
	}
	if d.same(rel, data) {
		return false, nil
	}
	tmp, _, err := d.stage(rel, data)
	if err != nil {
		return false, err
	}
	if err := d.commit(tmp, rel); err != nil {
		return false, err
	}
	return true, nil
}

// same reports whether rel is a file (not a link) holding exactly data.
func (d *outDir) same(rel string, data []byte) bool {
	name := filepath.FromSlash(rel)
	st, err := d.root.Lstat(name)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false
	}
	old, err := d.root.ReadFile(name)
	return err == nil && bytes.Equal(old, data)
}

// stage writes data to a new temporary file in rel's folder (made if
// needed, and listed in made), synced to disk, and returns its name; rel
// itself is not touched until commit.
func (d *outDir) stage(rel string, data []byte) (tmp string, made []string, err error) {
	if err := d.local(rel); err != nil {
		return "", nil, err
	}
	dir := path.Dir(rel)
	if made, err = d.folder(dir, true); err != nil {
		return "", made, err
	}
	fail := func(err error) (string, []string, error) {
		return "", made, fmt.Errorf("write %s: %w", d.path(rel), unwrapPath(err))
	}
	f, tmp, err := d.createTemp(dir, path.Base(rel))
	if err != nil {
		return fail(err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		d.root.Remove(tmp)
		return fail(err)
	}
	return tmp, made, nil
}

// commit renames a staged file to its final name rel, atomically
// replacing what was there.
func (d *outDir) commit(tmp, rel string) error {
	if err := d.local(rel); err != nil {
		return err
	}
	if err := d.root.Rename(tmp, filepath.FromSlash(rel)); err != nil {
		d.root.Remove(tmp)
		return fmt.Errorf("write %s: %w", d.path(rel), unwrapPath(err))
	}
	return nil
}

// stager stages a report's rendered files as they come from the render
// workers, so that a build holds at most one rendered file per worker in
// memory however many charts a report has, and renames them only once
// every file has rendered.
type stager struct {
	out   *outDir
	mu    sync.Mutex
	temps map[string]bool // staged, not yet committed
	made  []string        // folders created
}

func (d *outDir) stager() *stager { return &stager{out: d, temps: map[string]bool{}} }

// keep stages data for rel; same reports that rel already holds exactly
// data, and then nothing is staged. Safe for concurrent use.
func (s *stager) keep(rel string, data []byte) (tmp string, same bool, err error) {
	if err := s.out.local(rel); err != nil {
		return "", false, err
	}
	if s.out.same(rel, data) {
		return "", true, nil
	}
	tmp, made, err := s.out.stage(rel, data)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.made = append(s.made, made...)
	if err == nil {
		s.temps[tmp] = true
	}
	return tmp, false, err
}

// commit renames a staged file to rel.
func (s *stager) commit(tmp, rel string) error {
	err := s.out.commit(tmp, rel)
	s.mu.Lock()
	delete(s.temps, tmp)
	s.mu.Unlock()
	return err
}

// discard removes the staged files not committed, and the folders keep
// created if they are still empty: after an error the report's folder is
// as it was.
func (s *stager) discard() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for tmp := range s.temps {
		s.out.root.Remove(tmp)
	}
	clear(s.temps)
	// Deepest first: workers made them concurrently, in no useful order.
	slices.SortFunc(s.made, func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") })
	for _, dir := range s.made {
		s.out.root.Remove(filepath.FromSlash(dir)) // fails unless empty
	}
	s.made = nil
}

// createTemp creates a new temporary file in dir, named after base.
func (d *outDir) createTemp(dir, base string) (*os.File, string, error) {
	for range 100 {
		var b [8]byte
		rand.Read(b[:])
		tmp := filepath.FromSlash(path.Join(dir, tmpPrefix+base+"-"+hex.EncodeToString(b[:])))
		f, err := d.root.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, tmp, err
	}
	return nil, "", fmt.Errorf("cannot create a temporary file in %s", d.path(dir))
}

// remove deletes rel; a file already gone is not an error.
func (d *outDir) remove(rel string) error {
	if err := d.local(rel); err != nil {
		return err
	}
	if _, err := d.folder(path.Dir(rel), false); errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	err := d.root.Remove(filepath.FromSlash(rel))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", d.path(rel), unwrapPath(err))
	}
	return nil
}

// syncDirs flushes the folders of the given files to disk, so that their
// renames are durable before the manifest that lists them is written.
func (d *outDir) syncDirs(rels []string) error {
	var dirs []string
	for _, r := range rels {
		if dir := path.Dir(r); !slices.Contains(dirs, dir) {
			dirs = append(dirs, dir)
		}
	}
	for _, dir := range dirs {
		f, err := d.root.Open(filepath.FromSlash(dir))
		if err != nil {
			return err
		}
		err = f.Sync()
		f.Close()
		if err != nil && !errors.Is(err, errors.ErrUnsupported) {
			return fmt.Errorf("sync %s: %w", d.path(dir), unwrapPath(err))
		}
	}
	return nil
}

// removeTemps deletes the temporary files a killed build left under dir.
// Only call it while holding the output folder's lock: another build's
// temporary files are in use. Symbolic links are not followed.
func (d *outDir) removeTemps(dir string) (int, error) {
	if _, err := d.folder(dir, false); errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	n := 0
	err := fs.WalkDir(d.root.FS(), dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.Type().IsRegular() && strings.HasPrefix(e.Name(), tmpPrefix) {
			if err := d.root.Remove(filepath.FromSlash(p)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// prepareDir checks a report's folder before anything renders (missing, a
// folder, or a symbolic link to a folder inside the output folder) and
// removes the temporary files an interrupted build left in it.
func prepareDir(out *outDir, dir string, o *Options) error {
	if _, err := out.folder(dir, false); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if !lockSupported {
		return nil // without the lock, they may be another build's
	}
	n, err := out.removeTemps(dir)
	if err != nil {
		return err
	}
	if n > 0 {
		fmt.Fprintf(o.Log, "%s: removed %d temporary files left by an interrupted build\n", out.path(dir), n)
	}
	return nil
}
