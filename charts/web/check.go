package web

import (
	"fmt"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// checkFigure refuses figures this package cannot draw faithfully.
func checkFigure(fig *figure.Figure) error {
	if fig == nil {
		return fmt.Errorf("web: nil figure")
	}
	if !Supports(fig.Kind) {
		return fmt.Errorf("web: %s/%s: %w: %q", fig.Report, fig.ID, ErrUnsupportedKind, fig.Kind)
	}
	if len(fig.Series) == 0 || len(fig.Categories) == 0 {
		return fmt.Errorf("web: %s/%s: figure has no series or no categories", fig.Report, fig.ID)
	}
	if len(fig.CategoryKeys) != 0 && len(fig.CategoryKeys) != len(fig.Categories) {
		return fmt.Errorf("web: %s/%s: %d category keys for %d categories", fig.Report, fig.ID, len(fig.CategoryKeys), len(fig.Categories))
	}
	for _, s := range fig.Series {
		if len(s.Values) != len(fig.Categories) {
			return fmt.Errorf("web: %s/%s: series %q has %d values for %d categories", fig.Report, fig.ID, s.Key, len(s.Values), len(fig.Categories))
		}
		for i, v := range s.Values {
			if v.Known && v.Label == "" {
				return fmt.Errorf("web: %s/%s: series %q, category %q: known value %d has no label", fig.Report, fig.ID, s.Key, fig.Categories[i], v.N)
			}
		}
	}
	return nil
}
