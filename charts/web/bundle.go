package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// bundleEntry is the entry of the echarts build the pages load: the
// series, components and renderer tollcharts draws with, and nothing
// else. ECharts registers nothing it is not given, and a chart whose
// series or component is missing draws nothing, silently; TestBundleCovers
// checks every option a shipped page can hold against these lists.
//
//   - charts: bar (bar, column, stacked, grouped, multiples), line (line,
//     timeline), pie (donut), map (map, tilemap);
//   - components: grid (the cartesian axes), title (the panels of small
//     multiples), tooltip (which brings axisPointer), legend (plain and
//     scroll), visualMap (the map's classes), markPoint ("no data"),
//     aria (the description and the decal patterns), graphic (marked
//     events, runtime.js);
//   - features: labelLayout (series labelLayout);
//   - renderer: canvas (runtime.js initialises every chart with it).
//
// The "dark" theme and registerMap come with echarts/core.
const bundleEntry = `import { use } from "echarts/core";
import { BarChart, LineChart, PieChart, MapChart } from "echarts/charts";
import { GridComponent, TitleComponent, TooltipComponent, LegendComponent, VisualMapComponent, MarkPointComponent, AriaComponent, GraphicComponent } from "echarts/components";
import { LabelLayout } from "echarts/features";
import { CanvasRenderer } from "echarts/renderers";
use([BarChart, LineChart, PieChart, MapChart, GridComponent, TitleComponent, TooltipComponent, LegendComponent, VisualMapComponent, MarkPointComponent, AriaComponent, GraphicComponent, LabelLayout, CanvasRenderer]);
export * from "echarts/core";
`

// bundledBy names, for each key of an ECharts option the pages may hold,
// the module of bundleEntry that draws it ("" for what echarts/core
// handles itself); series types under "series:", and the keys a series may
// hold that need a module of their own under "series.". An option with
// anything else is refused (checkBundled): drawn with the bundle, it would
// fail silently.
var bundledBy = map[string]string{
	"animation": "", "useUTC": "", "backgroundColor": "", "color": "", "textStyle": "", "series": "",
	"grid": "GridComponent", "xAxis": "GridComponent", "yAxis": "GridComponent",
	"title":     "TitleComponent",
	"tooltip":   "TooltipComponent",
	"legend":    "LegendComponent",
	"visualMap": "VisualMapComponent",
	"aria":      "AriaComponent",
	"graphic":   "GraphicComponent",

	"series:bar": "BarChart", "series:line": "LineChart", "series:pie": "PieChart", "series:map": "MapChart",

	"series.markPoint": "MarkPointComponent", "series.labelLayout": "LabelLayout",
}

// bundleUsed lists the modules bundleEntry registers (its use([...])).
func bundleUsed() []string {
	_, list, _ := strings.Cut(bundleEntry, "use([")
	list, _, _ = strings.Cut(list, "])")
	return strings.Split(list, ", ")
}

// checkBundled checks that the bundle draws everything in an option.
func checkBundled(m map[string]any) error {
	need := func(k string) error {
		mod, ok := bundledBy[k]
		if !ok || (mod != "" && !slices.Contains(bundleUsed(), mod)) {
			return fmt.Errorf("web: the chart's option uses %q, which the echarts bundle does not register (add it to bundleEntry and bundledBy in bundle.go)", k)
		}
		return nil
	}
	for k := range m {
		if err := need(k); err != nil {
			return err
		}
	}
	series, _ := m["series"].([]any)
	for _, s := range series {
		sm, _ := s.(map[string]any)
		t, _ := sm["type"].(string)
		if err := need("series:" + t); err != nil {
			return err
		}
		for _, k := range []string{"markPoint", "markLine", "markArea", "labelLayout", "universalTransition"} {
			if _, ok := sm[k]; ok {
				if err := need("series." + k); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// bundlePackages are the npm packages the bundle is made from; their
// package.json (name and version, as package-lock.json pins them) key it.
var bundlePackages = []string{"echarts", "zrender", "tslib"}

// BundleKey identifies the bundle Bundle would make from root's
// node_modules without making it: a hash of the entry, the esbuild options
// and the package.json of each package bundled. It checks that echarts is
// EChartsVersion.
func BundleKey(root string) (string, error) {
	fsys := os.DirFS(root)
	if err := checkVersion(fsys); err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "esbuild %s\n%s\n", esbuildVersion, bundleEntry)
	for _, p := range bundlePackages {
		b, err := readAsset(fsys, "node_modules/"+p+"/package.json")
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", p, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// esbuildVersion is the esbuild the bundle is made with (go.mod pins it;
// the render keys also name the program's build).
const esbuildVersion = "v0.28.2"

var bundles sync.Map // key -> *bundleResult

type bundleResult struct {
	once        sync.Once
	js, license []byte
	err         error
}

// Bundle makes the echarts build the pages load from root's node_modules
// with esbuild: bundleEntry's modules only, minified, as one script that
// sets window.echarts; and the licence texts of what it holds, to ship
// beside it. The bytes depend only on the sources (no paths, no dates).
// Bundles are made once per process and key.
func Bundle(root string) (js, license []byte, err error) {
	key, err := BundleKey(root)
	if err != nil {
		return nil, nil, err
	}
	v, _ := bundles.LoadOrStore(key, &bundleResult{})
	r := v.(*bundleResult)
	r.once.Do(func() { r.js, r.license, r.err = bundle(root) })
	return r.js, r.license, r.err
}

func bundle(root string) (js, license []byte, err error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, nil, fmt.Errorf("web: %v", err)
	}
	res := api.Build(api.BuildOptions{
		Stdin: &api.StdinOptions{
			Contents:   bundleEntry,
			ResolveDir: abs,
			Sourcefile: "tollcharts-echarts.js",
		},
		AbsWorkingDir:     abs,
		Bundle:            true,
		Write:             false,
		Format:            api.FormatIIFE,
		GlobalName:        "echarts",
		Platform:          api.PlatformBrowser,
		Target:            api.ES2017,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		LegalComments:     api.LegalCommentsNone, // the licences ship beside it
		Charset:           api.CharsetASCII,
		Define: map[string]string{
			"process.env.NODE_ENV": `"production"`,
			"__DEV__":              "false",
		},
		LogLevel: api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		var b strings.Builder
		for _, m := range res.Errors {
			if m.Location != nil {
				fmt.Fprintf(&b, "\n%s:%d:%d: %s", m.Location.File, m.Location.Line, m.Location.Column+1, m.Text)
			} else {
				fmt.Fprintf(&b, "\n%s", m.Text)
			}
		}
		return nil, nil, fmt.Errorf("web: bundling echarts failed (%s):%s", installHint, b.String())
	}
	if len(res.OutputFiles) != 1 {
		return nil, nil, fmt.Errorf("web: bundling echarts gave %d files, want 1", len(res.OutputFiles))
	}
	js = res.OutputFiles[0].Contents
	if _, err := inlineJS(js); err != nil {
		return nil, nil, fmt.Errorf("web: the echarts bundle cannot be inlined: %v", err)
	}
	license, err = licenses(os.DirFS(root), fmt.Sprintf("%s is a build of Apache ECharts %s (only the series, components and renderer\ntollcharts draws with, made with esbuild %s), which bundles ZRender,\nparts of d3 and tslib. Their licences follow.\n", AssetJS, EChartsVersion, esbuildVersion),
		"echarts/LICENSE", "echarts/NOTICE", "echarts/licenses/LICENSE-d3", "zrender/LICENSE", "tslib/LICENSE.txt")
	if err != nil {
		return nil, nil, err
	}
	return js, license, nil
}

// licenses joins a heading and the named files under node_modules.
func licenses(fsys fs.FS, head string, files ...string) ([]byte, error) {
	var lic bytes.Buffer
	lic.WriteString(head)
	for _, f := range files {
		b, err := readAsset(fsys, "node_modules/"+f)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&lic, "\n==> %s <==\n\n", f)
		lic.Write(bytes.TrimRight(b, "\n"))
		lic.WriteByte('\n')
	}
	return lic.Bytes(), nil
}
