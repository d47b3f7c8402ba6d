package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Bounds of the watcher.
const (
	maxFolders  = 64          // folders watched; more are reported and left out
	maxPending  = 1024        // changed paths remembered between rebuilds; more rebuild everything
	watchBuffer = 256         // events fsnotify holds before the loop takes them
	maxDelay    = time.Second // a stream of changes delays a rebuild at most this long
)

// watchFolders watches the folders that hold the reports' inputs, and
// reports/, datasets/ and themes/ under the root. Editors save by writing a
// new file and renaming it over the old one, which ends a watch on the
// file itself: folders are watched, and events filtered by path.
func (s *Server) watchFolders() {
	want := map[string]bool{}
	for _, d := range []string{"reports", "datasets", "themes"} {
		want[absPath(filepath.Join(s.cfg.Root, d))] = true
	}
	s.mu.Lock()
	for _, r := range s.reports {
		want[filepath.Dir(absPath(r.spec))] = true
		for p := range r.inputs {
			want[filepath.Dir(p)] = true
		}
	}
	s.mu.Unlock()
	for _, dir := range slices.Sorted(mapKeys(want)) {
		if _, seen := s.watched[dir]; seen {
			continue
		}
		if s.nwatched >= maxFolders {
			fmt.Fprintf(s.cfg.Stderr, "serve: not watching %s: already watching %d folders\n", dir, maxFolders)
			s.watched[dir] = false // say it once
			continue
		}
		if err := s.watcher.Add(dir); err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				fmt.Fprintf(s.cfg.Stderr, "serve: not watching %s: %v\n", dir, err)
			}
			continue // tried again after the next rebuild: it may have been created
		}
		s.watched[dir] = true
		s.nwatched++
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// Watch rebuilds reports as their inputs change, until ctx is cancelled.
// Changes are gathered until Debounce passes without one (or maxDelay
// after the first), then the reports that read a changed path are rebuilt,
// one after the other.
func (s *Server) Watch(ctx context.Context) {
	pending := map[string]bool{}
	all := false
	var timer *time.Timer
	var fire <-chan time.Time
	var first time.Time
	arm := func() {
		now := time.Now()
		if fire == nil {
			first = now
		}
		wait := min(s.cfg.Debounce, max(0, maxDelay-now.Sub(first)))
		if timer == nil {
			timer = time.NewTimer(wait)
		} else {
			timer.Reset(wait)
		}
		fire = timer.C
	}
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-s.watcher.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue // editors and backups touch modes and times
			}
			if len(pending) < maxPending {
				pending[filepath.Clean(ev.Name)] = true
			} else {
				all = true
			}
			arm()
		case err, ok := <-s.watcher.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				all = true // changes were lost: rebuild everything
				arm()
				continue
			}
			fmt.Fprintf(s.cfg.Stderr, "serve: watch: %v\n", err)
		case <-fire:
			fire = nil
			s.rebuild(ctx, pending, all)
			pending, all = map[string]bool{}, false
		}
	}
}
