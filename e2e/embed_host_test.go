package e2e

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"
	"time"

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
	for _, c := range []struct{ name, attrs, at string }{
		{"bundled list", `data-title="Lab papers"`, ""},
		{"a query showing a few papers", `data-query="spiking"`, ""},
		// A link to a section below the widget: the window shows what
		// the widget's height moves.
		{"opened at a section below", `data-title="Lab papers"`, "#contact"},
	} {
		t.Run(c.name, func(t *testing.T) {
			host := serveLab(t, map[string]string{"/": labpage.HTML(labpage.Snippet(serverURL, c.attrs))})
			p := newPage(t)
			if err := labpage.Open(p.ctx, host+"/"+c.at, serverURL); err != nil {
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

// errorsNaming counts the page's console errors that name what.
func (p *page) errorsNaming(what string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, e := range p.errors {
		if strings.Contains(e, what) {
			n++
		}
	}
	return n
}

// Item 5: mistakes in the tag are named once each in the console and the
// widget still shows; a list whose download breaks off is not blamed on
// CORS.
func TestEmbedSurvivesMistakesInTheTag(t *testing.T) {
	cut := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "100000")
		fmt.Fprint(w, `{"title": "Cut short", "papers": [{"id": "a", "title": "A paper whose list never`)
		// Returning with fewer bytes than promised drops the connection.
	}))
	t.Cleanup(cut.Close)
	tags := labpage.Tag(serverURL, `id="a" data-target="#nope[" data-query="hebbian" data-title="A"`) +
		labpage.Tag(serverURL, `id="b" data-target="head" data-query="spiking" data-title="B"`) +
		labpage.Tag(serverURL, `id="c" data-src="http://[bad" data-max-height="1e999" data-title="C"`) +
		labpage.Tag(serverURL, `id="d" data-src="`+cut.URL+`/cut/papers.json" data-title="D"`)
	host := serveLab(t, map[string]string{"/": labpage.HTML(tags)})
	p := newPage(t)
	p.run(chromedp.Navigate(host + "/"))
	p.waitJS(`document.querySelectorAll('iframe[title]').length === 4`)

	for _, c := range []struct{ attr string }{{"data-target"}, {"data-src"}, {"data-max-height"}} {
		want := 1
		if c.attr == "data-target" {
			want = 2 // a and b
		}
		if got := p.errorsNaming(c.attr); got != want {
			t.Errorf("%d console errors name %s, want %d:\n%s", got, c.attr, want, strings.Join(p.errors, "\n"))
		}
	}
	for _, id := range []string{"a", "b"} {
		if !eval[bool](p, `document.getElementById('`+id+`').nextElementSibling.localName === 'iframe'`) {
			t.Errorf("with a bad data-target, iframe %s is not right after its tag", id)
		}
	}
	b := frame(t, p, "q=spiking")
	if h := waitSized(t, p, b, `iframe[title="B"]`); h < 100 {
		t.Errorf("the widget whose data-target was head is %d px high", h)
	}

	c := frame(t, p, "%5Bbad")
	if alert := c.text(`[role="alert"]`); !strings.Contains(alert, "[bad") || strings.Contains(alert, "CORS") {
		t.Errorf("the alert for an invalid data-src says %q", alert)
	}
	if h := waitSized(t, p, c, `iframe[title="C"]`); h <= 1 {
		t.Errorf("data-max-height=1e999 made the iframe %d px high", h)
	}

	d := frame(t, p, "%2Fcut%2F")
	if alert := d.text(`[role="alert"]`); !strings.Contains(alert, "broke off") || strings.Contains(alert, "CORS") {
		t.Errorf("the alert for a list cut short says %q", alert)
	}

	// A tag in <head> (a theme's head partial) names an element further
	// down the page, which may not be parsed yet when the script runs.
	inHead := strings.Replace(labpage.HTML(`<div id="later"></div>`), "</title>",
		"</title>"+labpage.Tag(serverURL, `data-target="later" data-query="naive" data-title="E"`), 1)
	headHost := serveLab(t, map[string]string{"/": inHead})
	h := newPage(t)
	h.run(chromedp.Navigate(headHost + "/"))
	h.waitJS(`!!document.querySelector('#later > iframe[title="E"]')`)
	waitSized(t, h, frame(t, h, "q=naive"), `iframe[title="E"]`)
	h.noConsoleErrors()
}

// Item 5: when the widget's site does not answer, the section shows a
// link to it rather than staying blank.
func TestEmbedShowsALinkWhenTheWidgetIsDown(t *testing.T) {
	resp, err := http.Get(serverURL + "/embed.js")
	if err != nil {
		t.Fatal(err)
	}
	script, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/papers/embed.js" {
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(script)
			return
		}
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
	}))
	t.Cleanup(down.Close)
	host := serveLab(t, map[string]string{"/": labpage.HTML(labpage.Snippet(down.URL+"/papers/", `data-query="spiking"`))})
	p := newPage(t)
	p.run(chromedp.Navigate(host + "/"))
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](`document.querySelector('.paperwidget-fallback a')?.checkVisibility()`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("no link to the widget's page while its site is down: %v", err)
	}
	link := eval[map[string]string](p, `(() => { const a = document.querySelector('.paperwidget-fallback a'); return {href: a.href, text: a.textContent} })()`)
	if !strings.HasPrefix(link["href"], down.URL+"/papers/?") || !strings.Contains(link["href"], "q=spiking") || link["text"] != "Browse the papers" {
		t.Errorf("fallback link %v", link)
	}
	if eval[bool](p, `document.querySelector('iframe').checkVisibility()`) {
		t.Error("the iframe of the broken widget is still shown")
	}
}

// Item 7: the widget takes the host's accent colour and font; a value that
// is not a colour is refused with a console error.
func TestEmbedTakesTheHostsAccentAndFont(t *testing.T) {
	tags := `<div style="font: 19px 'DejaVu Serif', serif">` +
		labpage.Snippet(serverURL, `data-accent="#b3261e" data-font="inherit" data-query="hebbian"`) + `</div>` +
		labpage.Tag(serverURL, `data-accent="red; background: url(https://tracker.example/)" data-query="spiking"`)
	host := serveLab(t, map[string]string{"/": labpage.HTML(tags)})
	p := newPage(t)
	p.run(chromedp.Navigate(host + "/"))
	f := frame(t, p, "q=hebbian")
	got := eval[map[string]string](f, `(() => {
		const root = document.querySelector('[data-paper-widget]');
		const s = getComputedStyle(root);
		return {family: s.fontFamily, size: s.fontSize, accent: s.getPropertyValue('--pw-accent').trim()} })()`)
	if !strings.Contains(got["family"], "DejaVu Serif") || got["size"] != "19px" || got["accent"] != "#b3261e" {
		t.Errorf("widget styles %v, want the host's DejaVu Serif at 19px and accent #b3261e", got)
	}
	// The focus ring is drawn in the accent colour too.
	f.run(chromedp.Focus(css(`input[type="search"]`)))
	if ring := eval[string](f, `getComputedStyle(document.activeElement).outlineColor`); ring != "rgb(179, 38, 30)" {
		t.Errorf("the focused search field's ring is %s, want the host's accent", ring)
	}
	if n := p.errorsNaming("data-accent"); n != 1 {
		t.Errorf("%d console errors name data-accent, want 1", n)
	}
	other := frame(t, p, "q=spiking")
	if accent := eval[string](other, `getComputedStyle(document.querySelector('[data-paper-widget]')).getPropertyValue('--pw-accent')`); strings.Contains(accent, "red") || strings.Contains(accent, "url") {
		t.Errorf("an invalid data-accent reached the widget: %q", accent)
	}
}
