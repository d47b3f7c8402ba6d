package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
)

// EChartsVersion is the echarts release go-echarts v2.6.7 is written for
// (its README and assets host pin 5.4.3). The root package.json pins the
// same version; Asset refuses any other.
const EChartsVersion = "5.4.3"

// Names of the files the build writes into output/<report>/assets/.
const (
	AssetJS      = "echarts.min.js"
	AssetLicense = "echarts-LICENSE.txt"
)

// installHint names the step that installs echarts.
const installHint = "run `npm ci` (or `make`) in the repository root to install echarts " + EChartsVersion

// Asset returns the echarts library the pages load and its licence texts:
// the build of only what tollcharts draws with (Bundle), made from
// node_modules under the repository root. When echarts is missing or is
// not EChartsVersion, the error names the step to run.
func Asset(root string) (js, license []byte, err error) {
	return Bundle(root)
}

// checkVersion checks that node_modules/echarts is EChartsVersion.
func checkVersion(fsys fs.FS) error {
	const dir = "node_modules/echarts"
	pkg, err := readAsset(fsys, dir+"/package.json")
	if err != nil {
		return err
	}
	var meta struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(pkg, &meta); err != nil {
		return fmt.Errorf("web: %s/package.json: %v", dir, err)
	}
	if meta.Version != EChartsVersion {
		return fmt.Errorf("web: %s is echarts %s, want %s: %s", dir, meta.Version, EChartsVersion, installHint)
	}
	return nil
}

func readAsset(fsys fs.FS, name string) ([]byte, error) {
	b, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("web: %s is missing: %s", name, installHint)
	}
	if err != nil {
		return nil, fmt.Errorf("web: %v", err)
	}
	return b, nil
}
