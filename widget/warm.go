package widget

import (
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// warmUp runs a keystroke's search once the browser is idle after the
// widget is shown, for queries made from the list's own words, and throws
// the results away. V8 compiles each function of app.wasm on its first call
// and optimises it only after many: the first key typed after a load paid
// for both, and for the collection its garbage started on top of loading's
// (72-99 ms at 10,000 papers, against 20-50 ms for the keys after it). The
// idle collector then collects what loading and the warm-up left, if due.
// It returns a function that cancels a warm-up not yet run.
func (w *Widget) warmUp() (stop func()) {
	if w.index.Len() == 0 {
		return func() {}
	}
	request, cancel, arg := idleCallback(1000, 50)
	var id app.Value
	run := app.FuncOf(func(app.Value, []app.Value) any {
		id = nil
		for _, q := range warmQueries(w.Ilist.Papers[0].Title) {
			w.searchAside(q)
		}
		w.idle.schedule()
		return nil
	})
	id = app.Window().Call(request, run, arg)
	return func() {
		if id != nil {
			app.Window().Call(cancel, id)
		}
		run.Release()
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
// it is.
func (w *Widget) searchAside(q string) {
	hits := w.index.Search(q)
	results := w.facets.Apply(hits, w.filter)
	w.facets.Counts(hits, w.filter)
	w.index.Spans(q, results[:min(pageSize, len(results))], nil)
}
