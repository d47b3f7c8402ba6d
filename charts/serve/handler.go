package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// Bounds of a request.
const (
	maxHeaderBytes = 16 << 10 // request line and headers
	maxTarget      = 2048     // bytes of the request target
	maxHTML        = 32 << 20 // larger HTML files are served without the live-reload script
)

// prefix holds the server's own URLs; no report id starts with "_".
const prefix = "_tollcharts/"

// liveTag is what HTML responses get before </body>.
const liveTag = `<script src="/_tollcharts/live.js"></script>`

//go:embed live.js
var liveJS []byte

// contentTypes are the types of the files a build writes; anything else is
// served as application/octet-stream (the host's MIME tables are not read,
// so every machine answers the same).
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".png":  "image/png",
	".svg":  "image/svg+xml",
	".pdf":  "application/pdf",
	".csv":  "text/csv; charset=utf-8",
	".json": "application/json",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
}

// Handler answers GET and HEAD requests: / lists the reports, the server's
// own URLs live under /_tollcharts/, and every other path names a file
// under the output folder.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	switch {
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		h.Set("Allow", "GET, HEAD")
		httpError(w, http.StatusMethodNotAllowed)
		return
	case r.ContentLength != 0: // a body, announced or chunked (-1)
		httpError(w, http.StatusRequestEntityTooLarge)
		return
	case len(r.RequestURI) > maxTarget:
		httpError(w, http.StatusRequestURITooLong)
		return
	case !s.cfg.Public && !loopbackHost(r.Host):
		http.Error(w, "forbidden: this server answers only requests for localhost or a loopback address", http.StatusForbidden)
		return
	}
	name, dir, status := cleanPath(r)
	if status != 0 {
		httpError(w, status)
		return
	}
	switch {
	case name == "" || name == "index.html":
		s.index(w, r)
	case name == prefix+"events":
		s.events(w, r)
	case name == prefix+"errors":
		h.Set("Content-Type", "application/json")
		w.Write(s.errorsJSON())
	case name == prefix+"live.js":
		h.Set("Content-Type", contentTypes[".js"])
		w.Write(liveJS)
	case strings.HasPrefix(name, prefix):
		httpError(w, http.StatusNotFound)
	default:
		s.file(w, r, name, dir)
	}
}

func httpError(w http.ResponseWriter, status int) {
	http.Error(w, http.StatusText(status), status)
}

// cleanPath turns a request's path into a name under the output folder
// ("" for /), and tells whether it ended in a slash. It refuses (400) any
// ".", ".." or empty segment, encoded slashes, backslashes and dots, NUL,
// and hides (404) names starting with a dot, such as the build's temporary
// files.
func cleanPath(r *http.Request) (name string, dir bool, status int) {
	raw := strings.ToLower(r.URL.EscapedPath())
	for _, bad := range []string{"%2f", "%5c", "%2e", "%00", `\`} {
		if strings.Contains(raw, bad) {
			return "", false, http.StatusBadRequest
		}
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false, http.StatusBadRequest
	}
	p = p[1:]
	if p == "" {
		return "", true, 0
	}
	if strings.HasSuffix(p, "/") {
		p, dir = p[:len(p)-1], true
	}
	hidden := false
	for _, seg := range strings.Split(p, "/") {
		switch {
		case seg == "" || seg == "." || seg == "..":
			return "", false, http.StatusBadRequest
		case seg[0] == '.':
			hidden = true
		}
	}
	if !fs.ValidPath(p) {
		return "", false, http.StatusBadRequest
	}
	if hidden {
		return "", false, http.StatusNotFound
	}
	return p, dir, 0
}

// file serves one file of the output folder through os.Root, which
// refuses names that leave the folder, symlinks included. A folder serves
// its index.html; there are no listings.
func (s *Server) file(w http.ResponseWriter, r *http.Request, name string, dir bool) {
	f, err := s.out.Open(name)
	if err != nil {
		httpError(w, http.StatusNotFound)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		httpError(w, http.StatusNotFound)
		return
	}
	if st.IsDir() {
		if !dir {
			http.Redirect(w, r, "/"+name+"/", http.StatusFound)
			return
		}
		f.Close()
		name = name + "/index.html"
		if f, err = s.out.Open(name); err != nil {
			httpError(w, http.StatusNotFound)
			return
		}
		defer f.Close()
		if st, err = f.Stat(); err != nil {
			httpError(w, http.StatusNotFound)
			return
		}
	} else if dir {
		httpError(w, http.StatusNotFound)
		return
	}
	if !st.Mode().IsRegular() {
		httpError(w, http.StatusNotFound)
		return
	}
	ext := path.Ext(name)
	ctype, ok := contentTypes[ext]
	if !ok {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	// The browser keeps the file but asks each time whether it changed:
	// a reload after an edit then fetches the pages that changed and
	// keeps the rest (echarts, a megabyte, with its compiled code). The
	// validator is the file's size and modification time to the
	// nanosecond (a build writes a new file and renames it over the old
	// one); Last-Modified, to the second, could miss a quick second edit.
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("ETag", fmt.Sprintf(`"%x-%x"`, st.Size(), st.ModTime().UnixNano()))
	if ext == ".html" && st.Size() <= maxHTML {
		b, err := io.ReadAll(io.LimitReader(f, maxHTML))
		if err != nil {
			httpError(w, http.StatusInternalServerError)
			return
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(injectLive(b)))
		return
	}
	http.ServeContent(w, r, name, time.Time{}, f)
}

// injectLive returns page with the live-reload script before its last
// </body> (at the end if it has none). The file on disk is not changed.
func injectLive(page []byte) []byte {
	i := lastIndexFold(page, "</body>")
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(liveTag)+1)
	out = append(out, page[:i]...)
	out = append(out, liveTag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case; tag is lower case.
func lastIndexFold(b []byte, tag string) int {
	for i := len(b) - len(tag); i >= 0; i-- {
		if b[i] != '<' {
			continue
		}
		match := true
		for j := 0; j < len(tag); j++ {
			c := b[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != tag[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}
