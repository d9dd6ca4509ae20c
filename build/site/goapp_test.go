package site

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
	rel, _, _ = strings.Cut(rel, "\n")
	copyDir := filepath.Join("..", "..", "build", "site", "_goapp", "module-"+strings.TrimSpace(rel))
	for _, p := range goAppPatches {
		got, err := os.ReadFile(filepath.Join(copyDir, filepath.FromSlash(p.file)))
		if err != nil {
			t.Errorf("the copy lacks %s: %v", p.file, err)
			continue
		}
		if p.with == "" {
			if !bytes.HasPrefix(got, []byte(serverOnly)) {
				t.Errorf("the copy's %s is still built into app.wasm", p.file)
			}
			continue
		}
		want, _ := os.ReadFile(filepath.Join("..", "..", goAppPatchDir, p.with))
		if len(want) == 0 || !bytes.Equal(got, want) {
			t.Errorf("the copy's %s is not %s", p.file, p.with)
		}
	}
	for _, s := range goAppStandIns {
		got, err := os.ReadFile(filepath.Join(copyDir, filepath.FromSlash(s.file)))
		std, standIn := s.imports()
		if err != nil || !bytes.Contains(got, []byte(standIn)) || bytes.Contains(got, []byte(std)) {
			t.Errorf("the copy's %s still imports %s (%v)", s.file, s.pkg, err)
		}
	}
	for _, h := range goAppHooks {
		got, err := os.ReadFile(filepath.Join(copyDir, filepath.FromSlash(h.file)))
		if err != nil || !bytes.Contains(got, []byte(h.call+h.at)) {
			t.Errorf("the copy's %s lacks its hook before %q (%v)", h.file, h.at, err)
		}
	}
	if _, err := os.Stat(filepath.Join(copyDir, "pkg", "app", "app.go")); err != nil {
		t.Errorf("the copy lacks go-app's other files: %v", err)
	}
	if matches, _ := filepath.Glob(filepath.Join(copyDir, "pkg", "app", "*_test.go")); len(matches) > 0 {
		t.Errorf("the copy holds test files: %v", matches)
	}
}

func TestPatchRefusesAnotherUpstream(t *testing.T) {
	err := checkUpstream("pkg/app/engine.go", []byte("package app\n"), nil, goAppPatches[0].upstream)
	if err == nil || !strings.Contains(err.Error(), "port the patches") {
		t.Fatalf("a different engine.go was accepted: %v", err)
	}
}

// TestAppWasmLeavesOutServerAndRegexp builds the client's import graph
// against the patched copy: net/http (go-app's server side), regexp (its
// regexp routes), AES and crypto/rand (its encryption and
// github.com/google/uuid's random ids), encoding/json (its errors and
// states) and html (its entity table) must not be in it.
func TestAppWasmLeavesOutServerAndRegexp(t *testing.T) {
	modfile, err := patchedGoApp("../..", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "-modfile", modfile, "-deps", "./wasm")
	cmd.Dir = filepath.Join("..", "..")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, goAppModule+"/pkg/app") {
		t.Fatalf("go-app is not among app.wasm's packages: %v", deps)
	}
	for _, pkg := range []string{"net/http", "regexp", "crypto/aes", "crypto/rand", "crypto/md5", "encoding/json", "html"} {
		if slices.Contains(deps, pkg) {
			t.Errorf("app.wasm imports %s again: see goAppPatches", pkg)
		}
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

// TestPatchedGoAppBuilds compiles the patched go-app for the browser and,
// as go-app is also built for servers, outside it.
func TestPatchedGoAppBuilds(t *testing.T) {
	modfile, err := patchedGoApp("../..", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, goos := range []string{"js", ""} {
		cmd := exec.Command("go", "vet", "-modfile", modfile, goAppModule+"/pkg/app")
		cmd.Dir = filepath.Join("..", "..")
		cmd.Env = os.Environ()
		if goos == "js" {
			cmd.Env = append(cmd.Env, "GOOS=js", "GOARCH=wasm")
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go vet (GOOS=%s): %v\n%s", goos, err, out)
		}
	}
}
