package site

import (
	"bytes"
	"compress/gzip"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/paperwidget/paperwidget/paper"
)

// The repository's wasm_exec.js must be the toolchain's: app.wasm only runs
// with the glue of the compiler that built it.
func TestWasmExecMatchesToolchain(t *testing.T) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../wasm_exec.js")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("wasm_exec.js differs from the toolchain's lib/wasm/wasm_exec.js: copy it again")
	}
}

func TestCompressedVariantsDecompressToTheOriginal(t *testing.T) {
	dir := t.TempDir()
	original := []byte(strings.Repeat(`{"id": "a", "title": "A paper"}`, 200))
	if err := os.WriteFile(filepath.Join(dir, "papers.json"), original, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "icon.png"), []byte("png"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := compressDir(dir, false); err != nil {
		t.Fatal(err)
	}
	br, _ := os.ReadFile(filepath.Join(dir, "papers.json.br"))
	gz, _ := os.ReadFile(filepath.Join(dir, "papers.json.gz"))
	fromBr, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
	if err != nil || !bytes.Equal(fromBr, original) {
		t.Errorf("brotli variant does not decompress to the original: %v", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	fromGz, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(fromGz, original) {
		t.Errorf("gzip variant does not decompress to the original: %v", err)
	}
	if len(br) >= len(original)/4 {
		t.Errorf("brotli barely compressed: %d of %d bytes", len(br), len(original))
	}
	if _, err := os.Stat(filepath.Join(dir, "icon.png.br")); err == nil {
		t.Error("compressed an image")
	}
}

func TestBaseResolvesEveryPath(t *testing.T) {
	for in, want := range map[string]string{"": "/", "/": "/", "/lab/papers": "/lab/papers/", "/lab/papers/": "/lab/papers/", "/a//b/": "/a/b/"} {
		got, err := cleanBase(in)
		if err != nil || got != want {
			t.Errorf("cleanBase(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for bad, why := range map[string]string{
		"lab":       `base "lab" must be a URL path such as /lab/papers/`,
		"/a b/":     `base "/a b/" contains a space (U+0020)`,
		`/x"/`:      `base "/x\"/" contains '"' (U+0022)`,
		"/x\ny/":    `base "/x\ny/" contains a line break (U+000A)`,
		`/x\y/`:     `base "/x\\y/" contains '\\' (U+005C)`,
		"/x'y/":     `base "/x'y/" contains '\'' (U+0027)`,
		"/x`y/":     "base \"/x`y/\" contains '`' (U+0060)",
		"/x\ty/":    `base "/x\ty/" contains a control character (U+0009)`,
		"/x\u2028/": `base "/x\u2028/" contains a space (U+2028)`,
	} {
		if _, err := cleanBase(bad); err == nil || !strings.HasPrefix(err.Error(), why) {
			t.Errorf("cleanBase(%q) = %v, want %s...", bad, err, why)
		}
	}
	h := handler(paper.List{Papers: make([]paper.Paper, 3)}, "/lab/papers/", "v1", 100)
	if got := h.Env["PAPERS_URL"]; got != "/lab/papers/web/papers.json" {
		t.Errorf("list URL under a base = %q", got)
	}
	if !strings.Contains(strings.Join(h.RawHeaders, ""), `href="/lab/papers/web/app.wasm"`) {
		t.Errorf("preload not under the base: %v", h.RawHeaders)
	}
	for _, icon := range []string{h.Icon.Default, h.Icon.Large, h.Icon.Maskable, h.Icon.SVG} {
		if strings.Contains(icon, "://") {
			t.Errorf("remote icon %s", icon)
		}
	}
}

func TestRefusesToWipeTheProject(t *testing.T) {
	root := t.TempDir()
	for _, out := range []string{"", root, filepath.Dir(root), "/"} {
		if err := resetDir(out, root); err == nil {
			t.Errorf("resetDir(%q) accepted", out)
		}
	}
	if err := resetDir(filepath.Join(root, "dist"), root); err != nil {
		t.Errorf("resetDir(root/dist): %v", err)
	}
}

func TestIconsHaveTheirDeclaredSizes(t *testing.T) {
	dir := t.TempDir()
	if err := writeIcons(dir); err != nil {
		t.Fatal(err)
	}
	for name, size := range map[string]int{"icon-192.png": 192, "icon-512.png": 512, "icon-maskable-512.png": 512} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != size || cfg.Height != size {
			t.Errorf("%s: %dx%d, %v; want %d square", name, cfg.Width, cfg.Height, err, size)
		}
	}
}
