package web

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/locale"
	"github.com/tollcharts/tollcharts/charts/syria"
)

// The same cases as the PNG map's classes (charts/infographic), so that
// both show the same classes.
func TestMapClasses(t *testing.T) {
	for _, c := range []struct {
		max    int64
		lower  []int64
		labels []string
	}{
		{1178, []int64{0, 100, 250, 500, 1000}, []string{"0–99", "100–249", "250–499", "500–999", "1,000 or more"}},
		{2500, []int64{0, 250, 500, 1000, 2500}, []string{"0–249", "250–499", "500–999", "1,000–2,499", "2,500 or more"}},
		{3, []int64{0, 1, 2}, []string{"0", "1", "2 or more"}},
		{0, []int64{0}, []string{"0 or more"}},
	} {
		lower := mapClasses(c.max)
		if !slices.Equal(lower, c.lower) || len(orRd[len(lower)]) != len(lower) {
			t.Errorf("mapClasses(%d) = %v, want %v", c.max, lower, c.lower)
			continue
		}
		for i, w := range c.labels {
			if got := classLabel(lower, i, locale.Locale{Lang: "en"}); got != w {
				t.Errorf("max %d class %d: %q, want %q", c.max, i, got, w)
			}
		}
	}
	lower := mapClasses(1178)
	for n, want := range map[int64]int{0: 0, 99: 0, 100: 1, 331: 2, 652: 3, 999: 3, 1000: 4, 1178: 4} {
		if got := classOf(lower, n); got != want {
			t.Errorf("class(%d) = %d, want %d", n, got, want)
		}
	}
	ar := locale.Locale{Lang: "ar", Digits: locale.ArabicIndic}
	if got := classLabel(lower, 4, ar); got != "١٬٠٠٠ فأكثر" {
		t.Errorf("Arabic top class %q", got)
	}
}

// classOf returns the class of a count: the one ECharts' pieces (gte the
// lower bound, lt the next) give it.
func classOf(lower []int64, n int64) int {
	return sort.Search(len(lower), func(i int) bool { return lower[i] > n }) - 1
}

// mapItem is one region of the map series as the option holds it.
type mapItem struct {
	Name      string
	Value     *float64
	VisualMap *bool
	ItemStyle map[string]any
}

func TestMapOption(t *testing.T) {
	for _, k := range []figure.Kind{figure.Map, figure.TileMap} {
		for _, lang := range langs {
			f := testFigure(k, lang)
			id := ChartID(f.Report, f.ID, lang)
			page := render(t, f, Options{})
			cfg, opt := pageConfig(t, page, id)
			if !strings.Contains(string(page), ` data-tc-lib="../assets/echarts.min.js"`) {
				t.Errorf("%s/%s: the map page does not load echarts", k, lang)
			}
			// The boundaries travel in the page, as the package syria has them.
			var geo, want any
			if cfg.Map == nil || json.Unmarshal(cfg.Map.Geo, &geo) != nil || json.Unmarshal(syria.BoundariesGeoJSON(), &want) != nil || fmt.Sprint(geo) != fmt.Sprint(want) {
				t.Fatalf("%s/%s: the page does not carry the governorates' GeoJSON", k, lang)
			}
			if cfg.Map.NameKey != "name_"+lang {
				t.Errorf("%s/%s: names from %q", k, lang, cfg.Map.NameKey)
			}
			s := opt["series"].([]any)[0].(map[string]any)
			if s["type"] != "map" || s["map"] != mapName || s["nameProperty"] != "pcode" || s["id"] != f.Series[0].Key {
				t.Errorf("%s/%s: series %v %v %v %v", k, lang, s["type"], s["map"], s["nameProperty"], s["id"])
			}
			raw, _ := json.Marshal(s["data"])
			var items []mapItem
			if err := json.Unmarshal(raw, &items); err != nil {
				t.Fatal(err)
			}
			checkMapItems(t, items, f)
			vm := opt["visualMap"].([]any)[0].(map[string]any)
			side := map[string]string{"en": "left", "ar": "right"}[lang]
			if vm["type"] != "piecewise" || vm[side] != 0.0 || vm["align"] != side {
				t.Errorf("%s/%s: visualMap %v", k, lang, vm)
			}
			var labels []string
			for _, p := range vm["pieces"].([]any) {
				labels = append(labels, p.(map[string]any)["label"].(string))
			}
			wantLabels := map[string]string{"en": "0–499|500–999|1,000–2,499|2,500–4,999|5,000 or more", "ar": "٠–٤٩٩|٥٠٠–٩٩٩|١٬٠٠٠–٢٬٤٩٩|٢٬٥٠٠–٤٬٩٩٩|٥٬٠٠٠ فأكثر"}[lang]
			if strings.Join(labels, "|") != wantLabels {
				t.Errorf("%s/%s: classes %q, want %q", k, lang, labels, wantLabels)
			}
			if !strings.Contains(string(page), `<p class="tc-key" id="`+id+`-key"><span class="tc-key-nodata" aria-hidden="true"></span>`+uiFor(lang).NoData+`</p>`) {
				t.Errorf("%s/%s: no \"no data\" key", k, lang)
			}
			if !strings.Contains(string(page), `-data" open>`) || strings.Contains(string(page), id+`-decal`) {
				t.Errorf("%s/%s: table closed, or a pattern button", k, lang)
			}
		}
	}
	// Every governorate known: no "no data" key.
	f := testFigure(figure.Map, "en")
	f.CategoryKeys, f.Categories = nil, nil
	var vs []figure.Value
	for i, g := range syria.All() {
		f.CategoryKeys = append(f.CategoryKeys, g.PCode)
		f.Categories = append(f.Categories, g.NameEN)
		vs = append(vs, figure.Value{N: int64(i * 10), Known: true, Label: fmt.Sprint(i * 10)})
	}
	f.Series[0].Values = vs
	if page := string(render(t, f, Options{})); strings.Contains(page, `class="tc-key"`) {
		t.Error("a map with every value known has a \"no data\" key")
	}
}

// checkMapItems compares the regions of a map series with its figure: one
// item per category first, in order, with the exact count or null; then
// every other governorate, null. Null items are kept out of the classes
// and hatched.
func checkMapItems(t *testing.T, items []mapItem, f *figure.Figure) {
	t.Helper()
	if len(items) != len(syria.All()) {
		t.Fatalf("%d regions, want %d", len(items), len(syria.All()))
	}
	seen := map[string]bool{}
	for i, it := range items {
		if seen[it.Name] {
			t.Errorf("region %s twice", it.Name)
		}
		seen[it.Name] = true
		known := false
		if i < len(f.Categories) {
			v := f.Series[0].Values[i]
			if it.Name != f.CategoryKeys[i] {
				t.Errorf("region %d is %s, want %s", i, it.Name, f.CategoryKeys[i])
			}
			known = v.Known
			if v.Known && (it.Value == nil || *it.Value != float64(v.N)) {
				t.Errorf("%s: value %v, want %d", it.Name, it.Value, v.N)
			}
		}
		if !known {
			if it.Value != nil {
				t.Errorf("%s: value %v, want null (no data)", it.Name, *it.Value)
			}
			if it.VisualMap == nil || *it.VisualMap || it.ItemStyle["decal"] == nil {
				t.Errorf("%s: no data, but classed or not hatched: %v %v", it.Name, it.VisualMap, it.ItemStyle)
			}
		}
	}
}

func TestMapBadFigures(t *testing.T) {
	for name, change := range map[string]func(f *figure.Figure){
		"two series": func(f *figure.Figure) { f.Series = append(f.Series, f.Series[0]) },
		"not a code": func(f *figure.Figure) { f.CategoryKeys[0] = "Aleppo" },
		"twice":      func(f *figure.Figure) { f.CategoryKeys[1] = f.CategoryKeys[0] },
		"no keys":    func(f *figure.Figure) { f.CategoryKeys = nil },
	} {
		f := testFigure(figure.Map, "en")
		change(f)
		if err := Render(&strings.Builder{}, f, Options{}); err == nil {
			t.Errorf("%s: Render accepted a bad map figure", name)
		}
	}
}

// drawnMap is what the page reports about a drawn map.
type drawnMap struct {
	Dir, Lang           string
	Type, Map, NameProp string
	Data                []mapItem
	Labels              []string
	Pieces              []struct {
		Label string
		Color string
	}
	VMLeft, VMRight, VMAlign string
	Regions                  int
	AriaLabel                string
	Painted                  int
	// Fills are, per governorate, the share of each colour in a 15x15 px
	// patch around a point well inside it, Cores the same in the 5x5 px at
	// its centre (small governorates are a few px wide on a phone); Hatch
	// the share of grey pixels of the patch that stand out from the "no
	// data" fill (the hatch lines).
	Fills, Cores map[string]map[string]float64
	Hatch        map[string]float64
	// Width and Height of the chart, the box of the map and that of the
	// classes, in CSS px; Narrow is true when the classes are below the map.
	Width, Height float64
	MapBox, VMBox [4]float64
	Narrow        bool
}

// readMap reads a map back from the page: the option ECharts holds, the
// labels its formatter gives, and the colours drawn inside each
// governorate.
func readMap(tb *tab, ctxID, id string, colours mapColors) drawnMap {
	tb.t.Helper()
	tb.waitFor(ctxID, fmt.Sprintf(`document.getElementById(%q) && document.getElementById(%q).getAttribute("data-tc-ready") === "1"`, id, id), 20*time.Second)
	var pts []string
	lo, hi := syria.Point{Lon: 180, Lat: 90}, syria.Point{Lon: -180, Lat: -90}
	for _, b := range syria.Boundaries() {
		pts = append(pts, fmt.Sprintf("[%q, %g, %g]", b.PCode, b.Interior.Lon, b.Interior.Lat))
		l, h := b.Bounds()
		lo.Lon, lo.Lat = min(lo.Lon, l.Lon), min(lo.Lat, l.Lat)
		hi.Lon, hi.Lat = max(hi.Lon, h.Lon), max(hi.Lat, h.Lat)
	}
	js := fmt.Sprintf(`(() => {
  const el = document.getElementById(%q);
  const fig = document.getElementById(%q + "-figure");
  const c = echarts.getInstanceByDom(el);
  const o = c.getOption();
  const s = o.series[0], vm = o.visualMap[0];
  // The colours under the value labels: drawn once without them.
  const anim = o.animation;
  c.setOption({animation: false, series: [{id: s.id, label: {show: false}}]});
  const cv = el.querySelector("canvas");
  const ctx = cv.getContext("2d");
  const all = ctx.getImageData(0, 0, cv.width, cv.height).data;
  let painted = 0;
  for (let i = 3; i < all.length; i += 4) if (all[i] > 0) painted++;
  const dpr = cv.width / cv.getBoundingClientRect().width;
  const hex = (r, g, b) => "#" + [r, g, b].map(v => v.toString(16).padStart(2, "0")).join("");
  const fills = {}, cores = {}, hatch = {};
  const nd = [1, 3, 5].map(i => parseInt(%q.slice(i, i + 2), 16));
  for (const [code, lon, lat] of [%s]) {
    const [x, y] = c.convertToPixel({seriesIndex: 0}, [lon, lat]);
    const px = ctx.getImageData(Math.round(x * dpr) - 7, Math.round(y * dpr) - 7, 15, 15).data;
    const n = {}, core = {};
    let h = 0;
    for (let i = 0; i < px.length; i += 4) {
      const k = px[i + 3] === 0 ? "transparent" : hex(px[i], px[i + 1], px[i + 2]);
      n[k] = (n[k] || 0) + 1 / 225;
      const x = (i / 4) %% 15, y = Math.floor(i / 60);
      if (x >= 5 && x < 10 && y >= 5 && y < 10) core[k] = (core[k] || 0) + 1 / 25;
      const grey = Math.abs(px[i] - px[i + 1]) < 8 && Math.abs(px[i + 1] - px[i + 2]) < 8;
      if (px[i + 3] === 255 && grey && Math.abs(px[i] - nd[0]) >= 24) h += 1 / 225;
    }
    fills[code] = n;
    cores[code] = core;
    hatch[code] = h;
  }
  const a = c.convertToPixel({seriesIndex: 0}, [%g, %g]), b = c.convertToPixel({seriesIndex: 0}, [%g, %g]);
  const vmView = c.getViewOfComponentModel(c.getModel().getComponent("visualMap"));
  const vr = vmView.group.getBoundingRect().clone();
  vr.applyTransform(vmView.group.getLocalTransform());
  c.setOption({animation: anim, series: [{id: s.id, label: {show: true}}]});
  const map = echarts.getMap(s.map);
  return {
    dir: fig.closest("[dir]").getAttribute("dir"), lang: fig.closest("[lang]").getAttribute("lang"),
    type: s.type, map: s.map, nameProp: s.nameProperty,
    data: s.data.map(d => ({name: d.name, value: d.value, visualMap: d.visualMap, itemStyle: d.itemStyle || null})),
    labels: s.data.map((_, i) => s.label.formatter({seriesIndex: 0, dataIndex: i})),
    pieces: vm.pieces.map(p => ({label: p.label, color: p.color})),
    vmLeft: String(vm.left), vmRight: String(vm.right), vmAlign: vm.align,
    regions: map && map.geoJSON ? map.geoJSON.features.length : 0,
    ariaLabel: el.getAttribute("aria-label"),
    painted: painted, fills: fills, cores: cores, hatch: hatch,
    width: c.getWidth(), height: c.getHeight(),
    mapBox: [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])],
    vmBox: [vr.x, vr.y, vr.x + vr.width, vr.y + vr.height],
    narrow: el.classList.contains("tc-narrow"),
  };
})()`, id, id, colours.NoData, strings.Join(pts, ", "), lo.Lon, lo.Lat, hi.Lon, hi.Lat)
	raw := eval[[]byte](tb, ctxID, js)
	var d drawnMap
	if err := json.Unmarshal(raw, &d); err != nil {
		tb.t.Fatalf("decode map state: %v", err)
	}
	return d
}

// checkMap compares a drawn map with its figure; colours are the page's
// (mapLight or mapDark).
func checkMapDrawn(t *testing.T, d drawnMap, f *figure.Figure, colours mapColors) {
	t.Helper()
	lang := f.Locale.Lang
	if d.Dir != dirOf(lang) || d.Lang != lang {
		t.Errorf("dir=%q lang=%q", d.Dir, d.Lang)
	}
	if d.Type != "map" || d.Map != mapName || d.NameProp != "pcode" || d.Regions != len(syria.All()) {
		t.Errorf("map series %q of %q by %q, %d regions registered", d.Type, d.Map, d.NameProp, d.Regions)
	}
	checkMapItems(t, d.Data, f)
	for i, l := range d.Labels {
		want := ""
		if i < len(f.Categories) && f.Series[0].Values[i].Known {
			want = f.Series[0].Values[i].Label
		}
		if l != want {
			t.Errorf("%s: label %q, want %q", d.Data[i].Name, l, want)
		}
	}
	lower := mapClasses(f.Max())
	if len(d.Pieces) != len(lower) {
		t.Fatalf("%d classes, want %d", len(d.Pieces), len(lower))
	}
	for i, p := range d.Pieces {
		if p.Label != classLabel(lower, i, f.Locale) || p.Color != orRd[len(lower)][i] {
			t.Errorf("class %d: %q %s", i, p.Label, p.Color)
		}
	}
	if rtl := f.RTL(); rtl && (d.VMRight != "0" || d.VMAlign != "right") || !rtl && (d.VMLeft != "0" || d.VMAlign != "left") {
		t.Errorf("classes at left %s, right %s, aligned %s (rtl %v)", d.VMLeft, d.VMRight, d.VMAlign, rtl)
	}
	if d.AriaLabel != f.Alt {
		t.Errorf("aria-label %q, want %q", d.AriaLabel, f.Alt)
	}
	if d.Painted < 20000 {
		t.Errorf("canvas nearly blank: %d painted pixels", d.Painted)
	}
	// The map and its classes inside the chart, apart; the map as large as
	// the room beside (or above) the classes allows.
	m, v := d.MapBox, d.VMBox
	inside := func(b [4]float64) bool { return b[0] >= -1 && b[1] >= -1 && b[2] <= d.Width+1 && b[3] <= d.Height+1 }
	if !inside(m) || !inside(v) || m[0] < v[2] && v[0] < m[2] && m[1] < v[3] && v[1] < m[3] {
		t.Errorf("map %v and classes %v overlap or leave the %vx%v chart", m, v, d.Width, d.Height)
	}
	if mw, mh := m[2]-m[0], m[3]-m[1]; mw < 0.6*(d.Width-mapLegendRoom) && mh < 0.6*d.Height {
		t.Errorf("map %.0fx%.0f px in a %vx%v chart: too small", mw, mh, d.Width, d.Height)
	}
	if d.Narrow != (d.Width < mapNarrow) {
		t.Errorf("chart %v px wide: narrow layout %v", d.Width, d.Narrow)
	}
	// Inside each governorate: its class colour, or the "no data" fill with
	// its hatch.
	for _, it := range d.Data {
		fill := d.Fills[it.Name]
		if it.Value == nil {
			if fill[colours.NoData] < 0.2 || d.Hatch[it.Name] < 0.05 {
				t.Errorf("%s (no data): drawn %v (%.0f%% hatch), want %s hatched", it.Name, top(fill), 100*d.Hatch[it.Name], colours.NoData)
			}
			continue
		}
		want := orRd[len(lower)][classOf(lower, int64(*it.Value))]
		if core := d.Cores[it.Name]; core[want] < 0.3 {
			t.Errorf("%s (%v): drawn %v, want %s", it.Name, *it.Value, top(core), want)
		}
	}
}

// top lists the main colours of a patch, for messages.
func top(fill map[string]float64) string {
	var out []string
	for c, n := range fill {
		if n >= 0.05 {
			out = append(out, fmt.Sprintf("%s %.0f%%", c, 100*n))
		}
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// mapTip shows the tooltip of a region, as a reader's pointer would, and
// returns its text.
func mapTip(tb *tab, ctxID, id string, dataIndex int) string {
	tb.t.Helper()
	eval[bool](tb, ctxID, fmt.Sprintf(`(echarts.getInstanceByDom(document.getElementById(%q)).dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: %d}), true)`, id, dataIndex))
	tip := fmt.Sprintf(`[...document.getElementById(%q).querySelectorAll("div")].filter(d => d.style.zIndex === "9999999" && d.style.visibility !== "hidden")`, id)
	tb.waitFor(ctxID, tip+`.some(d => d.textContent.length > 0)`, 5*time.Second)
	return eval[string](tb, ctxID, tip+`.map(d => d.textContent).join("|")`)
}

// checkMapPage checks a map page in a tab: the map, its tooltips in the
// page's language, the "no data" key and the open table.
func checkMapPage(t *testing.T, tb *tab, id string, f *figure.Figure) {
	t.Helper()
	d := readMap(tb, "", id, mapLight)
	checkMapDrawn(t, d, f, mapLight)
	lang := f.Locale.Lang
	for i, it := range d.Data {
		g, _ := syria.ByPCode(it.Name)
		want := uiFor(lang).NoData
		if i < len(f.Categories) && f.Series[0].Values[i].Known {
			want = f.Series[0].Values[i].Label
		}
		tip := mapTip(tb, "", id, i)
		if !strings.Contains(tip, g.Name(lang)) || !strings.Contains(tip, want) || strings.Contains(tip, it.Name) {
			t.Errorf("tooltip of %s: %q, want its name %q and %q (and no P-code)", it.Name, tip, g.Name(lang), want)
		}
	}
	if got := eval[string](tb, "", fmt.Sprintf(`document.getElementById(%q).textContent`, id+"-key")); got != uiFor(lang).NoData {
		t.Errorf("\"no data\" key %q", got)
	}
	if !eval[bool](tb, "", fmt.Sprintf(`document.getElementById(%q).open`, id+"-data")) {
		t.Error("the table of a map is closed")
	}
}
