// Package charts is the front door of tollcharts: it wires the stages.
//
//	reports/*.yaml --spec--> Report --+
//	datasets/*.csv --dataset--> Table -+--figure--> Figure --+--static------> PNG, SVG
//	                                                         +--web---------> HTML
//	build: plan artifacts, render in parallel, write atomically, manifest, gallery
//
// In: Options naming report specs and an output folder. Out: under
// <out>/<report-id>/ the files DESIGN.md lays out and a manifest.json, the
// paths of the files written, and every error of every input as
// "path:line:col: message". A report with any error writes nothing, so its
// previous outputs stay as they were. Only this package touches paths.
package charts
