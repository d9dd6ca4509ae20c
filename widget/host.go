package widget

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The embed channel. Inside an iframe the widget accepts one message shape
// from its parent window only:
//
//	{type: "paperwidget:set", theme?: "light" | "dark" | "auto", query?: string, paper?: string}
//
// and sends only {type: "paperwidget:ready"} and, when it opened the paper
// a command named, {type: "paperwidget:reveal", top, height} (web/frame.js
// adds the height). A hostile parent can thus change the theme and the
// query and open a paper, as the URL could, and nothing else: no
// navigation, no other list, no state read.

const (
	maxHostQuery = 1000
	// maxPaperID is paper.List's limit on ids, in bytes.
	maxPaperID = 200
	// maxHostURL bounds the host page's address that permalinks point to.
	maxHostURL = 2000
)

type hostCommand struct {
	theme    string
	query    string
	setQuery bool
	paper    string
}

func embedded() bool {
	return !app.Window().Get("self").Equal(app.Window().Get("top"))
}

// listenHost tells the parent the widget is ready and passes its valid
// commands to apply on the UI goroutine. The returned func stops listening.
func listenHost(ctx app.Context, apply func(app.Context, hostCommand)) func() {
	parent := app.Window().Get("parent")
	h := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		data := e.Get("data")
		if !e.Get("source").Equal(parent) || data.Type() != app.TypeObject || data.IsNull() ||
			data.Get("type").Type() != app.TypeString || jsPrefix(data.Get("type"), 16) != "paperwidget:set" {
			return nil
		}
		var cmd hostCommand
		if t := data.Get("theme"); t.Type() == app.TypeString {
			if v := jsPrefix(t, len("light")+1); v == "light" || v == "dark" || v == "auto" {
				cmd.theme = v
			}
		}
		if q := data.Get("query"); q.Type() == app.TypeString {
			if s := jsPrefix(q, maxHostQuery+1); len(s) <= maxHostQuery {
				cmd.query, cmd.setQuery = s, true
			}
		}
		if p := data.Get("paper"); p.Type() == app.TypeString {
			if s := jsPrefix(p, maxPaperID+1); len(s) <= maxPaperID {
				cmd.paper = s
			}
		}
		if cmd.theme != "" || cmd.setQuery || cmd.paper != "" {
			ctx.Dispatch(func(ctx app.Context) { apply(ctx, cmd) })
		}
		return nil
	})
	app.Window().Call("addEventListener", "message", h)

	ready := app.Window().Get("Object").New()
	ready.Set("type", "paperwidget:ready")
	parent.Call("postMessage", ready, "*")
	return func() {
		app.Window().Call("removeEventListener", "message", h)
		h.Release()
	}
}

// hostPage is the address of the page the widget is embedded in, as
// embed.js passes it (?host=): permalinks point there. Anything but an
// absolute http(s) URL that needs no escaping in an attribute is refused
// (""), and its fragment is dropped.
func hostPage(raw string) string {
	if raw == "" || len(raw) > maxHostURL || strings.ContainsFunc(raw, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`"'<>\`+"`", r)
	}) {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// revealInHost tells the host page where the row of paper id is, so that
// it scrolls there: the iframe has no scrollbar of its own to scroll.
func revealInHost(id string) {
	row := app.Window().GetElementByID("paper-" + id)
	if !row.Truthy() {
		return
	}
	box := row.Call("getBoundingClientRect")
	msg := app.Window().Get("Object").New()
	msg.Set("type", "paperwidget:reveal")
	msg.Set("top", box.Get("top").Float()+app.Window().Get("scrollY").Float())
	msg.Set("height", box.Get("height").Float())
	app.Window().Get("parent").Call("postMessage", msg, "*")
}

// jsPrefix is the JavaScript string s cut to at most n UTF-16 units before
// it is copied into Go: a hostile parent's 100 MB string never is. A string
// longer than n yields more than n bytes, so a length check on the result
// still rejects it.
func jsPrefix(s app.Value, n int) string {
	return app.Window().Get("String").Get("prototype").Get("slice").Call("call", s, 0, n).String()
}
