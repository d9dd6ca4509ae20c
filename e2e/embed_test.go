package e2e

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The embed tests put the host page, the widget and a list on three
// origins, as on the web: the host on localhost, the widget on 127.0.0.1
// (serverURL), the list on another 127.0.0.1 port that sends CORS headers.

const hostPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title>
<style>
  * { font-family: serif !important; box-sizing: content-box; }
  body { background: #fafafa; margin: 0; }
  iframe { border: 9px solid red; height: 33px; width: 40%%; }
  #dark { background: #111; color: #eee; }
</style></head>
<body>
  <a id="hostlink" href="/other.html">host link</a>
  <p id="before">before</p>
  <script id="first" src="%[1]s/embed.js" data-src="%[2]s" data-title="First list"></script>
  <p id="after">after</p>
  <div id="dark"><div id="slot"></div></div>
  <script id="second" src="%[1]s/embed.js" data-query="spiking" data-target="slot" data-title="Second list"></script>
  <iframe id="intruder" src="%[1]s/fixtures/intruder.html"></iframe>
</body></html>`

type embedServers struct {
	host string // origin of the host page
	list string // origin of the CORS list server
}

func startEmbedServers(t *testing.T) embedServers {
	t.Helper()
	list := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/cors/") {
			w.Header().Set("Access-Control-Allow-Origin", "*")
		}
		http.ServeFile(w, r, "testdata/good.json")
	}))
	t.Cleanup(list.Close)

	var hostURL string
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			src := r.URL.Query().Get("src")
			if src == "" {
				src = list.URL + "/cors/good.json"
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, hostPage, serverURL, src)
		case "/other.html":
			fmt.Fprint(w, "<!doctype html><title>Other</title><p>other page</p>")
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(host.Close)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(host.URL, "http://"))
	hostURL = "http://localhost:" + port
	return embedServers{host: hostURL, list: list.URL}
}

// frame attaches to the widget iframe whose URL contains match: a
// cross-site iframe is a target of its own.
func frame(t *testing.T, p *page, match string) *page {
	t.Helper()
	// Only p's own iframes: tests run in parallel, and another tab may
	// embed the same list.
	parent := chromedp.FromContext(p.ctx).Target.TargetID
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		infos, err := chromedp.Targets(p.ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range infos {
			if info.Type == "iframe" && info.ParentID == parent && strings.HasPrefix(info.URL, serverURL) && strings.Contains(info.URL, match) {
				f := openPage(t, p.ctx, chromedp.WithTargetID(info.TargetID))
				f.waitJSAcrossNav(`!!document.querySelector('[data-paper-widget][data-ready]')`)
				return f
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no widget iframe matching %q", match)
	return nil
}

func iframeHeight(p *page, sel string) int {
	p.t.Helper()
	return eval[int](p, `Math.round(document.querySelector('`+sel+`').getBoundingClientRect().height)`)
}

func contentHeight(f *page) int {
	f.t.Helper()
	return eval[int](f, `Math.ceil(document.documentElement.getBoundingClientRect().height)`)
}

// waitSized waits until the iframe's height is the content's within 2 px.
func waitSized(t *testing.T, host, f *page, sel string) int {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		h, c := iframeHeight(host, sel), contentHeight(f)
		if d := h - c; d >= -2 && d <= 2 && h > 50 {
			return h
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: iframe %d px high, content %d px", sel, h, c)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestEmbedOnAnotherOrigin(t *testing.T) {
	t.Parallel()
	srv := startEmbedServers(t)
	host := newPage(t)
	host.run(chromedp.Navigate(srv.host + "/"))
	host.waitJS(`document.querySelectorAll('iframe[title]').length === 2`)

	// Placement: right after its script, and into data-target.
	if !eval[bool](host, `document.getElementById('first').nextElementSibling.tagName === 'IFRAME'`) {
		t.Error("the first iframe is not right after its script tag")
	}
	if !eval[bool](host, `document.querySelector('#slot > iframe[title="Second list"]') !== null`) {
		t.Error("the second iframe is not in its data-target")
	}
	first, second := `#first + iframe`, `#slot > iframe`

	one := frame(t, host, "cors%2Fgood.json")
	two := frame(t, host, "q=spiking")

	// Independent lists and queries.
	one.waitCount(3)
	if got := two.count(); got == 0 || got >= 70 {
		t.Errorf("second widget shows %d papers for spiking", got)
	}
	// Theme auto matched each host background.
	if th := eval[string](two, `document.querySelector('[data-paper-widget]').dataset.theme`); th != "dark" {
		t.Errorf("widget on a dark section has theme %q", th)
	}
	if th := eval[string](one, `document.querySelector('[data-paper-widget]').dataset.theme`); th != "light" {
		t.Errorf("widget on a light page has theme %q", th)
	}

	// Height follows content: sized, shrinks for a narrow query, grows when
	// an abstract opens; the host's iframe CSS does not squash it.
	h0 := waitSized(t, host, one, first)
	waitSized(t, host, two, second)

	// A query's rows past the first ten come when the "show more" button
	// shows in the host page, as the reader scrolls it there; the iframe
	// grows to fit them.
	if matches := two.count(); matches > 10 {
		host.run(chromedp.Evaluate[chromedp.Void](`document.querySelector('#slot > iframe').scrollIntoView({block: "end"})`))
		two.waitJS(fmt.Sprintf(`document.querySelectorAll('[data-paper-id]').length === %d`, min(matches, 20)))
		waitSized(t, host, two, second)
		host.run(chromedp.Evaluate[chromedp.Void](`scrollTo(0, 0)`))
	} else {
		t.Errorf("%d papers match spiking; the embed's test of scrolling needs more than 10", matches)
	}
	host.run(chromedp.Evaluate[chromedp.Void](`PaperWidget.embeds[0].setQuery("naive")`))
	one.waitCount(1)
	h1 := waitSized(t, host, one, first)
	if h1 >= h0 {
		t.Errorf("height %d -> %d after narrowing the query: want it to shrink", h0, h1)
	}
	one.run(chromedp.Click(css(`[data-field="title"]`)))
	one.waitJS(`document.querySelector('[data-field="abstract"]').checkVisibility()`)
	deadline := time.Now().Add(10 * time.Second)
	for iframeHeight(host, first) <= h1 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if h2 := waitSized(t, host, one, first); h2 <= h1 {
		t.Errorf("height %d -> %d after expanding: want it to grow", h1, h2)
	}
	if inner := eval[bool](one, `document.documentElement.scrollHeight > innerHeight + 2`); inner {
		t.Error("the widget scrolls inside its iframe")
	}

	// The query changed in the widget stays in the widget's own URL.
	one.waitJS(`new URLSearchParams(location.search).get("q") === "naive"`)
	if loc := eval[string](host, `location.href`); loc != srv.host+"/" {
		t.Errorf("host URL changed to %s", loc)
	}

	// Only the widget's own frame may size it: messages from the host page
	// (another origin) and from another frame of the widget's origin are
	// ignored.
	before := iframeHeight(host, second)
	host.run(chromedp.Evaluate[chromedp.Void](`window.postMessage({type: "paperwidget:height", height: 7}, "*")`))
	host.run(chromedp.Evaluate[chromedp.Void](`document.getElementById('intruder').contentWindow.postMessage("go", "*")`))
	time.Sleep(500 * time.Millisecond)
	if after := iframeHeight(host, second); after != before {
		t.Errorf("a forged message resized the widget: %d -> %d", before, after)
	}

	// Theme from the host's API.
	host.run(chromedp.Evaluate[chromedp.Void](`PaperWidget.setTheme("dark")`))
	one.waitJS(`document.querySelector('[data-paper-widget]').dataset.theme === "dark"`)

	// The host page is untouched: its styles, its links.
	if ff := eval[string](host, `getComputedStyle(document.getElementById('before')).fontFamily`); ff != "serif" {
		t.Errorf("host styles changed: font-family %q", ff)
	}
	if ff := eval[string](one, `getComputedStyle(document.querySelector('h2')).fontFamily`); strings.Contains(ff, "serif") && !strings.Contains(ff, "sans") {
		t.Errorf("host styles leaked into the widget: %q", ff)
	}
	host.noConsoleErrors()
	one.noConsoleErrors()
	two.noConsoleErrors()
	host.run(chromedp.Click(css(`#hostlink`)))
	host.waitJSAcrossNav(`location.pathname === "/other.html"`)
}

func TestEmbeddedListWithoutCORSNamesTheProblem(t *testing.T) {
	t.Parallel()
	srv := startEmbedServers(t)
	host := newPage(t)
	host.run(chromedp.Navigate(srv.host + "/?src=" + srv.list + "/plain/good.json"))
	one := frame(t, host, "plain%2Fgood.json")
	alert := one.text(`[role="alert"]`)
	if !strings.Contains(alert, "CORS") || !strings.Contains(alert, "/plain/good.json") {
		t.Errorf("alert %q does not explain the missing CORS header", alert)
	}
}

func TestDemoPage(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.run(chromedp.Navigate(serverURL + "/web/demo.html"))
	p.waitJS(`document.querySelectorAll('iframe[title]').length === 2`)
	for _, sel := range []string{`iframe[title="Lab publications"]`, `iframe[title="Reading group papers"]`} {
		p.waitJS(`document.querySelector('` + sel + `').getBoundingClientRect().height > 200`)
	}
	if h := iframeHeight(p, `iframe[title="Reading group papers"]`); h > 600 {
		t.Errorf("data-max-height 600 ignored: %d px", h)
	}
}
