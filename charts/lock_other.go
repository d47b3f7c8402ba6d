//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package charts

import "os"

// lockSupported says whether builds sharing an output folder take turns:
// not on this system, where two builds of one output folder must not run
// at once.
const lockSupported = false

func tryLock(*os.File) (busy bool, err error) { return false, nil }
