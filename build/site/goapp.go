package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// go-app v10.1.11 renders updates on a ticker that the first event after an
// idle spell starts (engine.Start(120), hard-coded): every keystroke waits
// up to 8.3 ms before its result reaches the DOM. app.wasm is built against
// a copy of the pinned, checksummed module from the module cache whose
// engine.go is replaced by _goapp/engine.go, which renders such an update at
// once. The copy is wired in with a temporary go.mod (`go build -modfile`),
// so go.mod, go.sum and every other build keep the upstream module; the
// leading underscore keeps the patched file out of ./... .
const (
	goAppModule     = "github.com/maxence-charriere/go-app/v10"
	goAppEngine     = "pkg/app/engine.go"
	goAppEnginePath = "build/site/_goapp/engine.go"
	// The upstream file the patch was made from: another go-app version
	// must be looked at again, not silently built with an old engine.
	goAppEngineSHA256 = "8400019d85d00fb6a904a9214ab78e1874ead07bb7ec719c2c254955864db5b2"
)

// patchedGoApp prepares the patched module under dir and returns the
// go.mod to build with.
func patchedGoApp(root, dir string) (modfile string, err error) {
	// go mod download, not go list -m: on a fresh machine the module may
	// not be in the cache yet, and this fetches it (verified by go.sum).
	cmd := exec.Command("go", "mod", "download", "-json", goAppModule)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("locating %s: %v", goAppModule, err)
	}
	var dl struct{ Dir, Error string }
	if err := json.Unmarshal(out, &dl); err != nil || dl.Dir == "" {
		return "", fmt.Errorf("locating %s: %s%v", goAppModule, dl.Error, err)
	}
	upstream := dl.Dir
	if err := checkUpstream(filepath.Join(upstream, filepath.FromSlash(goAppEngine)), goAppEngineSHA256); err != nil {
		return "", err
	}

	module := filepath.Join(dir, "go-app")
	if err := copyGoSources(upstream, module); err != nil {
		return "", fmt.Errorf("copying %s: %v", goAppModule, err)
	}
	patch, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(goAppEnginePath)))
	if err != nil {
		return "", fmt.Errorf("go-app engine patch: %v", err)
	}
	if err := os.WriteFile(filepath.Join(module, filepath.FromSlash(goAppEngine)), patch, 0o644); err != nil {
		return "", err
	}

	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return "", err
	}
	modfile = filepath.Join(dir, "go.mod")
	mod = fmt.Appendf(mod, "\nreplace %s => %s\n", goAppModule, module)
	if err := os.WriteFile(modfile, mod, 0o644); err != nil {
		return "", err
	}
	return modfile, os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644)
}

func checkUpstream(file, want string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("go-app engine patch: %v", err)
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != want {
		return fmt.Errorf("%s is not the go-app v10.1.11 file that %s was patched from (sha256 %s, want %s): port the patch to this version and update the checksum in build/site/goapp.go", file, goAppEnginePath, got, want)
	}
	return nil
}

// copyGoSources copies go.mod and the non-test Go files under pkg/: what
// building the module's packages needs, without its 26 MB of docs.
func copyGoSources(from, to string) error {
	if err := copyFile(filepath.Join(from, "go.mod"), filepath.Join(to, "go.mod")); err != nil {
		return err
	}
	return filepath.WalkDir(filepath.Join(from, "pkg"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		return copyFile(p, filepath.Join(to, rel))
	})
}
