// Package widget is the paper list UI: go-app components that show a list of
// papers, filter it as the user types and expand abstracts. The same
// components are pre-rendered into index.html by the build and run in the
// browser as WebAssembly.
package widget

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

// pageSize is how many rows are rendered at once: DOM work per keystroke
// grows with rendered rows, while the count always reports every match.
const pageSize = 50

// toggleAction is sent by a row when its title is activated. Rows send an
// action rather than call a callback so that the row components keep
// comparable fields and re-render only when their own paper changes.
const toggleAction = "paperwidget/toggle"

// Widget is the whole paper list: heading, search field, result count and
// the ranked rows. Configure it with the chained setters; the zero list
// renders an empty widget.
type Widget struct {
	app.Compo

	Ilist     paper.List
	Iproblems []paper.Problem
	IloadErr  string
	Iquery    string
	Itheme    string
	Ifocus    bool

	index   *search.Index
	query   string
	hits    []search.Hit
	limit   int
	allOpen bool
	// flipped holds the rows whose state differs from allOpen; it is
	// replaced, never mutated, so that child components see the change.
	flipped map[string]bool
	ready   bool
}

// New returns a widget with no papers.
func New() *Widget { return &Widget{} }

// List sets the papers to show.
func (w *Widget) List(l paper.List) *Widget { w.Ilist = l; return w }

// Problems reports entries of the list that were skipped or trimmed.
func (w *Widget) Problems(p []paper.Problem) *Widget { w.Iproblems = p; return w }

// LoadError shows msg instead of the list: the list could not be read.
func (w *Widget) LoadError(msg string) *Widget { w.IloadErr = msg; return w }

// Query sets the initial query, applied as if typed.
func (w *Widget) Query(q string) *Widget { w.Iquery = q; return w }

// Theme is "light", "dark" or "auto" (follow the system).
func (w *Widget) Theme(t string) *Widget { w.Itheme = t; return w }

// Focus puts the caret in the search field once mounted, for a user who
// was already typing in the pre-rendered page.
func (w *Widget) Focus(f bool) *Widget { w.Ifocus = f; return w }

// OnInit runs before the first render on the server and in the browser, so
// both render the same filtered list and the client never flashes an empty
// one when it replaces the pre-rendered page.
func (w *Widget) OnInit() {
	w.index = search.New(w.Ilist.Papers)
	w.setQuery(w.Iquery)
}

// OnPreRender puts every paper into index.html: readers without JavaScript
// and search engines get the whole list, not the first window of it.
func (w *Widget) OnPreRender(ctx app.Context) {
	w.limit = len(w.hits)
}

func (w *Widget) OnMount(ctx app.Context) {
	w.ready = true
	ctx.Handle(toggleAction, w.onToggle)
	if w.Ifocus {
		ctx.Defer(func(app.Context) { focusSearch() })
	}
}

func (w *Widget) setQuery(q string) {
	w.query = q
	w.hits = w.index.Search(q)
	w.limit = pageSize
}

func (w *Widget) Render() app.UI {
	root := app.Div().
		Class("pw").
		DataSet("paper-widget", "true").
		DataSet("theme", themeOrAuto(w.Itheme))
	if w.ready {
		root = root.DataSet("ready", "true")
	}
	if w.query != "" {
		// Tells tests and embedders which query the shown results answer,
		// since rendering lags typing by up to one engine tick.
		root = root.DataSet("query", w.query)
	}
	return root.Body(
		app.Header().Class("pw-header").Body(
			app.H1().Class("pw-heading").Text(w.heading()),
			newSearchBox().Query(w.query).OnInput(w.onInput),
			w.renderStatus(),
		),
		w.renderAlert(),
		w.renderResults(),
	)
}

func (w *Widget) heading() string {
	if w.Ilist.Title != "" {
		return w.Ilist.Title
	}
	return "Papers"
}

func (w *Widget) renderStatus() app.UI {
	n := len(w.hits)
	label := "Expand all"
	if w.allOpen && len(w.flipped) == 0 {
		label = "Collapse all"
	}
	return app.Div().Class("pw-status").Body(
		app.P().
			Class("pw-count").
			DataSet("result-count", n).
			Aria("live", "polite").
			Text(fmt.Sprintf("%d of %d papers", n, w.index.Len())),
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
	return newProblemAlert().LoadError(w.IloadErr).Problems(w.Iproblems)
}

func (w *Widget) renderResults() app.UI {
	if len(w.hits) == 0 && w.query != "" {
		return app.Div().Class("pw-empty").Body(
			app.P().Text(fmt.Sprintf("No papers match “%s”.", w.query)),
			app.Button().Type("button").Class("pw-clear").OnClick(w.onClear).Text("Clear search"),
		)
	}
	shown := w.hits[:min(w.limit, len(w.hits))]
	return app.Div().Body(
		newPaperList().
			Papers(w.Ilist.Papers).
			Hits(shown).
			AllOpen(w.allOpen).
			Flipped(w.flipped),
		app.If(len(shown) < len(w.hits), func() app.UI {
			return app.Button().
				Type("button").
				Class("pw-more").
				OnClick(w.onShowMore).
				Text(fmt.Sprintf("Show %d more", min(pageSize, len(w.hits)-len(shown))))
		}),
	)
}

func (w *Widget) onInput(ctx app.Context, q string) {
	w.setQuery(q)
}

func (w *Widget) onClear(ctx app.Context, e app.Event) {
	w.setQuery("")
	ctx.Defer(func(app.Context) { focusSearch() })
}

func (w *Widget) onShowMore(ctx app.Context, e app.Event) {
	next := min(w.limit+pageSize, len(w.hits))
	// Search highlights only the first window; the rows now shown need
	// their spans too.
	w.index.Highlight(w.query, w.hits[w.limit:next])
	w.limit = next
}

func (w *Widget) onExpandAll(ctx app.Context, e app.Event) {
	w.allOpen = !(w.allOpen && len(w.flipped) == 0)
	w.flipped = nil
}

func (w *Widget) onToggle(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
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
}

func themeOrAuto(t string) string {
	switch t {
	case "light", "dark":
		return t
	}
	return "auto"
}

func focusSearch() {
	if in := app.Window().Get("document").Call("querySelector", `input[type="search"]`); in.Truthy() {
		in.Call("focus")
	}
}
