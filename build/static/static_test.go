package static

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":           "<p>page</p>",
		"index.html.br":        "BR-PAGE",
		"web/app.wasm":         "\x00asm-raw",
		"web/app.wasm.br":      "BR-WASM",
		"web/app.wasm.gz":      "GZ-WASM",
		"web/papers.json":      `{"papers":[]}`,
		"web/papers.json.gz":   "GZ-JSON",
		"manifest.webmanifest": "{}",
		"sub/index.html":       "<p>sub</p>",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestServesPrecompressedVariantsWithTheOriginalType(t *testing.T) {
	h := Handler(site(t))
	cases := []struct {
		path, accept          string
		body, ctype, encoding string
		status                int
	}{
		{"/web/app.wasm", "gzip, deflate, br", "BR-WASM", "application/wasm", "br", 200},
		{"/web/app.wasm", "gzip", "GZ-WASM", "application/wasm", "gzip", 200},
		{"/web/app.wasm", "br;q=0, gzip", "GZ-WASM", "application/wasm", "gzip", 200},
		{"/web/app.wasm", "", "\x00asm-raw", "application/wasm", "", 200},
		{"/web/papers.json", "br, gzip", "GZ-JSON", "application/json", "gzip", 200},
		{"/", "br", "BR-PAGE", "text/html; charset=utf-8", "br", 200},
		{"/index.html", "", "<p>page</p>", "text/html; charset=utf-8", "", 200},
		{"/manifest.webmanifest", "", "{}", "application/manifest+json", "", 200},
		{"/sub/", "", "<p>sub</p>", "text/html; charset=utf-8", "", 200},
		{"/missing.json", "", "", "", "", 404},
		{"/../../etc/passwd", "", "", "", "", 404},
	}
	for _, c := range cases {
		req := httptest.NewRequest("GET", c.path, nil)
		if c.accept != "" {
			req.Header.Set("Accept-Encoding", c.accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != c.status {
			t.Errorf("%s (%s): status %d, want %d", c.path, c.accept, rec.Code, c.status)
			continue
		}
		if c.status != 200 {
			continue
		}
		if rec.Body.String() != c.body || rec.Header().Get("Content-Type") != c.ctype || rec.Header().Get("Content-Encoding") != c.encoding {
			t.Errorf("%s (%s): body %q type %q encoding %q; want %q %q %q", c.path, c.accept,
				rec.Body.String(), rec.Header().Get("Content-Type"), rec.Header().Get("Content-Encoding"), c.body, c.ctype, c.encoding)
		}
		if rec.Header().Get("Vary") != "Accept-Encoding" {
			t.Errorf("%s: no Vary: Accept-Encoding", c.path)
		}
	}
}

func TestDirectoryWithoutSlashRedirects(t *testing.T) {
	rec := httptest.NewRecorder()
	Handler(site(t)).ServeHTTP(rec, httptest.NewRequest("GET", "/sub", nil))
	if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/sub/" {
		t.Errorf("status %d location %q", rec.Code, rec.Header().Get("Location"))
	}
}

func TestOnlyReads(t *testing.T) {
	rec := httptest.NewRecorder()
	Handler(site(t)).ServeHTTP(rec, httptest.NewRequest("POST", "/index.html", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d", rec.Code)
	}
}
