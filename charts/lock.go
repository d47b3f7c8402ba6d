package charts

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"
)

// LockName is the lock file a build holds in the output folder while it
// writes there. It is never listed in a manifest, and is left in place
// (removing it would let a third build lock another file of that name).
const LockName = ".tollcharts.lock"

// lockPoll is how often a waiting build tries the lock again.
const lockPoll = 100 * time.Millisecond

// openOutLocked opens the output folder and takes its lock: builds that
// share an output folder take turns, so each report's reading of its last
// manifest, writing and new manifest are never mixed with another build's.
// While another build (of this process or another) holds the lock, it
// says so once on o.Notices and waits, until ctx is done. The returned
// function releases the lock and closes the folder.
func openOutLocked(ctx context.Context, o *Options) (*outDir, func(), error) {
	out, err := openOut(o.Out)
	if err != nil {
		return nil, nil, err
	}
	f, err := out.root.OpenFile(LockName, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		out.Close()
		return nil, nil, fmt.Errorf("lock %s: %w", out.path(LockName), unwrapPath(err))
	}
	release := func() {
		f.Close() // closing the file releases the lock
		out.Close()
	}
	told := false
	for {
		busy, err := tryLock(f)
		if err != nil {
			release()
			return nil, nil, fmt.Errorf("lock %s: %w", out.path(LockName), err)
		}
		if !busy {
			return out, release, nil
		}
		if !told {
			w := o.Notices
			if w == nil {
				w = io.Discard
			}
			fmt.Fprintf(w, "tollcharts: waiting for another build of %s to finish (it holds %s)\n", o.Out, out.path(LockName))
			told = true
		}
		select {
		case <-ctx.Done():
			release()
			return nil, nil, ctx.Err()
		case <-time.After(lockPoll):
		}
	}
}
