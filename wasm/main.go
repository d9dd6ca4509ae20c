// Command wasm is the widget's browser program, compiled to app.wasm by the
// build.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/widget"
)

func main() {
	if app.IsClient {
		widget.Route(widget.FromPage())
	}
	app.RunWhenOnBrowser()
}
