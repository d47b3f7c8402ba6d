// Package serve is the preview server of `tollcharts serve`: it builds
// reports, serves the output folder over HTTP, and rebuilds and reloads
// open pages as their inputs change.
//
// In: a Config naming the report specs, the project root and the output
// folder. Out: an http.Handler that serves, read-only, the files under the
// output folder (each report's gallery at /<report-id>/) and a page at /
// listing the reports; HTML responses carry a small live-reload script
// (/_tollcharts/live.js), added to the response only, never to the files on
// disk. The server watches the folders holding the specs, the datasets
// (with their provenance sidecars) and theme files; after a change and
// ~100 ms of quiet it rebuilds only the reports whose inputs changed, then
// tells open pages over server-sent events (/_tollcharts/events): "reload"
// when a report wrote files, "errors" with every build error as
// "path:line:col: message", which the pages show in an overlay and the
// server prints on Stderr. /_tollcharts/errors returns the same errors as
// JSON.
//
// Nothing outside the output folder is served: requests with "..", encoded
// slashes or dots, hidden names, or symlinks leading out are refused (400
// or 404). Requests are GET or HEAD with no body and a bounded target; a
// loopback server only answers requests addressed to a loopback host name,
// which stops DNS rebinding. The watcher is bounded too: at most
// maxFolders folders and maxPending remembered changes (more, or a kernel
// queue overflow, rebuild every report).
package serve
