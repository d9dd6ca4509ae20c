package widget

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The keyboard model (WAI-ARIA practices for a search with a result list):
//
//	/               focus the search field, unless typing in another field
//	Esc             in the field: clear the query
//	↓               in the field: first result
//	↑ ↓ Home End    on a result title: previous, next, first, last result
//	                (↑ on the first goes back to the field)
//	Enter Space     on a result title: expand or collapse (native buttons)
//
// It is one window listener rather than go-app event handlers because
// go-app runs handlers after the event has been dispatched, too late to
// stop the browser scrolling the page on arrows, Home and End.

const (
	searchSelector = `[data-paper-widget] input[type="search"]`
	titleSelector  = `[data-paper-widget] [data-field="title"]`
)

// listenKeys installs the keyboard model; clear runs on the UI goroutine
// when Esc asks to clear the query. The returned func removes it.
func listenKeys(ctx app.Context, clear func(app.Context)) func() {
	h := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		// Every keystroke typed into the search field passes here: letters
		// leave after one call into JavaScript, not six.
		key := e.Get("key").String()
		if !isListKey(key) {
			return nil
		}
		if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		target := e.Get("target")
		switch {
		case key == "/" && !editable(target):
			e.Call("preventDefault")
			focusSearch()
		case matches(target, searchSelector):
			switch key {
			case "Escape":
				if target.Get("value").String() != "" {
					e.Call("preventDefault")
					ctx.Dispatch(clear)
				}
			case "ArrowDown":
				e.Call("preventDefault")
				focusTitle(0)
			}
		case matches(target, titleSelector):
			if moveFromTitle(target, key) {
				e.Call("preventDefault")
			}
		}
		return nil
	})
	app.Window().Call("addEventListener", "keydown", h)
	return func() {
		app.Window().Call("removeEventListener", "keydown", h)
		h.Release()
	}
}

// isListKey reports whether the keyboard model above uses key.
func isListKey(key string) bool {
	switch key {
	case "/", "Escape", "ArrowDown", "ArrowUp", "Home", "End":
		return true
	}
	return false
}

// moveFromTitle moves focus between result titles and reports whether the
// key was one of the list's.
func moveFromTitle(from app.Value, key string) bool {
	titles := app.Window().Get("document").Call("querySelectorAll", titleSelector)
	n := titles.Get("length").Int()
	at := -1
	for i := 0; i < n; i++ {
		if titles.Index(i).Equal(from) {
			at = i
			break
		}
	}
	switch key {
	case "ArrowDown":
		focusTitle(min(at+1, n-1))
	case "ArrowUp":
		if at <= 0 {
			focusSearch()
		} else {
			focusTitle(at - 1)
		}
	case "Home":
		focusTitle(0)
	case "End":
		focusTitle(n - 1)
	default:
		return false
	}
	return true
}

func matches(el app.Value, selector string) bool {
	return el.Truthy() && el.Get("matches").Truthy() && el.Call("matches", selector).Bool()
}

func editable(el app.Value) bool {
	return matches(el, `input, textarea, select, [contenteditable]:not([contenteditable="false"])`)
}

func focusSearch() {
	if in := app.Window().Get("document").Call("querySelector", searchSelector); in.Truthy() {
		in.Call("focus")
	}
}

func focusTitle(i int) {
	titles := app.Window().Get("document").Call("querySelectorAll", titleSelector)
	if i >= 0 && i < titles.Get("length").Int() {
		titles.Index(i).Call("focus")
	}
}

// keepPlace scrolls the page, at once, so that the paper's row is top
// pixels below the top of the viewport.
func keepPlace(id string, top float64) {
	row := app.Window().GetElementByID("paper-" + id)
	if !row.Truthy() {
		return
	}
	opts := app.Window().Get("Object").New()
	opts.Set("top", row.Call("getBoundingClientRect").Get("top").Float()-top)
	opts.Set("behavior", "instant")
	app.Window().Call("scrollBy", opts)
}

// revealPaper scrolls the paper into view and focuses its title, so the
// keyboard continues from there.
func revealPaper(id string) {
	row := app.Window().GetElementByID("paper-" + id)
	if !row.Truthy() {
		return
	}
	behavior := "smooth"
	if app.Window().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool() {
		behavior = "auto"
	}
	opts := app.Window().Get("Object").New()
	opts.Set("block", "center")
	opts.Set("behavior", behavior)
	row.Call("scrollIntoView", opts)
	focusPaperTitle(id)
}

// focusPaperTitle focuses the title of the paper's row, if rendered,
// without scrolling.
func focusPaperTitle(id string) {
	row := app.Window().GetElementByID("paper-" + id)
	if !row.Truthy() {
		return
	}
	if title := row.Call("querySelector", `[data-field="title"]`); title.Truthy() {
		focusOpts := app.Window().Get("Object").New()
		focusOpts.Set("preventScroll", true)
		title.Call("focus", focusOpts)
	}
}
