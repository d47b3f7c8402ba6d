package charts

// RaceEnabled tells the external tests (package charts_test) whether they
// run under the race detector.
const RaceEnabled = raceEnabled

// SafeCell is safeCell, the CSV writer's formula guard, for the tests'
// reader to undo.
func SafeCell(s string) string { return safeCell(s) }
