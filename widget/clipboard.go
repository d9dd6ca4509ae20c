package widget

import "github.com/maxence-charriere/go-app/v10/pkg/app"

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

// selectBibtex selects the shown BibTeX of paper id for a manual copy.
func selectBibtex(id string) {
	if area := app.Window().GetElementByID("bibtex-" + id); area.Truthy() {
		area.Call("focus")
		area.Call("select")
	}
}
