package web

import (
	"encoding/json"
	"fmt"
	"math"
	"sync"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	eopts "github.com/go-echarts/go-echarts/v2/opts"

	"github.com/tollcharts/tollcharts/charts/figure"
	"github.com/tollcharts/tollcharts/charts/locale"
	"github.com/tollcharts/tollcharts/charts/syria"
)

// A map figure (kinds map and tilemap) is drawn as an ECharts map of the
// 14 governorates: the boundaries of package syria travel in the page's
// JSON block (no request for them), registered under mapName with the
// P-code as each region's name. Governorates are filled by class, like the
// PNG map of charts/infographic; one without a published figure (unknown,
// or not in the figure) is grey and hatched, and its tooltip says "no
// data".

// mapName is the name the page registers the boundaries under
// (echarts.registerMap). Every page registers the same GeoJSON under it.
const mapName = "tollcharts-syria-governorates"

// mapNameProperty is the GeoJSON property that names a region: the P-code,
// which figures of governorates use as category keys.
const mapNameProperty = "pcode"

// Colours of the map. orRd are ColorBrewer's OrRd sequential schemes
// (Cynthia Brewer, Apache 2.0; marked colour-blind safe), by number of
// classes: the colours of the PNG map (charts/infographic/classes.go).
var orRd = map[int][]string{
	1: {"#e34a33"},
	2: {"#fdbb84", "#e34a33"},
	3: {"#fee8c8", "#fdbb84", "#e34a33"},
	4: {"#fef0d9", "#fdcc8a", "#fc8d59", "#d7301f"},
	5: {"#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"},
}

// mapColors are the colours of what is not a class: the "no data" fill and
// its hatch, and the borders between governorates: a grey at 3:1 or more
// against the page background (WCAG 1.4.11), so that every governorate's
// outline stands out even where its class colour is close to the
// background (the lightest classes on white, the darkest on the dark page).
type mapColors struct {
	NoData string `json:"noData"`
	Hatch  string `json:"hatch"`
	Border string `json:"border"`
}

var (
	mapLight = mapColors{NoData: "#ececec", Hatch: "#a6a6a6", Border: "#767676"}
	mapDark  = mapColors{NoData: "#2c2f33", Hatch: "#7d7d7d", Border: "#8c8c8c"}
)

// The layout of a map: its classes sit at the bottom of the chart, on the
// left in English and on the right in Arabic, beside the map (a column
// mapLegendRoom px wide), or below it when the chart is narrower than
// mapNarrow px. The page's script fits the map into the rest (see
// mapConfig).
const (
	mapLegendRoom = 170
	mapNarrow     = 560
)

// mapConfig is what the page needs beyond the option to draw a map.
type mapConfig struct {
	// Geo is the GeoJSON of the governorates (syria.BoundariesGeoJSON),
	// registered under the option's map name before the chart is drawn.
	Geo json.RawMessage `json:"geo"`
	// NameKey is the GeoJSON property with a governorate's name in the
	// page's language (name_en, name_ar): the head of its tooltip.
	NameKey string `json:"nameKey"`
	// Dark are the colours for a dark page.
	Dark mapColors `json:"dark"`
	// Side is where the classes are: "left" or "right".
	Side string `json:"side"`
	// Room is the width in px of the column of the classes beside the map;
	// Narrow the chart width in px under which they go below the map, where
	// they take LegendHeight px.
	Room         int `json:"room"`
	Narrow       int `json:"narrow"`
	LegendHeight int `json:"legendHeight"`
	// Aspect is the width of the drawn map over its height.
	Aspect float64 `json:"aspect"`
}

// mapProjection returns how ECharts should draw the boundaries: like the
// PNG map, longitudes scaled by the cosine of the middle latitude
// (aspectScale), and the width over the height of the map so drawn.
var mapProjection = sync.OnceValues(func() (aspectScale, aspect float64) {
	lo := syria.Point{Lon: math.Inf(1), Lat: math.Inf(1)}
	hi := syria.Point{Lon: math.Inf(-1), Lat: math.Inf(-1)}
	for _, b := range syria.Boundaries() {
		l, h := b.Bounds()
		lo.Lon, lo.Lat = math.Min(lo.Lon, l.Lon), math.Min(lo.Lat, l.Lat)
		hi.Lon, hi.Lat = math.Max(hi.Lon, h.Lon), math.Max(hi.Lat, h.Lat)
	}
	// Rounded so that the page's JSON is short; 4 digits are well under a
	// pixel.
	aspectScale = math.Round(math.Cos((lo.Lat+hi.Lat)/2*math.Pi/180)*1e4) / 1e4
	aspect = math.Round((hi.Lon-lo.Lon)*aspectScale/(hi.Lat-lo.Lat)*1e4) / 1e4
	return aspectScale, aspect
})

// mapClasses returns the lower bounds of the classes of a map whose largest
// value is max, as the PNG map makes them (charts/infographic, newClasses):
// up to 5 classes whose bounds are round numbers (1, 2, 5, 10, 25, 50,
// 100, 250, ...): the top class starts at the largest round number not
// above max, and the lowest class starts at zero, so that a known zero has
// a class colour, never the "no data" hatch.
func mapClasses(max int64) []int64 {
	steps := []int64{1, 2, 5}
	for mag := int64(10); mag <= max && mag < 1e17; mag *= 10 {
		steps = append(steps, mag, 25*mag/10, 5*mag)
	}
	var bounds []int64
	for _, s := range steps {
		if s <= max {
			bounds = append(bounds, s)
		}
	}
	if len(bounds) > 4 {
		bounds = bounds[len(bounds)-4:]
	}
	return append([]int64{0}, bounds...)
}

// classLabel names class i as the PNG map does: "100–249", "1,000 or
// more", "0".
func classLabel(lower []int64, i int, loc locale.Locale) string {
	lo := loc.Int(lower[i])
	if i == len(lower)-1 {
		if loc.RTL() {
			return lo + " فأكثر"
		}
		return lo + " or more"
	}
	hi := lower[i+1] - 1
	if hi == lower[i] {
		return lo
	}
	return lo + "–" + loc.Int(hi)
}

// checkMap refuses a map figure that is not one series over governorates.
func checkMap(fig *figure.Figure) error {
	if len(fig.Series) != 1 {
		return fmt.Errorf("web: %s/%s: map: %d series; a map shows one", fig.Report, fig.ID, len(fig.Series))
	}
	if len(fig.CategoryKeys) != len(fig.Categories) {
		return fmt.Errorf("web: %s/%s: map: categories have no keys; want governorate P-codes", fig.Report, fig.ID)
	}
	seen := map[string]bool{}
	for _, k := range fig.CategoryKeys {
		if _, ok := syria.ByPCode(k); !ok {
			return fmt.Errorf("web: %s/%s: map: %q is not a governorate P-code", fig.Report, fig.ID, k)
		}
		if seen[k] {
			return fmt.Errorf("web: %s/%s: map: governorate %s twice", fig.Report, fig.ID, k)
		}
		seen[k] = true
	}
	return nil
}

// mapData lists the regions the map series draws: first the figure's
// categories in its order (item i is category i), then every governorate
// the figure does not name, in P-code order, with no value. A known value
// is its exact count; an unknown one is null, kept out of the classes
// (visualMap: false) and filled grey with a hatch.
func mapData(fig *figure.Figure) []any {
	hatched := func(name string) map[string]any {
		return map[string]any{
			"name": name, "value": nil, "visualMap": false,
			"itemStyle": map[string]any{
				"areaColor": mapLight.NoData,
				"color":     mapLight.NoData,
				"decal": map[string]any{
					"symbol":     "rect",
					"symbolSize": 1,
					"color":      mapLight.Hatch,
					"dashArrayX": []int{1, 0},
					"dashArrayY": []int{2, 5},
					"rotation":   math.Pi / 4,
				},
			},
		}
	}
	var out []any
	named := map[string]bool{}
	for i, k := range fig.CategoryKeys {
		named[k] = true
		if v := fig.Series[0].Values[i]; v.Known {
			it := map[string]any{"name": k, "value": v.N}
			if k == fig.Highlight {
				// Highlighted: a heavy outline in the page's text colour
				// over its class colour (the page recolours it when
				// dark), as the infographic draws it.
				it["itemStyle"] = map[string]any{"borderColor": calloutInk[0], "borderWidth": 3.5, "tcHighlight": true}
			}
			out = append(out, it)
		} else {
			out = append(out, hatched(k))
		}
	}
	for _, g := range syria.All() {
		if !named[g.PCode] {
			out = append(out, hatched(g.PCode))
		}
	}
	return out
}

// mapHasNoData reports whether some governorate has no published figure.
func mapHasNoData(fig *figure.Figure) bool {
	known := 0
	for _, v := range fig.Series[0].Values {
		if v.Known {
			known++
		}
	}
	return known < len(syria.All())
}

// buildMapOption builds the ECharts option of a map figure with go-echarts
// and returns it as JSON with sorted keys.
func buildMapOption(fig *figure.Figure, id string, o Options) (json.RawMessage, error) {
	if err := checkMap(fig); err != nil {
		return nil, err
	}
	rtl := fig.RTL()
	s := fig.Series[0]
	name := s.Name
	if name == "" {
		name = fig.ValueAxis
	}
	c := echarts.NewMap()
	c.RegisterMapType(mapName) // not a go-echarts preset: adds no script
	c.SetGlobalOptions(append(baseOpts(fig, id, o, false),
		echarts.WithTooltipOpts(eopts.Tooltip{Show: eopts.Bool(true), Trigger: "item"}),
		echarts.WithLegendOpts(eopts.Legend{Show: eopts.Bool(false)}),
	)...)
	c.AddSeries(isolate(name, rtl), nil, echarts.WithSeriesId(s.Key))
	c.ClearPresetJSAssets()
	c.Validate()
	m, err := plainOption(c.JSON(), fig)
	if err != nil {
		return nil, err
	}
	delete(m, "legend") // one series: no legend component (and no legend symbols on the map)

	// The classes, beside the map: on the left in English, on the right in
	// Arabic, high values on top.
	lower := mapClasses(fig.Max())
	colors := orRd[len(lower)]
	var pieces []any
	for i := range lower {
		p := map[string]any{"gte": lower[i], "label": classLabel(lower, i, fig.Locale), "color": colors[i]}
		if i+1 < len(lower) {
			p["lt"] = lower[i+1]
		}
		pieces = append(pieces, p)
	}
	vm := map[string]any{
		"type": "piecewise", "show": true, "orient": "vertical",
		"seriesIndex": 0, "selectedMode": false, "bottom": 8, "padding": 0,
		"itemWidth": 20, "itemHeight": 14, "itemGap": 6, "textGap": 8,
		"pieces": pieces,
	}
	side := mapSide(rtl)
	vm[side], vm["align"] = 0, side
	m["visualMap"] = []any{vm}

	series, ok := m["series"].([]any)
	if !ok || len(series) != 1 {
		return nil, fmt.Errorf("web: %s/%s: map option has no series", fig.Report, fig.ID)
	}
	sm := series[0].(map[string]any)
	sm["map"] = mapName
	sm["nameProperty"] = mapNameProperty
	sm["selectedMode"] = false
	sm["showLegendSymbol"] = false
	sm["roam"] = false
	sm["aspectScale"], _ = mapProjection()
	sm["itemStyle"] = map[string]any{"areaColor": mapLight.NoData, "borderColor": mapLight.Border, "borderWidth": 1}
	// Hovering outlines a governorate and keeps its fill (a null areaColor
	// and color keep the fill; see ECharts' MapDraw).
	sm["emphasis"] = map[string]any{
		"label":     map[string]any{"show": false},
		"itemStyle": map[string]any{"areaColor": nil, "color": nil, "borderColor": "#1b1b1b", "borderWidth": 2},
	}
	// The exact value on each governorate with a figure (the page's script
	// gives the labels), hidden where labels would overlap; the tooltip and
	// the table hold every value.
	sm["label"] = map[string]any{
		"show": true, "color": "#1b1b1b", "fontWeight": "bold", "fontSize": 13,
		"textBorderColor": "#ffffff", "textBorderWidth": 3,
	}
	sm["labelLayout"] = map[string]any{"hideOverlap": true}
	sm["data"] = mapData(fig)
	if err := checkBundled(m); err != nil {
		return nil, err
	}
	out, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("web: %s/%s: encode option: %v", fig.Report, fig.ID, err)
	}
	return out, nil
}

// buildMapConfig adds to cfg what the page needs to draw a map.
func buildMapConfig(cfg *chartConfig, fig *figure.Figure, id string, o Options) error {
	opt, err := buildMapOption(fig, id, o)
	if err != nil {
		return err
	}
	cfg.Option = opt
	labels := make([]string, len(fig.Categories))
	for i, v := range fig.Series[0].Values {
		if v.Known {
			labels[i] = v.Label
		}
	}
	cfg.Labels = [][]string{labels}
	cfg.NoData = uiFor(fig.Locale.Lang).NoData
	_, aspect := mapProjection()
	classes := len(mapClasses(fig.Max()))
	cfg.Map = &mapConfig{
		Geo: syria.BoundariesGeoJSON(), NameKey: "name_" + fig.Locale.Lang, Dark: mapDark,
		Side: mapSide(fig.RTL()), Room: mapLegendRoom, Narrow: mapNarrow,
		LegendHeight: 20*classes + 14, Aspect: aspect,
	}
	return nil
}

// mapSide is the side of the chart the classes sit on.
func mapSide(rtl bool) string {
	if rtl {
		return "right"
	}
	return "left"
}
