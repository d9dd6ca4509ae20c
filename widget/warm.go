package widget

import (
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// warmUp runs a keystroke's search and render once the widget is painted,
// for queries made from the list's own words, and throws the results away.
// V8 compiles each function of app.wasm on its first call and optimises it
// only after many: the first key typed after a load paid for both, and for
// the collection its garbage started on top of loading's (72-99 ms at
// 10,000 papers, against 20-50 ms for the keys after it). It runs in the
// task after the first paint rather than when the browser is idle: idle
// periods went first to compressing the abstracts, and a reader, or a
// probe, typing at once found the code still cold. The idle collector then
// collects what loading and the warm-up left, if due. It returns a function
// that cancels a warm-up not yet run.
func (w *Widget) warmUp(ctx app.Context) (stop func()) {
	if w.index.Len() == 0 {
		return func() {}
	}
	var frame, timer app.Value
	run := app.FuncOf(func(app.Value, []app.Value) any {
		timer = nil
		// The first query is searched by its render; the dispatch runs
		// once this callback has returned.
		if queries := warmQueries(w.Ilist.Papers[0].Title); len(queries) > 0 {
			ctx.Dispatch(func(ctx app.Context) { w.renderAside(ctx, queries[0]) })
			for _, q := range queries[1:] {
				w.searchAside(q)
			}
		}
		w.idle.schedule()
		return nil
	})
	// A timeout set in an animation frame runs once that frame is painted.
	afterPaint := app.FuncOf(func(app.Value, []app.Value) any {
		frame = nil
		timer = app.Window().Call("setTimeout", run, 0)
		return nil
	})
	frame = app.Window().Call("requestAnimationFrame", afterPaint)
	return func() {
		if frame != nil {
			app.Window().Call("cancelAnimationFrame", frame)
		}
		if timer != nil {
			app.Window().Call("clearTimeout", timer)
		}
		run.Release()
		afterPaint.Release()
	}
}

// warmQueries are typed prefixes of a word of title, the first one of
// three letters or more: its first letter, which matches most of a list as
// a reader's first key does, three letters, and the word with a letter
// doubled, a typo.
func warmQueries(title string) []string {
	for _, word := range strings.Fields(strings.ToLower(title)) {
		if utf8.RuneCountInString(word) < 3 {
			continue
		}
		_, one := utf8.DecodeRuneInString(word)
		_, two := utf8.DecodeRuneInString(word[one:])
		_, three := utf8.DecodeRuneInString(word[one+two:])
		return []string{word[:one], word[:one+two+three], word[:one] + word}
	}
	return nil
}

// searchAside computes what setQuery(q) would show, leaving the widget as
// it is: a typed query's first rows highlighted, as refine does.
func (w *Widget) searchAside(q string) {
	hits := w.index.Search(q)
	results := w.facets.Apply(hits, w.filter)
	w.facets.Counts(hits, w.filter)
	w.index.Spans(q, results[:min(firstRows, len(results))], nil)
}

// renderAside renders what typing q would show, then the widget as it was,
// in one task of the browser's event loop, which never lays out or paints
// in between: Go runs the render, the deferred dispatch that puts the
// state back and its render before it returns to the browser. It warms the
// code a keystroke runs after its search. The search was warm, but the
// first key still took 40-70 ms against 10-20 for the keys after it, in
// go-app's diff, the rows' render and the DOM writes, all run for the first
// time since the mount, which builds nodes instead. It is skipped once a
// query is typed, and unless the focus is on the page or in the empty
// search field, so that no element the reader is on changes: q's search
// alone is warmed then.
func (w *Widget) renderAside(ctx app.Context, q string) {
	if w.query != "" || !focusOutsideRows() {
		w.searchAside(q)
		return
	}
	// What setQuery changes; none of it is changed in place. The count of
	// windows stays advanced: it only asks the "show more" button to look
	// again whether it is in view.
	hits, results, shown, counts, limit, spans := w.hits, w.results, w.shown, w.counts, w.limit, w.spans
	w.setQuery(q)
	ctx.Defer(func(ctx app.Context) {
		ctx.Dispatch(func(app.Context) {
			w.query, w.hits, w.results, w.shown = "", hits, results, shown
			w.counts, w.limit, w.spans = counts, limit, spans
		})
	})
}

// focusOutsideRows reports whether the focus is on the page itself or in
// an empty search field.
func focusOutsideRows() bool {
	doc := app.Window().Get("document")
	active := doc.Get("activeElement")
	if !active.Truthy() || active.Equal(doc.Get("body")) {
		return true
	}
	return active.Get("id").String() == searchFieldID && active.Get("value").String() == ""
}
