package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/search"
)

// highlight renders text with matched spans in <mark>, as text nodes only:
// list text comes from other people's files and is never parsed as HTML.
//
// Plain text always sits at even positions and marks at odd ones (an empty
// text node leads when the text starts with a match). go-app diffs children
// by position, so when a row shows another paper its nodes are kept and
// only their text changes, instead of text nodes being replaced by marks
// and back on every keystroke.
func highlight(text string, spans []search.Span) []app.UI {
	if len(spans) == 0 {
		return []app.UI{app.Text(text)}
	}
	segs := search.Split(text, spans)
	nodes := make([]app.UI, 0, len(segs)+1)
	if len(segs) > 0 && segs[0].Match {
		nodes = append(nodes, app.Text(""))
	}
	for _, s := range segs {
		if s.Match {
			nodes = append(nodes, app.Mark().Text(s.Text))
		} else {
			nodes = append(nodes, app.Text(s.Text))
		}
	}
	return nodes
}
