package text

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	gfont "gonum.org/v1/plot/font"
)

// TestConcurrentShape shapes, wraps, measures and draws from many
// goroutines at once through one Fonts whose cache is small enough to
// turn over; run it with -race.
func TestConcurrentShape(t *testing.T) {
	f := newFonts(Default().regular, Default().bold)
	f.cache = newLineCache(8)
	texts := []string{
		"قُتل ٦٬٩٩٣ مدنياً", "6,993 مدنياً", "قوات Wagner الروسية", "لا",
		"حُقُوقُ الإِنْسَانِ", "Civilian deaths by year", "ضحايا 2024 (Wagner)",
	}
	type result struct {
		width float64
		ids   []uint32
	}
	want := map[string]result{}
	for _, s := range texts {
		l := Shape(s, Style{Fonts: Default(), Size: 16})
		want[s] = result{l.Width(), glyphIDs(l)}
	}
	h := NewHandler(f)
	const workers, rounds = 8, 60
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range rounds {
				s := texts[(w+i)%len(texts)]
				l := Shape(s, Style{Fonts: f, Size: 16})
				if got := (result{l.Width(), glyphIDs(l)}); got.width != want[s].width || !slices.Equal(got.ids, want[s].ids) {
					errs <- fmt.Errorf("worker %d: %q shaped to %v, want %v", w, s, got, want[s])
					return
				}
				var r recorder
				l.Path(&r, 0, 0)
				if r.bad || r.moves == 0 {
					errs <- fmt.Errorf("worker %d: bad path for %q", w, s)
					return
				}
				// A string of this worker's own: cache misses and puts.
				own := fmt.Sprintf("%s %d-%d", s, w, i)
				Wrap(own, Style{Fonts: f, Size: 16, Bold: i%2 == 0}, 80)
				h.Box(own, gfont.Font{Size: 12})
				h.Extents(gfont.Font{Size: 12})
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := f.cache.len(); n > 16 {
		t.Errorf("cache holds %d entries, limit 2×8", n)
	}
}
