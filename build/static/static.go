// Package static serves a built site the way a good static host does:
// precompressed variants chosen by Accept-Encoding, correct MIME types for
// wasm and the web manifest, and directory paths served by their index.html.
package static

import (
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

var types = map[string]string{
	".wasm":        "application/wasm",
	".webmanifest": "application/manifest+json",
	".json":        "application/json",
	".js":          "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".html":        "text/html; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".txt":         "text/plain; charset=utf-8",
}

// encodings in order of preference, with the suffix of their files.
var encodings = []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

// Handler serves the files under dir.
func Handler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		file := filepath.Join(dir, filepath.FromSlash(name))
		info, err := os.Stat(file)
		if err == nil && info.IsDir() {
			http.Redirect(w, r, path.Clean(r.URL.Path)+"/", http.StatusMovedPermanently)
			return
		}
		if err != nil {
			http.NotFound(w, r)
			return
		}

		h := w.Header()
		ctype := types[path.Ext(name)]
		if ctype == "" {
			ctype = mime.TypeByExtension(path.Ext(name))
		}
		if ctype != "" {
			h.Set("Content-Type", ctype)
		}
		h.Set("X-Content-Type-Options", "nosniff")
		// Revalidate everything: a rebuilt site must show up on reload,
		// and the service worker does the offline caching.
		h.Set("Cache-Control", "no-cache")
		h.Add("Vary", "Accept-Encoding")

		served := file
		accept := r.Header.Get("Accept-Encoding")
		for _, enc := range encodings {
			if !acceptsEncoding(accept, enc.name) {
				continue
			}
			if vi, err := os.Stat(file + enc.ext); err == nil && !vi.IsDir() {
				served = file + enc.ext
				h.Set("Content-Encoding", enc.name)
				break
			}
		}
		f, err := os.Open(served)
		if err != nil {
			http.Error(w, "cannot read "+name, http.StatusInternalServerError)
			return
		}
		defer f.Close()
		http.ServeContent(w, r, name, info.ModTime(), f)
	})
}

// acceptsEncoding reads an Accept-Encoding header, honouring q=0 refusals.
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		return params != "q=0" && params != "q=0.0" && params != "q=0.00" && params != "q=0.000"
	}
	return false
}
