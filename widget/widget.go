// Package widget is the paper list UI: go-app components that show a list of
// papers, filter it as the user types and expand abstracts. The same
// components are pre-rendered into index.html by the build and run in the
// browser as WebAssembly.
package widget

import (
	"slices"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/facet"
	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

const (
	// pageSize is how many rows a page of results has: the list as it
	// first shows, and what "show more" adds. The count always reports
	// every match.
	pageSize = 20
	// firstRows is how many rows a query renders as it is typed: DOM
	// work per keystroke grows with rendered rows, and on a realistic
	// 10,000-paper list half a page took the keystrokes' p95 from 28 to 21
	// ms, side by side (bench/notes.md). Ten fill a laptop's screen and are
	// the top ten a reader looking for a paper scans; the rest of the page
	// follows when the reader scrolls to it (moreButton).
	firstRows = 10
	// settleDelay is how long typing must pause before the count is
	// announced to screen readers and the query written to the URL.
	settleDelay = 600 * time.Millisecond
	// maxAuthorSuggestions caps the author filter's suggestions: a
	// datalist of every author of 10,000 papers is too long to scroll and
	// slow to render.
	maxAuthorSuggestions = 500
	// targetHighlight is how long a paper opened by its permalink stays
	// highlighted.
	targetHighlight = 2 * time.Second
)

// toggleAction is sent by a row when its title is activated. Rows send an
// action rather than call a callback so that the row components keep
// comparable fields and re-render only when their own paper changes.
const toggleAction = "paperwidget/toggle"

// focusAction asks the widget to move focus once the next render is in the
// DOM: to the search field (value -1) or to the title of the result at a
// rank. Handlers send it because go-app drops deferred work of an element
// that the render removed, such as the "show more" button that was clicked.
const focusAction = "paperwidget/focus"

// copyAction is sent by a row's "Copy BibTeX" button.
const copyAction = "paperwidget/copy"

// tagAction is sent by a tag of a row: filter by it.
const tagAction = "paperwidget/tag"

// showMoreAction is sent by the "show more" button when clicked;
// nearEndAction when it comes into the reader's view.
const (
	showMoreAction = "paperwidget/show-more"
	nearEndAction  = "paperwidget/near-end"
)

// Widget is the whole paper list: heading, search field, result count and
// the ranked rows. Configure it with the chained setters; the zero list
// renders an empty widget.
type Widget struct {
	app.Compo

	Ilist     paper.List
	Iindex    *search.Index
	Iproblems []paper.Problem
	IloadErr  string
	Iquery    string
	Ityped    bool
	Itheme    string
	Ilang     string
	Ifocus    bool
	Iembedded bool
	Ihost     string
	Isort     string
	Ifilter   facet.Filter
	Iplace    string
	IplaceTop float64
	Iopen     []string
	IfocusID  string

	msg    *messages
	theme  string
	index  *search.Index
	facets *facet.Index
	query  string
	// hits are the search's ranking; results are hits after the filters
	// and in the chosen order: what the count and the rows show.
	hits    []search.Hit
	results []search.Hit
	// spans highlight the rows shown, results[:len(spans)]. The slice is
	// replaced, never appended to or changed in place: rendered rows hold
	// it, and go-app re-renders a component only when its fields differ.
	spans []search.Spans
	// order is the visitor's choice (facet.Default when none); shown is
	// the order the results are in, which follows the query when the
	// visitor has not chosen.
	order facet.Order
	shown facet.Order
	// highlight are the list's highlighted authors (authorKey spellings).
	highlight map[string]bool
	filter    facet.Filter
	counts    facet.Counts
	// authors suggest names to the author filter, once it is used.
	authors []string
	limit   int
	// windows counts the windows of rows started (see moreButton.Window).
	windows int
	allOpen bool
	// flipped holds the rows whose state differs from allOpen; it is
	// replaced, never mutated, so that child components see the change.
	flipped   map[string]bool
	target    string
	copied    string
	bibOpen   string
	announce  string
	settle    *time.Timer
	idle      *idleCollector
	navigated bool
	ready     bool
	// place is the paper the reader had scrolled to in the pre-rendered
	// page, until the mounted widget has put it back where it was.
	place    string
	unlisten []func()
}

// New returns a widget with no papers.
func New() *Widget { return &Widget{} }

// List sets the papers to show.
func (w *Widget) List(l paper.List) *Widget { w.Ilist = l; return w }

// Index sets the search index of the list, built ahead (search.Build) by a
// caller that must not block while building it; by default OnInit builds it.
func (w *Widget) Index(ix *search.Index) *Widget { w.Iindex = ix; return w }

// Problems reports entries of the list that were skipped or trimmed.
func (w *Widget) Problems(p []paper.Problem) *Widget { w.Iproblems = p; return w }

// LoadError shows msg instead of the list: the list could not be read.
func (w *Widget) LoadError(msg string) *Widget { w.IloadErr = msg; return w }

// Query sets the initial query, applied as if typed.
func (w *Widget) Query(q string) *Widget { w.Iquery = q; return w }

// Typed marks the initial query as typed by the visitor into the
// pre-rendered page: it wins over the URL, which is updated to match.
func (w *Widget) Typed(v bool) *Widget { w.Ityped = v; return w }

// Theme is "light", "dark" or "auto" (follow the system).
func (w *Widget) Theme(t string) *Widget { w.Itheme = t; return w }

// Lang picks the UI language ("en", "de", "fr"); others fall back to English.
func (w *Widget) Lang(l string) *Widget { w.Ilang = l; return w }

// Sort sets the initial order: "relevance", "newest", "oldest" or "title".
func (w *Widget) Sort(order string) *Widget { w.Isort = order; return w }

// Filter sets the initial filters (see facet.Filter).
func (w *Widget) Filter(f facet.Filter) *Widget { w.Ifilter = f; return w }

// Embedded says the widget runs in an iframe on another page: it then
// follows that page's theme, query and paper commands, and its permalinks
// lead to that page (see Host), or to a new tab when it is unknown.
func (w *Widget) Embedded(v bool) *Widget { w.Iembedded = v; return w }

// Host is the address of the page the widget is embedded in: permalinks
// point there (<host>#paper-<id>), and embed.js opens the paper they name.
func (w *Widget) Host(url string) *Widget { w.Ihost = url; return w }

// Focus puts the caret in the search field once mounted, for a user who
// was already typing in the pre-rendered page.
func (w *Widget) Focus(f bool) *Widget { w.Ifocus = f; return w }

// Place keeps a reader who scrolled the pre-rendered page where they were:
// the row of paper id, top pixels below the top of the viewport. The widget
// shows the rows down to it (it shows a first window of rows, where the
// pre-rendered page has them all) and scrolls it back into place, unless
// its query, filters or order make another list than the pre-rendered one.
func (w *Widget) Place(id string, top float64) *Widget {
	w.Iplace, w.IplaceTop = id, top
	return w
}

// Open expands the papers with these ids, for a reader who opened them in
// the pre-rendered page.
func (w *Widget) Open(ids ...string) *Widget { w.Iopen = ids; return w }

// FocusPaper puts the focus on the title of the paper with id once
// mounted, for a keyboard user who was on it in the pre-rendered page.
func (w *Widget) FocusPaper(id string) *Widget { w.IfocusID = id; return w }

// OnInit runs before the first render on the server and in the browser, so
// both render the same filtered list and the client never flashes an empty
// one when it replaces the pre-rendered page.
func (w *Widget) OnInit() {
	w.msg = languages[language(w.Ilang)]
	w.theme = themeOrAuto(w.Itheme)
	w.index = w.Iindex
	if w.index == nil || w.index.Len() != len(w.Ilist.Papers) {
		w.index = search.New(w.Ilist.Papers)
	}
	w.facets = facet.New(w.Ilist.Papers)
	w.highlight = authorKeys(w.Ilist.Highlight)
	w.order = facet.ParseOrder(w.Isort)
	w.filter = w.Ifilter
	if len(w.Iopen) > 0 {
		w.flipped = make(map[string]bool, len(w.Iopen))
		for _, id := range w.Iopen {
			w.flipped[id] = true
		}
	}
	w.setQuery(w.Iquery)
	if w.Iplace != "" && w.query == "" && !w.filter.Active() && w.order == facet.Default {
		if rank := w.rankOf(w.Iplace); rank >= 0 {
			w.show(rank + pageSize)
			w.place = w.Iplace
		}
	}
}

// OnPreRender puts every paper into index.html: readers without JavaScript
// and search engines get the whole list, not the first window of it.
func (w *Widget) OnPreRender(ctx app.Context) {
	w.show(len(w.results))
}

func (w *Widget) OnMount(ctx app.Context) {
	w.ready = true
	ctx.Handle(toggleAction, w.onToggle)
	ctx.Handle(focusAction, w.onFocus)
	ctx.Handle(copyAction, w.onCopy)
	ctx.Handle(tagAction, w.onTagAction)
	ctx.Handle(showMoreAction, w.onShowMore)
	ctx.Handle(nearEndAction, w.onNearEnd)
	app.Window().Get("document").Get("documentElement").Set("lang", language(w.Ilang))
	w.idle = newIdleCollector()
	w.unlisten = append(w.unlisten, listenKeys(ctx, w.clearQuery), listenPermalinks(ctx, w.openPaper), w.idle.stop, w.warmUp(ctx))
	if w.Iembedded {
		w.unlisten = append(w.unlisten, listenHost(ctx, w.onHostCommand))
	}
	if w.Ifocus {
		ctx.Defer(func(app.Context) { focusSearch() })
	}
	if id := w.IfocusID; id != "" {
		ctx.Defer(func(app.Context) { focusPaperTitle(id) })
	}
	if id, top := w.place, w.IplaceTop; id != "" {
		w.place = ""
		ctx.Defer(func(app.Context) { keepPlace(id, top) })
	}
}

func (w *Widget) OnDismount() {
	for _, stop := range w.unlisten {
		stop()
	}
	w.unlisten = nil
	if w.settle != nil {
		w.settle.Stop()
		w.settle = nil
	}
}

func (w *Widget) onHostCommand(ctx app.Context, cmd hostCommand) {
	if cmd.theme != "" {
		w.theme = cmd.theme
	}
	if cmd.setQuery && cmd.query != w.query {
		w.setQuery(cmd.query)
		w.writeURL(ctx)
	}
	if cmd.paper != "" {
		w.openPaper(ctx, cmd.paper)
	}
}

// OnNav opens the paper named by #paper-<id>. The query, order and filters
// come from the setters (FromPage reads them from the URL): go-app builds
// the page anew when back or forward changes them.
func (w *Widget) OnNav(ctx app.Context) {
	if !w.navigated && w.Ityped {
		// What the visitor typed before the client started wins over the
		// URL; make the URL say so.
		w.writeURL(ctx)
	}
	w.navigated = true
	if id, ok := strings.CutPrefix(ctx.Page().URL().Fragment, "paper-"); ok {
		w.openPaper(ctx, id)
	}
}

func (w *Widget) setQuery(q string) {
	w.query = q
	w.hits = w.index.Search(q)
	w.refine()
}

// refine applies the filters and the order to the search's hits, recounts
// the facets and shows the first page of results.
func (w *Widget) refine() {
	w.results = w.facets.Apply(w.hits, w.filter)
	w.shown = w.facets.Resolve(w.order, w.searching())
	if w.shown != facet.Relevance {
		w.results = slices.Clone(w.results)
		w.facets.Sort(w.results, w.shown)
	}
	w.counts = w.facets.Counts(w.hits, w.filter)
	w.limit, w.spans = 0, nil
	w.windows++
	if w.searching() {
		w.show(firstRows)
	} else {
		w.show(pageSize)
	}
}

// searching reports whether a query ranks the results.
func (w *Widget) searching() bool { return strings.TrimSpace(w.query) != "" }

// show widens the window of rendered rows to the first n results and
// computes the spans of the rows it adds: highlighting re-reads the text of
// each row, so only the rendered ones pay for it, and only expanded rows
// their abstracts.
func (w *Widget) show(n int) {
	w.limit = max(w.limit, n)
	end := min(w.limit, len(w.results))
	if end <= len(w.spans) {
		return
	}
	rows := w.results[len(w.spans):end]
	papers := w.Ilist.Papers
	more := w.index.Spans(w.query, rows, func(i int) bool { return w.isOpen(papers[rows[i].Paper].ID) })
	if len(w.spans) > 0 {
		more = slices.Concat(w.spans, more) // a new slice, as spans must be
	}
	w.spans = more
}

func (w *Widget) Render() app.UI {
	root := app.Div().
		Class("pw").
		DataSet("paper-widget", "true").
		DataSet("theme", w.theme)
	if w.ready {
		root = root.DataSet("ready", "true")
	}
	if !app.IsClient {
		// web/frame.js toggles this list's abstracts until the client
		// replaces it.
		root = root.Attr("data-prerendered", "true")
	}
	if w.query != "" {
		// Tells tests and embedders which query the shown results answer,
		// since rendering lags typing by up to one engine tick.
		root = root.DataSet("query", w.query)
	}
	return root.Body(
		app.Header().Class("pw-header").Body(
			app.H1().Class("pw-heading").Text(w.heading()),
			newSearchBox().Messages(w.msg).Query(w.query).OnInput(w.onInput),
			newFilterBar().
				Messages(w.msg).
				Order(w.shown, w.facets.Orders(w.searching())).
				Filter(w.filter, w.counts).
				Authors(w.facets.HasAuthors(), w.authors).
				Selectable(w.facets.HasSelected()).
				OnOrder(w.onOrder).
				OnFilter(w.onFilter).
				OnSuggest(w.onSuggest),
			w.renderStatus(),
			newAppStatus().Messages(w.msg),
		),
		app.Main().Class("pw-main").Body(
			w.renderAlert(),
			w.renderResults(),
		),
		app.Footer().Class("pw-footer").Body(
			newAppStatus().Messages(w.msg).Installer(true),
		),
	)
}

func (w *Widget) heading() string {
	if w.Ilist.Title != "" {
		return w.Ilist.Title
	}
	return w.msg.Papers
}

func (w *Widget) renderStatus() app.UI {
	n := len(w.results)
	label := w.msg.ExpandAll
	if w.allOpen && len(w.flipped) == 0 {
		label = w.msg.CollapseAll
	}
	return app.Div().Class("pw-status").Body(
		app.P().
			Class("pw-count").
			DataSet("result-count", n).
			Text(w.msg.Count(n, w.index.Len())),
		// Announced once typing settles: a live count would interrupt the
		// screen reader at every keystroke.
		app.P().Class("pw-sr").Aria("live", "polite").Aria("atomic", "true").Text(w.announce),
		app.If(n > 0, func() app.UI {
			return app.Button().
				Type("button").
				Class("pw-expand-all").
				OnClick(w.onExpandAll).
				Text(label)
		}),
	)
}

func (w *Widget) renderAlert() app.UI {
	if w.IloadErr == "" && len(w.Iproblems) == 0 {
		return nil
	}
	return newProblemAlert().Messages(w.msg).LoadError(w.IloadErr).Problems(w.Iproblems)
}

func (w *Widget) renderResults() app.UI {
	if w.index.Len() == 0 && w.IloadErr == "" {
		// A list that was read but holds no paper says so, rather than
		// leaving a bare "0 of 0 papers".
		return app.P().Class("pw-empty").Text(w.msg.EmptyList)
	}
	if len(w.results) == 0 && (w.query != "" || w.filter.Active()) {
		text := w.msg.NoMatchFilters
		if w.query != "" {
			text = w.msg.NoMatch(w.query)
		}
		return app.Div().Class("pw-empty").Body(
			app.P().Text(text),
			app.Button().Type("button").Class("pw-clear").OnClick(w.onClear).Text(w.msg.Clear),
		)
	}
	shown := w.results[:min(w.limit, len(w.results))]
	return app.Div().Body(
		newPaperList().
			Messages(w.msg).
			Papers(w.Ilist.Papers).
			Hits(shown).
			Groups(w.facets.Groups(shown, w.shown)).
			Spans(w.spans).
			AllOpen(w.allOpen).
			Flipped(w.flipped).
			Target(w.target).
			Permalinks(w.permalinks()).
			Copied(w.copied).
			BibtexOpen(w.bibOpen).
			Highlight(w.highlight),
		app.If(len(shown) < len(w.results), func() app.UI {
			return newMoreButton().
				Messages(w.msg).
				Count(min(pageSize, len(w.results)-len(shown))).
				Fills(w.limit < pageSize).
				Window(w.windows)
		}),
		app.If(!app.IsClient && len(w.results) > pageSize, w.renderFirstWindowEnd),
	)
}

// renderFirstWindowEnd is, in the pre-rendered page, the "show more"
// button that the running widget will show under its first window of
// rows. It is hidden but in an embed, where the pre-rendered page shows
// that window only (paperwidget.css), so that the iframe has its final
// height from its first paint and the host page does not move when the
// widget starts.
func (w *Widget) renderFirstWindowEnd() app.UI {
	return app.Button().
		Type("button").
		Class("pw-more pw-more-prerendered").
		Disabled(true).
		Text(w.msg.ShowMore(min(pageSize, len(w.results)-pageSize)))
}

func (w *Widget) onInput(ctx app.Context, q string) {
	w.setQuery(q)
	w.idle.schedule()
	// One timer, pushed back by each keystroke: a dispatch per keystroke
	// would re-render the widget 600 ms later, often in the middle of
	// typing.
	if w.settle == nil {
		w.settle = time.AfterFunc(settleDelay, func() { ctx.Dispatch(w.settled) })
	} else {
		w.settle.Reset(settleDelay)
	}
}

// settled runs once typing pauses: the count is announced and the query
// goes into the address.
func (w *Widget) settled(ctx app.Context) {
	w.announce = w.msg.Count(len(w.results), w.index.Len())
	w.writeURL(ctx)
}

// writeURL keeps the query, order and filters in the address so copying
// it shares the view; replacing the entry keeps typing out of the history.
func (w *Widget) writeURL(ctx app.Context) {
	u := *ctx.Page().URL()
	params := u.Query()
	set := func(k, v string) {
		if v == "" {
			params.Del(k)
		} else {
			params.Set(k, v)
		}
	}
	set("q", w.query)
	set("sort", string(w.order))
	setAll := func(k string, v []string) {
		if params[k] = v; len(v) == 0 {
			delete(params, k)
		}
	}
	setAll("year", w.filter.Years)
	setAll("tag", w.filter.Tags)
	setAll("venue", w.filter.Venues)
	set("author", strings.TrimSpace(w.filter.Author))
	if w.filter.Selected {
		set("selected", "1")
	} else {
		set("selected", "")
	}
	u.RawQuery = params.Encode()
	ctx.Page().ReplaceURL(&u)
}

func (w *Widget) onOrder(ctx app.Context, o facet.Order) {
	w.order = o
	w.refined(ctx)
}

func (w *Widget) onFilter(ctx app.Context, f facet.Filter) {
	w.filter = f
	w.refined(ctx)
}

// onSuggest counts the author filter's suggestions, once: see
// filterBar.OnSuggest.
func (w *Widget) onSuggest(ctx app.Context) {
	if w.authors == nil {
		w.authors = w.facets.Authors(maxAuthorSuggestions)
	}
}

// onTagAction filters by a tag clicked in a row; one already chosen stays.
func (w *Widget) onTagAction(ctx app.Context, a app.Action) {
	if tag, _ := a.Value.(string); tag != "" && !slices.Contains(w.filter.Tags, tag) {
		w.filter.Tags = append(slices.Clone(w.filter.Tags), tag)
		w.refined(ctx)
	}
}

// refined follows a change of order or filter: new results, announced at
// once (a choice is not typing), and the address updated.
func (w *Widget) refined(ctx app.Context) {
	w.refine()
	w.announce = w.msg.Count(len(w.results), w.index.Len())
	w.writeURL(ctx)
}

func (w *Widget) onClear(ctx app.Context, e app.Event) {
	w.clear(ctx)
}

// clearQuery is Esc in the search field: the query goes, the filters
// stay.
func (w *Widget) clearQuery(ctx app.Context) {
	w.setQuery("")
	w.announce = w.msg.Count(len(w.results), w.index.Len())
	w.writeURL(ctx)
}

func (w *Widget) clear(ctx app.Context) {
	w.filter = facet.Filter{}
	w.setQuery("")
	w.announce = w.msg.Count(len(w.results), w.index.Len())
	w.writeURL(ctx)
	ctx.NewActionWithValue(focusAction, -1)
}

func (w *Widget) onShowMore(ctx app.Context, a app.Action) {
	first := w.limit
	w.show(min(w.limit+pageSize, len(w.results)))
	// The button may be gone once everything is shown: continue reading
	// at the first new row instead of losing focus to the page.
	ctx.NewActionWithValue(focusAction, first)
}

// onNearEnd completes the first page of a query's results when the reader
// scrolls towards its end. Later pages wait for a click, so that the page
// under the widget stays reachable.
func (w *Widget) onNearEnd(ctx app.Context, a app.Action) {
	// A keyboard reader who tabbed onto the button is about to press it,
	// which shows the rows and moves on to the first of them; rows put
	// before the focused button would be skipped.
	if w.limit >= pageSize || moreFocused() {
		return
	}
	w.show(pageSize)
}

func (w *Widget) onCopy(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	rank := w.rankOf(id)
	if rank < 0 {
		return
	}
	p := w.Ilist.Papers[w.results[rank].Paper]
	copyText(p.Bibtex, func(ok bool) {
		ctx.Dispatch(func(ctx app.Context) {
			if ok {
				w.copied, w.bibOpen = id, ""
				w.announce = w.msg.Copied
				ctx.After(targetHighlight, func(app.Context) {
					if w.copied == id {
						w.copied = ""
					}
				})
				return
			}
			// Clipboard access is refused (an iframe without permission,
			// an insecure origin): show the text selected for Ctrl+C.
			w.copied, w.bibOpen = "", id
			w.announce = w.msg.CopyManually(copyKey())
			ctx.Defer(func(app.Context) { selectBibtex(id) })
		})
	})
}

func (w *Widget) onFocus(ctx app.Context, a app.Action) {
	rank, _ := a.Value.(int)
	ctx.Defer(func(app.Context) {
		if rank < 0 {
			focusSearch()
		} else {
			focusTitle(rank)
		}
	})
}

func (w *Widget) onExpandAll(ctx app.Context, e app.Event) {
	w.allOpen = !(w.allOpen && len(w.flipped) == 0)
	w.flipped = nil
	w.rehighlight()
}

func (w *Widget) onToggle(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	w.setOpen(id, !w.isOpen(id))
}

func (w *Widget) isOpen(id string) bool { return w.allOpen != w.flipped[id] }

func (w *Widget) setOpen(id string, open bool) {
	if w.isOpen(id) == open {
		return
	}
	flipped := make(map[string]bool, len(w.flipped)+1)
	for k := range w.flipped {
		flipped[k] = true
	}
	if flipped[id] {
		delete(flipped, id)
	} else {
		flipped[id] = true
	}
	w.flipped = flipped
	w.rehighlight()
}

// rehighlight computes the spans of the shown rows again, after rows were
// expanded or collapsed (an expanded row's abstract is highlighted).
func (w *Widget) rehighlight() {
	w.spans = nil
	w.show(w.limit)
}

// openPaper shows, expands and briefly highlights the paper with id,
// clearing a query or filter that hides it.
func (w *Widget) openPaper(ctx app.Context, id string) {
	rank := w.rankOf(id)
	if rank < 0 && (w.query != "" || w.filter.Active()) {
		w.filter = facet.Filter{}
		w.setQuery("")
		w.writeURL(ctx)
		rank = w.rankOf(id)
	}
	if rank < 0 {
		return
	}
	if rank >= w.limit {
		w.show(rank + 1)
	}
	w.setOpen(id, true)
	w.target = id
	ctx.Defer(func(app.Context) {
		revealPaper(id)
		if w.Iembedded {
			revealInHost(id)
		}
	})
	ctx.After(targetHighlight, func(app.Context) {
		if w.target == id {
			w.target = ""
		}
	})
}

// permalinks says where permalinks point: to this page, handled in place;
// embedded, to the host page, which the click navigates (embed.js then
// opens the paper), or to this page in a new tab when the host is unknown,
// leaving the host's history alone.
func (w *Widget) permalinks() (base, target string) {
	switch {
	case !w.Iembedded:
		return "", ""
	case w.Ihost != "":
		return w.Ihost, "_top"
	}
	return "", "_blank"
}

func (w *Widget) rankOf(id string) int {
	for i, h := range w.results {
		if w.Ilist.Papers[h.Paper].ID == id {
			return i
		}
	}
	return -1
}

func themeOrAuto(t string) string {
	switch t {
	case "light", "dark":
		return t
	}
	return "auto"
}
