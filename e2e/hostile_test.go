package e2e

// Hostile input and hostile hosts (issue 7): an attack corpus in every field
// of a list, the pre-rendered page built from it, a strict Content Security
// Policy, bad lists, hostile queries and hostile embed messages. Run them
// with: go test ./e2e -run 'Hostile|CSP|BadList|Attack|Channel'

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/paperwidget/paperwidget/build/site"
	"github.com/paperwidget/paperwidget/build/static"
	"github.com/paperwidget/paperwidget/paper"
)

// strictCSP is the policy the README recommends; the widget must work under
// it with no violation.
const strictCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'"

// payload is one entry of the attack corpus; n is the number it passes to
// window.__pwned when it runs.
type payload struct {
	n int
	s string
}

// loadPayloads reads testdata/attacks/payloads.txt and adds the 100 KB
// payloads, which are generated rather than committed.
func loadPayloads(t *testing.T) []payload {
	t.Helper()
	f, err := os.Open("testdata/attacks/payloads.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []payload
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		s, err := strconv.Unquote(text)
		if err != nil {
			t.Fatalf("payloads.txt:%d: %v", line, err)
		}
		out = append(out, payload{n: len(out) + 1, s: s})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 30 {
		t.Fatalf("only %d payloads in the corpus", len(out))
	}
	for i, p := range out {
		if !strings.Contains(p.s, fmt.Sprintf("pwned(%d)", p.n)) && !strings.Contains(p.s, "base64,") {
			t.Fatalf("payload %d (%q) does not call __pwned(%d): numbers must follow the order of the file", i+1, p.s, p.n)
		}
	}
	n := len(out)
	big := func(unit string) string {
		return strings.Repeat(unit, 100_000/len(unit)+1)
	}
	out = append(out,
		payload{n + 1, big(fmt.Sprintf("<img src=x onerror=__pwned(%d)>", n+1))},
		payload{n + 2, big("a") + fmt.Sprintf("</textarea></script><script>__pwned(%d)</script>", n+2)},
		payload{n + 3, big("\u202e\u0000é ") + fmt.Sprintf("<svg onload=__pwned(%d)>", n+3)},
	)
	return out
}

// corpusList puts every payload into every field of a paper, and once more
// as a paper's id; the list's title is a payload too. It is written with raw
// <, > and & (no JSON HTML escaping), as a hostile file would be.
func corpusList(t *testing.T, payloads []payload) []byte {
	t.Helper()
	type item map[string]any
	var papers []item
	for _, p := range payloads {
		s := p.s
		papers = append(papers, item{
			"id":       fmt.Sprintf("attack-%d", p.n),
			"title":    fmt.Sprintf("Attack %d %s", p.n, s),
			"abstract": "Abstract of attack " + strconv.Itoa(p.n) + ": " + s,
			"authors":  []string{s, "Ada " + s},
			"venue":    s,
			"tags":     []string{s, "xss"},
			"bibtex":   fmt.Sprintf("@misc{attack%d,\n  title = {%s},\n  note = \"%s\"\n}", p.n, s, s),
			"url":      s,
			"pdf":      s,
			"doi":      s,
			"arxiv":    s,
			"date":     s,
		}, item{
			"id":       s,
			"title":    fmt.Sprintf("Id attack %d", p.n),
			"abstract": s,
		})
	}
	// Ids that only look dangerous to code that keys objects by id.
	papers = append(papers,
		item{"id": "__proto__", "title": "Proto id", "url": "https://example.org/ok"},
		item{"id": "constructor", "title": "Constructor id"},
	)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(map[string]any{
		"title":  `</title>"><script>__pwned(1000)</script><meta http-equiv="refresh" content="0;url=javascript:__pwned(1000)">`,
		"papers": papers,
	}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// hostileServer serves files (name -> content) under /attacks/ on the
// widget's origin, proxying everything else to the site under test; with
// csp it sends the strict policy on every response.
func hostileServer(t *testing.T, files map[string][]byte, csp bool) *httptest.Server {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	upstream, err := url.Parse(serverURL)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/attacks/", http.StripPrefix("/attacks/", http.FileServer(http.Dir(dir))))
	mux.Handle("/", httputil.NewSingleHostReverseProxy(upstream))
	var h http.Handler = mux
	if csp {
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Security-Policy", strictCSP)
			mux.ServeHTTP(w, r)
		})
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// tripwire records anything that executes: calls of window.__pwned, the
// dialogs trapped in the page or opened natively, and CSP violations.
type tripwire struct {
	mu      sync.Mutex
	calls   []string
	dialogs []string
	csp     []string
	popups  []string
}

func (tw *tripwire) add(to *[]string, s string) {
	tw.mu.Lock()
	defer tw.mu.Unlock()
	*to = append(*to, s)
}

// trapJS runs in every document before its own scripts.
const trapJS = `(() => {
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    try {
      Object.defineProperty(window, name, {configurable: false, writable: false,
        value: function (msg) { window.__pwned(name + ": " + msg); return name === "confirm" ? false : null; }});
    } catch (e) {}
  }
  addEventListener("securitypolicyviolation", (e) =>
    window.__cspViolation(e.violatedDirective + " blocked " + e.blockedURI + " at " + e.sourceFile + ":" + e.lineNumber), true);
})()`

// arm installs the tripwire in p's tab before its first navigation; popups
// (links with target=_blank) of the tab are recorded and closed.
func arm(t *testing.T, p *page) *tripwire {
	t.Helper()
	tw := &tripwire{}
	p.run(
		chromedp.ExposeFunc("__pwned", func(ctx context.Context, args []any) (chromedp.Void, error) {
			tw.add(&tw.calls, fmt.Sprint(args...))
			return chromedp.Void{}, nil
		}),
		chromedp.ExposeFunc("__cspViolation", func(ctx context.Context, args []any) (chromedp.Void, error) {
			tw.add(&tw.csp, fmt.Sprint(args...))
			return chromedp.Void{}, nil
		}),
	)
	if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: trapJS}); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Listen(p.ctx, func(ev any) {
		if ev, ok := ev.(*cdppage.EventJavascriptDialogOpening); ok {
			tw.add(&tw.dialogs, string(ev.Type)+": "+ev.Message)
			go chromedp.Call(p.ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	c := chromedp.FromContext(p.ctx)
	self, bctx := c.Target.TargetID, c.BrowserContextID
	err = chromedp.ListenBrowser(p.ctx, func(ev any) {
		if ev, ok := ev.(*target.EventTargetCreated); ok {
			info := ev.TargetInfo
			if info.Type == "page" && info.TargetID != self && info.BrowserContextID == bctx {
				tw.add(&tw.popups, info.URL)
				go chromedp.CallBrowser(p.ctx, target.CloseTarget, target.CloseTargetParams{TargetID: info.TargetID})
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return tw
}

// clean fails the test if anything executed or a dialog opened.
func (tw *tripwire) clean(t *testing.T) {
	t.Helper()
	tw.mu.Lock()
	defer tw.mu.Unlock()
	if len(tw.calls) > 0 {
		t.Errorf("payloads executed: __pwned called with %q", tw.calls)
	}
	if len(tw.dialogs) > 0 {
		t.Errorf("dialogs opened: %q", tw.dialogs)
	}
}

// checkDOMJS lists everything in the document that list text could only
// have put there by being parsed as markup: elements that load or run
// things, event-handler and style attributes, links that are not http(s) or
// the widget's own permalinks. The build's one data block holding the list
// (build/site/inlinelist.go) runs nothing; a second would be the list's.
const checkDOMJS = `(() => {
  const bad = [];
  const lists = document.querySelectorAll("script#paperwidget-list");
  if (lists.length > 1 || (lists.length === 1 && lists[0].type !== "application/json")) bad.push(lists.length + " list blocks, of type " + lists[0].type);
  const dangerous = "script:not([src]):not(#paperwidget-list[type='application/json']), script[src]:not([src^='/']), img:not([src^='/web/']), svg, math, iframe, object, embed, form, style, base, meta[http-equiv], details, xmp, template, video, audio, marquee, frame, frameset, link:not([rel])";
  for (const el of document.querySelectorAll(dangerous)) bad.push("element " + el.outerHTML.slice(0, 100));
  for (const el of document.querySelectorAll("input")) if (el.type !== "search" && !el.matches('.pw-author > #pw-author[type="text"]')) bad.push("input " + el.outerHTML.slice(0, 100));
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) || a.name === "style" || a.name === "srcdoc" || a.name === "formaction" || a.name.includes(":")) bad.push("attribute " + a.name + " on " + el.tagName);
    }
  }
  for (const a of document.querySelectorAll("[data-paper-widget] a")) {
    const raw = a.getAttribute("href") || "";
    const u = new URL(a.href, location.href);
    const own = raw.startsWith("#paper-") && u.origin === location.origin;
    if (!own && (!/^https?:$/.test(u.protocol) || !/^https?:\/\/[^\/\\]/.test(raw) || u.origin === location.origin)) bad.push("link " + raw.slice(0, 100));
    if (!own && (a.target !== "_blank" || !/noopener/.test(a.rel))) bad.push("link without target=_blank rel=noopener: " + raw.slice(0, 100));
  }
  return bad;
})()`

func checkDOM(t *testing.T, p *page, when string) {
	t.Helper()
	if bad := eval[[]string](p, checkDOMJS); len(bad) > 0 {
		if len(bad) > 10 {
			bad = append(bad[:10], fmt.Sprintf("…and %d more", len(bad)-10))
		}
		t.Errorf("%s: markup from the list reached the page:\n%s", when, strings.Join(bad, "\n"))
	}
}

// clickAt clicks the i-th element matching sel with a real mouse event,
// after scrolling it into view; it reports false once there is no i-th.
func clickAt(p *page, sel string, i int) bool {
	p.t.Helper()
	xy := eval[[]float64](p, fmt.Sprintf(`(() => {
  const e = document.querySelectorAll(%q)[%d];
  if (!e) return [];
  e.scrollIntoView({block: "center"});
  const r = e.getBoundingClientRect();
  return [r.x + Math.min(r.width / 2, 20), r.y + r.height / 2];
})()`, sel, i))
	if len(xy) != 2 {
		return false
	}
	p.run(chromedp.MouseClickXY(xy[0], xy[1]))
	return true
}

// showEverything expands every result and renders every row.
func showEverything(p *page, total int) {
	p.t.Helper()
	for range 20 {
		if !eval[bool](p, `!!document.querySelector('.pw-more')`) {
			break
		}
		n := eval[int](p, `document.querySelectorAll('[data-paper-id]').length`)
		p.run(chromedp.Click(css(`.pw-more`)))
		p.waitJS(fmt.Sprintf(`document.querySelectorAll('[data-paper-id]').length > %d`, n))
	}
	if n := eval[int](p, `document.querySelectorAll('[data-paper-id]').length`); n != total {
		p.t.Errorf("%d rows rendered after 'show more', want %d", n, total)
	}
	if eval[string](p, `document.querySelector('.pw-expand-all').textContent`) != "Collapse all" {
		p.run(chromedp.Click(css(`.pw-expand-all`)))
	}
	p.waitJS(`[...document.querySelectorAll('[data-field="abstract"]')].every(a => a.checkVisibility())`)
}

func TestAttackCorpus(t *testing.T) {
	t.Parallel()
	payloads := loadPayloads(t)
	corpus := corpusList(t, payloads)
	want, _, err := paper.Decode(corpus)
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	bibtex := map[string]string{}
	// Papers whose pwned call lies within the fields' limits (the 100 KB
	// payloads' lies beyond: cut, it is neither shown nor searched).
	searchable := 0
	for _, p := range want.Papers {
		titles[p.ID], bibtex[p.ID] = p.Title, p.Bibtex
		if strings.HasPrefix(p.ID, "attack-") && strings.Contains(strings.Join(append([]string{p.Title, p.Abstract, p.Venue}, append(p.Authors, p.Tags...)...), " "), "pwned") {
			searchable++
		}
		for _, link := range []string{p.URL, p.PDF} {
			if u, err := url.Parse(link); link != "" && (err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
				t.Errorf("paper %s kept the link %q", p.ID, link)
			}
		}
	}
	srv := hostileServer(t, map[string][]byte{"corpus.json": corpus}, false)

	p := newPage(t)
	tw := arm(t, p)
	p.run(chromedp.Navigate(srv.URL + "/?src=/attacks/corpus.json"))
	p.waitJS(`!!document.querySelector('[data-paper-widget][data-ready]')`)
	p.waitCount(len(want.Papers))
	checkDOM(t, p, "loaded")
	// The invalid links and dates are named in the alert, as text.
	if alert := p.text(`[role="alert"]`); !strings.Contains(alert, "papers[0].url: ") {
		t.Errorf("alert does not name the rejected links: %.300s", alert)
	}
	// The clipboard refuses, so that every copy shows the BibTeX in a
	// textarea: the </textarea> breakouts get their chance.
	p.run(chromedp.Evaluate[chromedp.Void](`void Object.defineProperty(Navigator.prototype, "clipboard", {get: () => ({writeText: () => Promise.reject(new Error("blocked by the test"))})})`))

	// Highlighting runs over the payloads.
	for _, q := range []string{"script", "img onerror", "javascript", "svg onload", "textarea", "pwned", "attack"} {
		p.typeQuery(q)
		if p.count() == 0 {
			t.Errorf("query %q matches nothing", q)
		}
		checkDOM(t, p, "query "+q)
	}
	// pwned is in every title or abstract, within the limits: every row,
	// expanded, with highlights in titles and abstracts.
	p.typeQuery("pwned")
	total := p.count()
	showEverything(p, total)
	if eval[int](p, `document.querySelectorAll('[data-field="abstract"] mark').length`) == 0 {
		t.Error("no highlight in the expanded abstracts")
	}
	checkDOM(t, p, "every row expanded")
	// Text is shown verbatim, through the highlighting.
	got := eval[map[string]string](p, `Object.fromEntries([...document.querySelectorAll('[data-paper-id]')].map(r => [r.dataset.paperId, r.querySelector('[data-field="title"]').textContent]))`)
	for id, title := range got {
		if want, ok := titles[id]; !ok {
			t.Errorf("row with unknown id %q", id)
		} else if title != want {
			t.Errorf("paper %q: title shown as %.80q, want %.80q", id, title, want)
		}
	}

	// Every title is clicked (each collapses), every copy button pressed,
	// every link clicked.
	for i := 0; clickAt(p, `[data-paper-id] [data-field="title"]`, i); i++ {
	}
	withBibtex := eval[int](p, `document.querySelectorAll('[data-paper-id^="attack-"]').length`)
	copies := 0
	for i := 0; ; i++ {
		id := eval[string](p, fmt.Sprintf(`(() => { const b = document.querySelectorAll('.pw-copy')[%d]; return b ? b.closest('[data-paper-id]').dataset.paperId : "" })()`, i))
		if id == "" || !clickAt(p, `.pw-copy`, i) {
			break
		}
		copies++
		p.waitJS(fmt.Sprintf(`(document.getElementById(%q) || {}).value !== undefined`, "bibtex-"+id))
		if v := eval[string](p, fmt.Sprintf(`document.getElementById(%q).value`, "bibtex-"+id)); v != bibtex[id] {
			t.Errorf("paper %s: BibTeX shown as %.80q, want %.80q", id, v, bibtex[id])
		}
	}
	if copies != withBibtex || copies < searchable-1 || searchable < len(payloads)-4 {
		t.Errorf("pressed %d copy buttons, want one per paper with BibTeX (%d shown, %d payloads, %d searchable)", copies, withBibtex, len(payloads), searchable)
	}
	links := eval[int](p, `document.querySelectorAll('[data-paper-widget] a[href]').length`)
	for i := range links {
		clickAt(p, `[data-paper-widget] a[href]`, i)
		if i%20 == 19 {
			checkDOM(t, p, fmt.Sprintf("after clicking %d links", i+1))
		}
	}
	checkDOM(t, p, "after every click")
	time.Sleep(time.Second)
	if u := eval[string](p, `location.origin + location.pathname`); u != srv.URL+"/" {
		t.Errorf("the page navigated to %s", u)
	}
	tw.clean(t)
	tw.mu.Lock()
	for _, u := range tw.popups {
		if u != "" && u != "about:blank" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
			t.Errorf("a link opened %q", u)
		}
	}
	t.Logf("%d payloads, %d papers shown, %d links clicked (%d opened a tab), %d copy buttons", len(payloads), total, links, len(tw.popups), copies)
	tw.mu.Unlock()
	p.noConsoleErrors()
}

// The pre-rendered index.html, built from the corpus as the bundled list,
// runs nothing: read without JavaScript, and with the client starting.
func TestAttackCorpusPreRendered(t *testing.T) {
	t.Parallel()
	payloads := loadPayloads(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "corpus.json")
	corpus := corpusList(t, payloads)
	if err := os.WriteFile(src, corpus, 0o644); err != nil {
		t.Fatal(err)
	}
	want, _, err := paper.Decode(corpus)
	if err != nil {
		t.Fatal(err)
	}
	dist := filepath.Join(dir, "dist")
	if err := site.Build(site.Options{Root: "..", Out: dist, Papers: []string{src}, Base: "/", FastCompression: true}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(static.Handler(dist))
	t.Cleanup(srv.Close)

	t.Run("without JavaScript", func(t *testing.T) {
		p := newPage(t)
		tw := arm(t, p)
		if _, err := chromedp.Call(p.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		p.run(chromedp.Navigate(srv.URL + "/"))
		p.waitJS(`document.readyState === "complete"`)
		if n := eval[int](p, `document.querySelectorAll('[data-paper-id]').length`); n != len(want.Papers) {
			t.Errorf("%d papers pre-rendered, want %d", n, len(want.Papers))
		}
		checkDOM(t, p, "pre-rendered page")
		time.Sleep(1500 * time.Millisecond) // a meta refresh would have fired
		if u := eval[string](p, `location.href`); u != srv.URL+"/" {
			t.Errorf("the page navigated to %s", u)
		}
		tw.clean(t)
	})
	t.Run("with JavaScript", func(t *testing.T) {
		p := newPage(t)
		tw := arm(t, p)
		p.run(chromedp.Navigate(srv.URL + "/"))
		p.waitJS(`!!document.querySelector('[data-paper-widget][data-ready]')`)
		p.waitCount(len(want.Papers))
		p.typeQuery("pwned")
		showEverything(p, p.count())
		checkDOM(t, p, "client over the pre-rendered page")
		time.Sleep(time.Second)
		if u := eval[string](p, `location.href`); u != srv.URL+"/?q=pwned" && u != srv.URL+"/" {
			t.Errorf("the page navigated to %s", u)
		}
		tw.clean(t)
		p.noConsoleErrors()
	})
}

// The widget works under the strict policy: it loads, filters, expands and
// reads a ?src= list of its own origin, with no violation reported.
func TestCSPStrictPolicy(t *testing.T) {
	t.Parallel()
	good, err := os.ReadFile("testdata/good.json")
	if err != nil {
		t.Fatal(err)
	}
	srv := hostileServer(t, map[string][]byte{"good.json": good}, true)
	p := newPage(t)
	tw := arm(t, p)
	resp, err := chromedp.Run(p.ctx, chromedp.NavigateResponse(srv.URL+"/"))
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.Headers["Content-Security-Policy"]; got != strictCSP {
		t.Fatalf("the page was served with CSP %v", got)
	}
	p.waitJS(`!!document.querySelector('[data-paper-widget][data-ready]')`)
	total := p.count()
	p.typeQuery("hebbian")
	if n := p.count(); n == 0 || n >= total {
		t.Errorf("hebbian: %d of %d papers", n, total)
	}
	p.run(chromedp.Click(css(`[data-paper-id] [data-field="title"]`)))
	p.waitJS(`document.querySelector('[data-paper-id] [data-field="abstract"]').checkVisibility()`)
	if r := eval[string](p, `getComputedStyle(document.querySelector('[data-paper-widget]')).getPropertyValue('--pw-radius').trim()`); r != "6px" {
		t.Errorf("the stylesheet did not apply under CSP: --pw-radius is %q", r)
	}

	p.run(chromedp.Navigate(srv.URL + "/?src=/attacks/good.json"))
	p.waitJS(`!!document.querySelector('[data-paper-widget][data-ready]')`)
	p.waitCount(3)
	if eval[bool](p, `!!document.querySelector('[role="alert"]')`) {
		t.Errorf("alert under CSP: %s", p.text(`[role="alert"]`))
	}
	time.Sleep(500 * time.Millisecond)
	tw.mu.Lock()
	if len(tw.csp) > 0 {
		t.Errorf("CSP violations:\n%s", strings.Join(tw.csp, "\n"))
	}
	tw.mu.Unlock()
	tw.clean(t)
	p.noConsoleErrors()
}

// bigList is a valid list of about 50 MB: 10,000 papers with searchable
// titles and abstracts, and BibTeX making up the bulk.
func bigList() ([]byte, int) {
	const n = 10_000
	var b bytes.Buffer
	b.WriteString(`{"title": "Big list", "papers": [`)
	filler := strings.Repeat("note = {padding padding padding padding padding padding padding padding},\n", 68)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id": "big-%d", "title": "Synthetic paper %d about %s", "abstract": "An abstract number %d with some words to index: cortex, spikes, plasticity, gain.", "bibtex": %q}`,
			i, i, []string{"spiking", "hebbian", "cortex", "zebrafish"}[i%4], i, fmt.Sprintf("@misc{big%d,\n%s}", i, filler))
	}
	b.WriteString("]}")
	return b.Bytes(), n
}

func TestBadLists(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)
	big, bigN := bigList()
	if len(big) < 50<<20 {
		t.Fatalf("the big list has %d bytes, want 50 MB", len(big))
	}
	cases := []struct {
		name  string
		file  string // served at /attacks/<file>; missing files are 404s
		data  []byte
		alert []string // substrings of the alert; nil: no alert
		ids   []string // rows shown (nil: none)
		count int      // papers in the list, when ids is nil
		empty bool     // the widget says the list has no papers
	}{
		{name: "empty file", file: "empty.json", data: []byte{}, alert: []string{"empty.json", "the list is empty"}},
		{name: "missing", file: "missing.json", alert: []string{"missing.json", "HTTP 404"}},
		{name: "not JSON", file: "page.json", data: []byte("<!doctype html><title>Not found</title><p>oops"), alert: []string{"line 1, column 1", "invalid character '<'"}},
		{name: "wrong shape", file: "shape.json", data: []byte(`{"title": "x", "items": [{"id": "a", "title": "A"}]}`), alert: []string{`missing "papers"`}},
		{name: "a string", file: "string.json", data: []byte(`"papers"`), alert: []string{"got a string"}},
		{name: "papers not an array", file: "obj.json", data: []byte(`{"papers": {"id": "a", "title": "A"}}`), alert: []string{`"papers" must be an array, got an object`}},
		{name: "wrong types", file: "types.json",
			data: []byte(`{"papers": [{"id": "ok", "title": "Valid paper"}, {"id": 7, "title": "Numeric id"}, {"id": "t", "title": ["x"]},
				{"id": "f", "title": "Fields of the wrong type", "authors": "Ada", "tags": [1, 2], "date": 2024, "url": {"x": 1}, "abstract": false},
				{"id": "n", "title": null}, "a string", 42, null]}`),
			alert: []string{"papers[1].id: must be a string, got a number", "papers[2].title: must be a string, got an array",
				"papers[3].authors: must be an array of strings", "papers[3].url: must be a string, got an object", "papers[4].title: missing", "papers[5]: want an object, got a string"},
			ids: []string{"ok", "f"}},
		{name: "duplicate ids", file: "dups.json", data: []byte(`[{"id": "a", "title": "First"}, {"id": "a", "title": "Second"}, {"id": "b", "title": "Third"}]`),
			alert: []string{`papers[1].id: duplicate id "a" (first used by papers[0])`}, ids: []string{"a", "b"}},
		{name: "deeply nested", file: "deep.json", data: []byte(`{"papers": ` + deep + `}`), alert: []string{"exceeded max depth"}},
		{name: "deeply nested field", file: "deepfield.json", data: []byte(`{"papers": [{"id": "ok", "title": "Valid"}, {"id": "d", "title": "Deep", "abstract": ` + deep + `}]}`), alert: []string{"exceeded max depth"}},
		{name: "invalid UTF-8", file: "utf8.json", data: []byte("{\"papers\": [{\"id\": \"ok\", \"title\": \"Valid\"}, {\"id\": \"b\", \"title\": \"bad \xff\xfe\"}]}"),
			alert: []string{"papers[1].title: contains invalid UTF-8, shown as �"}, ids: []string{"ok", "b"}},
		{name: "zero papers", file: "zero.json", data: []byte(`{"title": "Nothing yet", "papers": []}`), empty: true},
		{name: "50 MB", file: "big.json", data: big, count: bigN},
	}
	files := map[string][]byte{}
	for _, c := range cases {
		if c.data != nil {
			files[c.file] = c.data
		}
	}
	srv := hostileServer(t, files, false)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := newPage(t)
			p.run(chromedp.Navigate(srv.URL + "/?src=/attacks/" + c.file))
			deadline := 20 * time.Second
			if len(c.data) > 1<<20 {
				deadline = 80 * time.Second
			}
			if _, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](`!!document.querySelector('[data-paper-widget][data-ready]')`, chromedp.WithPollingTimeout(deadline))); err != nil {
				t.Fatalf("the widget did not start: %v", err)
			}
			// Never blank: the heading, the field and the count are there.
			if !eval[bool](p, `!!document.querySelector('h1').textContent && !!document.querySelector('input[type="search"]') && !!document.querySelector('[data-result-count]')`) {
				t.Error("the page is blank")
			}
			hasAlert := eval[bool](p, `!!document.querySelector('[role="alert"]')`)
			switch {
			case c.alert == nil && hasAlert:
				t.Errorf("unexpected alert: %s", p.text(`[role="alert"]`))
			case c.alert != nil && !hasAlert:
				t.Error("no alert")
			case c.alert != nil:
				alert := p.text(`[role="alert"]`)
				for _, want := range c.alert {
					if !strings.Contains(alert, want) {
						t.Errorf("alert %.400q does not say %q", alert, want)
					}
				}
			}
			if c.ids != nil {
				if got := p.rowIDs(); strings.Join(got, " ") != strings.Join(c.ids, " ") {
					t.Errorf("rows %q, want the valid papers %q", got, c.ids)
				}
			} else if got := p.count(); got != c.count {
				t.Errorf("%d papers, want %d", got, c.count)
			}
			if c.empty {
				if got := eval[string](p, `document.querySelector('[data-paper-widget] main').textContent`); !strings.Contains(got, "This list has no papers") {
					t.Errorf("an empty list shows %q, want it to say it has no papers", got)
				}
			}
			// Still usable: typing filters (or at least answers).
			q := "valid"
			if c.count > 0 {
				q = "zebrafish"
			}
			start := time.Now()
			p.typeQuery(q)
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("typing %q took %v", q, d)
			}
			if c.count > 0 {
				if got := p.count(); got != c.count/4 {
					t.Errorf("%q: %d of %d papers, want %d", q, got, c.count, c.count/4)
				}
			}
			p.noConsoleErrors()
		})
	}
}

// Whatever is typed or put in ?q=, search answers quickly and the page
// keeps working.
func TestHostileQueries(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	tw := arm(t, p)
	for _, q := range []string{"%FF", "%00", "%FF%FE%FD", "%C0%AF", "%ED%A0%80", "%3Cscript%3E__pwned(1)%3C/script%3E"} {
		p.run(chromedp.Navigate(serverURL + "/?q=" + q))
		p.waitJS(`!!document.querySelector('[data-paper-widget][data-ready]')`)
		p.count()
		checkDOM(t, p, "?q="+q)
	}
	p.open("")
	total := p.count()
	// Keys typed one by one.
	for _, q := range []string{`.*+?^${}()|[]\`, `(a+)+$`, `\d{1000000}`, `%s%d%!x`, `<script>__pwned(2)</script>`, `' OR 1=1 --`} {
		p.typeQuery(q)
		checkDOM(t, p, "typed "+q)
	}
	// Pasted: the field's value set at once, as a paste does.
	paste := func(q string) time.Duration {
		start := time.Now()
		p.run(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const i = document.querySelector('input[type="search"]'); i.focus(); i.value = %s; i.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertFromPaste"})); })()`, jsString(q))))
		p.waitJS(fmt.Sprintf(`(document.querySelector('[data-paper-widget]').dataset.query ?? "") === %s.trim()`, jsString(q)))
		return time.Since(start)
	}
	long := strings.Repeat("hebbian plasticity ", 527)[:10_000]
	for _, q := range []string{
		long,
		strings.Repeat("x", 10_000),
		strings.Repeat("é", 5_000),
		"🧠 spiking 🔥👩‍🔬🏳️‍🌈",
		"e\u0301\u0301\u0301\u0301 n\u0303 " + strings.Repeat("\u0336", 500),
		"שלום עולם مرحبا \u202eevil\u202c \u2067isolate\u2069",
		"\u0000\u0001\u200b\ufeff\ufffd",
		"\ud7ff\ue000\U0010ffff",
	} {
		if d := paste(q); d > 5*time.Second {
			t.Errorf("a pasted query of %d bytes took %v to answer", len(q), d)
		}
		checkDOM(t, p, fmt.Sprintf("pasted %.20q", q))
	}
	// Still responsive: the next keystroke filters.
	p.typeQuery("hebbian")
	if n := p.count(); n == 0 || n >= total {
		t.Errorf("after hostile queries, hebbian gives %d of %d", n, total)
	}
	tw.clean(t)
	p.noConsoleErrors()
}

// jsString quotes s for JavaScript, keeping lone surrogates out of Go's
// JSON encoder (which would replace invalid UTF-8).
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// channelHost is a hostile page embedding the widget directly (no
// embed.js): it records every message it gets and can post anything. The
// second iframe is another document of the host that posts to the widget.
const channelHost = `<!doctype html>
<html><head><meta charset="utf-8"><title>Hostile host</title>
<script>window.got = []; addEventListener("message", (e) => got.push({origin: e.origin, fromWidget: e.source === document.getElementById("w").contentWindow, data: e.data}));</script>
</head><body>
<iframe id="w" src="%s/?src=%%2Ffixtures%%2Fgood.json&amp;theme=light" title="widget" style="width: 800px; height: 600px"></iframe>
<iframe id="sibling" src="/sibling.html"></iframe>
</body></html>`

const channelSibling = `<!doctype html><title>Sibling</title><script>
window.addEventListener("message", (e) => {
  if (e.data === "attack") parent.frames[0].postMessage({type: "paperwidget:set", query: "sibling", theme: "dark"}, "*");
});
</script>`

func TestChannelHostileMessages(t *testing.T) {
	t.Parallel()
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/":
			fmt.Fprintf(w, channelHost, serverURL)
		case "/sibling.html":
			fmt.Fprint(w, channelSibling)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(host.Close)
	// localhost, so that the host is another site than the widget (127.0.0.1).
	hostURL := strings.Replace(host.URL, "127.0.0.1", "localhost", 1)

	hp := newPage(t)
	hp.run(chromedp.Navigate(hostURL + "/"))
	w := frame(t, hp, "good.json")
	w.waitCount(3)
	hp.waitJS(`got.some((m) => m.fromWidget && m.data && m.data.type === "paperwidget:ready")`)
	widgetURL := eval[string](w, `location.href`)
	resources := eval[int](w, `performance.getEntriesByType("resource").length`)

	post := func(js string) {
		t.Helper()
		hp.run(chromedp.Evaluate[chromedp.Void](`(() => { const w = document.getElementById("w").contentWindow; const m = (` + js + `); try { w.postMessage(m, "*"); } catch (e) { window.cloneErrors = (window.cloneErrors || 0) + 1; } })()`))
	}
	hostile := []string{
		`null`, `undefined`, `42`, `"paperwidget:set"`, `["paperwidget:set", "dark"]`, `true`,
		`{}`, `{type: 1}`, `{type: ["paperwidget:set"]}`, `{type: new String("paperwidget:set"), query: "boxed"}`,
		`{type: "paperwidget:SET", query: "case"}`, `{type: "paperwidget:set "}`, `{type: "paperwidget:set\u0000", query: "nul"}`,
		`{type: "paperwidget:set", theme: "evil"}`, `{type: "paperwidget:set", theme: ["dark"]}`, `{type: "paperwidget:set", theme: {toString: null}}`,
		`{type: "paperwidget:set", paper: ["smith2024"]}`, `{type: "paperwidget:set", paper: new String("smith2024")}`,
		`{type: "paperwidget:set", paper: "smith2024".padEnd(201, "x")}`, `{type: "paperwidget:set", paper: "p".repeat(10_000_000)}`,
		`{type: "paperwidget:set", query: 42}`, `{type: "paperwidget:set", query: ["hebbian"]}`, `{type: "paperwidget:set", query: {length: 1, 0: "x"}}`,
		`{type: "paperwidget:set", query: new String("boxed")}`, `{type: "paperwidget:set", query: null}`,
		`{type: "paperwidget:set", query: "x".repeat(10_000_000)}`, `{type: "paperwidget:set", query: "y".repeat(1001)}`,
		`{type: "paperwidget:set", theme: "d" + "ark".repeat(1_000_000)}`, `{type: "paperwidget:set".padEnd(5_000_000, "x"), query: "long type"}`,
		`JSON.parse('{"type": "paperwidget:set", "__proto__": {"query": "polluted", "theme": "dark", "src": "/fixtures/lab.json"}}')`,
		`JSON.parse('{"type": "paperwidget:set", "constructor": {"prototype": {"query": "polluted"}}}')`,
		`Object.assign(Object.create({query: "inherited", theme: "dark"}), {type: "paperwidget:set"})`,
		`{type: "paperwidget:set", src: "/fixtures/lab.json"}`, `{type: "paperwidget:set", list: "/fixtures/lab.json", url: "/fixtures/lab.json"}`,
		`{type: "paperwidget:set", href: "javascript:__pwned(1)", location: "https://example.org/", navigate: "/fixtures/intruder.html"}`,
		`{type: "paperwidget:get"}`, `{type: "paperwidget:ready"}`, `{type: "paperwidget:height", height: 1}`, `{type: "paperwidget:state"}`,
		`{type: "paperwidget:set", query: () => 1}`, `{type: "paperwidget:set", theme: Symbol("dark")}`, `new Proxy({type: "paperwidget:set", query: "proxy"}, {})`,
		`new ArrayBuffer(1 << 20)`, `new Blob(["paperwidget:set"])`, `{type: "paperwidget:set", query: new Date()}`, `{type: "paperwidget:set", query: /hebbian/}`,
	}
	for _, m := range hostile {
		post(m)
	}
	// A document of the host that is not the widget's parent.
	hp.run(chromedp.Evaluate[chromedp.Void](`document.getElementById("sibling").contentWindow.postMessage("attack", "*")`))
	// The widget's own window, posting to itself.
	w.run(chromedp.Evaluate[chromedp.Void](`window.postMessage({type: "paperwidget:set", query: "self", theme: "dark"}, "*")`))
	time.Sleep(1500 * time.Millisecond)

	if q := eval[string](w, `document.querySelector('[data-paper-widget]').dataset.query ?? ""`); q != "" {
		t.Errorf("a malformed message set the query to %.40q", q)
	}
	if th := eval[string](w, `document.querySelector('[data-paper-widget]').dataset.theme`); th != "light" {
		t.Errorf("a malformed message set the theme to %q", th)
	}
	if n := w.count(); n != 3 {
		t.Errorf("the widget shows %d papers, want the 3 of its own list", n)
	}
	if open := w.expandedIDs(); len(open) > 0 {
		t.Errorf("a malformed message opened %v", open)
	}
	if u := eval[string](w, `location.href`); u != widgetURL {
		t.Errorf("the widget navigated: %s -> %s", widgetURL, u)
	}
	if got := eval[[]string](w, fmt.Sprintf(`performance.getEntriesByType("resource").slice(%d).map((e) => e.name).filter((n) => /\.json|fixtures|intruder/.test(n))`, resources)); len(got) > 0 {
		t.Errorf("the messages made the widget fetch %q", got)
	}
	if eval[bool](w, `Object.prototype.query !== undefined || Object.prototype.theme !== undefined || Object.prototype.src !== undefined`) {
		t.Error("Object.prototype was polluted in the widget")
	}
	if !eval[bool](w, `document.activeElement === document.body || document.activeElement === null || document.activeElement.tagName === "INPUT" || document.activeElement.tagName === "BUTTON"`) {
		t.Log("focus:", eval[string](w, `document.activeElement.tagName`))
	}

	// The documented shape from the parent works; extra fields do nothing.
	post(`{type: "paperwidget:set", query: "naive", theme: "dark", src: "/fixtures/lab.json"}`)
	w.waitJS(`document.querySelector('[data-paper-widget]').dataset.query === "naive"`)
	w.waitJS(`document.querySelector('[data-paper-widget]').dataset.theme === "dark"`)
	w.waitCount(1)
	if got := eval[[]string](w, fmt.Sprintf(`performance.getEntriesByType("resource").slice(%d).map((e) => e.name).filter((n) => n.includes("lab.json"))`, resources)); len(got) > 0 {
		t.Errorf("src in a host message loaded %q", got)
	}

	// Nothing leaks: the host only ever hears "ready" and heights (and
	// whether they are the ready widget's).
	msgs := eval[[]map[string]any](hp, `got.filter((m) => m.fromWidget).map((m) => m.data)`)
	if len(msgs) == 0 {
		t.Fatal("the host got no message from the widget")
	}
	for _, m := range msgs {
		switch {
		case m["type"] == "paperwidget:ready" && len(m) == 1:
		case m["type"] == "paperwidget:height" && len(m) == 3:
			if _, ok := m["height"].(float64); !ok {
				t.Errorf("height message with height %v", m["height"])
			}
			if _, ok := m["ready"].(bool); !ok {
				t.Errorf("height message with ready %v", m["ready"])
			}
		default:
			t.Errorf("the widget told the host %v", m)
		}
	}
	hp.noConsoleErrors()
	w.noConsoleErrors()
}

// embed.js sizes its iframe only from messages of that iframe's window and
// the widget's origin, and only with a non-negative number.
func TestChannelEmbedResize(t *testing.T) {
	t.Parallel()
	srv := startEmbedServers(t)
	host := newPage(t)
	host.run(chromedp.Navigate(srv.host + "/"))
	one := frame(t, host, "cors%2Fgood.json")
	first := `#first + iframe`
	h := waitSized(t, host, one, first)

	// From the widget's own window, but malformed.
	for _, m := range []string{
		`{type: "paperwidget:height", height: "9999"}`, `{type: "paperwidget:height", height: -5}`, `{type: "paperwidget:height", height: NaN}`,
		`{type: "paperwidget:height", height: [9999]}`, `{type: "paperwidget:height", height: {valueOf: null}}`, `{type: "paperwidget:height"}`,
		`{type: "paperwidget:HEIGHT", height: 9999}`, `"paperwidget:height"`, `null`, `9999`,
		`JSON.parse('{"__proto__": {"type": "paperwidget:height", "height": 9999}}')`,
	} {
		one.run(chromedp.Evaluate[chromedp.Void](`parent.postMessage(` + m + `, "*")`))
	}
	// From the host page and from a frame of another origin, well formed.
	host.run(chromedp.Evaluate[chromedp.Void](`window.postMessage({type: "paperwidget:height", height: 9999}, "*")`))
	host.run(chromedp.Evaluate[chromedp.Void](`(() => { const f = document.createElement("iframe"); f.srcdoc = '<script>parent.postMessage({type: "paperwidget:height", height: 9999}, "*")<\/script>'; document.body.appendChild(f); })()`))
	// The second widget's frame (same origin as the first) cannot size the first.
	two := frame(t, host, "q=spiking")
	two.run(chromedp.Evaluate[chromedp.Void](`parent.postMessage({type: "paperwidget:height", height: 9999}, "*")`))
	time.Sleep(time.Second)
	if got := iframeHeight(host, first); got < h-2 || got > h+2 {
		t.Errorf("a forged or malformed message resized the widget: %d -> %d px", h, got)
	}
	if eval[bool](host, `Object.prototype.type !== undefined || Object.prototype.height !== undefined`) {
		t.Error("Object.prototype was polluted in the host")
	}
	host.noConsoleErrors()
}

// hostileList is a list of the given papers after two ordinary ones, as
// JSON.
func hostileList(t *testing.T, papers ...paper.Paper) []byte {
	t.Helper()
	all := append([]paper.Paper{
		{ID: "ordinary-1", Title: "Hebbian plasticity in spiking networks", Authors: []string{"A. Author"}, Date: "2024"},
		{ID: "ordinary-2", Title: "Continual learning without forgetting", Date: "2023"},
	}, papers...)
	data, err := json.Marshal(paper.List{Title: "Hostile fields", Papers: all})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// words is n bytes of text made of ws, separated by spaces.
func words(n int, ws ...string) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(ws[i%len(ws)])
		b.WriteByte(' ')
	}
	return b.String()[:n]
}

// No field can hang the page: huge titles, a title of one huge word, huge
// dates and a paper with 100,000 authors and tags load within a generous
// bound, show what the README's limits allow, and typing still answers.
func TestHostileFields(t *testing.T) {
	many := func(n int, f func(i int) paper.Paper) []paper.Paper {
		l := make([]paper.Paper, n)
		for i := range l {
			l[i] = f(i)
		}
		return l
	}
	names := make([]string, 100_000)
	for i := range names {
		names[i] = fmt.Sprintf("Author %d", i)
	}
	cases := []struct {
		name   string
		papers []paper.Paper
		alert  string // a substring of the alert
		query  string // typed key by key
		check  func(t *testing.T, p *page)
	}{
		{name: "1 MB title of one word repeated", query: "hebbian",
			papers: []paper.Paper{{ID: "huge", Title: strings.Repeat("hebbian ", 1<<17)}},
			alert:  "papers[2].title: is 1048575 characters long: cut to 500"},
		{name: "twenty 100 KB titles", query: "hebbian",
			papers: many(20, func(i int) paper.Paper {
				return paper.Paper{ID: fmt.Sprintf("long-%d", i), Title: words(100<<10, "hebbian", "learning", "in", "cortex", fmt.Sprint(i))}
			}),
			alert: "papers[2].title: is 102400 characters long"},
		{name: "twenty-five 1 MB titles", query: "cortex",
			papers: many(25, func(i int) paper.Paper {
				return paper.Paper{ID: fmt.Sprintf("huge-%d", i), Title: words(1<<20, "cortex", "spikes", fmt.Sprint(i))}
			}),
			alert: "papers[2].title: is 104857"},
		{name: "250 KB title without spaces", query: "xyz",
			papers: []paper.Paper{{ID: "word", Title: strings.Repeat("xyz", 250<<10/3)}},
			alert:  "papers[2].title: is 255999 characters long"},
		{name: "twelve 2 MB dates", query: "hebbian",
			papers: many(12, func(i int) paper.Paper {
				return paper.Paper{ID: fmt.Sprintf("date-%d", i), Title: "Dated paper", Date: strings.Repeat("2024-", 2<<20/5)}
			}),
			alert: `papers[2].date: "2024-2024-`},
		{name: "100,000 authors and tags", query: "author",
			papers: []paper.Paper{{ID: "crowd", Title: "A paper by a crowd", Authors: names, Tags: names}},
			alert:  "papers[2].authors: has 100000 entries: only the first 100 are kept",
			check: func(t *testing.T, p *page) {
				p.typeQuery("crowd")
				if n := eval[int](p, `document.querySelector('[data-paper-id="crowd"] .pw-authors').textContent.split(", ").length`); n > paper.MaxAuthors {
					t.Errorf("%d authors shown, want at most %d", n, paper.MaxAuthors)
				}
				if n := eval[int](p, `document.querySelectorAll('[data-paper-id="crowd"] .pw-tag').length`); n == 0 || n > paper.MaxTags {
					t.Errorf("%d tags shown, want 1 to %d", n, paper.MaxTags)
				}
			}},
	}
	files := map[string][]byte{}
	for i, c := range cases {
		files[fmt.Sprintf("hostile-%d.json", i)] = hostileList(t, c.papers...)
	}
	srv := hostileServer(t, files, false)
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := newPage(t)
			start := time.Now()
			p.run(chromedp.Navigate(fmt.Sprintf("%s/?src=/attacks/hostile-%d.json", srv.URL, i)))
			if _, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](`!!document.querySelector('[data-paper-widget][data-ready]')`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
				t.Fatalf("not ready within 60 s: %v", err)
			}
			t.Logf("ready in %v", time.Since(start).Round(time.Millisecond))
			if got := p.count(); got != 2+len(c.papers) {
				t.Errorf("%d papers, want all %d", got, 2+len(c.papers))
			}
			alert := eval[string](p, `document.querySelector('[role="alert"]')?.textContent ?? ""`)
			if !strings.Contains(alert, c.alert) {
				t.Errorf("alert %.300q does not say %q", alert, c.alert)
			}
			if len(alert) > 5000 {
				t.Errorf("alert of %d characters", len(alert))
			}
			// Typed key by key, each key answered within a bound far
			// above a keystroke's budget and far below the seconds these
			// lists took.
			p.run(chromedp.Focus(css(`input[type="search"]`)))
			for k := range c.query {
				q := c.query[:k+1]
				start := time.Now()
				p.run(chromedp.KeyEvent(q[k:]))
				p.waitJS(fmt.Sprintf(`(document.querySelector('[data-paper-widget]').dataset.query ?? "") === %q`, q))
				if d := time.Since(start); d > 3*time.Second {
					t.Errorf("typing %q took %v", q, d)
				}
			}
			if p.count() == 0 {
				t.Errorf("%q found nothing", c.query)
			}
			type shown struct{ Marks, Title int }
			for _, s := range eval[[]shown](p, `[...document.querySelectorAll('[data-paper-id]')].map(r => ({marks: r.querySelectorAll('[data-field="title"] mark').length, title: [...r.querySelector('[data-field="title"]').textContent].length}))`) {
				if s.Marks > 50 || s.Title > paper.MaxTitle+1 {
					t.Errorf("a row shows a title of %d characters with %d marks, want at most %d and 50", s.Title, s.Marks, paper.MaxTitle+1)
				}
			}
			if c.check != nil {
				c.check(t, p)
			}
			p.noConsoleErrors()
		})
	}
}
