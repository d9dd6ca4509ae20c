package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// go-app v10.1.11 renders updates on a ticker that the first event after an
// idle spell starts (engine.Start(120), hard-coded): every keystroke waits
// up to 8.3 ms before its result reaches the DOM. app.wasm is built against
// a copy of the pinned, checksummed module from the module cache whose
// engine.go is replaced by _goapp/engine.go, which renders an update as
// soon as no other dispatch is waiting. The copy is wired in with a temporary go.mod (`go build -modfile`),
// so go.mod, go.sum and every other build keep the upstream module; the
// leading underscore keeps the patched file and the copy out of ./... .
const (
	goAppModule     = "github.com/maxence-charriere/go-app/v10"
	goAppEngine     = "pkg/app/engine.go"
	goAppEnginePath = "build/site/_goapp/engine.go"
	// The upstream file the patch was made from: another go-app version
	// must be looked at again, not silently built with an old engine.
	goAppEngineSHA256 = "8400019d85d00fb6a904a9214ab78e1874ead07bb7ec719c2c254955864db5b2"
)

// patchedGoApp prepares the patched module and returns the go.mod, written
// into dir, to build with.
//
// The copy lives under _goapp/ in the module, named by a hash of what it is
// made of, and go.mod names it by a relative path: the go command writes
// that path into app.wasm, so a temporary directory would make every build
// differ (and every deploy an update for the service worker). Builds that
// run at once share the copy: it is written aside and renamed into place.
func patchedGoApp(root, dir string) (modfile string, err error) {
	// go mod download, not go list -m: on a fresh machine the module may
	// not be in the cache yet, and this fetches it (verified by go.sum).
	cmd := exec.Command("go", "mod", "download", "-json", goAppModule)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("locating %s: %v", goAppModule, err)
	}
	var dl struct{ Dir, Version, Error string }
	if err := json.Unmarshal(out, &dl); err != nil || dl.Dir == "" {
		return "", fmt.Errorf("locating %s: %s%v", goAppModule, dl.Error, err)
	}
	if err := checkUpstream(filepath.Join(dl.Dir, filepath.FromSlash(goAppEngine)), goAppEngineSHA256); err != nil {
		return "", err
	}
	patch, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(goAppEnginePath)))
	if err != nil {
		return "", fmt.Errorf("go-app engine patch: %v", err)
	}

	sum := sha256.Sum256(append([]byte(dl.Version+"\x00"), patch...))
	rel := path.Join(path.Dir(goAppEnginePath), "module-"+hex.EncodeToString(sum[:6]))
	module := filepath.Join(root, filepath.FromSlash(rel))
	if _, err := os.Stat(filepath.Join(module, filepath.FromSlash(goAppEngine))); err != nil {
		if err := writeModuleCopy(dl.Dir, module, patch); err != nil {
			return "", fmt.Errorf("copying %s: %v", goAppModule, err)
		}
		// Copies made for an earlier patch or go-app version.
		stale, _ := filepath.Glob(filepath.Join(filepath.Dir(module), "module-*"))
		for _, dir := range stale {
			if dir != module {
				os.RemoveAll(dir)
			}
		}
	}

	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	gosum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return "", err
	}
	modfile = filepath.Join(dir, "go.mod")
	mod = fmt.Appendf(mod, "\nreplace %s => ./%s\n", goAppModule, rel)
	if err := os.WriteFile(modfile, mod, 0o644); err != nil {
		return "", err
	}
	return modfile, os.WriteFile(filepath.Join(dir, "go.sum"), gosum, 0o644)
}

// writeModuleCopy writes upstream's sources with the patched engine to a
// directory beside module, then renames it into place; when another build
// got there first, its copy (the same files) stays.
func writeModuleCopy(upstream, module string, patch []byte) error {
	if err := os.MkdirAll(filepath.Dir(module), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(module), ".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := copyGoSources(upstream, tmp); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, filepath.FromSlash(goAppEngine)), patch, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, module); err != nil {
		if _, statErr := os.Stat(filepath.Join(module, filepath.FromSlash(goAppEngine))); statErr == nil {
			return nil
		}
		return err
	}
	return nil
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
