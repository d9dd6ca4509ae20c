package e2e

// Offline use, installing and updates, in real Chromium. The tests build
// their own sites (at the root, under /lab/papers/, and a second build with
// another list) and serve each on a server of their own that can be taken
// "offline": it then drops every connection, as a stopped server would.

import (
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/paperwidget/paperwidget/build/site"
	"github.com/paperwidget/paperwidget/build/static"
)

const pwaSubpath = "/lab/papers/"

// pwaListB is the list of the second build: another title, three papers.
const pwaListB = `{"title": "Lab list B", "papers": [
  {"id": "b-one", "title": "Hebbian plasticity in version B", "abstract": "First paper of the new list."},
  {"id": "b-two", "title": "Offline search for readers on trains", "abstract": "Second paper."},
  {"id": "b-three", "title": "Service workers considered", "abstract": "Third paper."}]}`

// pwaExtraList is served outside the site, for ?src=.
const pwaExtraList = `{"title": "Extra", "papers": [
  {"id": "x-one", "title": "An extra list loaded by src", "abstract": "One."},
  {"id": "x-two", "title": "Another extra paper", "abstract": "Two."}]}`

// pwaBuild is one built site.
type pwaBuild struct {
	dir, base, version string
}

// pwaSites builds the sites the tests need, once per TestPWA run, in order
// (the build registers go-app routes globally), with fast compression: the
// compression level changes no behaviour these tests look at.
type pwaSites struct {
	tmp   string
	mu    sync.Mutex
	built map[string]*pwaBuild
}

func (s *pwaSites) get(t *testing.T, name, base string, papers string) *pwaBuild {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if b := s.built[name]; b != nil {
		return b
	}
	start := time.Now()
	dir := filepath.Join(s.tmp, name)
	if err := site.Build(site.Options{Root: "..", Out: dir, Papers: []string{papers}, Base: base, FastCompression: true, Single: true}); err != nil {
		t.Fatalf("building site %s: %v", name, err)
	}
	worker, err := os.ReadFile(filepath.Join(dir, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`const VERSION = "([0-9a-f]+)"`).FindSubmatch(worker)
	if m == nil {
		t.Fatalf("site %s: no version in app-worker.js", name)
	}
	b := &pwaBuild{dir: dir, base: base, version: string(m[1])}
	s.built[name] = b
	t.Logf("built site %s (base %s, version %s) in %v", name, base, b.version, time.Since(start).Round(time.Millisecond))
	return b
}

func (s *pwaSites) root(t *testing.T) *pwaBuild { return s.get(t, "root", "/", "../data/papers.json") }
func (s *pwaSites) sub(t *testing.T) *pwaBuild {
	return s.get(t, "sub", pwaSubpath, "../data/papers.json")
}
func (s *pwaSites) rootB(t *testing.T) *pwaBuild {
	return s.get(t, "rootB", "/", filepath.Join(s.tmp, "list-b.json"))
}

// pwaServer serves one build at a time, switchable, on its own origin.
type pwaServer struct {
	*httptest.Server
	site    atomic.Pointer[http.Handler]
	offline atomic.Bool
	// published, when set, is what the site's bundled list's URL answers,
	// as after a list was republished without the rest of the build.
	published atomic.Pointer[string]
}

func newPWAServer(t *testing.T, b *pwaBuild) *pwaServer {
	s := &pwaServer{}
	s.serve(b)
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	t.Cleanup(s.Close)
	return s
}

// serve switches to build b, as a deployment would.
func (s *pwaServer) serve(b *pwaBuild) {
	mux := http.NewServeMux()
	mux.HandleFunc("/lists/extra.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-cache")
		fmt.Fprint(w, pwaExtraList)
	})
	var h http.Handler = static.Handler(b.dir)
	if b.base != "/" {
		// As on GitHub Pages: the site under its path, and the path without
		// its slash redirected to it (the mux does that).
		h = http.StripPrefix(strings.TrimSuffix(b.base, "/"), h)
	}
	mux.Handle(b.base, h)
	// A server that answers the bundled list's URL with a query by
	// something else (as a server that reads the query might): the list a
	// poisoning visit would plant.
	mux.HandleFunc(b.base+"web/papers.json", func(w http.ResponseWriter, r *http.Request) {
		if list := s.published.Load(); list != nil && r.URL.RawQuery == "" {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, *list)
			return
		}
		if r.URL.RawQuery == "" {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, pwaExtraList)
	})
	var hh http.Handler = mux
	s.site.Store(&hh)
}

func (s *pwaServer) handle(w http.ResponseWriter, r *http.Request) {
	if s.offline.Load() {
		// A stopped server: the connection closes without an answer.
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.(*net.TCPConn).SetLinger(0)
				conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
	}
	(*s.site.Load()).ServeHTTP(w, r)
}

func TestPWA(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	if err := os.WriteFile(filepath.Join(tmp, "list-b.json"), []byte(pwaListB), 0o644); err != nil {
		t.Fatal(err)
	}
	sites := &pwaSites{tmp: tmp, built: map[string]*pwaBuild{}}

	t.Run("Manifest", func(t *testing.T) {
		for _, b := range []*pwaBuild{sites.root(t), sites.sub(t)} {
			testManifest(t, b)
		}
	})
	t.Run("Installable", func(t *testing.T) {
		for _, b := range []*pwaBuild{sites.root(t), sites.sub(t)} {
			testInstallable(t, b)
		}
	})
	// The one file, built for a subpath, works from a file all the same.
	t.Run("SingleFileSubpath", func(t *testing.T) { testSingleFile(t, filepath.Join(sites.sub(t).dir, site.SingleFile)) })
	t.Run("OfflineRoot", func(t *testing.T) { testOffline(t, sites.root(t)) })
	t.Run("OfflineSubpath", func(t *testing.T) { testOffline(t, sites.sub(t)) })
	t.Run("ListCacheKeyedOnURL", func(t *testing.T) { testListCacheKeyedOnURL(t, sites.root(t)) })
	t.Run("ListCacheBounded", func(t *testing.T) { testListCacheBounded(t, sites.root(t)) })
	t.Run("Update", func(t *testing.T) { testUpdate(t, sites.root(t), sites.rootB(t)) })
	t.Run("RepublishedListShows", func(t *testing.T) { testRepublishedList(t, sites.root(t)) })
	t.Run("InstallButton", func(t *testing.T) { testInstallButton(t, sites.root(t)) })
	t.Run("NoServiceWorkerOrStorage", func(t *testing.T) { testNoServiceWorker(t, sites.root(t)) })
	t.Run("CrossSiteIframe", func(t *testing.T) { testCrossSiteIframe(t, sites.root(t)) })
}

// newProfilePage opens a tab in the browser's default context: Chromium
// never offers to install from the separate contexts newPage uses (error
// "in-incognito"). The server of each test has an origin of its own, so
// nothing it leaves behind reaches another test.
func newProfilePage(t *testing.T) *page {
	t.Helper()
	return openPage(t, browser)
}

// pwaOpen loads url and waits until the widget is ready.
func pwaOpen(t *testing.T, p *page, url string) {
	t.Helper()
	if err := chromedp.Do(p.ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(css(`[data-paper-widget][data-ready]`)),
	); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
}

func pwaCount(p *page) int {
	return eval[int](p, `parseInt(document.querySelector('[data-paper-widget][data-ready] [data-result-count]').textContent.match(/\d+/)[0], 10)`)
}

// pwaType types q into the search field and waits until the results
// answer it.
func pwaType(t *testing.T, p *page, q string) {
	t.Helper()
	field := css(`input[type="search"]`)
	if err := chromedp.Do(p.ctx,
		chromedp.Focus(field),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('input[type="search"]').select()`),
		chromedp.KeyEvent("\b"),
		chromedp.SendKeys(field, q),
	); err != nil {
		t.Fatalf("typing %q: %v", q, err)
	}
	p.waitJS(fmt.Sprintf(`document.querySelector('[data-paper-widget]').dataset.query === %q`, q))
}

func pwaWaitController(t *testing.T, p *page) {
	t.Helper()
	p.waitJS(`!!navigator.serviceWorker.controller`)
}

// pwaFirstVisit serves b and visits it once, until its service worker
// controls the page, which shows the bundled 70 papers.
func pwaFirstVisit(t *testing.T, b *pwaBuild) (*pwaServer, *page) {
	t.Helper()
	srv := newPWAServer(t, b)
	p := newPage(t)
	pwaOpen(t, p, srv.URL+"/")
	pwaWaitController(t, p)
	if got := pwaCount(p); got != 70 {
		t.Fatalf("first visit: count %d, want 70", got)
	}
	return srv, p
}

func testManifest(t *testing.T, b *pwaBuild) {
	data, err := os.ReadFile(filepath.Join(b.dir, "manifest.webmanifest"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		ID, Name, ShortName, Description, StartURL, Scope, Display string
		BackgroundColor, ThemeColor                                string
		Icons                                                      []struct{ Src, Sizes, Type, Purpose string }
	}
	// The manifest's keys are snake_case.
	fixed := strings.NewReplacer(`"short_name"`, `"ShortName"`, `"start_url"`, `"StartURL"`,
		`"background_color"`, `"BackgroundColor"`, `"theme_color"`, `"ThemeColor"`).Replace(string(data))
	if err := json.Unmarshal([]byte(fixed), &m); err != nil {
		t.Fatalf("%s manifest: %v", b.base, err)
	}
	if m.Scope != b.base || m.StartURL != b.base || m.ID != b.base {
		t.Errorf("%s manifest: scope %q, start_url %q, id %q; want all %q", b.base, m.Scope, m.StartURL, m.ID, b.base)
	}
	if m.Name == "" || m.ShortName == "" || m.Description == "" || m.Display != "standalone" ||
		m.BackgroundColor == "" || m.ThemeColor == "" {
		t.Errorf("%s manifest lacks a field: %s", b.base, data)
	}
	want := map[string]bool{"192x192 any": false, "512x512 any": false, "512x512 maskable": false}
	for _, ic := range m.Icons {
		if !strings.HasPrefix(ic.Src, b.base) {
			t.Errorf("%s manifest: icon %s is not local to the site", b.base, ic.Src)
			continue
		}
		file := filepath.Join(b.dir, filepath.FromSlash(strings.TrimPrefix(ic.Src, b.base)))
		if ic.Type != "image/png" {
			if _, err := os.Stat(file); err != nil {
				t.Errorf("%s manifest: icon %s: %v", b.base, ic.Src, err)
			}
			continue
		}
		f, err := os.Open(file)
		if err != nil {
			t.Errorf("%s manifest: icon %s: %v", b.base, ic.Src, err)
			continue
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Errorf("%s manifest: icon %s: %v", b.base, ic.Src, err)
			continue
		}
		if got := fmt.Sprintf("%dx%d", cfg.Width, cfg.Height); got != ic.Sizes {
			t.Errorf("%s manifest: icon %s declares %s, is %s", b.base, ic.Src, ic.Sizes, got)
		}
		want[ic.Sizes+" "+ic.Purpose] = true
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("%s manifest: no %s PNG icon", b.base, k)
		}
	}
}

// testInstallable asks Chromium itself: the manifest parses without errors
// and the page has no installability errors.
func testInstallable(t *testing.T, b *pwaBuild) {
	srv := newPWAServer(t, b)
	p := newProfilePage(t)
	pwaOpen(t, p, srv.URL+b.base)
	man, err := chromedp.Call(p.ctx, cdppage.GetAppManifest, cdppage.GetAppManifestParams{})
	if err != nil {
		t.Fatal(err)
	}
	if len(man.Errors) > 0 {
		for _, e := range man.Errors {
			t.Errorf("%s: manifest error: %s", b.base, e.Message)
		}
	}
	if !strings.HasSuffix(man.URL, b.base+"manifest.webmanifest") {
		t.Errorf("%s: manifest URL %s", b.base, man.URL)
	}
	var last []string
	deadline := time.Now().Add(20 * time.Second)
	for {
		res, err := chromedp.Call(p.ctx, cdppage.GetInstallabilityErrors, cdp.Empty{})
		if err != nil {
			t.Fatal(err)
		}
		last = last[:0]
		for _, e := range res.InstallabilityErrors {
			last = append(last, e.ErrorID)
		}
		if len(last) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("%s: installability errors: %v", b.base, last)
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	p.noConsoleErrors()
}

// testOffline: one online visit, then every URL of the page works with the
// server gone, and filters.
func testOffline(t *testing.T, b *pwaBuild) {
	srv := newPWAServer(t, b)
	p := newPage(t)
	base := srv.URL + b.base
	// The first visit registers the worker only once the widget is ready:
	// installing it precaches the whole site, which competed with the
	// page's own start.
	const spy = `(() => {
  const register = ServiceWorkerContainer.prototype.register;
  ServiceWorkerContainer.prototype.register = function (...args) {
    window.__registeredReady = !!document.querySelector("[data-paper-widget][data-ready]");
    return register.apply(this, args);
  };
})();`
	if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: spy}); err != nil {
		t.Fatal(err)
	}
	// A same-origin list loaded through ?src= while online, to be seen
	// again offline.
	pwaOpen(t, p, base+"?src=/lists/extra.json")
	pwaWaitController(t, p)
	if ready := eval[any](p, `window.__registeredReady`); ready != true {
		t.Errorf("the service worker was registered before the widget was ready (registered when ready: %v)", ready)
	}
	if got := pwaCount(p); got != 2 {
		t.Fatalf("?src= list online: count %d, want 2", got)
	}
	// The worker keeps a list seen before it took over a few seconds
	// later, once the page is not fetching it itself.
	deadline := time.Now().Add(15 * time.Second)
	for {
		cached, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`caches.match(new URL("/lists/extra.json", location.href).href).then(r => !!r)`, chromedp.EvalAwaitPromise))
		if err == nil && cached {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the ?src= list was never cached: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	pwaOpen(t, p, base)
	total := pwaCount(p)
	if b.base != "/" {
		// The path without its slash redirects to the page (online only:
		// it lies outside the worker's scope, see the README).
		pwaOpen(t, p, strings.TrimSuffix(base, "/"))
		if got := eval[string](p, `location.pathname`); got != b.base {
			t.Errorf("%s: landed on %s", strings.TrimSuffix(base, "/"), got)
		}
	}

	srv.offline.Store(true)
	if _, err := http.Get(base); err == nil {
		t.Fatal("the server still answers")
	}
	urls := []string{base, base + "?q=hebbian", base + "index.html", base + "index.html?q=hebbian", base + "?theme=dark&q=hebbian#top"}
	for _, u := range urls {
		start := time.Now()
		pwaOpen(t, p, u)
		n := pwaCount(p)
		if strings.Contains(u, "q=hebbian") {
			if n == 0 || n >= total {
				t.Errorf("offline %s: count %d of %d for hebbian", u, n, total)
			}
		} else if n != total {
			t.Errorf("offline %s: count %d, want %d", u, n, total)
		}
		pwaType(t, p, "spiking")
		if m := pwaCount(p); m == 0 || m >= total {
			t.Errorf("offline %s: typing 'spiking' shows %d of %d", u, m, total)
		}
		// Expanding works too.
		if err := chromedp.Do(p.ctx, chromedp.Click(css(`[data-paper-id] [data-field="title"]`), chromedp.NodeVisible)); err != nil {
			t.Fatal(err)
		}
		p.waitJS(`document.querySelector('[data-paper-id] [data-field="abstract"]').checkVisibility()`)
		t.Logf("offline %s: ready and filtering in %v", u, time.Since(start).Round(time.Millisecond))
	}
	pwaOpen(t, p, base+"?src=/lists/extra.json")
	if got := pwaCount(p); got != 2 {
		t.Errorf("offline ?src= list seen before: count %d, want 2", got)
	}
	p.noConsoleErrors()
}

// cachedLists are the URLs of the ?src= lists the worker keeps, as the
// page's CacheStorage holds them.
func cachedLists(p *page, base string) []string {
	p.t.Helper()
	urls, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](fmt.Sprintf(`caches.open(%q).then(c => c.keys()).then(rs => rs.map(r => r.url).sort())`, "paperwidget:"+base+":lists"), chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("reading the cached lists: %v", err)
	}
	return urls
}

// waitCachedLists waits until the worker keeps exactly want (sorted).
func waitCachedLists(t *testing.T, p *page, base string, want []string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		got := cachedLists(p, base)
		if slices.Equal(got, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("cached ?src= lists: %v, want %v", got, want)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// testListCacheKeyedOnURL: a visit that names the bundled list's URL with a
// query (whose server answers with another list) must not replace the
// bundled list offline.
func testListCacheKeyedOnURL(t *testing.T, b *pwaBuild) {
	srv := newPWAServer(t, b)
	p := newPage(t)
	base := srv.URL + b.base
	pwaOpen(t, p, base)
	pwaWaitController(t, p)
	total := pwaCount(p)
	pwaOpen(t, p, base+"?src=/web/papers.json%3Fpoison%3D1")
	if got := pwaCount(p); got != 2 {
		t.Fatalf("the poisoning list shows %d papers, want its 2", got)
	}
	poison := srv.URL + "/web/papers.json?poison=1"
	waitCachedLists(t, p, b.base, []string{poison})

	srv.offline.Store(true)
	pwaOpen(t, p, base)
	if got := pwaCount(p); got != total {
		t.Errorf("offline, the bundled list shows %d papers, want %d", got, total)
	}
	if h := eval[string](p, `document.querySelector('h1').textContent`); h == "Extra" {
		t.Errorf("offline, the bundled list is the poisoning one (heading %q)", h)
	}
	// The other list is still there under its own URL.
	pwaOpen(t, p, base+"?src=/web/papers.json%3Fpoison%3D1")
	if got := pwaCount(p); got != 2 {
		t.Errorf("offline, the list with a query shows %d papers, want its 2", got)
	}
	p.noConsoleErrors()
}

// testListCacheBounded: the worker keeps the three ?src= lists used last;
// a fourth evicts the one used longest ago, which then is gone offline.
func testListCacheBounded(t *testing.T, b *pwaBuild) {
	srv := newPWAServer(t, b)
	p := newPage(t)
	base := srv.URL + b.base
	pwaOpen(t, p, base)
	pwaWaitController(t, p)
	list := func(n int) string { return fmt.Sprintf("%s/lists/extra.json?n=%d", srv.URL, n) }
	visit := func(n int) {
		t.Helper()
		pwaOpen(t, p, fmt.Sprintf("%s?src=/lists/extra.json%%3Fn%%3D%d", base, n))
		if got := pwaCount(p); got != 2 {
			t.Fatalf("list %d: count %d, want 2", n, got)
		}
	}
	visit(1)
	waitCachedLists(t, p, b.base, []string{list(1)})
	visit(2)
	waitCachedLists(t, p, b.base, []string{list(1), list(2)})
	visit(3)
	waitCachedLists(t, p, b.base, []string{list(1), list(2), list(3)})
	// Using list 1 again makes list 2 the one used longest ago.
	visit(1)
	visit(4)
	waitCachedLists(t, p, b.base, []string{list(1), list(3), list(4)})
	p.noConsoleErrors()

	srv.offline.Store(true)
	visit(1)
	pwaOpen(t, p, base+"?src=/lists/extra.json%3Fn%3D2")
	if alert := eval[string](p, `(document.querySelector('[role="alert"]') || {}).textContent || ""`); !strings.Contains(alert, "/lists/extra.json?n=2") {
		t.Errorf("offline, the evicted list: alert %q, want one naming it", alert)
	}
}

// testUpdate: build A is visited, build B (another list) is deployed; the
// next visit offers a reload, which shows B and leaves only B's cache.
func testUpdate(t *testing.T, a, b *pwaBuild) {
	srv, p := pwaFirstVisit(t, a)
	if n := eval[int](p, `document.querySelectorAll('[data-app-update]').length`); n != 0 {
		t.Fatal("update notice shown on a first visit")
	}

	srv.serve(b)
	start := time.Now()
	pwaOpen(t, p, srv.URL+"/")
	wait, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(wait, chromedp.WaitVisible(css(`[data-app-update] [data-app-reload]`))); err != nil {
		state, _ := chromedp.Run(p.ctx, chromedp.Evaluate[string](`navigator.serviceWorker.getRegistration().then(r => JSON.stringify({
			page: goappGetenv("GOAPP_VERSION"), updatedEarly: goappUpdatedBeforeWasmLoaded,
			controller: navigator.serviceWorker.controller && navigator.serviceWorker.controller.state,
			installing: !!r.installing, waiting: !!r.waiting, active: r.active && r.active.state}))`, chromedp.EvalAwaitPromise))
		t.Fatalf("no update notice: %v; %s", err, state)
	}
	t.Logf("update notice after %v", time.Since(start).Round(time.Millisecond))
	notice := eval[string](p, `document.querySelector('[data-app-update]').textContent`)
	if !strings.Contains(notice, "new version") {
		t.Errorf("notice reads %q", notice)
	}
	if err := chromedp.Do(p.ctx,
		chromedp.Click(css(`[data-app-reload]`)),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.WaitVisible(css(`[data-paper-widget][data-ready]`)),
	); err != nil {
		t.Fatal(err)
	}
	p.waitJS(fmt.Sprintf(`goappGetenv("GOAPP_VERSION") === %q`, b.version))
	if got := pwaCount(p); got != 3 {
		t.Errorf("after the reload: count %d, want B's 3", got)
	}
	if h := eval[string](p, `document.querySelector('h1').textContent`); h != "Lab list B" {
		t.Errorf("after the reload: heading %q", h)
	}
	if n := eval[int](p, `document.querySelectorAll('[data-app-update]').length`); n != 0 {
		t.Error("update notice still shown after the reload")
	}
	keys, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](`caches.keys()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	// Only B's cache is left (beside the ?src= lists, kept across versions).
	want := []string{"paperwidget:/:" + b.version}
	var got []string
	for _, k := range keys {
		if k != "paperwidget:/:lists" && k != "paperwidget:/:lists-used" {
			got = append(got, k)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("caches after the update: %v, want %v", keys, want)
	}

	// And B is what works offline now.
	srv.offline.Store(true)
	pwaOpen(t, p, srv.URL+"/?q=hebbian")
	if got := pwaCount(p); got != 1 {
		t.Errorf("offline after the update: %d hebbian papers, want B's 1", got)
	}
	p.noConsoleErrors()
}

// testRepublishedList: a visit the service worker answers gets the page as
// cached, the list inside it included; the bundled list is then fetched,
// network first, so a list published since shows at once.
func testRepublishedList(t *testing.T, b *pwaBuild) {
	srv, p := pwaFirstVisit(t, b)
	list := pwaListB
	srv.published.Store(&list)
	pwaOpen(t, p, srv.URL+"/")
	if got := pwaCount(p); got != 3 {
		t.Errorf("next visit after the list was republished: count %d, want its 3", got)
	}
	p.noConsoleErrors()
}

// testNoServiceWorker: where storage is blocked (third-party iframes with
// blocked cookies, some private modes) registering the worker fails and
// storage throws; the widget loads online all the same, without errors.
func testNoServiceWorker(t *testing.T, b *pwaBuild) {
	srv := newPWAServer(t, b)
	p := newPage(t)
	var warned atomic.Bool
	if err := chromedp.Listen(p.ctx, func(ev any) {
		if ev, ok := ev.(*runtime.EventConsoleAPICalled); ok && ev.Type == runtime.ConsoleAPICalledTypeWarning {
			warned.Store(true)
		}
	}); err != nil {
		t.Fatal(err)
	}
	const deny = `(() => {
  const insecure = () => { throw new DOMException("Access is denied for this document.", "SecurityError"); };
  Object.defineProperty(ServiceWorkerContainer.prototype, "register", {
    value: () => Promise.reject(new DOMException("Failed to register a ServiceWorker: storage is blocked.", "SecurityError")),
  });
  for (const name of ["localStorage", "sessionStorage", "indexedDB", "caches"]) {
    Object.defineProperty(window, name, { get: insecure, configurable: true });
  }
})();`
	if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: deny}); err != nil {
		t.Fatal(err)
	}
	pwaOpen(t, p, srv.URL+"/?q=hebbian")
	if n := pwaCount(p); n == 0 || n >= 70 {
		t.Errorf("count %d for hebbian", n)
	}
	pwaType(t, p, "spiking")
	if eval[bool](p, `!!navigator.serviceWorker.controller`) {
		t.Error("a service worker controls the page although registering was refused")
	}
	if !warned.Load() {
		t.Error("no warning that offline use is unavailable")
	}
	p.noConsoleErrors()
}

// testCrossSiteIframe: the widget in an iframe of another site (localhost
// embedding 127.0.0.1), where storage is partitioned, loads and filters.
func testCrossSiteIframe(t *testing.T, b *pwaBuild) {
	srv := newPWAServer(t, b)
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><title>host</title><h1>Host page</h1><iframe title="Papers" src="%s/?q=hebbian" style="width:100%%;height:600px"></iframe>`, srv.URL)
	}))
	t.Cleanup(host.Close)
	hostURL := strings.Replace(host.URL, "127.0.0.1", "localhost", 1)

	p := newPage(t)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(hostURL)); err != nil {
		t.Fatal(err)
	}
	var frameID target.ID
	parent := chromedp.FromContext(p.ctx).Target.TargetID
	deadline := time.Now().Add(20 * time.Second)
	for frameID == "" && time.Now().Before(deadline) {
		infos, err := chromedp.Targets(p.ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range infos {
			if info.Type == "iframe" && info.ParentID == parent && strings.HasPrefix(info.URL, srv.URL) {
				frameID = info.TargetID
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	if frameID == "" {
		t.Fatal("no cross-site iframe target (is the iframe in the page's process?)")
	}
	fp := &page{t: t}
	ctx, cancel := chromedp.NewContext(p.ctx, chromedp.WithTargetID(frameID), chromedp.WithListener(func(ev any) {
		if ev, ok := ev.(*runtime.EventExceptionThrown); ok {
			fp.logError("exception in the iframe: " + ev.ExceptionDetails.Text)
		}
	}))
	defer cancel()
	fp.ctx = ctx
	fp.waitJS(`!!document.querySelector('[data-paper-widget][data-ready]')`)
	if n := pwaCount(fp); n == 0 || n >= 70 {
		t.Errorf("iframe: count %d for hebbian", n)
	}
	t.Logf("iframe: service worker controller after load: %v", eval[bool](fp, `!!navigator.serviceWorker.controller`))
	fp.noConsoleErrors()
	p.noConsoleErrors()
}

// testInstallButton: the button shows only while the browser offers
// installation, asks the browser when clicked, and stays hidden once the app
// is installed. Chromium's own offer depends on engagement heuristics, so
// the test plays the browser's part with the events it would send.
func testInstallButton(t *testing.T, b *pwaBuild) {
	srv := newPWAServer(t, b)
	p := newPage(t)
	pwaOpen(t, p, srv.URL+"/")
	if n := eval[int](p, `document.querySelectorAll('[data-app-install]').length`); n != 0 {
		t.Fatal("Install button shown before the browser offered installation")
	}
	eval[chromedp.Void](p, `(() => {
  window.promptShown = 0;
  const e = new Event("beforeinstallprompt", { cancelable: true });
  e.prompt = () => { window.promptShown++; };
  e.userChoice = Promise.resolve({ outcome: "accepted", platform: "web" });
  window.dispatchEvent(e);
})()`)
	if err := chromedp.Do(p.ctx, chromedp.Click(css(`[data-app-install]`), chromedp.NodeVisible)); err != nil {
		t.Fatalf("no Install button once installation is offered: %v", err)
	}
	p.waitJS(`window.promptShown === 1`)
	eval[chromedp.Void](p, `window.dispatchEvent(new Event("appinstalled"))`)
	time.Sleep(100 * time.Millisecond)
	if n := eval[int](p, `document.querySelectorAll('[data-app-install]').length`); n != 0 {
		t.Error("Install button still shown once installed")
	}
	p.noConsoleErrors()
}
