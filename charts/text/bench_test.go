package text

import (
	"testing"

	"github.com/fogleman/gg"
)

const benchText = "قوات Wagner الروسية: 6,993 مدنياً"

func BenchmarkShape(b *testing.B) {
	f := Default()
	b.Run("cached", func(b *testing.B) {
		Shape(benchText, Style{Size: 16})
		for b.Loop() {
			Shape(benchText, Style{Size: 16})
		}
	})
	b.Run("uncached", func(b *testing.B) {
		for b.Loop() {
			f.shape(benchText, false, Auto, noWrap, false)
		}
	})
}

func BenchmarkDrawGG(b *testing.B) {
	dc := gg.NewContext(400, 60)
	l := Shape(benchText, Style{Size: 16})
	for b.Loop() {
		DrawGG(dc, l, 10, 40)
	}
}
