package widget

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// rowTag is one of a row's tags, a button that filters the list by it.
// The tag travels in the component, not in an attribute: list text never
// goes into attributes (see paperRow). A component, not an element with a
// handler scoped by its tag: go-app keeps it when another paper fills the
// row, and its handler, which reads the tag when clicked, where a scoped
// handler was replaced on every keystroke (a listener removed and added,
// and a Go function released and made, per tag of each changed row).
type rowTag struct {
	app.Compo

	Imsg *messages
	Itag string
}

func newRowTag() *rowTag { return &rowTag{} }

func (t *rowTag) Messages(m *messages) *rowTag { t.Imsg = m; return t }

func (t *rowTag) Tag(tag string) *rowTag { t.Itag = tag; return t }

func (t *rowTag) Render() app.UI {
	return app.Button().
		Type("button").
		Class("pw-tag").
		OnClick(t.onClick).
		Body(app.Span().Class("pw-sr").Text(t.Imsg.FilterTag), app.Text(t.Itag))
}

func (t *rowTag) onClick(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(tagAction, t.Itag)
}
