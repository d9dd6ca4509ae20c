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
	copyDir := filepath.Join(dir, "go-app")
	if !strings.Contains(string(mod), "replace "+goAppModule+" => "+copyDir) {
		t.Errorf("the build's go.mod does not replace go-app with the patched copy:\n%s", mod)
	}
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
