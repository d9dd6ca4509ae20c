// Command floor is the benchmark's reference for load times: go-app
// starting on the widget's pre-rendered page with nothing to do, one empty
// component that is ready at once. The widget, which loads, indexes and
// renders a list besides, cannot be ready sooner on the same machine.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type floor struct{ app.Compo }

func (f *floor) Render() app.UI {
	return app.Div().Attr("data-paper-widget", "floor").Attr("data-ready", "true")
}

func main() {
	app.Route("/", func() app.Composer { return &floor{} })
	app.Route("/index.html", func() app.Composer { return &floor{} })
	app.RunWhenOnBrowser()
}
