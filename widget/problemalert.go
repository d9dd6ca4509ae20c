package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/paper"
)

// maxListedProblems keeps a badly broken list from burying the page in
// messages; the count still tells how many there were.
const maxListedProblems = 10

// problemAlert tells the reader that the list could not be read, or which
// of its entries were skipped or trimmed.
type problemAlert struct {
	app.Compo

	Imsg      *messages
	IloadErr  string
	Iproblems []paper.Problem
}

func newProblemAlert() *problemAlert { return &problemAlert{} }

func (a *problemAlert) Messages(m *messages) *problemAlert { a.Imsg = m; return a }

func (a *problemAlert) LoadError(msg string) *problemAlert { a.IloadErr = msg; return a }

func (a *problemAlert) Problems(p []paper.Problem) *problemAlert { a.Iproblems = p; return a }

func (a *problemAlert) Render() app.UI {
	if a.IloadErr != "" {
		return app.Div().Class("pw-alert").Role("alert").Body(
			app.P().Text(a.IloadErr),
		)
	}
	skipped := 0
	for _, p := range a.Iproblems {
		if p.Skipped {
			skipped++
		}
	}
	shown := a.Iproblems[:min(len(a.Iproblems), maxListedProblems)]
	return app.Div().Class("pw-alert pw-warning").Role("alert").Body(
		app.P().Text(a.Imsg.Problems(len(a.Iproblems), skipped)),
		app.Ul().Body(
			app.Range(shown).Slice(func(i int) app.UI {
				return app.Li().Text(shown[i].Error())
			}),
			app.If(len(shown) < len(a.Iproblems), func() app.UI {
				return app.Li().Text(a.Imsg.ProblemsMore(len(a.Iproblems) - len(shown)))
			}),
		),
	)
}
