package main

import (
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/paperwidget/paperwidget/internal/chromium"
)

// notes is appended to the tables: the targets and what bought the figures.
//
//go:embed notes.md
var notes string

// report collects every figure for the Markdown file.
type report struct {
	machine string
	sizes   []sizeRow
	loads   []loadRow
	// coldLoads are every cold load of a realistic list that the Fuse.js
	// page loads too, in both pages, the typed ones among them.
	coldLoads []loadRow
	typing    []typingRow
	goBench   string
	fresh     []freshRow
	wasm      string   // wasmBreakdown's section
	notes     []string // failures that a retry got past
	embed     string   // Markdown section of embedStability (cls.go)
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

// top is the largest of xs, 0 when there is none.
func top(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return slices.Max(xs)
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

func (r *report) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmarks\n\n")
	fmt.Fprintf(&b, "Written by `make bench` (`go run ./bench`) on %s, %s.\n\n", time.Now().UTC().Format("2006-01-02"), r.machine)
	b.WriteString("Realistic lists come from `bench/synth.Realistic` (deterministic; real lists' statistics: about 51,000 distinct\n" +
		"words at 10,000 papers, 216,000 at 100,000; see bench/synth/realistic.go); synthetic ones from `bench/synth.Generate`\n" +
		"(the bundled list's words, a few thousand distinct words at any size: the lists of earlier runs). The widget is the real\n" +
		"site built by `go run ./build dist`, opened with `?src=` the list; the reference is `bench/fuse/` (Fuse.js 7.5.0, keys\n" +
		"title and abstract, threshold 0.4, ignoreLocation; same DOM and stylesheet, the same rows (20, or the first 10 for a query), no highlighting). Both pages type\n" +
		"`hebbian`, `spiking neural`, `contnual lerning`, `transformer`, `robot grasping` key by key in the same run, alternating.\n" +
		"A keystroke is timed in the page as a reader sees it: from the `keydown` event (a capture listener on window, added\n" +
		"before any of the page's) to the last DOM mutation it causes, layout included (each mutation forces layout at once);\n" +
		"a key has ended when the DOM shows rows for the typed prefix (`data-query`) and nothing has changed for 200 ms, and\n" +
		"only then is the next key sent. Keys that leave the trimmed query unchanged (spaces) are not timed. A key is one\n" +
		"DevTools keyDown carrying its text, so\n" +
		"keydown and input reach the page together as from a keyboard. The pages typed into load cold in a browser context\n" +
		"of their own, with the service worker bypassed (DevTools `Network.setBypassServiceWorker`).\n\n")

	b.WriteString(r.targets())

	b.WriteString("## Per keystroke, keydown -> last DOM mutation, layout included (ms)\n\n")
	b.WriteString("| list | papers | query | widget median | widget p95 | widget max | Fuse.js median | Fuse.js p95 | Fuse.js max | Fuse / widget (median) | Fuse / widget (p95) | keys |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, t := range r.typing {
		q := "all"
		if t.query != "" {
			q = "`" + t.query + "`"
		}
		wm, wp := quantile(t.widget, 0.5), quantile(t.widget, 0.95)
		fm, fp, fx := "not run", "not run", "not run"
		rm, rp := "", ""
		if !t.fuseSkipped && len(t.fuse) > 0 {
			fmv, fpv := quantile(t.fuse, 0.5), quantile(t.fuse, 0.95)
			fm, fp, fx = ms(fmv), ms(fpv), ms(top(t.fuse))
			rm, rp = fmt.Sprintf("%.0fx", fmv/wm), fmt.Sprintf("%.0fx", fpv/wp)
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d |\n", t.list, t.papers, q, ms(wm), ms(wp), ms(top(t.widget)), fm, fp, fx, rm, rp, len(t.widget))
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
		"(wasm memory is not among them; a fetched list kept would be). The realistic lists' rows are the loads typed into;\n" +
		"the lists that the Fuse.js page loads too are loaded cold again in both pages, taking turns (`-list-loads`), and\n" +
		"the targets quote the medians of all those loads (listed under the table). DevTools keeps no response bodies in\n" +
		"any tab: the copy its Network panel keeps by default made the page decode a 17 MB list as text (55 ms), as a\n" +
		"reader's browser does not.\n\n")
	b.WriteString("| page | list | papers | first paint | wasm | started | list fetched | decoded | indexed | ready | longest task after paint | tasks > 200 ms | transferred | abstracts compressed | wasm memory | memory / JSON | page memory |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, l := range r.loads {
		mem, ratio, pageMem := "", "", ""
		if l.mem > 0 {
			mem = mb(l.mem)
			ratio = fmt.Sprintf("%.2fx", float64(l.mem)/float64(l.json))
		}
		if l.pageMem > 0 {
			pageMem = mb(l.pageMem)
		}
		list := l.list
		if list == "" {
			list = "bundled"
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %d | %s | %s | %s | %s | %s |\n", l.page, list, l.papers, ms(l.paint),
			ms(l.wasm), ms(l.started), ms(l.fetched), ms(l.decoded), ms(l.indexed), ms(l.ready), ms(l.longest), l.over200, mb(l.bytes),
			ms(l.compacted), mem, ratio, pageMem)
	}
	b.WriteString(r.coldLoadList())

	b.WriteString(freshSection(r.fresh))
	b.WriteString(r.embed)
	b.WriteString("\n## Sizes\n\n")
	b.WriteString("The site's files are compressed by the build (gzip -9, brotli 11); the generated lists by the benchmark (gzip 6,\n" +
		"brotli 6).\n\n| file | raw | gzip | brotli |\n|---|---|---|---|\n")
	for _, s := range r.sizes {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", s.name, mb(s.raw), mb(s.gzip), mb(s.brotl))
	}
	b.WriteString(r.wasm)
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

// coldLoadList lists the ready times and longest tasks of every cold load
// of the realistic lists, per list and page, in the order they were made.
func (r *report) coldLoadList() string {
	type key struct {
		papers int
		page   string
	}
	var keys []key
	loads := map[key][]loadRow{}
	for _, l := range r.coldLoads {
		k := key{l.papers, l.page}
		if _, seen := loads[k]; !seen {
			keys = append(keys, k)
		}
		loads[k] = append(loads[k], l)
	}
	if len(keys) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\nEvery cold load of the realistic lists, ready (longest task after first paint):\n\n")
	for _, k := range keys {
		var each []string
		for _, l := range loads[k] {
			each = append(each, fmt.Sprintf("%s (%s)", ms(l.ready), ms(l.longest)))
		}
		fmt.Fprintf(&b, "- %d papers, %s: %s\n", k.papers, k.page, strings.Join(each, ", "))
	}
	return b.String()
}
