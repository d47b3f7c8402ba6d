package web

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// annotatedFigure is the synthetic bar or column figure with its first
// category highlighted, a callout with a leader on it and, on columns, a
// reference band over the last two categories (invented, as are the
// numbers).
func annotatedFigure(kind figure.Kind, lang string) *figure.Figure {
	f := testFigure(kind, lang)
	f.ID = "annotated-" + string(kind)
	f.Highlight = f.CategoryKeys[0]
	f.Callouts = []figure.Callout{{Category: 0, Series: 0, Text: pick(lang, "A synthetic callout", "تعليق مصطنع"), Leader: true}}
	if kind == figure.Bar {
		// Long enough to break onto lines beyond the bar.
		f.Callouts[0].Text = pick(lang, "A synthetic callout that runs on for a good many more words", "تعليق مصطنع طويل يمتد على كلمات كثيرة أخرى بعد نهاية العمود")
	}
	if kind == figure.Column {
		f.Marks = []figure.Mark{{ID: "reference-2", Label: pick(lang, "A synthetic band", "نطاق مصطنع"), Date: f.Categories[2] + " – " + f.Categories[3], At: 1.55, To: 3.45}}
	}
	if kind == figure.Line {
		// Lines take callouts and reference lines, not highlights.
		f.Highlight = ""
		f.Marks = []figure.Mark{{ID: "reference-1", Label: pick(lang, "A synthetic reference line", "خط مرجعي مصطنع"), Date: f.Categories[2], At: 2, To: 2}}
	}
	return f
}

// annotationState is what a page's chart shows of its annotations, read
// back from ECharts and zrender: each item's fill, the box of the
// callout's text and of every other text, the layout of each bar, the
// reference band's rectangle.
const annotationState = `(() => {
  const el = document.getElementById(%q);
  const c = echarts.getInstanceByDom(el);
  const data = c.getModel().getSeriesByIndex(0).getData();
  const o0type = c.getModel().getSeriesByIndex(0).subType;
  const strip = s => String(s).replace(/[\u2066-\u2069\u200e\u200f]/g, "");
  const fills = [], bars = [];
  for (let i = 0; i < data.count(); i++) {
    fills.push(String(data.getItemVisual(i, "style").fill).toLowerCase());
    let l = data.getItemLayout(i);
    if (!l && o0type === "line" && typeof data.get("y", i) === "number") l = c.convertToPixel({seriesIndex: 0}, [i, data.get("y", i)]);
    // A bar's rectangle, or a point's [x, y] as a 2 px box.
    bars.push(!l ? null : Array.isArray(l) ? {x: l[0] - 1, y: l[1] - 1, w: 2, h: 2} :
      {x: Math.min(l.x, l.x + l.width), y: Math.min(l.y, l.y + l.height), w: Math.abs(l.width), h: Math.abs(l.height)});
  }
  const texts = [];
  for (const e of c.getZr().storage.getDisplayList()) {
    if (e.type !== "tspan" || !e.style || !e.style.text || e.invisible || e.ignore) continue;
    const r = e.getBoundingRect().clone();
    if (e.transform) r.applyTransform(e.transform);
    texts.push({text: strip(e.style.text), fill: String(e.style.fill).toLowerCase(), x: r.x, y: r.y, w: r.width, h: r.height});
  }
  const g = c.getOption().graphic;
  const band = g && g[0] ? g[0].elements.find(e => e.parentId === "tc-marks" && e.type === "rect") : null;
  return JSON.stringify({fills, bars, texts, band: band ? {x: band.shape.x, w: band.shape.width} : null,
    width: el.clientWidth, height: el.clientHeight});
})()`

type box struct{ X, Y, W, H float64 }

func (a box) overlaps(b box) bool {
	return a.X < b.X+b.W-1 && b.X < a.X+a.W-1 && a.Y < b.Y+b.H-1 && b.Y < a.Y+a.H-1
}

// checkAnnotations renders an annotated figure and reads its marks back
// from the page: the highlighted bar in the accent colour and the others
// in the muted grey (the dark pair on a dark page), the callout's text
// beside its value's label (above a column, beyond a bar's end, on the
// reading side's far side in Arabic) in the page's text colour and
// overlapping no other text, the reference band over its columns.
func checkAnnotations(t *testing.T, browser context.Context, s *site, kind figure.Kind, lang string, dark bool) {
	f := annotatedFigure(kind, lang)
	if kind == figure.Map {
		f.Callouts = nil
	}
	name := fmt.Sprintf("%s/%s.html", lang, f.ID)
	writeFile(t, filepath.Join(s.dir, report, name), render(t, f, Options{NoAnimation: true}))
	tb := newTab(t, browser, 60*time.Second)
	if dark {
		setMedia(t, tb, &emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"})
	}
	tb.navigate(s.url(name))
	id := ChartID(report, f.ID, lang)
	if kind == figure.Map {
		checkMapHighlight(t, tb, id, f, dark)
		return
	}
	accent := highlightLight[0]
	if dark {
		accent = highlightDark[0]
	}
	if f.Highlight == "" {
		accent = paletteLight[0]
		if dark {
			accent = paletteDark[0]
		}
	}
	checkChart(t, readChart(tb, "", id, accent), f, accent)
	var st struct {
		Fills []string
		Bars  []*box
		Texts []struct {
			Text, Fill string
			box
		}
		Band          *struct{ X, W float64 }
		Width, Height float64
	}
	if err := json.Unmarshal([]byte(eval[string](tb, "", fmt.Sprintf(annotationState, id))), &st); err != nil {
		t.Fatal(err)
	}
	pair, ink := highlightLight, calloutInk[0]
	if dark {
		pair, ink = highlightDark, calloutInk[1]
	}
	for i, fill := range st.Fills {
		if f.Highlight == "" {
			break
		}
		want := pair[1]
		if i == 0 {
			want = pair[0]
		}
		if f.Series[0].Values[i].Known && fill != strings.ToLower(want) {
			t.Errorf("%s: fill %s, want %s", f.Categories[i], fill, want)
		}
	}
	c := f.Callouts[0]
	var callout, value *box
	var others []box
	var lines []string
	for i := range st.Texts {
		x := st.Texts[i]
		switch {
		case x.Text == f.Series[0].Values[c.Category].Label:
			value = &st.Texts[i].box
		case len([]rune(strings.TrimSpace(x.Text))) > 3 && strings.Contains(c.Text, strings.TrimSpace(x.Text)):
			// A line of the callout: the callout's box is their union.
			lines = append(lines, strings.TrimSpace(x.Text))
			if callout == nil {
				b := x.box
				callout = &b
			} else {
				x0, y0 := min(callout.X, x.X), min(callout.Y, x.Y)
				x1, y1 := max(callout.X+callout.W, x.X+x.W), max(callout.Y+callout.H, x.Y+x.H)
				*callout = box{x0, y0, x1 - x0, y1 - y0}
			}
			if x.Fill != ink {
				t.Errorf("callout drawn in %s, want %s", x.Fill, ink)
			}
		default:
			others = append(others, x.box)
		}
	}
	if got := strings.Join(lines, " "); callout != nil && strings.Join(strings.Fields(got), " ") != c.Text {
		t.Errorf("callout reads %q, want %q", got, c.Text)
	}
	if callout == nil || value == nil {
		t.Fatalf("callout %q or its value's label %q not drawn; texts %+v", c.Text, f.Series[0].Values[c.Category].Label, st.Texts)
	}
	bar := st.Bars[c.Category]
	if bar == nil {
		t.Fatalf("no layout of %s read back", f.Categories[c.Category])
	}
	switch kind {
	case figure.Column, figure.Line:
		if callout.Y+callout.H > value.Y+1 {
			t.Errorf("callout %+v does not stand above its value's label %+v", *callout, *value)
		}
		if cx := callout.X + callout.W/2; cx < bar.X-callout.W/2 || cx > bar.X+bar.W+callout.W/2 {
			t.Errorf("callout %+v is not over its column %+v", *callout, *bar)
		}
	case figure.Bar:
		if f.RTL() && callout.X+callout.W > value.X+1 || !f.RTL() && callout.X < value.X+value.W-1 {
			t.Errorf("callout %+v is not beyond its value's label %+v (rtl %v)", *callout, *value, f.RTL())
		}
		if mid := callout.Y + callout.H/2; mid < bar.Y || mid > bar.Y+bar.H {
			t.Errorf("callout %+v is not level with its bar %+v", *callout, *bar)
		}
	}
	if callout.X < 0 || callout.Y < 0 || callout.X+callout.W > st.Width+1 || callout.Y+callout.H > st.Height+1 {
		t.Errorf("callout %+v lies outside the %gx%g chart", *callout, st.Width, st.Height)
	}
	for _, o := range append(others, *value) {
		if callout.overlaps(o) {
			t.Errorf("callout %+v overlaps a text at %+v", *callout, o)
		}
	}
	if kind == figure.Column {
		from, to := st.Bars[2], st.Bars[3]
		if st.Band == nil {
			t.Fatal("no reference band drawn")
		}
		lo, hi := min(from.X, to.X), max(from.X+from.W, to.X+to.W)
		if st.Band.X > lo+0.5 || st.Band.X+st.Band.W < hi-0.5 {
			t.Errorf("reference band from %.1f width %.1f does not cover its columns (%.1f to %.1f)", st.Band.X, st.Band.W, lo, hi)
		}
	}
	shot(t, tb, fmt.Sprintf("annotated-%s-%s-dark=%v", kind, lang, dark))
	noProblems(t, tb)
}

// checkMapHighlight reads a map's regions back from ECharts: the
// highlighted governorate outlined 3.5 px wide in the page's text colour,
// every other one 1 px in the border grey.
func checkMapHighlight(t *testing.T, tb *tab, id string, f *figure.Figure, dark bool) {
	tb.waitFor("", fmt.Sprintf(`document.getElementById(%q).getAttribute("data-tc-ready") === "1"`, id), 20*time.Second)
	raw := eval[string](tb, "", fmt.Sprintf(`(() => {
  const c = echarts.getInstanceByDom(document.getElementById(%q));
  const d = c.getModel().getSeriesByIndex(0).getData();
  const out = [];
  for (let i = 0; i < d.count(); i++) {
    const m = d.getItemModel(i);
    out.push({name: d.getName(i), color: String(m.get(["itemStyle", "borderColor"])).toLowerCase(), width: m.get(["itemStyle", "borderWidth"])});
  }
  return JSON.stringify(out);
})()`, id))
	var regions []struct {
		Name, Color string
		Width       float64
	}
	if err := json.Unmarshal([]byte(raw), &regions); err != nil {
		t.Fatal(err)
	}
	ink := calloutInk[0]
	if dark {
		ink = calloutInk[1]
	}
	found := false
	for _, r := range regions {
		if r.Name == f.Highlight {
			found = true
			if r.Width != 3.5 || r.Color != ink {
				t.Errorf("highlighted %s outlined %g px %s, want 3.5 px %s", r.Name, r.Width, r.Color, ink)
			}
		} else if r.Width != 1 {
			t.Errorf("%s outlined %g px, want 1", r.Name, r.Width)
		}
	}
	if !found || len(regions) != 14 {
		t.Errorf("%d regions, highlighted %s found %v", len(regions), f.Highlight, found)
	}
	shot(t, tb, fmt.Sprintf("annotated-map-%s-dark=%v", f.Locale.Lang, dark))
	noProblems(t, tb)
}
