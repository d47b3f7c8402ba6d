package charts_test

import (
	"context"
	"encoding/json"
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"

	"github.com/tollcharts/tollcharts/charts/theme"
)

// markState lists the marks an ECharts chart draws, as the chart holds
// them once drawn: for each series, each item with a value (a bar, a
// slice, a governorate, a line's stroke) and its fill and outline. Items
// without a value are not marks: the chart names them in words ("no
// data") in its labels, tooltip, legend and table.
const markState = `(() => {
  const probe = document.createElement("span");
  document.body.appendChild(probe);
  const rgb = c => {
    if (!c || typeof c !== "string" || c === "none" || c === "transparent") return "";
    probe.style.color = ""; probe.style.color = c;
    return getComputedStyle(probe).color;
  };
  const page = document.querySelector(".tc-page") || document.body;
  const out = {background: getComputedStyle(page).backgroundColor, marks: []};
  for (const el of document.querySelectorAll(".tc-chart[id]")) {
    const c = echarts.getInstanceByDom(el);
    if (!c) continue;
    c.getModel().eachSeries(s => {
      const d = s.getData();
      if (s.subType === "line") {
        // The line as drawn: the series view's polyline.
        const v = c.getViewOfSeriesModel(s);
        const pl = v && v._polyline;
        out.marks.push({series: s.name, type: "line", stroke: pl ? rgb(pl.style.stroke) : "", width: pl ? pl.style.lineWidth || 0 : 0});
        return;
      }
      for (let i = 0; i < d.count(); i++) {
        let v = s.getRawValue(i);
        if (v !== null && typeof v === "object" && !Array.isArray(v)) v = v.value;
        if (Array.isArray(v)) v = v[v.length - 1];
        if (v === null || v === undefined || v === "-" || v === "" || isNaN(Number(v))) continue;
        const st = d.getItemVisual(i, "style");
        const m = d.getItemModel(i);
        const bw = m.get(["itemStyle", "borderWidth"]);
        out.marks.push({series: s.name, item: d.getName(i), type: s.subType, fill: rgb(st.fill),
          stroke: rgb(st.stroke || m.get(["itemStyle", "borderColor"])), width: bw === undefined ? (st.lineWidth || 0) : bw});
      }
    });
  }
  probe.remove();
  return JSON.stringify(out);
})()`

// parseRGB reads a computed CSS colour, "rgb(r, g, b)" or "rgba(r, g, b, a)".
func parseRGB(s string) (c color.RGBA, alpha float64, ok bool) {
	i, j := strings.IndexByte(s, '('), strings.IndexByte(s, ')')
	if i < 0 || j < i {
		return c, 0, false
	}
	f := strings.Split(s[i+1:j], ",")
	if len(f) < 3 {
		return c, 0, false
	}
	var rgb [3]uint8
	for k := range 3 {
		v, err := strconv.ParseUint(strings.TrimSpace(f[k]), 10, 8)
		if err != nil {
			return c, 0, false
		}
		rgb[k] = uint8(v)
	}
	alpha = 1
	if len(f) == 4 {
		a, err := strconv.ParseFloat(strings.TrimSpace(f[3]), 64)
		if err != nil {
			return c, 0, false
		}
		alpha = a
	}
	return color.RGBA{rgb[0], rgb[1], rgb[2], 255}, alpha, true
}

// checkMarkContrast holds every mark of every shipped chart page, both
// languages, light and dark, to WCAG 2.2 success criterion 1.4.11
// (non-text contrast): each mark stands out from the page background at
// 3:1 or more, by its fill or by an outline at least 1 px wide. axe-core
// checks text; it cannot see into a canvas.
func checkMarkContrast(t *testing.T, browser context.Context, all []shippedPage) {
	for _, p := range all {
		if p.Single || p.Kind == "stat" || p.Kind == "pictogram" {
			continue
		}
		for _, scheme := range []string{"light", "dark"} {
			t.Run(p.name()+"/"+scheme, func(t *testing.T) {
				t.Parallel()
				tb := newTab(t, browser, 60*time.Second)
				setMedia(t, tb, &emulation.MediaFeature{Name: "prefers-reduced-motion", Value: "reduce"},
					&emulation.MediaFeature{Name: "prefers-color-scheme", Value: scheme})
				tb.navigate(p.fileURL())
				tb.waitFor("", chartsReady, 15*time.Second)
				var st struct {
					Background string
					Marks      []struct {
						Series, Item, Type, Fill, Stroke string
						Width                            float64
					}
				}
				if err := json.Unmarshal([]byte(eval[string](tb, "", markState)), &st); err != nil {
					t.Fatal(err)
				}
				bg, a, ok := parseRGB(st.Background)
				if !ok || a != 1 {
					t.Fatalf("page background %q: want an opaque colour", st.Background)
				}
				if len(st.Marks) == 0 {
					t.Fatalf("%s chart: no marks read", p.Kind)
				}
				for _, m := range st.Marks {
					best, by := 0.0, ""
					if c, a, ok := parseRGB(m.Fill); ok && a == 1 {
						best, by = theme.Contrast(c, bg), "fill "+m.Fill
					}
					if c, a, ok := parseRGB(m.Stroke); ok && a == 1 && m.Width >= 1 {
						if r := theme.Contrast(c, bg); r > best {
							best, by = r, fmt.Sprintf("outline %s %gpx", m.Stroke, m.Width)
						}
					}
					if best < theme.MinMarkContrast {
						t.Errorf("%s %q of series %q: contrast %.2f:1 on background %s (%s); want at least 3:1 (WCAG 1.4.11)", m.Type, m.Item, m.Series, best, st.Background, by)
					}
				}
			})
		}
	}
}
