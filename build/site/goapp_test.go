package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPatchedGoAppModule(t *testing.T) {
	dir := t.TempDir()
	modfile, err := patchedGoApp("../..", dir)
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(modfile)
	if err != nil {
		t.Fatal(err)
	}
	_, rel, ok := strings.Cut(string(mod), "replace "+goAppModule+" => ./build/site/_goapp/module-")
	if !ok {
		t.Fatalf("the build's go.mod does not replace go-app with the patched copy:\n%s", mod)
	}
	copyDir := filepath.Join("..", "..", "build", "site", "_goapp", "module-"+strings.TrimSpace(rel))
	got, _ := os.ReadFile(filepath.Join(copyDir, filepath.FromSlash(goAppEngine)))
	want, _ := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(goAppEnginePath)))
	if len(want) == 0 || !bytes.Equal(got, want) {
		t.Error("the copy's engine.go is not the patched one")
	}
	if _, err := os.Stat(filepath.Join(copyDir, "pkg", "app", "app.go")); err != nil {
		t.Errorf("the copy lacks go-app's other files: %v", err)
	}
	if matches, _ := filepath.Glob(filepath.Join(copyDir, "pkg", "app", "*_test.go")); len(matches) > 0 {
		t.Errorf("the copy holds test files: %v", matches)
	}
}

func TestPatchRefusesAnotherUpstream(t *testing.T) {
	other := filepath.Join(t.TempDir(), "engine.go")
	os.WriteFile(other, []byte("package app\n"), 0o644)
	err := checkUpstream(other, goAppEngineSHA256)
	if err == nil || !strings.Contains(err.Error(), "port the patch") {
		t.Fatalf("a different engine.go was accepted: %v", err)
	}
}

func TestPatchedGoAppIsReproducible(t *testing.T) {
	a, err := patchedGoApp("../..", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	b, err := patchedGoApp("../..", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	modA, _ := os.ReadFile(a)
	modB, _ := os.ReadFile(b)
	if !bytes.Equal(modA, modB) {
		t.Errorf("two builds name different copies (app.wasm records the path):\n%s\n%s", modA, modB)
	}
}
