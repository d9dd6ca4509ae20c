package e2e

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/paperwidget/paperwidget/internal/labpage"
)

// These tests embed the widget (served at serverURL, on 127.0.0.1) in the
// lab page of internal/labpage, served on localhost: another site, as on
// the web.

// serveLab serves pages (path -> HTML) on a localhost origin and returns
// that origin.
func serveLab(t *testing.T, pages map[string]string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		html, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, html)
	}))
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	return "http://localhost:" + port
}

// Item 1 of issue 18: the host page does not jump while the widget loads.
func TestEmbedHostPageStaysStill(t *testing.T) {
	for _, c := range []struct{ name, attrs string }{
		{"bundled list", `data-title="Lab papers"`},
		{"a query showing a few papers", `data-query="spiking"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			host := serveLab(t, map[string]string{"/": labpage.HTML(labpage.Snippet(serverURL, c.attrs))})
			p := newPage(t)
			if err := labpage.Open(p.ctx, host+"/", serverURL); err != nil {
				t.Fatal(err)
			}
			s, err := labpage.Measure(p.ctx)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %s", c.name, s)
			if s.CLS >= 0.1 {
				t.Errorf("the host page's layout shifted by %.3f (CLS) while the widget loaded: want below 0.1", s.CLS)
			}
			if s.Before > 1 {
				t.Errorf("the iframe changed height %d times before the widget was ready (%v): want at most once", s.Before, s.Heights)
			}
			f := frame(t, p, "")
			waitSized(t, p, f, "iframe")
			p.noConsoleErrors()
		})
	}
}

// Item 2: embedded, the widget does not register its service worker, which
// would download the whole site again. The same wait on the widget's own
// page sees its worker registered.
func TestEmbedRegistersNoServiceWorker(t *testing.T) {
	host := serveLab(t, map[string]string{"/": labpage.HTML(labpage.Snippet(serverURL, ""))})
	p := newPage(t)
	p.run(chromedp.Navigate(host + "/"))
	f := frame(t, p, "")
	// The widget's page registers its worker in the first idle moment
	// after it is ready (build/site/register-worker.js).
	const registrations = `new Promise((done) => requestIdleCallback(() => setTimeout(
		() => navigator.serviceWorker.getRegistrations().then((r) => done(r.length)), 2000), {timeout: 1000}))`
	if n := evalAwait[int](f, registrations); n != 0 {
		t.Errorf("the embedded widget registered %d service workers", n)
	}

	top := newPage(t)
	top.open("")
	if n := evalAwait[int](top, registrations); n == 0 {
		t.Error("the widget's own page registered no service worker either: the check above proves nothing")
	}
}

// evalAwait evaluates a JavaScript expression whose value is a promise.
func evalAwait[T any](p *page, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}
