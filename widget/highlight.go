package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/search"
)

// maxMarks is how many matches of one field are highlighted: a title of one
// word repeated made 130,000 <mark> elements, seconds of work for the page
// per keystroke. The text after the last mark is shown plain.
const maxMarks = 50

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
	segs := capMarks(search.Split(text, spans), text)
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

// capMarks keeps the first maxMarks matches of segs, the segments of text,
// and turns what follows into one plain segment.
func capMarks(segs []search.Segment, text string) []search.Segment {
	marks, at := 0, 0
	for i, s := range segs {
		if s.Match {
			if marks == maxMarks {
				if i > 0 && !segs[i-1].Match {
					i--
					at -= len(segs[i].Text)
				}
				return append(segs[:i], search.Segment{Text: text[at:]})
			}
			marks++
		}
		at += len(s.Text)
	}
	return segs
}
