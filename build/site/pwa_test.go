package site

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestManifestIsScopedToTheBase(t *testing.T) {
	out := t.TempDir()
	web := filepath.Join(out, "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeIcons(web); err != nil {
		t.Fatal(err)
	}
	h := &app.Handler{Name: "Lab papers", ShortName: "Papers", Description: "d", Lang: "en", BackgroundColor: "#ffffff", ThemeColor: "#3451b2"}
	if err := writeManifest(out, "/lab/papers/", h); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "manifest.webmanifest"))
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if m.Scope != "/lab/papers/" || m.StartURL != "/lab/papers/" || m.ID != "/lab/papers/" {
		t.Errorf("scope %q, start_url %q, id %q", m.Scope, m.StartURL, m.ID)
	}
	var got []string
	for _, ic := range m.Icons {
		got = append(got, ic.Src+" "+ic.Sizes+" "+ic.Purpose)
	}
	want := []string{
		"/lab/papers/web/icon-192.png 192x192 any",
		"/lab/papers/web/icon-512.png 512x512 any",
		"/lab/papers/web/icon-maskable-512.png 512x512 maskable",
		"/lab/papers/web/icon.svg any any",
	}
	if !slices.Equal(got, want) {
		t.Errorf("icons:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPrecacheListsWhatShips(t *testing.T) {
	out := t.TempDir()
	for _, name := range []string{"index.html", "index.html.br", "app.js", "app.js.gz", "app-worker.js", "web/app.wasm", "web/icon-192.png"} {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := shippedURLs(out, "/lab/papers/")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"/lab/papers/", "/lab/papers/app.js", "/lab/papers/web/app.wasm", "/lab/papers/web/icon-192.png"}
	if !slices.Equal(got, want) {
		t.Errorf("precache %v, want %v", got, want)
	}
}

func TestRewritesFailLoudly(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "index.html")
	// go-app writes attributes in any order.
	if err := os.WriteFile(page, []byte(`<head><meta content="#3451b2" name="theme-color"><title>x</title>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := setThemeColors(page, "#3451b2", "#0f1115"); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(page)
	if !strings.Contains(string(data), `content="#0f1115" media="(prefers-color-scheme: dark)"`) || strings.Count(string(data), "theme-color") != 2 {
		t.Errorf("theme colours: %s", data)
	}
	js := filepath.Join(dir, "app.js")
	if err := os.WriteFile(js, []byte("console.log(1)"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := rewrite(js, replacement{"console.error(", "console.warn("}); err == nil {
		t.Error("rewrite of a missing text did not fail")
	}
}
