package widget

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// listenPermalinks takes clicks on permalinks away from go-app: its
// navigation rebuilds the whole page, losing the shown rows and the open
// abstracts, whenever the address's query was replaced (as typing does)
// since go-app last navigated. The click adds the fragment to the history
// itself and asks open to show the paper. Permalinks with a target
// (embedded: the host page, or a new tab) are left to the browser alone.
// The returned func stops listening.
func listenPermalinks(ctx app.Context, open func(app.Context, string)) func() {
	h := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if e.Get("button").Int() != 0 || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() ||
			e.Get("shiftKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		target := e.Get("target")
		if !target.Truthy() || !target.Get("closest").Truthy() {
			return nil
		}
		a := target.Call("closest", "a.pw-permalink")
		if !a.Truthy() {
			return nil
		}
		if a.Get("target").String() != "" {
			// The browser follows it (to the host page, or a new tab);
			// go-app, which would load it into this frame, must not see it.
			e.Call("stopPropagation")
			return nil
		}
		// Synchronously, before go-app's window click handler sees it.
		e.Call("preventDefault")
		e.Call("stopPropagation")
		hash := a.Call("getAttribute", "href").String()
		app.Window().Get("history").Call("pushState", nil, "", hash)
		id := strings.TrimPrefix(hash, "#paper-")
		ctx.Dispatch(func(ctx app.Context) { open(ctx, id) })
		return nil
	})
	doc := app.Window().Get("document")
	doc.Call("addEventListener", "click", h, true)
	return func() {
		doc.Call("removeEventListener", "click", h, true)
		h.Release()
	}
}
