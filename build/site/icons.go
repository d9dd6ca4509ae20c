package site

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
)

// The icon is drawn in code so the build needs no image tools and ships no
// remote icons: three lines of a list on the theme colour, matching
// web/icon.svg.
var (
	iconBackground = color.RGBA{0x34, 0x51, 0xb2, 0xff}
	iconInk        = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

func writeIcons(dir string) error {
	icons := []struct {
		name     string
		size     int
		maskable bool
	}{
		{"icon-192.png", 192, false},
		{"icon-512.png", 512, false},
		{"icon-maskable-512.png", 512, true},
	}
	for _, ic := range icons {
		if err := writePNG(filepath.Join(dir, ic.name), drawIcon(ic.size, ic.maskable)); err != nil {
			return err
		}
	}
	return nil
}

// drawIcon draws the list glyph; a maskable icon fills the whole square and
// keeps the glyph inside the central 80% safe zone.
func drawIcon(size int, maskable bool) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	radius := size / 6
	if maskable {
		radius = 0
	}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			if insideRounded(x, y, size, radius) {
				img.Set(x, y, iconBackground)
			}
		}
	}
	unit := float64(size) / 32
	if maskable {
		unit *= 0.8
	}
	c := float64(size) / 2
	bars := []struct{ y, w float64 }{{-6, 16}, {0, 16}, {6, 11}}
	for _, b := range bars {
		x0, x1 := int(c-8*unit), int(c-8*unit+b.w*unit)
		y0, y1 := int(c+(b.y-1.5)*unit), int(c+(b.y+1.5)*unit)
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				img.Set(x, y, iconInk)
			}
		}
	}
	return img
}

func insideRounded(x, y, size, r int) bool {
	cx, cy := x, y
	switch {
	case x < r:
		cx = r
	case x >= size-r:
		cx = size - r - 1
	}
	switch {
	case y < r:
		cy = r
	case y >= size-r:
		cy = size - r - 1
	}
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= r*r
}

func writePNG(name string, img image.Image) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
