package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/serviceworker"
	"github.com/chromedp/chromedp"

	"github.com/paperwidget/paperwidget/build/site"
	"github.com/paperwidget/paperwidget/build/static"
)

// The pages of the load table: the widget with the bundled list, cold and
// warm, and the floor, go-app with nothing to do on the same page.
const (
	pageCold      = "widget"
	pageWarm      = "widget, warm (service worker)"
	pageFloorCold = "go-app floor"
	pageFloorWarm = "go-app floor, warm (service worker)"
)

type loadRow struct {
	page    string
	list    string // realistic or synthetic; "" for the bundled list
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
	cold, err := alternate(c.loads, nil,
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
	rows, err := alternate(n, nil, opens...)
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
			if _, _, err := first.typeQuery(q); err != nil {
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
// every page sees the same moments of a shared machine; after, when given,
// runs once a page is ready, and each tab is closed after its load.
func alternate(n int, after func(*tab) error, opens ...func() (*tab, error)) ([][]loadRow, error) {
	rows := make([][]loadRow, len(opens))
	for range n {
		for i, open := range opens {
			t, err := open()
			if err != nil {
				return nil, err
			}
			l, err := t.load()
			if err == nil && after != nil {
				err = after(t)
			}
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
