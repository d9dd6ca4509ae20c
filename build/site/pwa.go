package site

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// workerTemplate is the service worker, given to go-app as
// Handler.ServiceWorkerTemplate (go-app fills in {{.Version}}); the build
// fills in the rest once it knows every file it ships.
//
//go:embed app-worker.js
var workerTemplate string

// storageFallback runs first in app.js: see the file.
//
//go:embed storage-fallback.js
var storageFallback string

// domWritesJS applies go-app's batched DOM writes: see the file and
// goAppPatches.
//
//go:embed dom-writes.js
var domWritesJS string

// registerWorkerJS delays go-app's service worker registration until the
// widget is ready: see the file.
//
//go:embed register-worker.js
var registerWorkerJS string

// Dark counterparts of the handler's colours, for the browser's UI when the
// system prefers dark (the manifest has no per-scheme colours).
const (
	darkThemeColor      = "#0f1115"
	darkBackgroundColor = "#0f1115"
)

// manifestIcons are the icons the manifest declares; their pixel sizes are
// read from the files, so the declared sizes cannot drift.
var manifestIcons = []struct{ file, purpose string }{
	{"icon-192.png", "any"},
	{"icon-512.png", "any"},
	{"icon-maskable-512.png", "maskable"},
}

// finishPWA rewrites what go-app generated for installing and offline use:
// the worker gets the list of files to precache, the manifest gets a scope
// and start URL under base and local icons, app.js survives blocked storage
// and no longer reports a missing service worker (an iframe without
// storage) as an error nor a first install as an update, and the page gets
// theme colours for both schemes.
func finishPWA(out, base string, h *app.Handler) error {
	if err := writeManifest(out, base, h); err != nil {
		return fmt.Errorf("writing the manifest: %w", err)
	}
	precache, err := shippedURLs(out, base)
	if err != nil {
		return err
	}
	list, _ := json.Marshal(precache)
	if err := rewrite(filepath.Join(out, "app-worker.js"),
		replacement{"{{.PaperWidgetPrecache}}", string(list)},
		replacement{"{{.PaperWidgetList}}", path.Join(base, "web", listFile)},
	); err != nil {
		return err
	}
	if err := rewrite(filepath.Join(out, "app.js"), appJSPatches(base)...); err != nil {
		return err
	}
	return setThemeColors(filepath.Join(out, "index.html"), h.ThemeColor, darkThemeColor)
}

// appJSPatches are the build's changes to go-app's app.js. The site's
// version hashes them: a visitor's service worker must fetch an app.js
// that changed.
func appJSPatches(base string) []replacement {
	wasmURL := path.Join(base, "web", "app.wasm")
	return []replacement{{
		// Without service workers (blocked storage, sandboxed iframes,
		// private modes) the widget works online as before: say so
		// quietly instead of logging an error on every visit.
		`console.error("goapp service worker registration failed: ", err);`,
		`console.warn("paper widget: no service worker (offline use unavailable):", err);`,
	}, replacement{
		// go-app listens for a new worker only once register() has
		// resolved; the browser's own update check on navigation often
		// finds it earlier, and go-app then never offers the reload. A new
		// worker taking over a page that had one is an update too.
		`const registration = await navigator.serviceWorker.register(`,
		`const hadController = !!navigator.serviceWorker.controller;
      navigator.serviceWorker.addEventListener("controllerchange", () => {
        if (hadController) {
          goappOnUpdate();
        }
      });
      const registration = await navigator.serviceWorker.register(`,
	}, replacement{
		// go-app decides "this is an update" by a controller existing when
		// the new worker activates; a first install that claims the page
		// (as this worker does, to cache ?src= lists) would then announce
		// an update. An update is a new worker found while one controls.
		`const newSW = registration.installing;`,
		`const newSW = registration.installing;
    const updating = !!navigator.serviceWorker.controller;`,
	}, replacement{
		`if (!navigator.serviceWorker.controller) {`,
		`if (!updating) {`,
	}, replacement{
		// go-app pipes app.wasm through a JavaScript stream to count
		// progress for its loader, which the widget hides behind the
		// pre-rendered list. The page's own thread then paces the download,
		// and the compiler gets a response without a URL, whose compiled
		// code the browser could never cache. The plain response streams
		// into the compiler (its code was not seen reused either: see the
		// benchmark's notes).
		fmt.Sprintf(`fetchWithProgress("%s", showProgress)`, wasmURL),
		fmt.Sprintf(`fetch("%s")`, wasmURL),
	}, replacement{
		// Instantiating app.wasm and starting Go (runtime, package
		// initialisation, main until the list's fetch) were one task of
		// 95-240 ms on the page's thread, about half each: the longest
		// task after first paint at any list size. A turn of the event
		// loop between them lets input and rendering in.
		`go.run(wasm.instance);`,
		`await new Promise((resolve) => setTimeout(resolve));
    go.run(wasm.instance);`,
	}, replacement{
		// Registered once the widget is ready: see register-worker.js.
		"\ngoappInitServiceWorker();\n",
		"\npaperwidgetRegisterWorkerLater(goappInitServiceWorker);\n",
	}, replacement{
		// Before go-app's own code, which reads localStorage on start.
		"// -----------------------------------------------------------------------------\n// go-app\n",
		storageFallback + domWritesJS + registerWorkerJS + "// -----------------------------------------------------------------------------\n// go-app\n",
	}}
}

// themeMeta is go-app's theme-color tag, whose attributes come in any order.
var themeMeta = regexp.MustCompile(`<meta [^>]*name="theme-color"[^>]*>`)

// setThemeColors replaces the page's one theme colour with one per colour
// scheme.
func setThemeColors(page, light, dark string) error {
	data, err := os.ReadFile(page)
	if err != nil {
		return err
	}
	loc := themeMeta.FindIndex(data)
	if loc == nil {
		return fmt.Errorf("%s: no theme-color meta tag (did go-app's output change?)", filepath.Base(page))
	}
	tags := fmt.Sprintf(`<meta name="theme-color" content="%s" media="(prefers-color-scheme: light)">`, light) +
		fmt.Sprintf(`<meta name="theme-color" content="%s" media="(prefers-color-scheme: dark)">`, dark)
	out := append(append(append([]byte{}, data[:loc[0]]...), tags...), data[loc[1]:]...)
	return os.WriteFile(page, out, 0o644)
}

type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
}

// manifest is the web app manifest. go-app's hard-codes scope "/" and
// resolves the start URL without the trailing slash, outside a subpath's
// scope; this one is correct for any base.
type manifest struct {
	ID              string         `json:"id"`
	Name            string         `json:"name"`
	ShortName       string         `json:"short_name"`
	Description     string         `json:"description"`
	Lang            string         `json:"lang"`
	StartURL        string         `json:"start_url"`
	Scope           string         `json:"scope"`
	Display         string         `json:"display"`
	BackgroundColor string         `json:"background_color"`
	ThemeColor      string         `json:"theme_color"`
	Icons           []manifestIcon `json:"icons"`
}

func writeManifest(out, base string, h *app.Handler) error {
	m := manifest{
		ID:              base,
		Name:            h.Name,
		ShortName:       h.ShortName,
		Description:     h.Description,
		Lang:            h.Lang,
		StartURL:        base,
		Scope:           base,
		Display:         "standalone",
		BackgroundColor: h.BackgroundColor,
		ThemeColor:      h.ThemeColor,
	}
	for _, ic := range manifestIcons {
		f, err := os.Open(filepath.Join(out, "web", ic.file))
		if err != nil {
			return err
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", ic.file, err)
		}
		m.Icons = append(m.Icons, manifestIcon{
			Src:     path.Join(base, "web", ic.file),
			Sizes:   fmt.Sprintf("%dx%d", cfg.Width, cfg.Height),
			Type:    "image/png",
			Purpose: ic.purpose,
		})
	}
	m.Icons = append(m.Icons, manifestIcon{Src: path.Join(base, "web", "icon.svg"), Sizes: "any", Type: "image/svg+xml", Purpose: "any"})
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "manifest.webmanifest"), append(data, '\n'), 0o644)
}

// shippedURLs are the URLs of every file in out, for the worker to
// precache: index.html under the page's own URL (base), and neither the
// worker itself nor the precompressed variants, which hosts serve in place
// of the plain files.
func shippedURLs(out, base string) ([]string, error) {
	var urls []string
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		switch {
		case strings.HasSuffix(rel, ".br"), strings.HasSuffix(rel, ".gz"), rel == "app-worker.js":
		case rel == "index.html":
			urls = append(urls, base)
		default:
			urls = append(urls, path.Join(base, rel))
		}
		return nil
	})
	sort.Strings(urls)
	return urls, err
}

type replacement struct{ old, new string }

// rewrite applies each replacement to the file once, failing when a text
// to replace is missing: the build relies on go-app's exact output, and a
// go-app upgrade that changes it must be noticed, not shipped.
func rewrite(name string, rs ...replacement) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	s, err := replaceEach(filepath.Base(name), string(data), rs...)
	if err != nil {
		return err
	}
	return os.WriteFile(name, []byte(s), 0o644)
}

// replaceEach applies each replacement to s once; name is s's file, for
// the error when a text to replace is missing.
func replaceEach(name, s string, rs ...replacement) (string, error) {
	for _, r := range rs {
		if !strings.Contains(s, r.old) {
			return "", fmt.Errorf("%s: %q not found (did go-app's output change?)", name, r.old)
		}
		s = strings.Replace(s, r.old, r.new, 1)
	}
	return s, nil
}
