package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
)

// EChartsVersion is the echarts release go-echarts v2.6.7 is written for
// (its README and assets host pin 5.4.3). The root package.json pins the
// same version; Asset refuses any other.
const EChartsVersion = "5.4.3"

// Names of the files the build copies into output/<report>/assets/.
const (
	AssetJS      = "echarts.min.js"
	AssetLicense = "echarts-LICENSE.txt"
)

// installHint names the step that installs echarts.
const installHint = "run `npm ci` (or `make`) in the repository root to install echarts " + EChartsVersion

// Asset reads the echarts library and its licence texts from
// node_modules/echarts under the repository root: js is
// dist/echarts.min.js, license the Apache-2.0 LICENSE and NOTICE of echarts
// with the licences of the code it bundles (zrender, d3 parts), one after
// the other, to ship next to it. When echarts is missing or is not
// EChartsVersion, the error names the step to run.
func Asset(root string) (js, license []byte, err error) {
	return assetFS(os.DirFS(root))
}

func assetFS(fsys fs.FS) (js, license []byte, err error) {
	const dir = "node_modules/echarts"
	read := func(name string) ([]byte, error) {
		b, err := fs.ReadFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("web: %s is missing: %s", name, installHint)
		}
		if err != nil {
			return nil, fmt.Errorf("web: %v", err)
		}
		return b, nil
	}
	pkg, err := read(path.Join(dir, "package.json"))
	if err != nil {
		return nil, nil, err
	}
	var meta struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(pkg, &meta); err != nil {
		return nil, nil, fmt.Errorf("web: %s/package.json: %v", dir, err)
	}
	if meta.Version != EChartsVersion {
		return nil, nil, fmt.Errorf("web: %s is echarts %s, want %s: %s", dir, meta.Version, EChartsVersion, installHint)
	}
	js, err = read(path.Join(dir, "dist", AssetJS))
	if err != nil {
		return nil, nil, err
	}
	var lic bytes.Buffer
	fmt.Fprintf(&lic, "%s is Apache ECharts %s, which bundles ZRender and parts of d3.\nTheir licences follow.\n", AssetJS, EChartsVersion)
	for _, f := range []string{
		path.Join(dir, "LICENSE"),
		path.Join(dir, "NOTICE"),
		path.Join(dir, "licenses", "LICENSE-d3"),
		"node_modules/zrender/LICENSE",
	} {
		b, err := read(f)
		if err != nil {
			return nil, nil, err
		}
		fmt.Fprintf(&lic, "\n==> %s <==\n\n", f[len("node_modules/"):])
		lic.Write(bytes.TrimRight(b, "\n"))
		lic.WriteByte('\n')
	}
	return js, lic.Bytes(), nil
}
