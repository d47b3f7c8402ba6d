package text

import "sync"

// cacheGeneration is how many layouts a generation of the line cache
// holds; at most two generations are kept per Fonts.
const cacheGeneration = 4096

// maxCachedBytes is the longest text cached, so that a few huge strings
// cannot pin much memory; longer texts are shaped on every call.
const maxCachedBytes = 4096

// layoutKey identifies a layout. Size is not part of it: layouts are
// shaped at refSize and scaled. The font set is the Fonts owning the cache.
type layoutKey struct {
	text  string
	bold  bool
	dir   Direction // as requested (Auto, LTR, RTL)
	width int32     // wrap width in 26.6 reference units; noWrap for Shape
	wrap  bool      // Wrap (line breaks kept) rather than Shape
}

// lineCache is a bounded, approximately least-recently-used cache: new
// entries go to cur; when cur is full it becomes old and a fresh cur
// starts, and entries read from old move back into cur. It is safe for
// concurrent use.
type lineCache struct {
	mu       sync.Mutex
	limit    int
	cur, old map[layoutKey][]*layout
}

func newLineCache(limit int) *lineCache {
	return &lineCache{limit: limit, cur: make(map[layoutKey][]*layout)}
}

func (c *lineCache) get(k layoutKey) ([]*layout, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.cur[k]; ok {
		return v, true
	}
	if v, ok := c.old[k]; ok {
		c.putLocked(k, v)
		return v, true
	}
	return nil, false
}

func (c *lineCache) put(k layoutKey, v []*layout) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.putLocked(k, v)
}

func (c *lineCache) putLocked(k layoutKey, v []*layout) {
	if len(c.cur) >= c.limit {
		c.old, c.cur = c.cur, make(map[layoutKey][]*layout, c.limit)
	}
	c.cur[k] = v
}

func (c *lineCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.cur) + len(c.old)
}
