package site

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// compressible are the file types worth precompressing; images are
// already compressed.
var compressible = map[string]bool{
	".wasm": true, ".json": true, ".js": true, ".css": true,
	".html": true, ".webmanifest": true, ".svg": true,
}

// compressDir writes name.br and name.gz beside every compressible file in
// dir, at the highest levels: the cost is paid once per build, the saving
// on every visit. fast trades size for speed, for tests.
func compressDir(dir string, fast bool) (int, error) {
	brLevel, gzLevel := brotli.BestCompression, gzip.BestCompression
	if fast {
		brLevel, gzLevel = 1, 1
	}
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compressible[filepath.Ext(p)] {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var br, gz bytes.Buffer
		bw := brotli.NewWriterLevel(&br, brLevel)
		if _, err := bw.Write(data); err != nil {
			return err
		}
		if err := bw.Close(); err != nil {
			return err
		}
		gw, _ := gzip.NewWriterLevel(&gz, gzLevel)
		if _, err := gw.Write(data); err != nil {
			return err
		}
		if err := gw.Close(); err != nil {
			return err
		}
		if err := os.WriteFile(p+".br", br.Bytes(), 0o644); err != nil {
			return err
		}
		n++
		return os.WriteFile(p+".gz", gz.Bytes(), 0o644)
	})
	return n, err
}
