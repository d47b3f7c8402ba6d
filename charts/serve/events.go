package serve

import (
	"fmt"
	"io"
	"net/http"
	"sync"
)

// Bounds of the live-reload streams.
const (
	maxClients  = 32 // open streams; more get 503
	clientQueue = 16 // events held for a slow stream; more are dropped for it
)

// hub fans events out to the open live-reload streams.
type hub struct {
	mu      sync.Mutex
	clients map[chan []byte]bool
	done    chan struct{} // closed at shutdown: every stream ends
	closed  bool
}

func newHub() *hub {
	return &hub{clients: map[chan []byte]bool{}, done: make(chan struct{})}
}

func (h *hub) join() (chan []byte, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed || len(h.clients) >= maxClients {
		return nil, false
	}
	c := make(chan []byte, clientQueue)
	h.clients[c] = true
	return c, true
}

func (h *hub) leave(c chan []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.clients, c)
}

// send queues an event for every stream; data is one line of JSON.
func (h *hub) send(event string, data []byte) {
	msg := []byte(fmt.Sprintf("event: %s\ndata: %s\n\n", event, data))
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- msg:
		default: // a stream that stopped reading loses events, not the server
		}
	}
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// events streams server-sent events to one page: "hello" at once, then
// "errors" and "reload" as builds finish.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	c, ok := s.hub.join()
	if !ok {
		http.Error(w, "too many live-reload connections", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.leave(c)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	io.WriteString(w, "retry: 1000\nevent: hello\ndata: {}\n\n")
	if rc.Flush() != nil {
		return
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.hub.done:
			return
		case msg := <-c:
			if _, err := w.Write(msg); err != nil {
				return
			}
			if rc.Flush() != nil {
				return
			}
		}
	}
}
