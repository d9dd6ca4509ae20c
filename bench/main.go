// Command bench measures the widget in headless Chromium against a Fuse.js
// reference page with the same DOM, on deterministic synthetic lists, and
// writes the figures to docs/benchmarks.md.
//
//	go run ./bench [-sizes 10000,100000] [-rounds 3] [-fuse-max 10000] [-out docs/benchmarks.md]
//
// It builds the real site (go run ./build dist, into a temporary directory),
// serves it on loopback with the lists beside it, opens the widget with
// ?src=<list> and the reference page with the same list, and types the
// queries key by key in both, alternating. A keystroke is timed in the page
// itself, from the key event to the moment [data-paper-widget] says, with
// data-query, that the rows shown answer the typed prefix (and to the next
// animation frame after that). Run it from the module's root; it needs
// Debian's chromium and bench/node_modules (npm ci in bench/).
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/profiler"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/serviceworker"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/paperwidget/paperwidget/bench/synth"
	"github.com/paperwidget/paperwidget/build/site"
	"github.com/paperwidget/paperwidget/build/static"
	"github.com/paperwidget/paperwidget/internal/chromium"
)

//go:embed probe.js
var probe string

// notes is appended to the tables: the targets and what bought the figures.
//
//go:embed notes.md
var notes string

var queries = []string{"hebbian", "spiking neural", "contnual lerning"}

// The pages of the load table: the widget with the bundled list, cold and
// warm, and the floor, go-app with nothing to do on the same page.
const (
	pageCold      = "widget"
	pageWarm      = "widget, warm (service worker)"
	pageFloorCold = "go-app floor"
	pageFloorWarm = "go-app floor, warm (service worker)"
)

func main() {
	sizesFlag := flag.String("sizes", "10000,100000", "comma-separated list sizes to measure")
	rounds := flag.Int("rounds", 3, "times each query is typed in each page")
	fuseMax := flag.Int("fuse-max", 10000, "largest list the Fuse.js page types into (it takes seconds per key at 100,000)")
	out := flag.String("out", "docs/benchmarks.md", "Markdown file to write (- for stdout only)")
	goBench := flag.Bool("go", true, "run the Go benchmarks of search/ and widget/ too and include them")
	loads := flag.Int("loads", 5, "cold and warm loads of the bundled list, and as many of the go-app floor (0: none, nor the floor's build)")
	keys := flag.Bool("keys", false, "print every timed keystroke to standard error (which keys make the p95)")
	profile := flag.String("profile", "", "directory to write DevTools CPU profiles of the widget loading and typing each list, and of one warm load, to (app.wasm then keeps its function names, so its size and timings differ from a release build)")
	flag.Parse()
	var sizes []int
	for _, s := range strings.Split(*sizesFlag, ",") {
		if strings.TrimSpace(s) == "" {
			continue // -sizes "": loads only
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			fatal(fmt.Errorf("bad -sizes: %v", err))
		}
		sizes = append(sizes, n)
	}
	c := config{sizes: sizes, rounds: *rounds, fuseMax: *fuseMax, loads: *loads, out: *out, goBench: *goBench, keys: *keys, profileDir: *profile}
	if err := run(c); err != nil {
		fatal(err)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}

func logf(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }

// report collects every figure for the Markdown file.
type report struct {
	machine string
	sizes   []sizeRow
	loads   []loadRow
	typing  []typingRow
	goBench string
	notes   []string // failures that a retry got past
	embed   string   // Markdown section of embedStability (cls.go)
}

type sizeRow struct {
	name             string
	raw, gzip, brotl int
}

type loadRow struct {
	page    string
	papers  int
	paint   float64 // first contentful paint, ms
	ready   float64 // data-ready, ms
	longest float64 // longest task after first paint, ms
	over200 int
	bytes   int
	mem     int // wasm linear memory after typing, bytes
	// pageMem is the page's JS heap and array buffers (a fetched list kept
	// among them, wasm memory not) after typing and a collection, bytes.
	pageMem int
	// compacted is when a streamed list's abstracts were all compressed
	// (widget/load.go), ms; 0 when not seen.
	compacted float64
	json      int     // raw bytes of the list
	wasm      float64 // app.wasm downloaded (Resource Timing responseEnd), ms
	// User Timing marks of widget/page.go, ms; 0 when absent.
	started, fetched, decoded, indexed float64
}

type typingRow struct {
	papers       int
	query        string // "" for all queries
	widget, fuse []float64
	widgetF      []float64 // to the next frame
	fuseF        []float64
	fuseSkipped  bool
}

type config struct {
	sizes                  []int
	rounds, fuseMax, loads int
	out                    string
	goBench, keys          bool
	profileDir             string
}

func run(c config) error {
	if _, err := os.Stat("bench/node_modules/fuse.js/dist/fuse.min.mjs"); err != nil {
		return fmt.Errorf("fuse.js is missing: run (cd bench && npm ci)")
	}
	if c.profileDir != "" {
		if err := os.MkdirAll(c.profileDir, 0o755); err != nil {
			return err
		}
	}
	rep := &report{machine: machine()}
	tmp, err := os.MkdirTemp("", "paperwidget-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	if c.goBench {
		logf("running the Go benchmarks of search/ and widget/ ...")
		cmd := exec.Command("go", "test", "./search/", "./widget/", "-run", "^$", "-bench", ".", "-benchtime", "5x", "-benchmem")
		cmd.Stderr = os.Stderr
		b, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("go benchmarks: %v", err)
		}
		os.Stderr.Write(b)
		rep.goBench = string(b)
	}

	logf("building the site ...")
	dist := filepath.Join(tmp, "dist")
	if err := site.Build(site.Options{Root: ".", Out: dist, Papers: []string{"data/papers.json"}, Base: "/", Log: os.Stderr, Symbols: c.profileDir != ""}); err != nil {
		return err
	}
	for _, f := range []string{"web/app.wasm", "web/papers.json"} {
		r, err := fileSizes(filepath.Join(dist, f))
		if err != nil {
			return err
		}
		r.name = f + " (70 papers)"
		if f == "web/app.wasm" {
			r.name = f
		}
		rep.sizes = append(rep.sizes, r)
	}

	seed, err := synth.Seed("data/papers.json")
	if err != nil {
		return err
	}
	lists := filepath.Join(tmp, "lists")
	os.MkdirAll(lists, 0o755)
	jsonSize := map[int]int{}
	for _, n := range c.sizes {
		logf("generating %d papers ...", n)
		data, err := json.Marshal(synth.Generate(seed, n))
		if err != nil {
			return err
		}
		name := filepath.Join(lists, fmt.Sprintf("papers-%d.json", n))
		r, err := writeCompressed(name, data)
		if err != nil {
			return err
		}
		r.name = fmt.Sprintf("synthetic list, %d papers", n)
		rep.sizes = append(rep.sizes, r)
		jsonSize[n] = len(data)
	}

	mux := http.NewServeMux()
	mux.Handle("/lists/", http.StripPrefix("/lists", static.Handler(lists)))
	mux.HandleFunc("/fuse/fuse.min.mjs", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeFile(w, r, "bench/node_modules/fuse.js/dist/fuse.min.mjs")
	})
	mux.Handle("/fuse/", http.StripPrefix("/fuse", http.FileServer(http.Dir("bench/fuse"))))
	mux.Handle("/", static.Handler(dist))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()

	browser, stop, err := chromium.Start(filepath.Join(tmp, "profile"))
	if err != nil {
		return err
	}
	defer stop()

	if c.loads > 0 {
		if err := bundledLoads(rep, browser, base+"/", tmp, c); err != nil {
			return err
		}
		if rep.embed, err = embedStability(browser, base, c.loads); err != nil {
			return err
		}
	}

	for _, n := range c.sizes {
		src := fmt.Sprintf("/lists/papers-%d.json", n)
		logf("%d papers: loading the widget ...", n)
		var w *tab
		var wl loadRow
		var profile func(context.Context) error
		if c.profileDir != "" {
			profile = startProfile
		}
		for try := 1; ; try++ {
			if w, err = openTab(browser, base+"/?src="+src, profile); err != nil {
				return err
			}
			if wl, err = w.load(); err == nil {
				break
			}
			w.close()
			rep.notes = append(rep.notes, fmt.Sprintf("%d papers, load %d: %v", n, try, err))
			if try == 3 {
				return fmt.Errorf("%d papers: %v", n, err)
			}
			logf("retrying: %v", err)
		}
		wl.page, wl.papers, wl.json = pageCold, n, jsonSize[n]
		var f *tab
		var fl loadRow
		withFuse := n <= c.fuseMax
		if withFuse {
			logf("%d papers: loading the Fuse.js page ...", n)
			if f, err = openTab(browser, base+"/fuse/?src="+src, nil); err != nil {
				return err
			}
			if fl, err = f.load(); err != nil {
				return err
			}
			fl.page, fl.papers, fl.json = "Fuse.js", n, jsonSize[n]
		}
		all := typingRow{papers: n, fuseSkipped: !withFuse}
		perQuery := map[string]*typingRow{}
		for _, q := range queries {
			perQuery[q] = &typingRow{papers: n, query: q, fuseSkipped: !withFuse}
		}
		if c.profileDir != "" {
			if err := stopProfile(w.ctx, filepath.Join(c.profileDir, fmt.Sprintf("load-%d.cpuprofile", n))); err != nil {
				return err
			}
			if err := startProfile(w.ctx); err != nil {
				return err
			}
		}
		for round := range c.rounds {
			for _, q := range queries {
				// Alternate which page goes first.
				order := []*tab{w, f}
				if round%2 == 1 {
					order = []*tab{f, w}
				}
				for _, t := range order {
					if t == nil {
						continue
					}
					logf("%d papers, round %d: %s types %q", n, round+1, t.name(), q)
					keys, dom, frame, err := t.typeQuery(q)
					if err != nil {
						return err
					}
					pq := perQuery[q]
					if c.keys {
						for i, d := range dom {
							logf("  %s %q: %.1f ms", t.name(), keys[i], d)
						}
					}
					if t == w {
						all.widget, all.widgetF = append(all.widget, dom...), append(all.widgetF, frame...)
						pq.widget, pq.widgetF = append(pq.widget, dom...), append(pq.widgetF, frame...)
					} else {
						all.fuse, all.fuseF = append(all.fuse, dom...), append(all.fuseF, frame...)
						pq.fuse, pq.fuseF = append(pq.fuse, dom...), append(pq.fuseF, frame...)
					}
				}
			}
		}
		if c.profileDir != "" {
			if err := stopProfile(w.ctx, filepath.Join(c.profileDir, fmt.Sprintf("typing-%d.cpuprofile", n))); err != nil {
				return err
			}
		}
		// Memory is read once the widget has compressed the abstracts of a
		// streamed list, which it does in idle time, typing or not.
		if wl.compacted, err = compacted(w.ctx); err != nil {
			rep.notes = append(rep.notes, fmt.Sprintf("%d papers: abstracts not compressed within a minute of typing: %v", n, err))
		}
		if mem, err := chromedp.Run(w.ctx, chromedp.Evaluate[int](`__pwb.mem ? __pwb.mem.buffer.byteLength : 0`)); err == nil {
			wl.mem = mem
		}
		if wl.pageMem, err = pageMemory(w.ctx); err != nil {
			return err
		}
		rep.loads = append(rep.loads, wl)
		if withFuse {
			if fl.pageMem, err = pageMemory(f.ctx); err != nil {
				return err
			}
			rep.loads = append(rep.loads, fl)
			f.close()
		}
		w.close()
		rep.typing = append(rep.typing, all)
		for _, q := range queries {
			rep.typing = append(rep.typing, *perQuery[q])
		}
	}

	md := rep.markdown()
	fmt.Print(md)
	if c.out != "-" {
		return os.WriteFile(c.out, []byte(md), 0o644)
	}
	return nil
}

// tab is one page in a browser context of its own: cold cache, no service
// worker carried over.
type tab struct {
	ctx    context.Context
	cancel context.CancelFunc
	url    string
}

func (t *tab) name() string {
	if strings.Contains(t.url, "/fuse/") {
		return "Fuse.js"
	}
	return "widget"
}

// bundledLoads measures loads of the bundled list, cold then warm, each
// followed by one of the floor: go-app starting on the same pre-rendered
// page with nothing to do, served from an origin of its own (its own
// service worker and caches).
func bundledLoads(rep *report, browser context.Context, url, tmp string, c config) error {
	logf("building the go-app floor ...")
	floorDist := filepath.Join(tmp, "floor")
	if err := site.Build(site.Options{Root: ".", Out: floorDist, Papers: []string{"data/papers.json"}, Base: "/", Log: io.Discard, Program: "./bench/floor", FastCompression: true}); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: static.Handler(floorDist)}
	go srv.Serve(ln)
	defer srv.Close()
	floorURL := "http://" + ln.Addr().String() + "/"

	logf("cold loads of the bundled list and the floor ...")
	cold, err := alternate(c.loads,
		func() (*tab, error) { return openTab(browser, url, nil) },
		func() (*tab, error) { return openTab(browser, floorURL, nil) })
	if err != nil {
		return err
	}
	// Warm: the visits after a first one, served by the service worker.
	logf("warm loads of the bundled list and the floor ...")
	warm, err := warmLoads(browser, []string{url, floorURL}, c.loads, c.profileDir)
	if err != nil {
		return err
	}
	for _, r := range []struct {
		page string
		rows []loadRow
	}{{pageCold, cold[0]}, {pageWarm, warm[0]}, {pageFloorCold, cold[1]}, {pageFloorWarm, warm[1]}} {
		for _, l := range r.rows {
			l.page, l.papers, l.json = r.page, 70, rep.sizes[1].raw
			rep.loads = append(rep.loads, l)
		}
	}
	return nil
}

// openTab opens url cold: a browser context of its own, the service
// worker bypassed (once it activates it would take over the list's
// request).
func openTab(browser context.Context, url string, before func(context.Context) error) (*tab, error) {
	return open(browser, url, true, before, chromedp.WithNewBrowserContext())
}

// openFirstVisit opens url in a browser context of its own with the
// service worker at work, as a visitor's first visit.
func openFirstVisit(browser context.Context, url string) (*tab, error) {
	return open(browser, url, false, nil, chromedp.WithNewBrowserContext())
}

// openWarm opens url in a new tab of the same browser context as t: same
// HTTP cache, same service worker.
func (t *tab) openWarm(url string) (*tab, error) {
	return open(t.ctx, url, false, stopWorkers)
}

// stopWorkers stops the service worker, as the browser does soon after a
// visitor leaves: a visit on another day starts it again.
func stopWorkers(ctx context.Context) error {
	if _, err := chromedp.Call(ctx, serviceworker.Enable, cdp.Empty{}); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, serviceworker.StopAllWorkers, cdp.Empty{})
	return err
}

// compacted waits for the mark of a streamed list's abstracts all
// compressed, and returns its time.
func compacted(ctx context.Context) (float64, error) {
	const mark = `performance.getEntriesByName("paperwidget:compacted")`
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](mark+`.length > 0`, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		return 0, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[float64](mark+`[0].startTime`))
}

// pageMemory collects the page's garbage and returns the memory it keeps
// besides wasm memory: its JS heap and its array buffers, which hold
// whatever the page fetched and kept.
func pageMemory(ctx context.Context) (int, error) {
	if _, err := chromedp.Call(ctx, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
		return 0, err
	}
	u, err := chromedp.Call(ctx, cdpruntime.GetHeapUsage, cdp.Empty{})
	if err != nil {
		return 0, err
	}
	return int(u.UsedSize + u.BackingStorageSize), nil
}

// open opens url in a new tab; before, when given, runs before the
// navigation (to start a profiler).
func open(parent context.Context, url string, bypassWorker bool, before func(context.Context) error, opts ...chromedp.ContextOption) (*tab, error) {
	ctx, cancel := chromedp.NewContext(parent, opts...)
	t := &tab{ctx: ctx, cancel: cancel, url: url}
	addProbe := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: bypassWorker})
		return err
	})
	if before != nil {
		if err := before(ctx); err != nil {
			cancel()
			return nil, err
		}
	}
	if err := chromedp.Do(ctx, addProbe, chromedp.Navigate(url)); err != nil {
		cancel()
		return nil, fmt.Errorf("opening %s: %v", url, err)
	}
	return t, nil
}

func (t *tab) close() { t.cancel() }

// startProfile starts the DevTools CPU profiler in the page, sampling
// every 100 µs.
func startProfile(ctx context.Context) error {
	if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{})
	return err
}

// stopProfile writes the profile as a .cpuprofile, which Chrome DevTools'
// Performance panel opens.
func stopProfile(ctx context.Context, name string) error {
	r, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
	if err != nil {
		return err
	}
	data, err := json.Marshal(r.Profile)
	if err != nil {
		return err
	}
	logf("wrote %s", name)
	return os.WriteFile(name, data, 0o644)
}

// warmLoads visits each of urls once, waits for its service worker to
// control the page (it activates once everything is precached), then
// measures n visits of each in new tabs of the same browser context, taking
// turns. The first url is the widget, whose first visit searches; with
// profileDir, one more visit of it is profiled, after the measured ones.
func warmLoads(browser context.Context, urls []string, n int, profileDir string) ([][]loadRow, error) {
	var opens []func() (*tab, error)
	var firsts []*tab
	defer func() {
		for _, t := range firsts {
			t.close()
		}
	}()
	for i, url := range urls {
		first, err := firstVisit(browser, url, i == 0)
		if err != nil {
			return nil, err
		}
		firsts = append(firsts, first)
		opens = append(opens, func() (*tab, error) { return first.openWarm(url) })
	}
	rows, err := alternate(n, opens...)
	if err != nil || profileDir == "" {
		return rows, err
	}
	t, err := open(firsts[0].ctx, urls[0], false, func(ctx context.Context) error {
		if err := stopWorkers(ctx); err != nil {
			return err
		}
		return startProfile(ctx)
	})
	if err != nil {
		return nil, err
	}
	defer t.close()
	if _, err := t.load(); err != nil {
		return nil, err
	}
	return rows, stopProfile(t.ctx, filepath.Join(profileDir, "warm-load.cpuprofile"))
}

// firstVisit visits url as a visitor does the first time, searching when
// the page can, and leaves once the service worker controls it. The tab
// stays, blank, to keep its browser context.
func firstVisit(browser context.Context, url string, search bool) (_ *tab, err error) {
	first, err := openFirstVisit(browser, url)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			first.close()
		}
	}()
	if _, err := first.load(); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(first.ctx, chromedp.Poll[bool](`navigator.serviceWorker.controller !== null`, chromedp.WithPollingTimeout(time.Minute))); err != nil {
		return nil, fmt.Errorf("%s: the service worker never took control: %v", url, err)
	}
	// A visitor searches and reads for a while: the browser caches
	// app.wasm's compiled code only once its optimising tier has worked on
	// enough of it.
	if search {
		for _, q := range queries {
			if _, _, _, err := first.typeQuery(q); err != nil {
				return nil, err
			}
		}
	}
	time.Sleep(5 * time.Second)
	// The visitor leaves: the first page must not compete for the CPU (its
	// program, the browser optimising its code) with the visits measured.
	if err := chromedp.Do(first.ctx, chromedp.Navigate("about:blank")); err != nil {
		return nil, err
	}
	return first, nil
}

// alternate measures n loads of each page, opened by opens in turn so that
// every page sees the same moments of a shared machine; each tab is closed
// after its load.
func alternate(n int, opens ...func() (*tab, error)) ([][]loadRow, error) {
	rows := make([][]loadRow, len(opens))
	for range n {
		for i, open := range opens {
			t, err := open()
			if err != nil {
				return nil, err
			}
			l, err := t.load()
			t.close()
			if err != nil {
				return nil, err
			}
			rows[i] = append(rows[i], l)
		}
	}
	return rows, nil
}

// load waits for data-ready and reads the load figures.
func (t *tab) load() (loadRow, error) {
	ctx, cancel := context.WithTimeout(t.ctx, 5*time.Minute)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`__pwb.ready !== null`, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(5*time.Minute))); err != nil {
		return loadRow{}, fmt.Errorf("%s never became ready: %v", t.url, err)
	}
	// Let work that follows readiness (a long task it starts) show up.
	time.Sleep(500 * time.Millisecond)
	type probeLoad struct {
		Paint, Ready, Longest     float64
		Wasm, Started             float64
		Fetched, Decoded, Indexed float64
		Over200, Bytes, Mem       int
		Count, Alert              string
	}
	l, err := chromedp.Run(ctx, chromedp.Evaluate[probeLoad](`__pwb.load()`))
	if err != nil {
		return loadRow{}, err
	}
	logf("%s: %q %s", t.url, l.Count, l.Alert)
	if l.Alert != "" {
		return loadRow{}, fmt.Errorf("%s shows an alert: %s", t.url, l.Alert)
	}
	return loadRow{paint: l.Paint, ready: l.Ready, longest: l.Longest, over200: l.Over200, bytes: l.Bytes, mem: l.Mem,
		wasm: l.Wasm, started: l.Started, fetched: l.Fetched, decoded: l.Decoded, indexed: l.Indexed}, nil
}

// typeQuery empties the field, then types q key by key, timing each key
// whose trimmed prefix differs from the previous one (a space changes
// nothing the page shows). keys are the prefixes timed.
func (t *tab) typeQuery(q string) (keys []string, dom, frame []float64, err error) {
	ctx, cancel := context.WithTimeout(t.ctx, 10*time.Minute)
	defer cancel()
	field := chromedp.CSS(`input[type="search"]`)
	if err := chromedp.Do(ctx,
		chromedp.Focus(field),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('input[type="search"]').select()`),
		chromedp.KeyEvent("\b"),
		chromedp.Poll[chromedp.Void](`(document.querySelector('[data-paper-widget]').dataset.query ?? "") === ""`, chromedp.WithPollingTimeout(time.Minute)),
	); err != nil {
		return nil, nil, nil, fmt.Errorf("%s: clearing the field: %v", t.url, err)
	}
	time.Sleep(300 * time.Millisecond)
	prev := ""
	for i := range len(q) {
		prefix := strings.TrimSpace(q[:i+1])
		if prefix == prev {
			if err := press(ctx, q[i]); err != nil {
				return nil, nil, nil, err
			}
			continue
		}
		prev = prefix
		js, _ := json.Marshal(prefix)
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`__pwb.arm(`+string(js)+`)`)); err != nil {
			return nil, nil, nil, err
		}
		if err := press(ctx, q[i]); err != nil {
			return nil, nil, nil, err
		}
		type timing struct{ Dom, Frame float64 }
		tm, err := chromedp.Run(ctx, chromedp.Evaluate[timing](`__pwb.done`, chromedp.EvalAwaitPromise))
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s: waiting for %q: %v", t.url, prefix, err)
		}
		keys = append(keys, prefix)
		dom = append(dom, tm.Dom)
		frame = append(frame, tm.Frame)
		// A fast typist's pace: the page may finish work it deferred.
		time.Sleep(60 * time.Millisecond)
	}
	return keys, dom, frame, nil
}

// press types one printable ASCII character as a keyboard does: a keyDown
// that carries the text, so keydown, keypress and input reach the page in
// one dispatch (as Puppeteer's keyboard.press sends them), then keyUp.
// chromedp.KeyEvent sends keyDown, char and keyUp as three DevTools
// commands, which puts a round trip (about 2.5 ms here) between keydown and
// input that no typist causes, in both pages' timings alike.
func press(ctx context.Context, c byte) error {
	k, ok := kb.Keys[rune(c)]
	if !ok || !k.Print {
		return fmt.Errorf("press: %q is not a printable key", c)
	}
	down := input.DispatchKeyEventParams{
		Type:                  kb.KeyDown,
		Key:                   k.Key,
		Code:                  k.Code,
		Text:                  k.Text,
		UnmodifiedText:        k.Unmodified,
		WindowsVirtualKeyCode: k.Windows,
		NativeVirtualKeyCode:  k.Native,
	}
	if k.Shift {
		down.Modifiers = int64(kb.ModifierShift)
	}
	up := down
	up.Type, up.Text, up.UnmodifiedText = kb.KeyUp, "", ""
	for _, ev := range []input.DispatchKeyEventParams{down, up} {
		if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, ev); err != nil {
			return err
		}
	}
	return nil
}

func fileSizes(name string) (sizeRow, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return sizeRow{}, err
	}
	r := sizeRow{raw: len(data)}
	for ext, dst := range map[string]*int{".gz": &r.gzip, ".br": &r.brotl} {
		if info, err := os.Stat(name + ext); err == nil {
			*dst = int(info.Size())
		}
	}
	return r, nil
}

// writeCompressed writes data with .gz and .br variants, as the site's
// build does, at levels that stay quick on 150 MB: gzip 6, brotli 6.
func writeCompressed(name string, data []byte) (sizeRow, error) {
	var gz, br bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&gz, 6)
	gw.Write(data)
	gw.Close()
	bw := brotli.NewWriterLevel(&br, 6)
	bw.Write(data)
	bw.Close()
	for name, b := range map[string][]byte{name: data, name + ".gz": gz.Bytes(), name + ".br": br.Bytes()} {
		if err := os.WriteFile(name, b, 0o644); err != nil {
			return sizeRow{}, err
		}
	}
	return sizeRow{raw: len(data), gzip: gz.Len(), brotl: br.Len()}, nil
}

func machine() string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	browser := "chromium"
	if b, err := exec.Command(chromium.Path, "--version").Output(); err == nil {
		browser = strings.TrimSpace(string(b))
	}
	return fmt.Sprintf("%s, %d cores (shared), %s, %s, headless", cpu, runtime.NumCPU(), runtime.Version(), browser)
}

func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	// Nearest rank.
	i := int(q*float64(len(s))+0.999999) - 1
	return s[min(max(i, 0), len(s)-1)]
}

// targets checks this run's figures against issue 5's targets.
func (r *report) targets() string {
	var b strings.Builder
	b.WriteString("## Targets (issue 5) in this run\n\n")
	b.WriteString("Medians and ratios measured side by side are the robust figures; p95 values carry the scheduling noise of a\n" +
		"shared machine (see the notes at the end).\n\n| target | measured | |\n|---|---|---|\n")
	row := func(target, measured string, ok bool) {
		mark := "not reached"
		if ok {
			mark = "reached"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", target, measured, mark)
	}
	for _, t := range r.typing {
		if t.query != "" || len(t.widget) == 0 {
			continue
		}
		wm, wp := quantile(t.widget, 0.5), quantile(t.widget, 0.95)
		switch t.papers {
		case 10000:
			row("10,000 papers: p95 keystroke -> DOM <= 16 ms", fmt.Sprintf("p95 %s (median %s)", ms(wp), ms(wm)), wp <= 16)
			if !t.fuseSkipped && len(t.fuse) > 0 {
				rm, rp := quantile(t.fuse, 0.5)/wm, quantile(t.fuse, 0.95)/wp
				row("10,000 papers: >= 20x faster than Fuse.js", fmt.Sprintf("%.0fx (median), %.0fx (p95)", rm, rp), rm >= 20 && rp >= 20)
			}
		case 100000:
			row("100,000 papers: p95 keystroke -> DOM <= 50 ms", fmt.Sprintf("p95 %s (median %s)", ms(wp), ms(wm)), wp <= 50)
		}
	}
	ready := map[string][]float64{}
	for _, l := range r.loads {
		if l.papers == 70 {
			ready[l.page] = append(ready[l.page], l.ready)
		}
		if l.papers == 10000 && l.page == pageCold {
			row("10,000 papers load: no long task > 200 ms after first paint", fmt.Sprintf("longest %s", ms(l.longest)), l.over200 == 0)
		}
		if l.papers >= 10000 && l.page == pageCold && l.mem > 0 {
			ratio := float64(l.mem) / float64(l.json)
			row(fmt.Sprintf("%d papers: wasm memory after typing <= 2x the JSON", l.papers), fmt.Sprintf("%.2fx (%s for %s)", ratio, mb(l.mem), mb(l.json)), ratio <= 2)
		}
	}
	// Each load target shows the floor measured beside it: what go-app
	// alone takes to start on the same page.
	median := func(target string, ready, floor []float64, limit float64) {
		if len(ready) == 0 {
			return
		}
		m := quantile(ready, 0.5)
		measured := fmt.Sprintf("median %s of %d (%s-%s)", ms(m), len(ready), ms(slices.Min(ready)), ms(slices.Max(ready)))
		if len(floor) > 0 {
			measured += fmt.Sprintf("; go-app with nothing to do: median %s", ms(quantile(floor, 0.5)))
		}
		row(target, measured, m <= limit)
	}
	median("bundled list, cold: interactive (data-ready) <= 600 ms", ready[pageCold], ready[pageFloorCold], 600)
	median("bundled list, warm (service worker): interactive <= 300 ms", ready[pageWarm], ready[pageFloorWarm], 300)
	transfer := 0
	for _, sz := range r.sizes {
		if strings.HasPrefix(sz.name, "web/") {
			transfer += sz.brotl
		}
	}
	// MB here and in every table is 2^20 bytes.
	row("app.wasm + list, brotli <= 1.6 MB", fmt.Sprintf("%s (%d bytes)", mb(transfer), transfer), float64(transfer) <= 1.6*(1<<20))
	b.WriteString("\n")
	return b.String()
}

func (r *report) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmarks\n\n")
	fmt.Fprintf(&b, "Written by `make bench` (`go run ./bench`) on %s, %s.\n\n", time.Now().UTC().Format("2006-01-02"), r.machine)
	b.WriteString("Synthetic lists come from `bench/synth` (deterministic; words of the bundled list). The widget is the real\n" +
		"site built by `go run ./build dist`, opened with `?src=` the list; the reference is `bench/fuse/` (Fuse.js 7.5.0, keys\n" +
		"title and abstract, threshold 0.4, ignoreLocation; same DOM and stylesheet, 20 rows, no highlighting). Both pages type\n" +
		"`hebbian`, `spiking neural`, `contnual lerning` key by key in the same run, alternating. A keystroke is timed in the page,\n" +
		"from the key event to the DOM showing rows for the typed prefix (`data-query`), and to the next animation frame; keys\n" +
		"that leave the trimmed query unchanged (spaces) are not timed. A key is one DevTools keyDown carrying its text, so\n" +
		"keydown and input reach the page together as from a keyboard. The pages typed into load cold in a browser context\n" +
		"of their own, with the service worker bypassed (DevTools `Network.setBypassServiceWorker`).\n\n")

	b.WriteString(r.targets())

	b.WriteString("## Per keystroke, key event -> DOM updated (ms)\n\n")
	b.WriteString("| papers | query | widget median | widget p95 | Fuse.js median | Fuse.js p95 | Fuse / widget (median) | Fuse / widget (p95) | widget p95 to next frame | keys |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for _, t := range r.typing {
		q := "all three"
		if t.query != "" {
			q = "`" + t.query + "`"
		}
		wm, wp := quantile(t.widget, 0.5), quantile(t.widget, 0.95)
		fm, fp := "not run", "not run"
		rm, rp := "", ""
		if !t.fuseSkipped && len(t.fuse) > 0 {
			fmv, fpv := quantile(t.fuse, 0.5), quantile(t.fuse, 0.95)
			fm, fp = ms(fmv), ms(fpv)
			rm, rp = fmt.Sprintf("%.0fx", fmv/wm), fmt.Sprintf("%.0fx", fpv/wp)
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %d |\n", t.papers, q, ms(wm), ms(wp), fm, fp, rm, rp, ms(quantile(t.widgetF, 0.95)), len(t.widget))
	}

	b.WriteString("\n## Load, loopback\n\n")
	b.WriteString("Rows named widget are cold loads (a browser context of their own, service worker bypassed); warm rows are\n" +
		"later visits in a new tab of a context whose service worker has precached the site (its first visit searched, stayed\n" +
		"5 s and left), each begun with the worker stopped, as the browser stops it soon after a visitor leaves.\n" +
		"Go-app floor rows are the same pre-rendered page with `bench/floor` for app.wasm: go-app starting an empty component\n" +
		"that is ready at once, loaded in turn with the widget (cold, then warm), from an origin of its own. No go-app program\n" +
		"can be ready sooner on this machine.\n" +
		"First paint is first-contentful-paint; wasm is when app.wasm finished downloading; started is when the\n" +
		"compiled program began running (widget/page.go); ready is when `[data-paper-widget]` gains `data-ready` (list loaded and\n" +
		"indexed, typing filters). Long tasks are counted after first paint. Transferred is every response of the page\n" +
		"(compressed bytes on the wire). Abstracts compressed is when the widget, having streamed a list over 1 MB, has\n" +
		"compressed its abstracts in idle time and let the fetched list go. Wasm memory is the linear memory after typing and\n" +
		"that (widget only). Page memory is what the page keeps then, after a collection: its JS heap and array buffers\n" +
		"(wasm memory is not among them; a fetched list kept would be).\n\n")
	b.WriteString("| page | papers | first paint | wasm | started | list fetched | decoded | indexed | ready | longest task after paint | tasks > 200 ms | transferred | abstracts compressed | wasm memory | memory / JSON | page memory |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, l := range r.loads {
		mem, ratio, pageMem := "", "", ""
		if l.mem > 0 {
			mem = mb(l.mem)
			ratio = fmt.Sprintf("%.2fx", float64(l.mem)/float64(l.json))
		}
		if l.pageMem > 0 {
			pageMem = mb(l.pageMem)
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %d | %s | %s | %s | %s | %s |\n", l.page, l.papers, ms(l.paint),
			ms(l.wasm), ms(l.started), ms(l.fetched), ms(l.decoded), ms(l.indexed), ms(l.ready), ms(l.longest), l.over200, mb(l.bytes),
			ms(l.compacted), mem, ratio, pageMem)
	}

	b.WriteString(r.embed)
	b.WriteString("\n## Sizes\n\n")
	b.WriteString("The site's files are compressed by the build (gzip -9, brotli 11); the synthetic lists by the benchmark (gzip 6,\n" +
		"brotli 6).\n\n| file | raw | gzip | brotli |\n|---|---|---|---|\n")
	for _, s := range r.sizes {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", s.name, mb(s.raw), mb(s.gzip), mb(s.brotl))
	}
	if len(r.notes) > 0 {
		b.WriteString("\nFrom the run (loads failed and retried, abstracts not compressed in time):\n\n")
		for _, n := range r.notes {
			fmt.Fprintf(&b, "- %s\n", n)
		}
	}
	b.WriteString(notes)
	if r.goBench != "" {
		b.WriteString("\n## Go benchmarks (native, `go test ./search/ ./widget/ -bench .`)\n\n")
		b.WriteString("`BenchmarkSearch` types the three queries key by key (ns/keystroke is one key); `BenchmarkNew` builds the index;\n" +
			"`BenchmarkRows` has go-app render and diff the 20 shown rows of the 10,000-paper list for each of those keys: the Go side\n" +
			"of rendering a keystroke (natively, go-app's DOM calls do nothing).\n\n```\n")
		b.WriteString(r.goBench)
		b.WriteString("```\n")
	}
	return b.String()
}

func ms(v float64) string {
	if v == 0 {
		return "–"
	}
	if v >= 100 {
		return fmt.Sprintf("%.0f ms", v)
	}
	return fmt.Sprintf("%.1f ms", v)
}

func mb(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.2f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
