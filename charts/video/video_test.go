package video

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"image"
	"image/draw"
	"image/gif"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"gonum.org/v1/plot/cmpimg"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/infographic"
	"github.com/tollcharts/tollcharts/charts/spec"
	"github.com/tollcharts/tollcharts/charts/static"
)

// sizes are the social formats with the static charts' text scale (as
// the build draws them).
var sizes = []struct {
	name, suffix string
	w, h         int
	text         float64
}{
	{"landscape", "", 1200, 675, 1},
	{"square", "-square", 1080, 1080, 1.2},
	{"portrait", "-portrait", 1080, 1350, 1.3},
	{"story", "-story", 1080, 1920, 1.5},
}

func options(w, h int, text float64, f Format) Options {
	return Options{
		Format:      f,
		Infographic: infographic.Options{Width: w, Height: h},
		Static:      static.Options{Width: w, Height: h, Text: handler(), TextScale: text},
	}
}

// stillPNG renders the still PNG as the build does and decodes it.
func stillPNG(t *testing.T, f *figure.Figure, o Options) *image.RGBA {
	t.Helper()
	var buf bytes.Buffer
	var err error
	if infographic.Animates(f.Kind) {
		err = infographic.Render(&buf, f, o.Infographic)
	} else {
		so := o.Static
		so.Format = static.PNG
		err = static.Render(&buf, f, so)
	}
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rgba := image.NewRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Rect, img, img.Bounds().Min, draw.Src)
	return rgba
}

var animated = []string{"headline", "victims-pictogram", "governorates-map", "timeline", "cumulative", "victims", "calendar-years"}

// TestLastFrameIsStill: the last frame of every animation, in every size
// and both languages, is the still PNG pixel for pixel; so is a Motion at
// T = 1 drawn the way moving frames are; and no frame before the hold is.
func TestLastFrameIsStill(t *testing.T) {
	for _, id := range animated {
		for _, lang := range []string{"en", "ar"} {
			for _, s := range sizes {
				t.Run(id+"."+lang+s.suffix, func(t *testing.T) {
					f := fig(t, id, lang)
					o := options(s.w, s.h, s.text, MP4)
					a, err := NewAnimation(f, o, FPS)
					if err != nil {
						t.Fatal(err)
					}
					want := stillPNG(t, f, o)
					last, err := a.Frame(a.Frames() - 1)
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(last.Pix, want.Pix) || last.Rect != want.Rect {
						t.Fatalf("last frame differs from the still PNG")
					}
					if infographic.Animates(f.Kind) {
						io := o.Infographic
						io.Motion = &infographic.Motion{T: 1}
						m, err := infographic.Image(f, io)
						if err != nil {
							t.Fatal(err)
						}
						if !bytes.Equal(m.Pix, want.Pix) {
							t.Errorf("Motion{T: 1} differs from the still")
						}
					}
					first, err := a.Frame(0)
					if err != nil {
						t.Fatal(err)
					}
					if bytes.Equal(first.Pix, want.Pix) {
						t.Errorf("the first frame is the still: nothing moves")
					}
				})
			}
		}
	}
}

// TestFurnitureFromFirstFrame: the footer (source line, notes such as
// "Documented minimum counts", the logo) is on screen, as in the still,
// from the first frame on, and the title too.
func TestFurnitureFromFirstFrame(t *testing.T) {
	for _, id := range animated {
		for _, lang := range []string{"en", "ar"} {
			t.Run(id+"."+lang, func(t *testing.T) {
				f := fig(t, id, lang)
				a, err := NewAnimation(f, options(1080, 1920, 1.5, MP4), FPS)
				if err != nil {
					t.Fatal(err)
				}
				still := a.Still()
				first, err := a.Frame(0)
				if err != nil {
					t.Fatal(err)
				}
				h := still.Rect.Dy()
				for _, band := range [][2]int{{0, h / 20}, {h - h/14, h}} {
					o0, o1 := still.PixOffset(0, band[0]), still.PixOffset(0, band[1])
					if !bytes.Equal(first.Pix[o0:o1], still.Pix[o0:o1]) {
						t.Errorf("rows %d-%d of the first frame differ from the still", band[0], band[1])
					}
				}
			})
		}
	}
}

// TestHold: the motion ends on the still, which is held for the hold
// (at least 1.5 s), at both frame rates.
func TestHold(t *testing.T) {
	f := fig(t, "headline", "en")
	for _, fps := range []int{FPS, GIFFPS} {
		o := options(1080, 1080, 1.2, MP4)
		o.Duration, o.Hold = 5*time.Second, 1500*time.Millisecond
		a, err := NewAnimation(f, o, fps)
		if err != nil {
			t.Fatal(err)
		}
		if a.Frames() != 5*fps || float64(a.Held())/float64(fps) < 1.5 {
			t.Errorf("%d fps: %d frames, %d held; want %d and at least 1.5 s", fps, a.Frames(), a.Held(), 5*fps)
		}
		for i := a.Frames() - a.Held(); i < a.Frames(); i++ {
			if a.Progress(i) != 1 {
				t.Errorf("%d fps: frame %d of the hold at progress %g", fps, i, a.Progress(i))
			}
		}
		for i := 1; i < a.Frames()-a.Held(); i++ {
			if p, q := a.Progress(i-1), a.Progress(i); q < p || q >= 1 {
				t.Errorf("%d fps: progress %g then %g before the hold; want rising and below 1", fps, p, q)
			}
		}
	}
}

// TestBadOptions: durations and holds outside the limits and unknown
// formats are errors, never a panic; a kind that does not animate too.
func TestBadOptions(t *testing.T) {
	f := fig(t, "headline", "en")
	for _, o := range []Options{
		{Format: MP4, Duration: -time.Second},
		{Format: MP4, Duration: 2 * time.Minute},
		{Format: MP4, Hold: time.Second},
		{Format: MP4, Duration: 3 * time.Second, Hold: 3 * time.Second},
		{Format: "webm"},
	} {
		o.Infographic = infographic.Options{Width: 1080, Height: 1080}
		if err := Render(context.Background(), &bytes.Buffer{}, f, o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
	donut := fig(t, "victims-donut", "en")
	if _, err := NewAnimation(donut, options(1080, 1080, 1.2, GIF), GIFFPS); err == nil {
		t.Errorf("a donut animates; want an error")
	}
}

// TestKindsMatchSpec: the spec accepts a video: block on exactly the
// kinds that animate.
func TestKindsMatchSpec(t *testing.T) {
	var got []string
	for _, k := range SupportedKinds() {
		got = append(got, string(k))
	}
	if !slices.Equal(got, spec.VideoKinds) {
		t.Errorf("video animates %v; spec.VideoKinds is %v", got, spec.VideoKinds)
	}
}

// TestMidFrameGolden compares the frame at 1.5 s of a 6 s story with a
// golden frame a person looked at (testdata/<chart>.<lang>.mid.png),
// English and Arabic: the count part way, icons part filled, a line part
// drawn (right to left where the Arabic layout mirrors time). Regenerate
// with UPDATE_GOLDEN=1 and look at every image.
func TestMidFrameGolden(t *testing.T) {
	for _, id := range []string{"headline", "victims-pictogram", "cumulative"} {
		for _, lang := range []string{"en", "ar"} {
			t.Run(id+"."+lang, func(t *testing.T) {
				a, err := NewAnimation(fig(t, id, lang), options(1080, 1920, 1.5, MP4), FPS)
				if err != nil {
					t.Fatal(err)
				}
				img, err := a.Frame(45)
				if err != nil {
					t.Fatal(err)
				}
				var got bytes.Buffer
				if err := png.Encode(&got, img); err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", id+"."+lang+".mid.png")
				if os.Getenv("UPDATE_GOLDEN") != "" {
					os.MkdirAll("testdata", 0o755)
					if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (UPDATE_GOLDEN=1 writes it)", err)
				}
				ok, err := cmpimg.EqualApprox("png", got.Bytes(), want, 0.02)
				if err != nil {
					t.Fatal(err)
				}
				if !ok {
					os.WriteFile(filepath.Join("testdata", id+"."+lang+".mid.got.png"), got.Bytes(), 0o644)
					t.Errorf("frame 45 differs from %s (written beside it as .got.png)", golden)
				}
			})
		}
	}
}

// needFFmpeg skips a test on a developer's machine without ffmpeg and
// fails it in CI, which installs it.
func needFFmpeg(t *testing.T) {
	t.Helper()
	for _, p := range []string{"ffmpeg", "ffprobe"} {
		if _, err := exec.LookPath(p); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s not installed (apt-get install ffmpeg)", p)
			}
			t.Skipf("%s not installed (apt-get install ffmpeg)", p)
		}
	}
}

// TestMP4Probe: ffprobe reads H.264 in yuv420p at the size (landscape
// rounded up to even), 30 fps, the duration set, with the index first.
func TestMP4Probe(t *testing.T) {
	needFFmpeg(t)
	for _, c := range []struct {
		id, lang string
		s        int
		dur      time.Duration
	}{{"headline", "ar", 3, 6 * time.Second}, {"cumulative", "en", 0, 4 * time.Second}} {
		s := sizes[c.s]
		o := options(s.w, s.h, s.text, MP4)
		o.Duration = c.dur
		var buf bytes.Buffer
		if err := Render(context.Background(), &buf, fig(t, c.id, c.lang), o); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "v.mp4")
		os.WriteFile(path, buf.Bytes(), 0o644)
		out, err := exec.Command("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_frames",
			"-show_entries", "stream=codec_name,pix_fmt,width,height,r_frame_rate,nb_read_frames:format=duration", "-of", "json", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		var p struct {
			Streams []struct {
				Codec  string `json:"codec_name"`
				Pix    string `json:"pix_fmt"`
				W      int    `json:"width"`
				H      int    `json:"height"`
				Rate   string `json:"r_frame_rate"`
				Frames string `json:"nb_read_frames"`
			}
			Format struct{ Duration string }
		}
		if err := json.Unmarshal(out, &p); err != nil || len(p.Streams) != 1 {
			t.Fatalf("ffprobe: %s (%v)", out, err)
		}
		st := p.Streams[0]
		wantH := s.h + s.h%2
		d, _ := strconv.ParseFloat(p.Format.Duration, 64)
		if st.Codec != "h264" || st.Pix != "yuv420p" || st.W != s.w || st.H != wantH || st.Rate != "30/1" || st.Frames != strconv.Itoa(int(c.dur.Seconds())*30) || d < c.dur.Seconds()-0.05 || d > c.dur.Seconds()+0.05 {
			t.Errorf("%s.%s: ffprobe %+v, duration %s; want h264 yuv420p %dx%d 30/1, %d frames, %v", c.id, c.lang, st, p.Format.Duration, s.w, wantH, int(c.dur.Seconds())*30, c.dur)
		}
		// faststart: the index (moov) comes before the frames (mdat).
		moov, mdat := bytes.Index(buf.Bytes(), []byte("moov")), bytes.Index(buf.Bytes(), []byte("mdat"))
		if moov < 0 || mdat < 0 || moov > mdat {
			t.Errorf("%s.%s: moov at %d, mdat at %d; want the index first", c.id, c.lang, moov, mdat)
		}
	}
}

// TestMissingFFmpeg: with no ffmpeg in PATH, an MP4 is ErrNoFFmpeg, which
// names the Debian package; a GIF needs nothing.
func TestMissingFFmpeg(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	f := fig(t, "headline", "en")
	err := Render(context.Background(), &bytes.Buffer{}, f, options(1080, 1080, 1.2, MP4))
	if !errors.Is(err, ErrNoFFmpeg) || !bytes.Contains([]byte(err.Error()), []byte("Debian package ffmpeg")) {
		t.Errorf("got %v; want ErrNoFFmpeg naming the package", err)
	}
	var buf bytes.Buffer
	if err := Render(context.Background(), &buf, f, options(1080, 1080, 1.2, GIF)); err != nil || buf.Len() == 0 {
		t.Errorf("GIF without ffmpeg: %v", err)
	}
}

// TestGIF: the GIF plays the animation at 10 fps for the duration, loops,
// and its last frame, composed, is the still in the GIF's palette.
func TestGIF(t *testing.T) {
	for _, id := range []string{"headline", "governorates-map"} {
		f := fig(t, id, "ar")
		o := options(1080, 1080, 1.2, GIF)
		var buf bytes.Buffer
		if err := Render(context.Background(), &buf, f, o); err != nil {
			t.Fatal(err)
		}
		g, err := gif.DecodeAll(&buf)
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, d := range g.Delay {
			total += d
		}
		if total != 600 || g.LoopCount != 0 || g.Config.Width != 1080 || g.Config.Height != 1080 {
			t.Errorf("%s: %d hundredths, loop %d, %dx%d; want 600, 0, 1080x1080", id, total, g.LoopCount, g.Config.Width, g.Config.Height)
		}
		if last := g.Delay[len(g.Delay)-1]; last < 150 {
			t.Errorf("%s: the last frame shows for %d hundredths; want the hold, at least 150", id, last)
		}
		canvas := image.NewRGBA(image.Rect(0, 0, 1080, 1080))
		for _, fr := range g.Image {
			draw.Draw(canvas, fr.Bounds(), fr, fr.Bounds().Min, draw.Src)
		}
		a, err := NewAnimation(f, o, GIFFPS)
		if err != nil {
			t.Fatal(err)
		}
		want := newMapper(paletteOf(a.Still())).paletted(a.Still(), a.Still().Rect)
		wantRGBA := image.NewRGBA(want.Rect)
		draw.Draw(wantRGBA, want.Rect, want, image.Point{}, draw.Src)
		if !bytes.Equal(canvas.Pix, wantRGBA.Pix) {
			t.Errorf("%s: the GIF's last frame is not the still", id)
		}
	}
}

// TestWipeNeverCutsALabel checks every frame of the charts that wipe: each
// value label's box is either as in the furniture (not yet shown) or as in
// the still (shown whole), never part of a number.
func TestWipeNeverCutsALabel(t *testing.T) {
	for _, id := range []string{"cumulative"} {
		for _, lang := range []string{"en", "ar"} {
			f := fig(t, id, lang)
			o := options(1080, 1920, 1.5, MP4)
			full, bare := &texts{Handler: o.Static.Text}, &texts{Handler: o.Static.Text}
			so := o.Static
			so.Text = full
			still, err := static.Image(f, so)
			if err != nil {
				t.Fatal(err)
			}
			so.Furniture, so.Text = true, bare
			furniture, err := static.Image(f, so)
			if err != nil {
				t.Fatal(err)
			}
			labels := full.minus(bare, still.Rect.Dy())
			if len(labels) < 10 {
				t.Fatalf("%s.%s: %d data labels found, want the chart's value labels", id, lang, len(labels))
			}
			a, err := NewAnimation(f, o, FPS)
			if err != nil {
				t.Fatal(err)
			}
			same := func(a, b *image.RGBA, r image.Rectangle) bool {
				r = r.Intersect(a.Rect)
				for y := r.Min.Y; y < r.Max.Y; y++ {
					o := a.PixOffset(r.Min.X, y)
					if !bytes.Equal(a.Pix[o:o+4*r.Dx()], b.Pix[o:o+4*r.Dx()]) {
						return false
					}
				}
				return true
			}
			for i := 0; i < a.Frames()-a.Held(); i += 3 {
				img, err := a.Frame(i)
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range labels {
					if !same(img, furniture, l) && !same(img, still, l) {
						t.Errorf("%s.%s frame %d: a label at %v is partly drawn", id, lang, i, l)
					}
				}
			}
		}
	}
}
