package widget

import (
	"fmt"

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

	IloadErr  string
	Iproblems []paper.Problem
}

func newProblemAlert() *problemAlert { return &problemAlert{} }

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
		app.P().Text(summary(len(a.Iproblems), skipped)),
		app.Ul().Body(
			app.Range(shown).Slice(func(i int) app.UI {
				return app.Li().Text(shown[i].Error())
			}),
			app.If(len(shown) < len(a.Iproblems), func() app.UI {
				return app.Li().Text(fmt.Sprintf("…and %d more.", len(a.Iproblems)-len(shown)))
			}),
		),
	)
}

func summary(problems, skipped int) string {
	s := fmt.Sprintf("The list has %d problem", problems)
	if problems != 1 {
		s += "s"
	}
	if skipped > 0 {
		return s + fmt.Sprintf("; %d %s left out, the rest is shown:", skipped, plural(skipped, "paper was", "papers were"))
	}
	return s + "; the papers are shown without the fields named:"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
