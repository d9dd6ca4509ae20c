// Command bench measures the widget in headless Chromium against a Fuse.js
// reference page with the same DOM, on deterministic generated lists
// (realistic ones, and the older synthetic ones), and writes the figures to
// docs/benchmarks.md.
//
//	go run ./bench [-quick] [-sizes 10000,100000] [-synthetic 10000] [-rounds 3] [-fuse-max 10000] [-out docs/benchmarks.md]
//
// It builds the real site (go run ./build dist, into a temporary directory),
// serves it on loopback with the lists beside it, opens the widget with
// ?src=<list> and the reference page with the same list, and types the
// queries key by key in both, alternating. A keystroke is timed in the page
// itself (probe.js), from its keydown event to the last DOM mutation it
// causes, layout included: what a reader waits for. Run it from the
// module's root; it needs Debian's chromium and bench/node_modules (npm ci
// in bench/).
package main

import (
	"cmp"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/paperwidget/paperwidget/internal/chromium"
)

func main() {
	sizesFlag := flag.String("sizes", "10000,100000", "comma-separated sizes of the realistic lists to measure (bench/synth.Realistic)")
	synthFlag := flag.String("synthetic", "10000", "comma-separated sizes of the lists made of the bundled papers' words to measure too (bench/synth.Generate; the benchmark's lists before issue 21)")
	quick := flag.Bool("quick", false, "a run of a few minutes: the realistic 10,000-paper list only, typed once in each page, no loads of the bundled list, no Go benchmarks")
	rounds := flag.Int("rounds", 3, "times each query is typed in each page")
	fuseMax := flag.Int("fuse-max", 10000, "largest list the Fuse.js page types into (it takes seconds per key at 100,000)")
	out := flag.String("out", "docs/benchmarks.md", "Markdown file to write (- for stdout only)")
	goBench := flag.Bool("go", true, "run the Go benchmarks of search/ and widget/ too and include them")
	listLoads := flag.Int("list-loads", 5, "cold loads of each realistic list the Fuse.js page loads too, in each page, taking turns, the typed one among them: the targets quote their medians")
	loads := flag.Int("loads", 5, "cold and warm loads of the bundled list, and as many of the go-app floor (0: none, nor the floor's build)")
	keys := flag.Bool("keys", false, "print every keystroke, its time and its last DOM mutation to standard error (which keys make the p95)")
	fresh := flag.Int("fresh", 5, "cold loads of the bundled list each in a Chromium started for it (0: none)")
	mobileLoads := flag.Int("mobile", 3, "cold and warm loads in Lighthouse's mobile profile, each in a fresh Chromium (0: none)")
	against := flag.String("against", "", "dist directory of another build whose fresh-browser loads take turns with this one's (before and after a change)")
	profile := flag.String("profile", "", "directory to write DevTools CPU profiles of the widget loading and typing each list, and of one warm load, to (app.wasm then keeps its function names, so its size and timings differ from a release build)")
	flag.Parse()
	if *quick {
		*sizesFlag, *synthFlag, *rounds, *loads, *goBench, *fresh, *mobileLoads = "10000", "", 1, 0, false, 0, 0
	}
	var lists []list
	for kind, flagValue := range map[string]string{realistic: *sizesFlag, synthetic: *synthFlag} {
		for _, s := range strings.Split(flagValue, ",") {
			if strings.TrimSpace(s) == "" {
				continue // -sizes "": loads only
			}
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil {
				fatal(fmt.Errorf("bad list size %q: %v", s, err))
			}
			lists = append(lists, list{kind: kind, papers: n})
		}
	}
	// Realistic lists first, the smaller first: they decide the targets.
	slices.SortFunc(lists, func(a, b list) int {
		return cmp.Or(strings.Compare(a.kind, b.kind), a.papers-b.papers)
	})
	c := config{lists: lists, rounds: *rounds, fuseMax: *fuseMax, loads: *loads, listLoads: *listLoads, out: *out, goBench: *goBench, keys: *keys, profileDir: *profile,
		fresh: *fresh, mobile: *mobileLoads, against: *against}
	if err := run(c); err != nil {
		fatal(err)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}

func logf(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }

type config struct {
	lists                  []list
	rounds, fuseMax, loads int
	listLoads              int
	out                    string
	goBench, keys          bool
	profileDir             string
	fresh, mobile          int
	against                string
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
		if rep.goBench, err = goBenchmarks(); err != nil {
			return err
		}
	}
	if rep.wasm, err = wasmBreakdown(); err != nil {
		return err
	}
	dist, err := buildSite(rep, tmp, c.profileDir != "")
	if err != nil {
		return err
	}
	dir, err := generateLists(rep, tmp, c.lists)
	if err != nil {
		return err
	}
	base, stopServer, err := serve(dist, dir)
	if err != nil {
		return err
	}
	defer stopServer()

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
	if err := freshAndMobile(rep, base+"/", c.against, c.fresh, c.mobile, c.profileDir); err != nil {
		return err
	}
	for _, l := range c.lists {
		if err := compareList(rep, browser, base, l, c); err != nil {
			return err
		}
	}

	md := rep.markdown()
	fmt.Print(md)
	if c.out != "-" {
		return os.WriteFile(c.out, []byte(md), 0o644)
	}
	return nil
}
