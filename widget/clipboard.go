package widget

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// copyText writes text to the clipboard and reports whether it could;
// done runs outside the UI goroutine.
func copyText(text string, done func(ok bool)) {
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		done(false)
		return
	}
	var ok, fail app.Func
	release := func() {
		ok.Release()
		fail.Release()
	}
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		done(true)
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		done(false)
		return nil
	})
	clip.Call("writeText", text).Call("then", ok, fail)
}

// copyKey names the keyboard shortcut for copying on the visitor's
// system: ⌘C on Apple's, Ctrl+C elsewhere.
func copyKey() string {
	nav := app.Window().Get("navigator")
	platform := nav.Get("platform")
	if data := nav.Get("userAgentData"); data.Truthy() && data.Get("platform").Truthy() {
		platform = data.Get("platform") // "macOS"
	}
	// navigator.platform: "MacIntel", "iPhone", "iPad".
	if p := platform.String(); platform.Truthy() && (strings.Contains(strings.ToLower(p), "mac") || strings.HasPrefix(p, "iP")) {
		return "⌘C"
	}
	return "Ctrl+C"
}

// selectBibtex selects the shown BibTeX of paper id for a manual copy.
func selectBibtex(id string) {
	if area := app.Window().GetElementByID("bibtex-" + id); area.Truthy() {
		area.Call("focus")
		area.Call("select")
	}
}
