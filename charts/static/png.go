package static

import (
	"bufio"
	"image"
	"image/png"
	"io"
)

// encodePNG writes img with a fixed encoder configuration, so equal images
// give equal bytes.
func encodePNG(w io.Writer, img image.Image) error {
	bw := bufio.NewWriter(w)
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(bw, img); err != nil {
		return err
	}
	return bw.Flush()
}
