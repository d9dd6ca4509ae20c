package widget

import (
	"net/url"
	"runtime/debug"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/facet"
	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

// ListURLEnv names the go-app environment variable holding the URL of the
// bundled list; the build sets it so the client finds the list under any
// base path.
const ListURLEnv = "PAPERS_URL"

// bigList is the size of list (bytes of JSON) from which the heap is kept
// tight; smaller lists are not worth the collector's time.
const bigList = 1 << 20

// hugeList is the size of list from which the heap is kept tighter still
// once the list is loaded: a quarter of its heap is tens of megabytes of
// garbage. Below it, what loading left free holds typing's garbage, and
// collecting more often only slowed keystrokes (10,000 papers: median 9.2
// ms against 7.4 ms).
const hugeList = 32 << 20

// Route registers the widget page. The build's pre-renderer and the wasm
// client both call it, so the page they render cannot drift apart.
func Route(newWidget func() *Widget) {
	compose := func() app.Composer { return newWidget() }
	app.Route("/", compose)
	app.Route("/index.html", compose)
}

// FromPage configures widgets from the page the client runs in: its URL
// parameters, the list they name and whatever the visitor already typed
// into the pre-rendered search field. It fetches the list before returning,
// so the pre-rendered page stays on screen until the live widget can show
// the same list.
func FromPage() func() *Widget {
	mark("paperwidget:started")
	params := app.Window().URL().Query()
	theme, lang := params.Get("theme"), params.Get("lang")
	msg := languages[language(lang)]

	var list paper.List
	var abstracts *paper.Abstracts
	var problems []paper.Problem
	var index *search.Index
	var loadErr string
	src := params.Get("src")
	// A page the service worker answered is its cached build, maybe older
	// than the site: its list is fetched then, network first, so that a
	// newly published list shows on the next online visit.
	worker := app.Window().Get("navigator").Get("serviceWorker")
	cached := worker.Truthy() && worker.Get("controller").Truthy()
	body, inline := bundledList(src == "" && !cached)
	if src == "" {
		src = app.Getenv(ListURLEnv)
	}
	var err error
	if !inline {
		body, err = fetchList(src)
	}
	// A list of 10,000 papers takes the browser a second or more to read
	// and index: pausing now and then keeps the pre-rendered page
	// responsive (scrolling, typing ahead) meanwhile. The fetch let the
	// page run: the first pause is due after 30 ms of work from here.
	pause, stop := yielder()
	if err != nil {
		loadErr = msg.LoadFailed(src, err)
	} else {
		mark("paperwidget:fetched")
		// Wasm memory never shrinks, and by default the heap may grow to
		// twice what is live between collections: decoding and indexing a
		// large list, then typing, would double the page's memory at
		// their peak. Collect sooner, from before the peak.
		if body.n > bigList {
			debug.SetGCPercent(25)
		}
		if list, abstracts, problems, index, err = load(body, body.n, pause); err != nil {
			loadErr = msg.ReadFailed(src, err)
		}
		if abstracts == nil {
			body.release()
		}
	}
	if index == nil {
		index = search.New(list.Papers)
	}
	// go-app builds the page next, in one task: not in the same one as
	// the end of indexing (at 100,000 papers the two made 245 ms).
	pause()
	if body.n > hugeList {
		// Loading took the page's memory to its peak, which it keeps:
		// typing's garbage, let pile up to a quarter of a huge list's
		// heap, went past it (at 100,000 papers, by a tenth over a few
		// hundred keystrokes). A soft memory limit did the same job but
		// would make the collector run without pause once the reader had
		// shown enough rows to fill it.
		debug.SetGCPercent(10)
	}
	stop()
	if abstracts != nil {
		go compact(abstracts, body)
	}
	var typed string
	var focus bool
	doc := app.Window().Get("document")
	if in := doc.Call("querySelector", `input[type="search"]`); in.Truthy() {
		typed = in.Get("value").String()
		focus = doc.Get("activeElement").Equal(in)
	}
	place, placeTop := readersPlace(doc)
	open := openedRows(doc)
	var focusID string
	if row := doc.Get("activeElement").Call("closest", "[data-paper-widget][data-prerendered] [data-paper-id]"); row.Truthy() &&
		matches(doc.Get("activeElement"), `[data-field="title"]`) {
		focusID = row.Get("dataset").Get("paperId").String()
	}
	return func() *Widget {
		// go-app builds the page again on back and forward: read the
		// query from the URL then, not from when the page loaded.
		now := app.Window().URL().Query()
		w := New().List(list).Index(index).Problems(problems).LoadError(loadErr).
			Query(now.Get("q")).Sort(now.Get("sort")).Filter(filterOf(now)).
			Theme(theme).Lang(lang).Focus(focus).Embedded(embedded()).Host(hostPage(params.Get("host")))
		if typed != "" {
			w.Query(typed).Typed(true)
		}
		w.Place(place, placeTop).Open(open...).FocusPaper(focusID)
		// Only the first widget takes over the pre-rendered page.
		typed, focus, place, open, focusID = "", false, "", nil, ""
		return w
	}
}

// openedRows are the papers whose abstracts the reader opened in the
// pre-rendered page (web/frame.js toggles them there).
func openedRows(doc app.Value) []string {
	titles := doc.Call("querySelectorAll", `[data-paper-widget][data-prerendered] [data-paper-id] [data-field="title"][aria-expanded="true"]`)
	ids := make([]string, titles.Length())
	for i := range ids {
		ids[i] = titles.Index(i).Call("closest", "[data-paper-id]").Get("dataset").Get("paperId").String()
	}
	return ids
}

// filterOf reads the filters from URL parameters, as writeURL writes them.
func filterOf(params url.Values) facet.Filter {
	return facet.Filter{
		Years:    params["year"],
		Tags:     params["tag"],
		Venues:   params["venue"],
		Author:   params.Get("author"),
		Selected: params.Get("selected") == "1",
	}
}

// readersPlace finds where the reader has scrolled the pre-rendered page
// to: the first row whose bottom is below the top of the viewport, and the
// distance of its top from there. None at the top of the page, nor when
// the address names a paper, which the widget then opens.
func readersPlace(doc app.Value) (id string, top float64) {
	win := app.Window()
	if win.Get("scrollY").Float() <= 0 || win.Get("location").Get("hash").String() != "" {
		return "", 0
	}
	rows := doc.Call("querySelectorAll", "[data-paper-id]")
	lo, hi := 0, rows.Length()
	for lo < hi {
		mid := (lo + hi) / 2
		if rows.Index(mid).Call("getBoundingClientRect").Get("bottom").Float() <= 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == rows.Length() {
		return "", 0
	}
	row := rows.Index(lo)
	return row.Get("dataset").Get("paperId").String(), row.Call("getBoundingClientRect").Get("top").Float()
}

// mark records a User Timing mark: the benchmark (bench/) reads the phases
// of loading from them.
func mark(name string) {
	if p := app.Window().Get("performance"); p.Truthy() {
		p.Call("mark", name)
	}
}

// yielder returns pause, which lets the browser run its event loop (input,
// rendering) once about 30 ms of work have passed since the last pause, and
// stop, which releases it. A MessageChannel resumes sooner than setTimeout,
// which browsers clamp to 4 ms when nested.
func yielder() (pause, stop func()) {
	ch := app.Window().Get("MessageChannel").New()
	resume := make(chan struct{}, 1)
	onMessage := app.FuncOf(func(app.Value, []app.Value) any {
		resume <- struct{}{}
		return nil
	})
	ch.Get("port1").Set("onmessage", onMessage)
	last := time.Now()
	pause = func() {
		if time.Since(last) < 30*time.Millisecond {
			return
		}
		ch.Get("port2").Call("postMessage", nil)
		<-resume
		last = time.Now()
	}
	stop = func() {
		ch.Get("port1").Call("close")
		onMessage.Release()
	}
	return pause, stop
}
