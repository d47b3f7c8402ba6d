//go:build race

package charts

// raceEnabled: the tests run under the race detector.
const raceEnabled = true
