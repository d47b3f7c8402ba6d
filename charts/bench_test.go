//go:build unix

// The benchmarks read the process's CPU time with getrusage, hence unix.

package charts

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/internal/pngenc"
	"github.com/tollcharts/tollcharts/charts/internal/provenance"
	"github.com/tollcharts/tollcharts/charts/locale"
	"github.com/tollcharts/tollcharts/charts/static"
	"github.com/tollcharts/tollcharts/charts/syria"
	"github.com/tollcharts/tollcharts/charts/theme"
	"github.com/tollcharts/tollcharts/charts/web"
)

// benchCharts is how many charts one benchmark operation renders: the
// size of a large build (the target is 200 charts, PNG and HTML, in 1.5 s
// of wall time on two cores).
const benchCharts = 200

// ratioRounds is how many turns the ratio sub-benchmark takes.
const ratioRounds = 5

// syntheticBars returns n governorate bar charts of invented numbers,
// alternately in English and Arabic, as the figure stage would give them.
func syntheticBars(n int) []*figure.Figure {
	figs := make([]*figure.Figure, n)
	for k := range figs {
		figs[k] = syntheticBar(k)
	}
	return figs
}

// syntheticBar is the k-th synthetic governorate bar chart: English for
// even k, Arabic for odd.
func syntheticBar(k int) *figure.Figure {
	govs := syria.All()
	loc := locale.Locale{Lang: "en"}
	if k%2 == 1 {
		loc = locale.Locale{Lang: "ar", Digits: locale.Latin, Months: locale.Levantine}
	}
	f := &figure.Figure{
		Report: "synthetic-bench", ID: fmt.Sprintf("synthetic-%03d", k), Kind: figure.Bar, Locale: loc,
		Title:     fmt.Sprintf("Synthetic civilian deaths by governorate, chart %d", k),
		Subtitle:  "Synthetic data: every number is invented for a benchmark",
		Source:    "Source: synthetic benchmark data, not a publication",
		Notes:     []string{"Synthetic: not a documented count."},
		Period:    "2019",
		ValueAxis: "Synthetic deaths",
	}
	if loc.Lang == "ar" {
		f.Title = fmt.Sprintf("ضحايا تجريبيون حسب المحافظة، المخطط %d", k)
		f.Subtitle = "بيانات تجريبية: كل الأرقام مخترعة لقياس الأداء"
		f.Source = "المصدر: بيانات تجريبية، ليست منشورة"
		f.Notes = []string{"تجريبي: ليست أعداداً موثقة."}
		f.ValueAxis = "ضحايا تجريبيون"
	}
	s := figure.Series{Key: "civilians_killed", Name: f.ValueAxis}
	for i, g := range govs {
		v := int64((i*7919+k*104729)%9000 + 12)
		f.CategoryKeys = append(f.CategoryKeys, g.PCode)
		f.Categories = append(f.Categories, g.Name(loc.Lang))
		s.Values = append(s.Values, figure.Value{N: v, Known: true, Label: loc.Int(v)})
	}
	f.Series = []figure.Series{s}
	f.Alt = f.Title + ". Synthetic data."
	return f
}

// benchPNG is the landscape 1x PNG artifact of the build.
func benchPNG(w io.Writer, f *figure.Figure) error {
	th, _ := theme.ByName("")
	return static.Render(w, f, static.Options{Width: 1200, Height: 675, Scale: 1, Format: static.PNG, Theme: th, Text: shaper()})
}

// floorPNG is the box floor of f: an image of the same size filled with
// the same layout of shapes, bars as rectangles and every glyph as a
// solid rectangle of its size, encoded with the build's PNG encoder. Its
// pixels are not the chart's: solid boxes compress to a quarter of the
// bytes of anti-aliased text, and encode faster than any picture of real
// text can (see pixelFloor).
func floorPNG(w io.Writer, f *figure.Figure) error {
	th, _ := theme.ByName("")
	const W, H = 1200, 675
	img := floorImages.Get().(*image.RGBA) // reused, as the renderer reuses its canvases
	defer floorImages.Put(img)
	fill := func(r image.Rectangle, c color.Color) {
		draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
	}
	fill(img.Bounds(), th.Background)
	pad := int(0.035 * W)
	// text draws a line of glyph boxes from x; returns its width.
	text := func(s string, size float64, x, y int, c color.Color) int {
		gw, gh := int(size*0.55), int(size*0.72)
		for i, r := range []rune(s) {
			if r != ' ' {
				fill(image.Rect(x+i*gw, y, x+(i+1)*gw-1, y+gh), c)
			}
		}
		return utf8.RuneCountInString(s) * gw
	}
	y := pad
	text(f.Title, th.Title, pad, y, th.Text)
	y += int(th.Title * 1.25)
	text(f.Subtitle, th.Subtitle, pad, y, th.Muted)
	y += int(th.Subtitle*1.3) + 10
	foot := append([]string{f.Source}, f.Notes...)
	bottom := H - pad - len(foot)*int(th.Small*1.35) - 12
	for i, s := range foot {
		text(s, th.Small, pad, bottom+12+i*int(th.Small*1.35), th.Muted)
	}
	row := (bottom - y) / len(f.Categories)
	x0 := pad + W/4
	span := W - pad - x0 - 80
	maxV := f.Max()
	for i, c := range f.Categories {
		ry := y + i*row
		text(c, th.Label, pad, ry+row/4, th.Text)
		v := f.Series[0].Values[i]
		bw := int(int64(span) * v.N / max(maxV, 1))
		fill(image.Rect(x0, ry+row/8, x0+bw, ry+row-row/8), th.Color(0))
		text(v.Label, th.Label, x0+bw+6, ry+row/4, th.Text)
	}
	return pngenc.Encode(w, img) // the renderer's encoder
}

// withPixelFloor draws the pixel floor of figs (untimed), hands its run
// to f, then lets its pictures go, so that they are not the memory of the
// measures after it.
func withPixelFloor(b *testing.B, figs []*figure.Figure, f func(run func() error)) {
	b.StopTimer()
	run, err := pixelFloor(figs)
	if err != nil {
		b.Fatal(err)
	}
	b.StartTimer()
	f(run)
	run = nil
	debug.FreeOSMemory()
}

var floorImages = sync.Pool{New: func() any { return image.NewRGBA(image.Rect(0, 0, 1200, 675)) }}

// pixelFloor returns the floor of the charts' own PNGs: each chart's
// final pixels, drawn beforehand (untimed), are copied into a canvas (the
// cheapest way to fill it with exactly its shapes) and encoded with the
// build's encoder. What a chart costs above it is the drawing alone. It
// holds every picture (3.2 MB each) until the floor is measured.
func pixelFloor(figs []*figure.Figure) (func() error, error) {
	pics := make([]*image.RGBA, len(figs))
	for k, f := range figs {
		var buf bytes.Buffer
		if err := benchPNG(&buf, f); err != nil {
			return nil, err
		}
		m, err := png.Decode(&buf)
		if err != nil {
			return nil, err
		}
		rgba, ok := m.(*image.RGBA)
		if !ok {
			rgba = image.NewRGBA(m.Bounds())
			draw.Draw(rgba, rgba.Rect, m, image.Point{}, draw.Src)
		}
		pics[k] = rgba
	}
	return func() error {
		var buf bytes.Buffer
		for _, pic := range pics {
			img := floorImages.Get().(*image.RGBA)
			copy(img.Pix, pic.Pix)
			buf.Reset()
			err := pngenc.Encode(&buf, img)
			floorImages.Put(img)
			if err != nil {
				return err
			}
		}
		return nil
	}, nil
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakMemory samples the heap in use and the memory taken from the OS
// (mapped, not released) until stop is called, and returns their highs.
func peakMemory() (stop func() (heap, total uint64)) {
	samples := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	var heap, total uint64
	read := func() {
		metrics.Read(samples)
		heap = max(heap, samples[0].Value.Uint64())
		total = max(total, samples[1].Value.Uint64()-samples[2].Value.Uint64())
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			read()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() (uint64, uint64) {
		close(done)
		wg.Wait()
		read()
		return heap, total
	}
}

// batch is one run over the charts: its wall and CPU time, and how much
// memory it took at most.
type batch struct {
	wall, cpu   time.Duration
	heap, total uint64
	charts      int
}

func measure(b *testing.B, charts int, run func() error) batch {
	b.Helper()
	runtime.GC()
	stop := peakMemory()
	b.ResetTimer()
	start, cpu0 := time.Now(), cpuTime()
	for i := 0; i < b.N; i++ {
		if err := run(); err != nil {
			b.Fatal(err)
		}
	}
	m := batch{wall: time.Since(start), cpu: cpuTime() - cpu0, charts: charts * b.N}
	b.StopTimer()
	m.heap, m.total = stop()
	return m
}

// cpuPerChart is CPU time per chart.
func (m batch) cpuPerChart() time.Duration { return m.cpu / time.Duration(m.charts) }

func (m batch) report(b *testing.B, floor time.Duration) {
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(float64(m.charts)/m.wall.Seconds(), "charts/s")
	b.ReportMetric(ms(m.wall)/float64(m.charts), "ms/chart")
	b.ReportMetric(ms(m.cpuPerChart()), "cpu-ms/chart")
	if floor > 0 {
		b.ReportMetric(float64(m.cpuPerChart())/float64(floor), "x-floor")
	}
	b.ReportMetric(float64(m.heap)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(m.total)/(1<<20), "peak-MiB")
}

// serial renders each figure with each renderer, one after the other.
func serial(figs []*figure.Figure, renders ...func(io.Writer, *figure.Figure) error) func() error {
	return func() error {
		var buf bytes.Buffer
		for _, f := range figs {
			for _, r := range renders {
				buf.Reset()
				if err := r(&buf, f); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// BenchmarkGovernorateBars renders benchCharts synthetic governorate bar
// charts per operation, as 1200x675 PNG and as HTML, through the build's
// renderers, and compares their CPU time per chart with the floor measured
// first in the same run. Run it with `make bench`; read x-floor (CPU per
// chart over the floor's), ms/chart and charts/s of pool (the build's
// worker pool over every CPU) and peak-MiB. It ends with the figures set
// against the targets.
func BenchmarkGovernorateBars(b *testing.B) {
	figs := syntheticBars(benchCharts)
	// Warm up: fonts parsed, shaped text cached, as in a build after its
	// first chart.
	if err := serial(figs[:2], benchPNG, benchHTML)(); err != nil {
		b.Fatal(err)
	}
	var floor, boxFloor time.Duration
	var png, pngHTML, pool batch
	b.Run("floor", func(b *testing.B) {
		withPixelFloor(b, figs, func(run func() error) {
			m := measure(b, len(figs), run)
			floor = m.cpuPerChart()
			m.report(b, 0)
		})
	})
	b.Run("floor-boxes", func(b *testing.B) {
		m := measure(b, len(figs), serial(figs, floorPNG))
		boxFloor = m.cpuPerChart()
		m.report(b, 0)
	})
	if floor == 0 { // -bench filtered the floor out: measure it anyway
		withPixelFloor(b, figs, func(run func() error) {
			start := cpuTime()
			if err := run(); err != nil {
				b.Fatal(err)
			}
			floor = (cpuTime() - start) / time.Duration(len(figs))
		})
	}
	b.Run("png", func(b *testing.B) {
		png = measure(b, len(figs), serial(figs, benchPNG))
		png.report(b, floor)
	})
	b.Run("html", func(b *testing.B) {
		measure(b, len(figs), serial(figs, benchHTML)).report(b, floor)
	})
	b.Run("png+html", func(b *testing.B) {
		pngHTML = measure(b, len(figs), serial(figs, benchPNG, benchHTML))
		pngHTML.report(b, floor)
	})
	b.Run("png+html/pool", func(b *testing.B) {
		pool = measure(b, len(figs), poolRun(len(figs), func(k int) *figure.Figure { return figs[k] }))
		pool.report(b, floor)
		b.ReportMetric(float64(runtime.NumCPU()), "workers")
	})
	// The ratios, from rounds that take turns (floor, PNG, PNG and HTML)
	// over a quarter of the charts, each kind's least CPU time kept: on a
	// shared machine, load only ever adds time, and taking turns exposes
	// the three to the same load.
	var ratioPNG, ratioBoth float64
	b.Run("ratio", func(b *testing.B) {
		sub := figs[:benchCharts/4]
		withPixelFloor(b, sub, func(floorRun func() error) {
			runs := []func() error{floorRun, serial(sub, benchPNG), serial(sub, benchPNG, benchHTML)}
			least := []time.Duration{math.MaxInt64, math.MaxInt64, math.MaxInt64}
			for i := 0; i < b.N; i++ {
				for range ratioRounds {
					for k, run := range runs {
						start := cpuTime()
						if err := run(); err != nil {
							b.Fatal(err)
						}
						least[k] = min(least[k], cpuTime()-start)
					}
				}
			}
			ratioPNG = float64(least[1]) / float64(least[0])
			ratioBoth = float64(least[2]) / float64(least[0])
			b.ReportMetric(float64(least[0])/float64(time.Millisecond)/float64(len(sub)), "floor-cpu-ms/chart")
			b.ReportMetric(ratioPNG, "png-x-floor")
			b.ReportMetric(ratioBoth, "png+html-x-floor")
		})
	})
	if png.charts == 0 || pool.charts == 0 || pngHTML.charts == 0 || ratioBoth == 0 {
		return // filtered out by -bench
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	perOp := pool.wall / time.Duration(pool.charts/benchCharts)
	fmt.Printf("%d synthetic charts, PNG 1200x675 and HTML, %d workers: %.2f s wall (target at most 1.5 s): %s\n",
		benchCharts, runtime.NumCPU(), perOp.Seconds(), verdict(perOp <= 1500*time.Millisecond))
	fmt.Printf("CPU per chart, PNG and HTML: %.2fx the floor, its pixels copied and encoded (target at most 1.3x): %s; PNG alone %.2fx\n",
		ratioBoth, verdict(ratioBoth <= 1.3), ratioPNG)
	fmt.Printf("  (least of %d rounds each; in the single runs above: PNG and HTML %.2f ms, PNG %.2f ms, floor %.2f ms;\n",
		ratioRounds, ms(pngHTML.cpuPerChart()), ms(png.cpuPerChart()), ms(floor))
	fmt.Printf("  against the box floor, glyphs as solid boxes, %.2f ms: PNG %.2fx, with HTML %.2fx)\n",
		ms(boxFloor), float64(png.cpuPerChart())/float64(boxFloor), float64(pngHTML.cpuPerChart())/float64(boxFloor))
	fmt.Printf("peak memory of the pool: %.0f MiB (target at most 150 MiB; BenchmarkPeakMemory for 200 to 10,000 charts): %s\n",
		float64(pool.total)/(1<<20), verdict(pool.total <= 150<<20))
}

func verdict(ok bool) string {
	if ok {
		return "meets it"
	}
	return "MISSES it"
}

// poolRun renders n charts, each as PNG and HTML, through the build's
// worker pool (renderAll over every CPU). Each file's bytes are hashed
// and dropped as it renders, as the build does when it stages them to
// disk, so memory holds a file per worker. fig makes the k-th figure;
// each file makes its own (microseconds), so no figure is kept.
func poolRun(n int, fig func(k int) *figure.Figure) func() error {
	return func() error {
		arts := make([]*artifact, 0, 2*n)
		for k := range n {
			arts = append(arts,
				&artifact{render: func(w io.Writer) error { return benchPNG(w, fig(k)) }},
				&artifact{render: func(w io.Writer) error { return benchHTML(w, fig(k)) }})
		}
		return renderAll(context.Background(), arts, runtime.NumCPU(), nil, func(a *artifact) error {
			a.SHA256 = hashBytes(a.data)
			a.data = nil
			return nil
		})
	}
}

// BenchmarkPeakMemory renders 200, 2,000 and 10,000 synthetic governorate
// bar charts, PNG and HTML, through the build's pool, each figure made as
// its chart is rendered, and reports the peak memory of each: it should
// not grow with the count (target: at most 150 MiB). Run it once
// (-benchtime 1x); 10,000 charts take about a minute on two cores.
func BenchmarkPeakMemory(b *testing.B) {
	if err := serial(syntheticBars(2), benchPNG, benchHTML)(); err != nil { // warm up
		b.Fatal(err)
	}
	var peaks []string
	for _, n := range []int{200, 2000, 10000} {
		b.Run(fmt.Sprintf("charts=%d", n), func(b *testing.B) {
			m := measure(b, n, poolRun(n, syntheticBar))
			m.report(b, 0)
			peaks = append(peaks, fmt.Sprintf("%d charts %.0f MiB", n, float64(m.total)/(1<<20)))
			if m.total > 150<<20 {
				peaks[len(peaks)-1] += " (over 150 MiB)"
			}
		})
	}
	fmt.Printf("peak memory: %s (target at most 150 MiB, flat)\n", strings.Join(peaks, ", "))
}

// BenchmarkPNGCompression re-encodes rendered charts with the renderer's
// encoder (charts/internal/pngenc) and with image/png at each of its
// compression levels, for the choice of encoder: time and size per chart.
func BenchmarkPNGCompression(b *testing.B) {
	figs := syntheticBars(20)
	var imgs []image.Image
	for _, f := range figs {
		var buf bytes.Buffer
		if err := benchPNG(&buf, f); err != nil {
			b.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			b.Fatal(err)
		}
		// As drawn: the decoder gives NRGBA or RGB; the renderer hands the
		// encoder an *image.RGBA.
		rgba := image.NewRGBA(img.Bounds())
		draw.Draw(rgba, rgba.Bounds(), img, image.Point{}, draw.Src)
		imgs = append(imgs, rgba)
	}
	stdEncoder := func(level png.CompressionLevel, pool bool) func(io.Writer, image.Image) error {
		enc := png.Encoder{CompressionLevel: level}
		if pool { // reuse the encoder's buffers and compressor
			enc.BufferPool = &encoderPool{}
		}
		return enc.Encode
	}
	for _, tc := range []struct {
		name   string
		encode func(io.Writer, image.Image) error
	}{
		{"pngenc", func(w io.Writer, img image.Image) error { return pngenc.Encode(w, img) }},
		{"default", stdEncoder(png.DefaultCompression, false)},
		{"default+pool", stdEncoder(png.DefaultCompression, true)},
		{"best-speed", stdEncoder(png.BestSpeed, false)},
		{"best-speed+pool", stdEncoder(png.BestSpeed, true)},
		{"best-compression", stdEncoder(png.BestCompression, false)},
		{"none", stdEncoder(png.NoCompression, false)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var size int
			for b.Loop() {
				size = 0
				for _, img := range imgs {
					var buf bytes.Buffer
					if err := tc.encode(&buf, img); err != nil {
						b.Fatal(err)
					}
					size += buf.Len()
				}
			}
			b.ReportMetric(float64(b.Elapsed())/float64(time.Millisecond)/float64(b.N*len(imgs)), "ms/chart")
			b.ReportMetric(float64(size)/float64(len(imgs))/1024, "KiB/chart")
		})
	}
}

// encoderPool is a png.EncoderBufferPool over a sync.Pool.
type encoderPool struct{ p sync.Pool }

func (e *encoderPool) Get() *png.EncoderBuffer {
	b, _ := e.p.Get().(*png.EncoderBuffer)
	return b
}

func (e *encoderPool) Put(b *png.EncoderBuffer) { e.p.Put(b) }

// benchHTML renders the page the build writes for a chart.
func benchHTML(w io.Writer, f *figure.Figure) error {
	return renderHTML(w, f, nil, provenance.Meta{}, nil, web.Social{}, "")
}
