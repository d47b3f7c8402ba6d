//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package charts

import (
	"errors"
	"os"
	"syscall"
)

// lockSupported says whether builds sharing an output folder take turns.
const lockSupported = true

// tryLock takes an exclusive flock on f without waiting; busy reports that
// another open file (in this process or another) holds it. The kernel
// releases the lock when the file is closed or the process exits, even
// when it is killed.
func tryLock(f *os.File) (busy bool, err error) {
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return true, nil
	}
	return false, err
}
