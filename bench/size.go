package main

import (
	"bytes"
	"compress/gzip"
	"os"

	"github.com/andybalholm/brotli"
)

type sizeRow struct {
	name             string
	raw, gzip, brotl int
}

func fileSizes(name string) (sizeRow, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return sizeRow{}, err
	}
	r := sizeRow{raw: len(data)}
	for ext, dst := range map[string]*int{".gz": &r.gzip, ".br": &r.brotl} {
		if info, err := os.Stat(name + ext); err == nil {
			*dst = int(info.Size())
		}
	}
	return r, nil
}

// writeCompressed writes data with .gz and .br variants, as the site's
// build does, at levels that stay quick on 150 MB: gzip 6, brotli 6.
func writeCompressed(name string, data []byte) (sizeRow, error) {
	var gz, br bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&gz, 6)
	gw.Write(data)
	gw.Close()
	bw := brotli.NewWriterLevel(&br, 6)
	bw.Write(data)
	bw.Close()
	for name, b := range map[string][]byte{name: data, name + ".gz": gz.Bytes(), name + ".br": br.Bytes()} {
		if err := os.WriteFile(name, b, 0o644); err != nil {
			return sizeRow{}, err
		}
	}
	return sizeRow{raw: len(data), gzip: gz.Len(), brotl: br.Len()}, nil
}
