package spec

// kindNames are the chart kinds a spec may ask for (figure.Kinds; a test
// in package figure keeps the two lists equal).
var kindNames = []string{"bar", "column", "line", "stacked", "grouped", "donut", "multiples", "stat", "pictogram", "map", "tilemap", "timeline"}

// KindNames returns the chart kinds a spec accepts.
func KindNames() []string { return append([]string(nil), kindNames...) }
