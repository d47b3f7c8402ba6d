package static

import (
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/tollcharts/tollcharts/charts/internal/provenance"
)

// Meta is what a file says about itself: PNG text chunks, the SVG title,
// description and metadata, the PDF document information.
type Meta = provenance.Meta

// pdfDates fixes the PDF dates once, so equal inputs give equal bytes.
var pdfDates = sync.OnceFunc(func() {
	fixed := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	fpdf.SetDefaultCreationDate(fixed)
	fpdf.SetDefaultModificationDate(fixed)
	fpdf.SetDefaultCatalogSort(true)
})
