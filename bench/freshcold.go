package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/paperwidget/paperwidget/build/static"
	"github.com/paperwidget/paperwidget/internal/chromium"
)

// A visitor's first load is in a browser that has never run app.wasm: new
// contexts of one running browser share its process and the code V8 has
// compiled, which made cold loads there look twice as quick as an outside
// probe starting Chromium for each load measured them.

// mobile is Lighthouse's mobile profile: a CPU 4x slower, 150 ms of
// latency, 1.6 Mbit/s down and 750 kbit/s up.
var mobile = profileConditions{cpu: 4, latency: 150, down: 1.6e6 / 8, up: 750e3 / 8}

type profileConditions struct {
	cpu      float64
	latency  float64 // ms
	down, up float64 // bytes per second
}

// apply throttles the tab of ctx; the zero value leaves it alone.
func (p profileConditions) apply(ctx context.Context) error {
	if p.cpu == 0 {
		return nil
	}
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: p.cpu}); err != nil {
		return err
	}
	// open has enabled the Network domain, before this.
	_, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{Latency: p.latency, DownloadThroughput: p.down, UploadThroughput: p.up}},
	})
	return err
}

// freshRow is one kind of load measured in fresh browsers, one per load
// (warm ones: one per visitor, whose first visit is not counted).
type freshRow struct {
	page string
	rows []loadRow
}

// freshLoads measures n loads of each of urls, each in a Chromium started
// for it with an empty profile, taking turns. With warm, each browser first
// visits the page once, unthrottled, searching as warmLoads' first visit
// does (the browser keeps app.wasm's compiled code only once it has
// optimised enough of it), until its service worker controls it; the load
// measured is the next visit in a new tab, the worker stopped. before runs
// before each measured navigation (to throttle it), after, when given,
// once it is ready.
func freshLoads(urls []string, n int, warm bool, before func(context.Context) error, after func(*tab) error) ([][]loadRow, error) {
	var opens []func() (*tab, error)
	for _, url := range urls {
		opens = append(opens, func() (*tab, error) {
			dir, err := os.MkdirTemp("", "paperwidget-fresh-")
			if err != nil {
				return nil, err
			}
			browser, stop, err := chromium.Start(dir)
			if err != nil {
				os.RemoveAll(dir)
				return nil, err
			}
			quit := func() { stop(); os.RemoveAll(dir) }
			t, err := openFresh(browser, url, warm, before)
			if err != nil {
				quit()
				return nil, err
			}
			// Closing the tab quits its browser: one browser at a time, so
			// that the next load does not share the CPU with this one's
			// shutdown.
			cancel := t.cancel
			t.cancel = func() { cancel(); quit() }
			return t, nil
		})
	}
	return alternate(n, after, opens...)
}

// openFresh opens url in browser, a fresh Chromium: at once when cold; when
// warm, after a first visit whose service worker it leaves stopped.
func openFresh(browser context.Context, url string, warm bool, before func(context.Context) error) (*tab, error) {
	if !warm {
		return open(browser, url, true, before)
	}
	first, err := firstVisit(browser, url, true)
	if err != nil {
		return nil, err
	}
	return open(first.ctx, url, false, func(ctx context.Context) error {
		if err := stopWorkers(ctx); err != nil {
			return err
		}
		return before(ctx)
	})
}

// freshSection is the Markdown of the fresh-browser loads: medians.
func freshSection(rows []freshRow) string {
	if len(rows) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n## Loads in a fresh browser (medians)\n\n")
	b.WriteString("Each load starts Chromium with an empty profile (no HTTP cache, no compiled code, no other page in the process),\n" +
		"as a visitor's first visit does. Warm loads: the same fresh browser visited the page once, its service worker\n" +
		"took control, and the load measured is the next visit in a new tab with the worker stopped. Mobile is Lighthouse's\n" +
		"profile: CPU 4x slower (`Emulation.setCPUThrottlingRate`), 150 ms latency, 1.6 Mbit/s down\n" +
		"(`Network.emulateNetworkConditionsByRule`). First result visible is first-contentful-paint (the pre-rendered list).\n" +
		"Kinds of load take turns.\n\n")
	b.WriteString("| load | loads | first result visible | wasm | started | indexed | ready | ready min-max | transferred |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		var paint, wasm, started, indexed, ready []float64
		bytes := 0
		for _, l := range r.rows {
			paint, wasm, started = append(paint, l.paint), append(wasm, l.wasm), append(started, l.started)
			indexed, ready = append(indexed, l.indexed), append(ready, l.ready)
			bytes += l.bytes
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s | %s | %s-%s | %s |\n", r.page, len(r.rows), ms(quantile(paint, 0.5)),
			ms(quantile(wasm, 0.5)), ms(quantile(started, 0.5)), ms(quantile(indexed, 0.5)), ms(quantile(ready, 0.5)),
			ms(quantile(ready, 0)), ms(top(ready)), mb(bytes/max(len(r.rows), 1)))
	}
	return b.String()
}

// The kinds of fresh-browser load, as their rows name them.
const (
	coldDesktop = "cold, desktop, loopback"
	coldMobile  = "cold, mobile"
	warmMobile  = "warm, mobile"
)

// freshAndMobile runs the fresh-browser loads of url: n cold ones on
// loopback, m cold and m warm ones in the mobile profile. With against,
// the dist directory of another build, it takes turns with that one
// (before and after a change, in one run), served from an origin of its
// own.
// With profileDir, one more fresh cold load is profiled.
func freshAndMobile(rep *report, url, against string, n, m int, profileDir string) error {
	urls, names := []string{url}, []string{"widget"}
	if against != "" {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: static.Handler(against)}
		go srv.Serve(ln)
		defer srv.Close()
		urls, names = append(urls, "http://"+ln.Addr().String()+"/"), append(names, "build of "+filepath.Base(against))
	}
	if profileDir != "" && n > 0 {
		name := filepath.Join(profileDir, "fresh-cold-load.cpuprofile")
		if _, err := freshLoads(urls[:1], 1, false, startProfile, func(t *tab) error { return stopProfile(t.ctx, name) }); err != nil {
			return err
		}
	}
	type kind struct {
		name string
		n    int
		warm bool
		p    profileConditions
	}
	for _, k := range []kind{{coldDesktop, n, false, profileConditions{}}, {coldMobile, m, false, mobile}, {warmMobile, m, true, mobile}} {
		if k.n == 0 {
			continue
		}
		logf("%s: %d loads in fresh browsers ...", k.name, k.n)
		rows, err := freshLoads(urls, k.n, k.warm, k.p.apply, nil)
		if err != nil {
			return err
		}
		for i, r := range rows {
			rep.fresh = append(rep.fresh, freshRow{page: names[i] + ", " + k.name, rows: r})
		}
	}
	return nil
}
