package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/search"
)

// highlight renders text with matched spans in <mark>, as text nodes only:
// list text comes from other people's files and is never parsed as HTML.
func highlight(text string, spans []search.Span) []app.UI {
	if len(spans) == 0 {
		return []app.UI{app.Text(text)}
	}
	segs := search.Split(text, spans)
	nodes := make([]app.UI, len(segs))
	for i, s := range segs {
		if s.Match {
			nodes[i] = app.Mark().Text(s.Text)
		} else {
			nodes[i] = app.Text(s.Text)
		}
	}
	return nodes
}
