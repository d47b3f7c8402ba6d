package charts

// RaceEnabled tells the external tests (package charts_test) whether they
// run under the race detector.
const RaceEnabled = raceEnabled
