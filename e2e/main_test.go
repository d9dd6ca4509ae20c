// Package e2e drives the built widget in real headless Chromium: the site
// is built once into a temporary directory, served on loopback by the same
// handler as `make serve`, and every test opens it in a fresh tab.
package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/paperwidget/paperwidget/bench/synth"
	"github.com/paperwidget/paperwidget/build/site"
	"github.com/paperwidget/paperwidget/build/static"
	"github.com/paperwidget/paperwidget/internal/chromium"
)

var (
	serverURL string
	// distDir is the built site, with the one-file widget (site.SingleFile).
	distDir string
	browser context.Context
	// wasmGate, when set, holds app.wasm requests until it is closed, so a
	// test can act on the pre-rendered page before the client starts.
	wasmGate   chan struct{}
	wasmGateMu sync.Mutex
	// tmpDir holds what the run builds; it is removed at the end.
	tmpDir string
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "paperwidget-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)
	tmpDir = tmp

	dist := filepath.Join(tmp, "dist")
	distDir = dist
	if err := site.Build(site.Options{Root: "..", Out: dist, Papers: []string{"../data/papers.json"}, Base: "/", Single: true}); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building the site:", err)
		return 1
	}
	generated := filepath.Join(tmp, "generated")
	if err := writeLargeList(generated); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: generating a large list:", err)
		return 1
	}
	srv := httptest.NewServer(testServer(dist, generated))
	defer srv.Close()
	serverURL = srv.URL

	ctx, stop, err := chromium.Start(filepath.Join(tmp, "profile"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer stop()
	browser = ctx
	return m.Run()
}

// largeList is the path of a list large enough (over a megabyte) for the
// browser to stream it and compress its abstracts when idle (widget/load.go).
const largeList = "/generated/large.json"

// writeLargeList writes largeList's file into dir: 1,000 synthetic papers.
func writeLargeList(dir string) error {
	seed, err := synth.Seed("../data/papers.json")
	if err != nil {
		return err
	}
	data, err := json.Marshal(synth.Generate(seed, 1000))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, path.Base(largeList)), data, 0o644)
}

func testServer(dist, generated string) http.Handler {
	site := static.Handler(dist)
	mux := http.NewServeMux()
	mux.Handle("/fixtures/", http.StripPrefix("/fixtures/", http.FileServer(http.Dir("testdata"))))
	mux.Handle("/generated/", http.StripPrefix("/generated/", http.FileServer(http.Dir(generated))))
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/app.wasm") {
			wasmGateMu.Lock()
			gate := wasmGate
			wasmGateMu.Unlock()
			if gate != nil {
				<-gate
			}
		}
		site.ServeHTTP(w, r)
	}))
	return mux
}

// page is one browser tab with the errors it logged.
type page struct {
	t      *testing.T
	ctx    context.Context
	mu     sync.Mutex
	errors []string
}

// newPage opens a tab; the test fails if the page logs an error or throws.
// Each gets a browser context of its own: no cache, storage or service
// worker carries over from another test.
func newPage(t *testing.T) *page {
	t.Helper()
	return openPage(t, browser, chromedp.WithNewBrowserContext())
}

// stepTimeout bounds one step of a test in its tab (run, eval, text), not
// the whole test: a test that clicks a hundred links on a busy machine
// takes minutes, and must not fail for that alone.
const stepTimeout = 2 * time.Minute

// openPage opens a tab of parent with opts, recording what it logs. The
// tab lives until the test ends, or until shortly before go test's
// -timeout would, so that a step that hangs fails with its own error
// rather than a dump of every goroutine.
func openPage(t *testing.T, parent context.Context, opts ...chromedp.ContextOption) *page {
	t.Helper()
	p := &page{t: t}
	ctx, cancel := chromedp.NewContext(parent, append(opts, chromedp.WithListener(p.record))...)
	t.Cleanup(cancel)
	if deadline, ok := t.Deadline(); ok {
		var cancelDeadline context.CancelFunc
		ctx, cancelDeadline = context.WithDeadline(ctx, deadline.Add(-30*time.Second))
		t.Cleanup(cancelDeadline)
	}
	// The first run opens the tab and ties its life to ctx: the steps'
	// own timeouts, derived from ctx, then end a step, not the tab.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	p.ctx = ctx
	return p
}

// step is the context of one step in the tab.
func (p *page) step() (context.Context, context.CancelFunc) {
	return context.WithTimeout(p.ctx, stepTimeout)
}

// record keeps the page's uncaught exceptions and console errors.
func (p *page) record(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		msg := ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			msg += " " + ev.ExceptionDetails.Exception.Description
		}
		p.logError("exception: " + msg)
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			p.logError("console.error: " + strings.Join(parts, " "))
		}
	}
}

func (p *page) logError(msg string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.errors = append(p.errors, msg)
}

func (p *page) run(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := p.step()
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		p.t.Fatalf("browser: %v", err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](p *page, js string) T {
	p.t.Helper()
	ctx, cancel := p.step()
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// open loads the widget page with the given query string and waits until
// the client has mounted and typing filters.
func (p *page) open(query string) {
	p.t.Helper()
	p.run(
		chromedp.Navigate(serverURL+"/"+query),
		chromedp.WaitVisible(css(`[data-paper-widget][data-ready]`)),
	)
}

func css(sel string) chromedp.CSS { return chromedp.CSS(sel) }

func (p *page) text(sel string) string {
	p.t.Helper()
	ctx, cancel := p.step()
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(css(sel), chromedp.NodeVisible))
	if err != nil {
		p.t.Fatalf("reading text of %s: %v", sel, err)
	}
	return s
}

// count is the first number in the result count, as the contract reads it.
func (p *page) count() int {
	p.t.Helper()
	return eval[int](p, `parseInt(document.querySelector('[data-result-count]').textContent.match(/\d+/)[0], 10)`)
}

// waitCount waits until the count says want.
func (p *page) waitCount(want int) {
	p.t.Helper()
	p.waitJS(fmt.Sprintf(`(() => { const e = document.querySelector('[data-paper-widget][data-ready] [data-result-count]'); return !!e && parseInt(e.textContent.match(/\d+/)[0], 10) === %d })()`, want))
}

// waitTimeout is how long a condition may take to hold: long, since the
// machine may be busy, and paid only by a test that fails.
const waitTimeout = time.Minute

func (p *page) waitJS(cond string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(waitTimeout))); err != nil {
		p.t.Fatalf("waiting for %s: %v", cond, err)
	}
}

// waitJSAcrossNav is waitJS for a condition that a navigation in progress
// must bring about: it retries while the old document's context is gone.
func (p *page) waitJSAcrossNav(cond string) {
	p.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waiting for %s: last result %v, %v", cond, ok, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// showAll presses "show more" until every result is rendered, as a
// keyboard user would (the button keeps focus on the first new row).
func (p *page) showAll() {
	p.t.Helper()
	for i := 0; eval[bool](p, `!!document.querySelector('.pw-more')`); i++ {
		if i > 100 {
			p.t.Fatal("show more never runs out")
		}
		n := len(p.rowIDs())
		p.run(chromedp.Focus(css(`.pw-more`)), chromedp.KeyEvent("\r"))
		p.waitJS(fmt.Sprintf(`document.querySelectorAll('[data-paper-id]').length > %d`, n))
	}
}

// rowIDs are the rendered results' ids in rank order.
func (p *page) rowIDs() []string {
	p.t.Helper()
	return eval[[]string](p, `[...document.querySelectorAll('[data-paper-id]')].map(e => e.dataset.paperId)`)
}

func (p *page) rowTitles() []string {
	p.t.Helper()
	return eval[[]string](p, `[...document.querySelectorAll('[data-paper-id] [data-field="title"]')].map(e => e.textContent)`)
}

// expandedIDs are the results whose abstract is visible.
func (p *page) expandedIDs() []string {
	p.t.Helper()
	return eval[[]string](p, `[...document.querySelectorAll('[data-paper-id]')].filter(r => r.querySelector('[data-field="abstract"]').checkVisibility()).map(r => r.dataset.paperId)`)
}

// typeQuery replaces the search field's text key by key, as a user would.
func (p *page) typeQuery(q string) {
	p.t.Helper()
	field := css(`input[type="search"]`)
	p.run(
		chromedp.Focus(field),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('input[type="search"]').select()`),
		chromedp.KeyEvent("\b"),
	)
	if q != "" {
		p.run(chromedp.SendKeys(field, q))
	}
	p.waitJS(fmt.Sprintf(`(document.querySelector('[data-paper-widget]').dataset.query ?? "") === %q`, strings.TrimSpace(q)))
}

func (p *page) noConsoleErrors() {
	p.t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.errors) > 0 {
		p.t.Errorf("page logged errors:\n%s", strings.Join(p.errors, "\n"))
	}
}
