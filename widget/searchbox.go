package widget

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// searchBox is the labelled search field. It reports every edit; the widget
// owns the query.
type searchBox struct {
	app.Compo

	Imsg     *messages
	Iquery   string
	IonInput func(ctx app.Context, q string)
}

// searchFieldID is the search field's id.
const searchFieldID = "pw-q"

func newSearchBox() *searchBox { return &searchBox{} }

func (s *searchBox) Messages(m *messages) *searchBox { s.Imsg = m; return s }

func (s *searchBox) Query(q string) *searchBox { s.Iquery = q; return s }

func (s *searchBox) OnInput(fn func(ctx app.Context, q string)) *searchBox {
	s.IonInput = fn
	return s
}

// OnUpdate clears the field by hand when the query is cleared: go-app drops
// empty attribute values, so rendering Value("") would leave the old text.
func (s *searchBox) OnUpdate(ctx app.Context) {
	if s.Iquery == "" {
		ctx.Defer(func(app.Context) {
			if in := app.Window().GetElementByID(searchFieldID); in.Truthy() {
				in.Set("value", "")
			}
		})
	}
}

func (s *searchBox) Render() app.UI {
	return app.Div().Class("pw-search").Body(
		app.Label().For(searchFieldID).Text(s.Imsg.SearchLabel),
		app.Input().
			ID(searchFieldID).
			Type("search").
			Name("q").
			Value(s.Iquery).
			Placeholder(s.Imsg.Placeholder).
			AutoComplete(false).
			Spellcheck(false).
			Aria("describedby", "pw-q-hint").
			OnInput(s.onInput),
		app.P().ID("pw-q-hint").Class("pw-hint").Text(s.Imsg.SearchHint),
	)
}

func (s *searchBox) onInput(ctx app.Context, e app.Event) {
	if s.IonInput != nil {
		s.IonInput(ctx, ctx.JSSrc().Get("value").String())
	}
}
