package infographic

import (
	"testing"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// TestCountUp: a counting frame shows a number below the figure that
// never falls as the motion goes on, in the figure's own digits and
// grouping; only the still shows the figure itself. Icons and
// governorates are revealed in order, all of them in the still.
func TestCountUp(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		f := fig(t, "stat", lang)
		v := f.Series[0].Values[0]
		prev := int64(-1)
		for i := 0; i <= 100; i++ {
			tt := float64(i) / 100
			c := newCanvas(nil, f, Options{Width: 1080, Height: 1080, Motion: &Motion{T: tt}})
			got := c.count(v)
			if i == 100 {
				if got != v {
					t.Errorf("%s: at T=1 the count is %+v; want the figure %+v", lang, got, v)
				}
				continue
			}
			if got.N >= v.N || got.N < prev || got.Label != c.loc.Int(got.N) {
				t.Errorf("%s: at T=%g the count is %d (%q) after %d; want below %d, not falling, formatted", lang, tt, got.N, got.Label, prev, v.N)
			}
			prev = got.N
			if n := c.revealed(10); n > 10 || (i > 0 && n < int(float64(10*i)/100)-1) {
				t.Errorf("%s: at T=%g %d of 10 revealed", lang, tt, n)
			}
		}
		still := newCanvas(nil, f, Options{Width: 1080, Height: 1080})
		if still.revealed(7) != 7 || still.count(v) != v {
			t.Errorf("%s: the still reveals or counts", lang)
		}
		unknown := figure.Value{}
		if c := newCanvas(nil, f, Options{Width: 1080, Height: 1080, Motion: &Motion{T: 0.5}}); c.count(unknown) != unknown {
			t.Errorf("%s: no data counts", lang)
		}
	}
}
