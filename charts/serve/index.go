package serve

import (
	"bytes"
	_ "embed"
	"html/template"
	"net/http"
)

//go:embed index.html.tmpl
var indexTemplate string

var indexTmpl = template.Must(template.New("index").Parse(indexTemplate))

// indexEntry is one report on the page at /.
type indexEntry struct {
	ID, Title, Spec string
	Built           bool // its gallery exists
	Errors          []string
}

// index writes the page at /: every report served, a link to its gallery
// and the errors of its last build. It is made per request, never written
// to the output folder.
func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	var entries []indexEntry
	s.mu.Lock()
	for _, rep := range s.reports {
		entries = append(entries, indexEntry{ID: rep.id, Title: rep.title, Spec: rep.spec, Errors: rep.errs})
	}
	s.mu.Unlock()
	for i := range entries {
		e := &entries[i]
		e.Built = e.ID != "" && s.exists(e.ID+"/index.html")
	}
	var buf bytes.Buffer
	if err := indexTmpl.Execute(&buf, entries); err != nil {
		httpError(w, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", contentTypes[".html"])
	if r.Method == http.MethodHead {
		return
	}
	w.Write(injectLive(buf.Bytes()))
}
