package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/tollcharts/tollcharts/charts"
)

// Config says what to build, watch and serve. Zero fields mean defaults.
type Config struct {
	Root string // project root: reports/, datasets/, node_modules/ (default ".")
	Out  string // output folder, the only one served (default "output")
	// Reports are spec paths. None means every reports/*.yaml under Root,
	// including specs added there while serving.
	Reports []string
	Langs   []string // as charts.Options.Langs
	Formats []string // as charts.Options.Formats
	Jobs    int      // as charts.Options.Jobs
	BaseURL string   // as charts.Options.BaseURL

	Stdout io.Writer // receives the path of each file written (nil: discarded)
	Stderr io.Writer // build errors and a line per build (nil: discarded)

	// Public lets the server answer requests addressed to any host name.
	// Leave it false for a server on a loopback address: requests must then
	// name a loopback host, which defeats DNS rebinding.
	Public bool
	// Debounce is the quiet time after a change before rebuilding
	// (default 100ms): editors write a file in several steps.
	Debounce time.Duration
	// Progress, when set, is called before each build with its options (to
	// attach a progress display) and returns a function called after it.
	Progress func(o *charts.Options) (stop func())
}

// Server builds reports, serves their output and rebuilds on change.
type Server struct {
	cfg      Config
	out      *os.Root // the output folder; no file outside it can be opened
	hub      *hub
	watcher  *fsnotify.Watcher
	watched  map[string]bool // folders tried: true watched, false over maxFolders; New and Watch only
	nwatched int

	mu      sync.Mutex
	reports []*report // spec order

	// afterRebuild, when set (by tests), is called at the end of every
	// rebuild with the specs it built.
	afterRebuild func(specs []string)
}

// New builds every report once, opens the output folder and starts
// watching the inputs' folders; changes are picked up by Watch (or Serve).
// Build errors do not fail New: they are kept for the pages and printed on
// Stderr. New fails when there is nothing to serve or ctx is cancelled.
func New(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.Root == "" {
		cfg.Root = "."
	}
	if cfg.Out == "" {
		cfg.Out = "output"
	}
	if cfg.Stdout == nil {
		cfg.Stdout = io.Discard
	}
	if cfg.Stderr == nil {
		cfg.Stderr = io.Discard
	}
	if cfg.Debounce <= 0 {
		cfg.Debounce = 100 * time.Millisecond
	}
	s := &Server{cfg: cfg, hub: newHub(), watched: map[string]bool{}}
	specs := cfg.Reports
	if len(specs) == 0 {
		var err error
		if specs, err = s.globReports(); err != nil {
			return nil, err
		}
		if len(specs) == 0 {
			return nil, fmt.Errorf("no reports: %s has no *.yaml", filepath.Join(cfg.Root, "reports"))
		}
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return nil, err
	}
	var err error
	if s.out, err = os.OpenRoot(cfg.Out); err != nil {
		return nil, err
	}
	if s.watcher, err = fsnotify.NewBufferedWatcher(watchBuffer); err != nil {
		s.out.Close()
		return nil, fmt.Errorf("watch: %w", err)
	}
	for _, p := range specs {
		r := &report{spec: p}
		r.readInputs()
		s.reports = append(s.reports, r)
	}
	// Watch before building, so that edits made during the first build
	// are seen.
	s.watchFolders()
	for _, r := range s.reports {
		if _, err := s.build(ctx, r, nil); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// Close stops watching and closes the output folder.
func (s *Server) Close() error {
	return errors.Join(s.watcher.Close(), s.out.Close())
}

// Serve answers HTTP requests on ln and rebuilds on change until ctx is
// cancelled, then shuts down: live-reload streams end, requests in flight
// get a few seconds to finish, a build in progress is interrupted (its
// report keeps its previous outputs). It returns nil after a cancel, and
// closes ln and the Server.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	defer s.Close()
	srv := s.httpServer()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	wctx, stopWatch := context.WithCancel(ctx)
	watched := make(chan struct{})
	go func() {
		s.Watch(wctx)
		close(watched)
	}()
	defer func() {
		stopWatch()
		<-watched
	}()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
	}
	return nil
}

// httpServer is the HTTP server of Serve, with its bounds.
func (s *Server) httpServer() *http.Server {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    maxHeaderBytes,
		// No WriteTimeout: live-reload streams stay open.
	}
	srv.RegisterOnShutdown(s.hub.close)
	return srv
}
