package widget

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// rowTag is one of a row's tags, a button that filters the list by it.
// The tag travels in the handler's scope, not in an attribute: list text
// never goes into attributes (see paperRow).
func rowTag(m *messages, tag string) app.UI {
	onClick := func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(tagAction, tag) }
	return app.Button().
		Type("button").
		Class("pw-tag").
		OnClick(onClick, app.EventScope(tag)).
		Body(app.Span().Class("pw-sr").Text(m.FilterTag), app.Text(tag))
}
