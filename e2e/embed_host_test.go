package e2e

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path"
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

// serveLists serves the files of testdata on an origin of its own, with
// CORS, as a lab's data host would.
func serveLists(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		http.ServeFile(w, r, "testdata/"+path.Base(r.URL.Path))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// Items 3 and 4: Copy BibTeX works in the embed (its iframe may write to
// the clipboard), and where an iframe may not, the selected BibTeX says how
// to copy it; permalinks point to the host page, and the host page opened
// with one scrolls to the paper and opens it.
func TestEmbedCopiesAndLinksToTheHostPage(t *testing.T) {
	lists := serveLists(t)
	raw := fmt.Sprintf(`<iframe src="%s/?src=%s/lab.json&raw=1" title="Pasted iframe" style="width: 100%%; height: 600px"></iframe>`, serverURL, lists)
	host := serveLab(t, map[string]string{
		"/":     labpage.HTML(labpage.Snippet(serverURL, `data-src="`+lists+`/lab.json" data-title="Lab list"`) + raw),
		"/all/": labpage.HTML(labpage.Snippet(serverURL, `data-title="All papers"`)),
	})
	p := newPage(t)
	p.run(chromedp.Navigate(host + "/"))
	if allow := eval[string](p, `document.querySelector('iframe[title="Lab list"]').allow`); !strings.Contains(allow, "clipboard-write") {
		t.Errorf("the embed's iframe has allow=%q, want clipboard-write", allow)
	}
	f := frame(t, p, "host=")
	pasted := frame(t, p, "raw=1")

	row := `[data-paper-id="p2021"]`
	f.run(chromedp.Click(css(row + ` [data-field="title"]`)))
	f.run(chromedp.Click(css(row + ` .pw-copy`)))
	f.waitJS(`document.querySelector('` + row + ` .pw-copy').textContent.includes("BibTeX copied")`)

	pasted.run(chromedp.Click(css(row + ` .pw-copy`)))
	pasted.waitJS(`!!document.querySelector('#bibtex-p2021') && document.activeElement === document.querySelector('#bibtex-p2021')`)
	if hint := pasted.text(`.pw-copy-hint`); hint != "Press Ctrl+C to copy." {
		t.Errorf("the BibTeX selected for copying says %q, want how to copy it", hint)
	}

	// The permalink names what it is and leads to the host page; following
	// it keeps the host page (a fragment navigation) and opens the paper.
	link := eval[map[string]string](f, `(() => { const a = document.querySelector('`+row+` .pw-permalink'); return {href: a.href, target: a.target, text: a.textContent} })()`)
	if link["href"] != host+"/#paper-p2021" || link["target"] != "_top" || !strings.HasPrefix(link["text"], "Permalink") {
		t.Errorf("permalink %v, want Permalink to %s/#paper-p2021 in the host's window", link, host)
	}
	p.run(chromedp.Evaluate[chromedp.Void](`window.stayed = true`))
	f.run(chromedp.Click(css(row + ` .pw-permalink`)))
	p.waitJS(`location.hash === "#paper-p2021" && window.stayed === true`)

	// A permalink to a paper beyond the first window, opened afresh.
	last := "brain-decoding-toward-real-time-reconstruction-of-visual-perception"
	q := newPage(t)
	q.run(chromedp.Navigate(host + "/all/#paper-" + last))
	all := frame(t, q, "%2Fall%2F")
	all.waitJS(`document.querySelector('[data-paper-id="` + last + `"] [data-field="title"]')?.getAttribute("aria-expanded") === "true"`)
	rowTop := eval[float64](all, `document.getElementById("paper-`+last+`").getBoundingClientRect().top + scrollY`)
	q.waitJS(fmt.Sprintf(`(() => { const y = document.querySelector('iframe[title="All papers"]').getBoundingClientRect().top + %f; return y >= 0 && y < innerHeight - 40 })()`, rowTop))

	// And a permalink followed on the host page itself.
	other := "deep-neural-networks-as-nested-dynamical-systems"
	q.run(chromedp.Evaluate[chromedp.Void](`location.hash = "#paper-` + other + `"`))
	all.waitJS(`document.querySelector('[data-paper-id="` + other + `"] [data-field="title"]')?.getAttribute("aria-expanded") === "true"`)
	p.noConsoleErrors()
	q.noConsoleErrors()
}
