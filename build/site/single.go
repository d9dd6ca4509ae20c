package site

import (
	_ "embed"
	"encoding/base64"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// SingleFile is the one self-contained page that Options.Single writes
// beside the site: it works opened from a file (file://), with no server.
const SingleFile = "papers.html"

var (
	// headTag is a tag of the page's head that may load a file.
	headTag = regexp.MustCompile(`<(link|script)\b([^>]*)>(?:</script>)?`)
	tagAttr = regexp.MustCompile(`([a-z-]+)(?:="([^"]*)")?`)
)

// singleJS hands app.wasm and the list, inlined, to go-app's app.js: see
// the file.
//
//go:embed single.js
var singleJS string

// writeSingle writes out/SingleFile from the built site in out: the
// pre-rendered page (the list in it already) with its styles, scripts,
// icon and app.wasm (gzipped, base64) inlined, and without a service
// worker, a manifest or anything else fetched. It reads app.wasm.gz, so it
// runs after compressDir. It returns the file's size.
func writeSingle(out, base string) (int, error) {
	read := func(name string) (string, error) {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		return string(data), err
	}
	files := map[string]string{}
	for _, name := range []string{"index.html", "app.js", "app.css", "wasm_exec.js", "web/paperwidget.css",
		"web/noscript.css", "web/frame.js", "web/icon.svg", "web/app.wasm.gz"} {
		s, err := read(name)
		if err != nil {
			return 0, err
		}
		files[name] = s
	}
	// The scripts go into <script> elements: nothing may end them early.
	for _, name := range []string{"app.js", "wasm_exec.js", "web/frame.js"} {
		if strings.Contains(strings.ToLower(files[name]), "</script") || strings.Contains(files[name], "<!--") {
			return 0, fmt.Errorf("%s cannot be inlined in a <script> element: it contains </script or <!--", name)
		}
	}
	at := func(name string) string { return path.Join(base, name) }
	icon := "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString([]byte(files["web/icon.svg"]))
	app, err := replaceEach("app.js", files["app.js"],
		replacement{fmt.Sprintf(`fetch("%s")`, at("web/app.wasm")), `paperwidgetSingleFile.wasm()`},
		// A file has no origin to serve a worker or an installable app
		// from.
		replacement{"\npaperwidgetRegisterWorkerLater(goappInitServiceWorker);\n", "\n"},
		replacement{`return !goappIsAppInstalled() && (deferredPrompt != null || goappIsAppleBrowser());`, `return false;`},
		replacement{"return goappEnv[k];", "return k in paperwidgetSingleFile.env ? paperwidgetSingleFile.env[k] : goappEnv[k];"},
	)
	if err != nil {
		return 0, err
	}
	// go-app writes attributes in any order: tags are matched by what they
	// load, and each must be one the page is known to load.
	inline := map[string]string{
		at("web/icon.svg"):              fmt.Sprintf(`<link rel="icon" href="%s">`, icon),
		at("web/icon-maskable-512.png"): "",
		at("manifest.webmanifest"):      "",
		at("app.css"):                   "<style>" + files["app.css"] + "</style>",
		at("web/paperwidget.css"):       "<style>" + files["web/paperwidget.css"] + "</style>",
		at("web/noscript.css"):          "<style>" + files["web/noscript.css"] + "</style>",
		at("wasm_exec.js"):              "",
		at("app.js"):                    "",
		at("web/frame.js"):              "<script>" + files["web/frame.js"] + "</script>",
		at("web/app.wasm"):              "",
	}
	page := files["index.html"]
	headEnd := strings.Index(page, "</head>")
	if headEnd < 0 {
		return 0, fmt.Errorf("index.html has no </head>")
	}
	var unknown []string
	seen := map[string]bool{}
	head := headTag.ReplaceAllStringFunc(page[:headEnd], func(tag string) string {
		m := headTag.FindStringSubmatch(tag)
		attrs := map[string]string{}
		for _, a := range tagAttr.FindAllStringSubmatch(m[2], -1) {
			attrs[a[1]] = a[2]
		}
		url := attrs["href"] + attrs["src"]
		if url == "" {
			return tag
		}
		out, ok := inline[url]
		if !ok {
			unknown = append(unknown, url)
		}
		seen[url] = true
		return out
	})
	for url := range inline {
		if !seen[url] {
			unknown = append(unknown, "no tag loads "+url)
		}
	}
	if len(unknown) > 0 {
		return 0, fmt.Errorf("index.html: cannot make one file of the page: %s (did go-app's output change?)", strings.Join(unknown, ", "))
	}
	page, err = replaceEach("index.html", head+page[headEnd:],
		// go-app's loader, hidden behind the list.
		replacement{fmt.Sprintf(`src="%s"`, at("web/icon-192.png")), fmt.Sprintf(`src="%s"`, icon)},
		// At the end of the body, where the deferred scripts would run.
		replacement{"</body>", `<script type="application/octet-stream" id="paperwidget-wasm">` + base64.StdEncoding.EncodeToString([]byte(files["web/app.wasm.gz"])) + "</script>\n" +
			"<script>\n" + files["wasm_exec.js"] + "\n" + singleJS + "\n" + app + "\n</script>\n</body>"},
	)
	if err != nil {
		return 0, err
	}
	return len(page), os.WriteFile(filepath.Join(out, SingleFile), []byte(page), 0o644)
}
