package site

import (
	"bytes"
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

// app.wasm is built against a patched copy of the pinned, checksummed go-app
// module from the module cache:
//   - go-app v10.1.11 renders updates on a ticker that the first event after
//     an idle spell starts (engine.Start(120), hard-coded): every keystroke
//     waited up to 8.3 ms before its result reached the DOM. _goapp/engine.go
//     renders an update as soon as no other dispatch is waiting, and reads
//     its internal URLs with the browser's JSON.parse (encoding/json's first
//     use took about 11 ms of every start).
//   - http.go and resource.go, go-app's server side, import net/http, which
//     brought TLS, HTTP/2, MIME tables and their package initialisers into
//     app.wasm: 1.2 MB of its 7.7 MB, 0.3 MB of 1.5 MB once compressed. The
//     copy builds them for servers only, with _goapp/wasm.go (go-app's, minus
//     the static-site generator that takes a server Handler) and
//     _goapp/resource_wasm.go (the part of resource.go the client uses).
//   - _goapp/route.go is go-app's router without routes matched by regular
//     expressions, which the widget does not use: regexp's parser, kept
//     reachable by *regexp.Regexp's UnmarshalText, brought the unicode
//     tables, whose map initialisers ran at every start. 0.5 MB of app.wasm.
//   - go-app wrote each text and attribute change of a render with a call
//     into the page of its own. _goapp/js_wasm.go batches them (applied by
//     dom-writes.js, which finishPWA adds to app.js), _goapp/attribute.go
//     routes attributes into the batch, the engine sends it at the end of
//     each render and _goapp/dom_nowasm.go is its no-op outside the
//     browser. A keystroke that changes every shown row made about 300
//     calls; it makes a few. Children appended, removed and replaced go
//     into the same batch, and nodes are created without sending it first
//     from a document read once: mounting a row's new parts made two or
//     three calls per node (each sending the writes made since the last).
//   - crypto.go (Context.Encrypt and Decrypt, encrypted persisted states)
//     kept AES, GCM and crypto/rand's DRBG with its hashes in app.wasm; the
//     widget encrypts nothing, and _goapp/crypto_wasm.go makes them fail
//     there. go-app's only use of github.com/google/uuid, NewString, is
//     served by _goapp/uuid, a module of one function calling the
//     browser's crypto.randomUUID (the real one pulled in crypto/md5,
//     crypto/sha1, crypto/rand and database/sql/driver). With both, app.wasm
//     lost 266 KB (60 KB brotli: 1,241,247 to 1,181,481 bytes).
//   - encoding/json (0.23 MB of code, with its type data) was kept by
//     go-app's error formatting (errors.Encoder = json.Marshal) and its
//     state manager, which every Context wires in and which sweeps the
//     page's localStorage for expired states at start. _goapp/errors.go
//     writes errors as text, and go-app's other files that import
//     encoding/json (states, storage, notifications, encryption, none of
//     which the widget uses) are built against _goapp/standin/json, whose
//     Marshal and Unmarshal fail, naming why (goAppStandIns): 1,218,155 to
//     1,121,842 bytes brotli, with paper's decoder (issue 20).
//     _goapp/engine.go wires no states into its Contexts (using one
//     panics, naming why) and skips go-app's sweep of localStorage for
//     expired states at start: they kept the state manager, its
//     broadcasting and time.Time's formatting (with a fmt.Sscan of the
//     widget's, 1,121,842 to 1,078,435 bytes).
//   - node.go escapes text with html.EscapeString; html's initialiser kept
//     its table of 2,231 character references. It is built against
//     _goapp/standin/html, the same escaping (1,078,435 to 1,068,234).
//   - go-app updates an element's children by position; a hook in node.go
//     (goAppHooks) hands children that have keys (the widget's rows, by
//     paper) to _goapp/keyed.go, which matches them by key and moves them.
//
// The copy is wired in with a temporary go.mod (`go build -modfile`), so
// go.mod, go.sum and every other build keep the upstream module; the leading
// underscore keeps the patched files and the copy out of ./... .
const (
	goAppModule   = "github.com/maxence-charriere/go-app/v10"
	goAppPatchDir = "build/site/_goapp"
)

// goAppPatch changes one file of go-app's module.
type goAppPatch struct {
	file string // path in the module
	// upstream is the sha256 of the go-app v10.1.11 file the patch was
	// made from, "" for a file the patch adds: another go-app version must
	// be looked at again, not silently built with old patches.
	upstream string
	// with names the file in goAppPatchDir that replaces it; "" keeps the
	// upstream file out of wasm builds.
	with string
}

var goAppPatches = []goAppPatch{
	{"pkg/app/engine.go", "8400019d85d00fb6a904a9214ab78e1874ead07bb7ec719c2c254955864db5b2", "engine.go"},
	{"pkg/app/http.go", "0601189a9f611378e9b24ab4bdf42780a03cbf95c1bbebd4171b523ddbe9a32d", ""},
	{"pkg/app/resource.go", "6b52ab4ec2f4171d403384bffe159e9ec22699933e768ef5868f2851a1b84baa", ""},
	{"pkg/app/wasm.go", "10117b07fb7147cdfcd97d1e07cd010da30914e2a622b73d0242b5d9019796f8", "wasm.go"},
	{"pkg/app/resource_wasm.go", "", "resource_wasm.go"},
	{"pkg/app/route.go", "3252c7f2876cba69c3fbb203b0b4d5770ddd4651cdaf3ad69e5c33bfd1ccf5bd", "route.go"},
	{"pkg/app/js_wasm.go", "683db47f071e412509b54722ac5463f88b5dd8698aab3694e4b6ca53f12c7224", "js_wasm.go"},
	{"pkg/app/attribute.go", "ab421c255bf7e5a4472ddde08ffe06c7d81a56f67c48658408e33328f19a105e", "attribute.go"},
	{"pkg/app/dom_nowasm.go", "", "dom_nowasm.go"},
	{"pkg/app/keyed.go", "", "keyed.go"},
	{"pkg/app/crypto.go", "c0fc14126207dc9fa15fb8869bd882874486654919835dc35d5bef8a6122aa97", ""},
	{"pkg/app/crypto_wasm.go", "", "crypto_wasm.go"},
	{"pkg/errors/errors.go", "7db7046e211ac5e16625d615e12484dbc157ac0aa97cfd375fe0312be2b391ab", "errors.go"},
	{"pkg/standin/json/json.go", "", "standin/json/json.go"},
	{"pkg/standin/html/html.go", "", "standin/html/html.go"},
}

// goAppStandIn builds one of go-app's files against a package of
// _goapp/standin (copied to pkg/standin) in place of a standard one: only
// the import changes.
type goAppStandIn struct {
	file, upstream string // as in goAppPatch
	pkg            string // the standard package's path, the stand-in's name
}

var goAppStandIns = []goAppStandIn{
	{"pkg/app/context.go", "1165dc862aad17ba47a7050c7ce32401e6e86eecce1222bf22235f78cccbd1d4", "encoding/json"},
	{"pkg/app/notification.go", "3a3261afa80c606d57db2a27e7bb764b10eb5c723fa0ca4d1297ced8a1e0d8c6", "encoding/json"},
	{"pkg/app/state.go", "b41c94e804ab69a8a6341d58c09ac79d8cc8b0022bddd6c74c0f107a9f31480b", "encoding/json"},
	{"pkg/app/storage.go", "fd53ce1bb002f4751f5f6fcba3c921f6ee0f03d252a6172aa342c3e503875ea8", "encoding/json"},
	{"pkg/app/strings.go", "8cc693cc67c74ca5db5c7b240296cc4b25ca85b0da9e4e09b34e461139ff6cab", "encoding/json"},
	{"pkg/app/node.go", "6fc7abe1ce4243b89bfed8808302c934d1049863554373ddf66f74ec3bbbe0fc", "html"},
}

// goAppHook adds a call to one of the stand-ins' files, before the text at
// which it goes (found once, or the build stops): a change of a few lines
// in a file kept otherwise as go-app wrote it.
type goAppHook struct {
	file, at, call string
}

var goAppHooks = []goAppHook{
	// Children named by keys are matched by key (_goapp/keyed.go).
	{"pkg/app/node.go", "\tsharedLen := min(len(children), len(newChildren))\n", `	// Paper widget patch: build/site/_goapp/keyed.go.
	if kept, keyed, err := m.updateKeyed(ctx, v, children, newChildren); keyed {
		if err != nil {
			return nil, err
		}
		return v.setBody(kept), nil
	}
`},
}

// imports returns the import line of the standard package and of its
// stand-in.
func (s goAppStandIn) imports() (std, standIn string) {
	name := path.Base(s.pkg)
	return "\t\"" + s.pkg + "\"\n", "\t" + name + " \"" + goAppModule + "/pkg/standin/" + name + "\" // Paper widget patch: build/site/goapp.go\n"
}

// uuidStandIn replaces github.com/google/uuid in app.wasm builds (see
// _goapp/uuid).
const uuidStandIn = goAppPatchDir + "/uuid"

// serverOnly is what a patch without a replacement puts before the
// upstream file.
const serverOnly = "//go:build !wasm\n\n// Paper widget patch: server side only, kept out of app.wasm.\n\n"

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
	files, err := patchedFiles(root, dl.Dir)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	h.Write([]byte(dl.Version))
	for _, f := range files {
		fmt.Fprintf(h, "\x00%s\x00%d\x00", f.name, len(f.data))
		h.Write(f.data)
	}
	rel := path.Join(goAppPatchDir, "module-"+hex.EncodeToString(h.Sum(nil)[:6]))
	module := filepath.Join(root, filepath.FromSlash(rel))
	if _, err := os.Stat(filepath.Join(module, "go.mod")); err != nil {
		if err := writeModuleCopy(dl.Dir, module, files); err != nil {
			return "", fmt.Errorf("copying %s: %v", goAppModule, err)
		}
		// Copies made for earlier patches or another go-app version.
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
	mod = fmt.Appendf(mod, "\nreplace %s => ./%s\nreplace github.com/google/uuid => ./%s\n", goAppModule, rel, uuidStandIn)
	if err := os.WriteFile(modfile, mod, 0o644); err != nil {
		return "", err
	}
	return modfile, os.WriteFile(filepath.Join(dir, "go.sum"), gosum, 0o644)
}

type patchedFile struct {
	name string // path in the module
	data []byte
}

// patchedFiles checks each patched file of the module in upstream and
// returns the files the patches make.
func patchedFiles(root, upstream string) ([]patchedFile, error) {
	var files []patchedFile
	for _, p := range goAppPatches {
		data, err := os.ReadFile(filepath.Join(upstream, filepath.FromSlash(p.file)))
		switch {
		case p.upstream == "" && err == nil:
			return nil, fmt.Errorf("go-app patch: %s now exists upstream: port the patches to this go-app version (build/site/goapp.go)", p.file)
		case p.upstream != "":
			if err := checkUpstream(p.file, data, err, p.upstream); err != nil {
				return nil, err
			}
		}
		if p.with == "" {
			data = append([]byte(serverOnly), data...)
		} else if data, err = os.ReadFile(filepath.Join(root, filepath.FromSlash(goAppPatchDir), p.with)); err != nil {
			return nil, fmt.Errorf("go-app patch: %v", err)
		}
		files = append(files, patchedFile{p.file, data})
	}
	for _, s := range goAppStandIns {
		data, err := os.ReadFile(filepath.Join(upstream, filepath.FromSlash(s.file)))
		if err := checkUpstream(s.file, data, err, s.upstream); err != nil {
			return nil, err
		}
		std, standIn := s.imports()
		if bytes.Count(data, []byte(std)) != 1 {
			return nil, fmt.Errorf("go-app patch: %s does not import %s as expected", s.file, s.pkg)
		}
		data = bytes.Replace(data, []byte(std), []byte(standIn), 1)
		for _, h := range goAppHooks {
			if h.file != s.file {
				continue
			}
			if bytes.Count(data, []byte(h.at)) != 1 {
				return nil, fmt.Errorf("go-app patch: %s does not hold %q once", s.file, h.at)
			}
			data = bytes.Replace(data, []byte(h.at), []byte(h.call+h.at), 1)
		}
		files = append(files, patchedFile{s.file, data})
	}
	return files, nil
}

func checkUpstream(file string, data []byte, readErr error, want string) error {
	if readErr != nil {
		return fmt.Errorf("go-app patch: %v", readErr)
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != want {
		return fmt.Errorf("go-app's %s is not the v10.1.11 file that build/site/_goapp patches (sha256 %s, want %s): port the patches to this version and update the checksums in build/site/goapp.go", file, got, want)
	}
	return nil
}

// writeModuleCopy writes upstream's sources with the patched files to a
// directory beside module, then renames it into place; when another build
// got there first, its copy (the same files) stays.
func writeModuleCopy(upstream, module string, files []patchedFile) error {
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
	for _, f := range files {
		name := filepath.Join(tmp, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(name, f.data, 0o644); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, module); err != nil {
		if _, statErr := os.Stat(filepath.Join(module, "go.mod")); statErr == nil {
			return nil
		}
		return err
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
