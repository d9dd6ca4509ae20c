// Package site builds the widget's static site: it imports the paper list,
// compiles the wasm client, pre-renders the page with go-app, copies the
// static assets and writes precompressed variants of everything textual.
package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/importer"
	"github.com/paperwidget/paperwidget/internal/wasmbin"
	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/widget"
)

// Options say what to build and where.
type Options struct {
	// Root is the module's directory, holding web/, wasm/ and wasm_exec.js.
	Root string
	// Out is the directory to write; its previous content is replaced.
	Out string
	// Papers are the list's source files, imported and merged in order.
	Papers []string
	// Format is the format of every source; "" detects each one's.
	Format importer.Format
	// Strict makes any import warning an error, before anything is built.
	Strict bool
	// PDFBase is the URL relative pdf fields are resolved against.
	PDFBase string
	// Base is the URL path the site is served under, "/" by default.
	Base string
	// Title names the list (heading, page title, installed app), over
	// the list's own title: BibTeX and CSL sources cannot carry one.
	Title string
	// Highlight names the authors to show in bold (the lab's members),
	// over the list's own highlight.
	Highlight []string
	// Log receives one line per step and every import warning.
	Log io.Writer
	// FastCompression writes the .br and .gz variants at low levels: for
	// tests, which build several sites; releases use the best levels.
	FastCompression bool
	// Symbols keeps function names in app.wasm, for CPU profiles that
	// name Go functions (bench -profile); releases strip them.
	Symbols bool
	// Single also writes SingleFile: the whole widget in one HTML file
	// that works opened from a file, without a server or a network.
	Single bool
	// Program is the package compiled to app.wasm, ./wasm when empty. The
	// benchmark builds its reference page (an empty go-app component on
	// the same pre-rendered page) with another.
	Program string
}

// listFile is the bundled list's path under the site's web/ directory.
const listFile = "papers.json"

// building lets one Build run at a time: each registers the page's route
// with go-app, which keeps routes in one global table, and pre-renders it.
var building sync.Mutex

// Build writes the site. Import warnings are logged, and fatal only with
// Strict: otherwise the papers that could be read are published. Builds
// run one at a time.
func Build(o Options) error {
	building.Lock()
	defer building.Unlock()
	if o.Log == nil {
		o.Log = io.Discard
	}
	base, err := cleanBase(o.Base)
	if err != nil {
		return err
	}
	list, report, err := importer.Import(o.Papers, importer.Options{Format: o.Format, PDFBase: o.PDFBase})
	if err != nil {
		return err
	}
	report.Log(o.Log)
	if t := strings.TrimSpace(o.Title); t != "" {
		list.Title = t
	}
	if len(o.Highlight) > 0 {
		list.Highlight = o.Highlight
	}
	if o.Strict && len(report.Warnings) > 0 {
		return fmt.Errorf("%d import warnings and -strict given", len(report.Warnings))
	}
	if err := resetDir(o.Out, o.Root); err != nil {
		return err
	}
	web := filepath.Join(o.Out, "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		return err
	}

	data, err := json.Marshal(list)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(web, listFile), data, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(o.Log, "wrote %s (%d papers, %d bytes)\n", path.Join("web", listFile), len(list.Papers), len(data))

	if err := CompileWasm(o.Root, o.Program, filepath.Join(web, "app.wasm"), o.Symbols, o.Log); err != nil {
		return err
	}
	if err := copyDir(filepath.Join(o.Root, "web"), web); err != nil {
		return fmt.Errorf("copying web/: %w", err)
	}
	if err := writeIcons(web); err != nil {
		return fmt.Errorf("drawing icons: %w", err)
	}

	wasmInfo, err := os.Stat(filepath.Join(web, "app.wasm"))
	if err != nil {
		return err
	}
	extra := []string{workerTemplate, base}
	for _, r := range appJSPatches(base) {
		extra = append(extra, r.old, r.new)
	}
	version, err := hashDir(web, extra...)
	if err != nil {
		return err
	}
	h := handler(list, base, version, wasmInfo.Size())
	widget.Route(func() *widget.Widget { return widget.New().List(list) })
	if err := app.GenerateStaticWebsite(o.Out, h); err != nil {
		return fmt.Errorf("pre-rendering the page: %w", err)
	}
	if err := fixBooleans(filepath.Join(o.Out, "index.html")); err != nil {
		return err
	}
	if err := inlineList(o.Out, data); err != nil {
		return err
	}
	// The toolchain's wasm_exec.js must match the compiler that built
	// app.wasm; the repository keeps a copy that a test checks.
	if err := copyFile(filepath.Join(o.Root, "wasm_exec.js"), filepath.Join(o.Out, "wasm_exec.js")); err != nil {
		return err
	}
	// Embedders load embed.js from the site's root, beside the page it
	// inserts.
	if err := os.Rename(filepath.Join(web, "embed.js"), filepath.Join(o.Out, "embed.js")); err != nil {
		return err
	}
	if err := finishPWA(o.Out, base, h); err != nil {
		return fmt.Errorf("offline and install files: %w", err)
	}
	fmt.Fprintf(o.Log, "pre-rendered index.html (version %s)\n", version)

	n, err := compressDir(o.Out, o.FastCompression)
	if err != nil {
		return fmt.Errorf("compressing: %w", err)
	}
	fmt.Fprintf(o.Log, "compressed %d files (.br, .gz)\n", n)
	if o.Single {
		size, err := writeSingle(o.Out, base)
		if err != nil {
			return fmt.Errorf("writing %s: %w", SingleFile, err)
		}
		fmt.Fprintf(o.Log, "wrote %s (%d bytes, self-contained)\n", SingleFile, size)
	}
	return nil
}

func handler(list paper.List, base, version string, wasmSize int64) *app.Handler {
	title := list.Title
	if title == "" {
		title = "Papers"
	}
	// go-app writes the title into <meta content="..."> with strconv.Quote,
	// which HTML does not read as escaping: a double quote in the list's
	// title would end the attribute and add markup, scripts included, to
	// index.html.
	title = strings.ReplaceAll(title, `"`, "”")
	h := &app.Handler{
		Name:        title,
		ShortName:   shortName(title),
		Title:       title,
		Description: fmt.Sprintf("A searchable list of %d research papers.", len(list.Papers)),
		Lang:        "en",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable-512.png",
			SVG:      "/web/icon.svg",
		},
		BackgroundColor: "#ffffff",
		ThemeColor:      "#3451b2",
		Styles:          []string{"/web/paperwidget.css"},
		// Not deferred: inside an embed iframe it must mark the page before
		// the first paint (see web/frame.js).
		Scripts: []string{"/web/frame.js"},
		Env:     map[string]string{widget.ListURLEnv: path.Join(base, "web", listFile)},
		Version: version,
		// Offline use and updates: see app-worker.js.
		ServiceWorkerTemplate: workerTemplate,
		// The progress label counts decompressed bytes, so it needs the raw
		// size even when app.wasm is served compressed.
		WasmContentLength: strconv.FormatInt(wasmSize, 10),
	}
	if base != "/" {
		h.Resources = app.PrefixedLocation(strings.TrimSuffix(base, "/"))
	}
	res := h.Resources
	if res == nil {
		res = app.LocalDir("")
	}
	h.RawHeaders = []string{
		// The download starts while the page is parsed instead of after
		// app.js (deferred) runs: 80-250 ms sooner. The attributes match
		// app.js's plain fetch(), so it takes this one. The bundled list
		// comes inside the page (inlineList).
		fmt.Sprintf(`<link rel="preload" href="%s" as="fetch" crossorigin="anonymous">`, res.Resolve("/web/app.wasm")),
		// Without JavaScript the titles cannot toggle, so show every abstract.
		fmt.Sprintf(`<noscript><link rel="stylesheet" href="%s"></noscript>`, res.Resolve("/web/noscript.css")),
	}
	return h
}

// shortName is the installed app's name under its icon, where about a
// dozen characters fit: a title's part before a colon or dash ("Smith
// Lab" of "Smith Lab: publications"), else the whole title.
func shortName(title string) string {
	for _, sep := range []string{":", " – ", " — ", " - ", " | "} {
		if before, _, ok := strings.Cut(title, sep); ok && strings.TrimSpace(before) != "" {
			return strings.TrimSpace(before)
		}
	}
	return title
}

// cleanBase checks the base path, which the build writes into HTML
// attributes, JavaScript strings (app.js, app-worker.js) and the manifest:
// a quote, backslash or line break there would end a string early, so such
// characters are refused by name rather than escaped in each place.
func cleanBase(base string) (string, error) {
	if base == "" {
		return "/", nil
	}
	if !strings.HasPrefix(base, "/") {
		return "", fmt.Errorf("base %q must be a URL path such as /lab/papers/", base)
	}
	for _, r := range base {
		what := ""
		switch {
		case r == '\n' || r == '\r':
			what = "a line break"
		case unicode.IsControl(r):
			what = "a control character"
		case r == ' ' || unicode.IsSpace(r):
			what = "a space"
		case strings.ContainsRune("\\\"'`<>?#", r):
			what = fmt.Sprintf("%q", r)
		}
		if what != "" {
			return "", fmt.Errorf("base %q contains %s (%U), which a URL path such as /lab/papers/ cannot have "+
				"(percent-encode it, e.g. %%20 for a space)", base, what, r)
		}
	}
	return strings.TrimSuffix(path.Clean(base), "/") + "/", nil
}

// resetDir empties out, refusing paths where a typo would delete the
// project itself.
func resetDir(out, root string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	rootAbs, _ := filepath.Abs(root)
	if out == "" || abs == rootAbs || abs == filepath.Dir(abs) || strings.HasPrefix(rootAbs+string(filepath.Separator), abs+string(filepath.Separator)) {
		return fmt.Errorf("refusing to use %q as the output directory", out)
	}
	if err := os.RemoveAll(abs); err != nil {
		return err
	}
	return os.MkdirAll(abs, 0o755)
}

// notInlined are the packages compiled without inlining into app.wasm.
// Inlined copies of small functions take room and compress worse than
// calls to one copy: without inlining in these, app.wasm is 1.5% smaller
// raw and 2.3% with brotli (1,065,011 to 1,040,829 bytes, go-app 16 KB of
// it). go-app's code is on the path of typing: natively, rendering and
// diffing a keystroke's rows took medians of 490 µs per key inlined and
// 530 µs without (BenchmarkRows, 3 runs each taking turns, overlapping),
// a small share of a key's 10-20 ms in the page. The
// search index, the decoder, net/url and strconv (every link and id of a
// list) and reflect (go-app compares components' fields with it at every
// render) keep theirs, and so does the runtime: without, it was 4.4% more
// (35 KB), but building the index of 10,000 papers in wasm took 36-58%
// longer.
var notInlined = []string{"github.com/maxence-charriere/go-app/v10/...", "fmt", "time", "syscall/js"}

// CompileWasm builds the browser program (program under root, ./wasm when
// empty) into out as the site ships it: against the patched go-app (see
// goapp.go), symbols stripped unless asked for.
func CompileWasm(root, program, out string, symbols bool, log io.Writer) error {
	if program == "" {
		program = "./wasm"
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "paperwidget-goapp")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	modfile, err := patchedGoApp(root, tmp)
	if err != nil {
		return err
	}
	args := []string{"build", "-trimpath", "-modfile", modfile, "-o", abs}
	for _, pkg := range notInlined {
		args = append(args, "-gcflags="+pkg+"=-l")
	}
	if !symbols {
		args = append(args, "-ldflags=-s -w")
	}
	cmd := exec.Command("go", append(args, program)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("compiling app.wasm: %v\n%s", err, msg)
	}
	module, err := os.ReadFile(abs)
	if err != nil {
		return err
	}
	if module, err = wasmbin.PackData(module, dataGap); err != nil {
		return fmt.Errorf("packing app.wasm's data: %w", err)
	}
	if err := os.WriteFile(abs, module, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(log, "compiled web/app.wasm (%d bytes)\n", len(module))
	return nil
}

// dataGap is the longest run of zeros that app.wasm's data segments are
// merged across (wasmbin.PackData). At 64 bytes app.wasm kept 26 segments
// and was 637 bytes larger with brotli than at 4 KiB, which kept 7; across
// every gap, the zeros of the heap's start made 2.3 MB more for nothing.
const dataGap = 4096

// hashDir hashes every file under dir and the extra texts (such as the
// service worker, which is not under dir but changes what a visitor runs).
func hashDir(dir string, extra ...string) (string, error) {
	sum := sha256.New()
	for _, e := range extra {
		fmt.Fprintf(sum, "%d\x00%s", len(e), e)
	}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(sum, "%s\x00", filepath.ToSlash(rel))
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(sum, f)
		return err
	})
	return hex.EncodeToString(sum.Sum(nil))[:16], err
}

func copyDir(from, to string) error {
	return filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		return copyFile(p, dst)
	})
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}
