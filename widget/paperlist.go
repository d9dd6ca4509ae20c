package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

// paperList renders the visible window of ranked hits, in rank order.
type paperList struct {
	app.Compo

	Imsg     *messages
	Ipapers  []paper.Paper
	Ihits    []search.Hit
	Ispans   []search.Spans
	IallOpen bool
	Iflipped map[string]bool
	Itarget  string
	IlinkTo  string
	IlinkIn  string
	Icopied  string
	IbibOpen string
}

func newPaperList() *paperList { return &paperList{} }

func (l *paperList) Messages(m *messages) *paperList { l.Imsg = m; return l }

func (l *paperList) Papers(p []paper.Paper) *paperList { l.Ipapers = p; return l }

// Hits are the rows to render; each names a paper by its index in Papers.
func (l *paperList) Hits(h []search.Hit) *paperList { l.Ihits = h; return l }

// Spans are what to highlight in each row, parallel to Hits; rows past
// them are not highlighted.
func (l *paperList) Spans(s []search.Spans) *paperList { l.Ispans = s; return l }

// AllOpen and Flipped decide which rows are expanded: every row flipped
// differs from AllOpen.
func (l *paperList) AllOpen(v bool) *paperList { l.IallOpen = v; return l }

func (l *paperList) Flipped(ids map[string]bool) *paperList { l.Iflipped = ids; return l }

// Target is the paper opened by its permalink, highlighted for a moment.
func (l *paperList) Target(id string) *paperList { l.Itarget = id; return l }

// Permalinks point to base#paper-<id> and open in target ("": this page).
func (l *paperList) Permalinks(base, target string) *paperList {
	l.IlinkTo, l.IlinkIn = base, target
	return l
}

// Copied marks the paper whose BibTeX was just copied; BibtexOpen the one
// whose BibTeX is shown for copying by hand.
func (l *paperList) Copied(id string) *paperList { l.Icopied = id; return l }

func (l *paperList) BibtexOpen(id string) *paperList { l.IbibOpen = id; return l }

func (l *paperList) Render() app.UI {
	return app.Ol().Class("pw-list").Body(
		app.Range(l.Ihits).Slice(func(i int) app.UI {
			p := &l.Ipapers[l.Ihits[i].Paper]
			var s search.Spans
			if i < len(l.Ispans) {
				s = l.Ispans[i]
			}
			return newPaperRow().
				Messages(l.Imsg).
				Slot(i).
				Paper(p).
				Spans(s).
				Expanded(l.IallOpen != l.Iflipped[p.ID]).
				Target(p.ID == l.Itarget).
				Permalink(l.IlinkTo, l.IlinkIn).
				Copied(p.ID == l.Icopied).
				BibtexOpen(p.ID == l.IbibOpen)
		}),
	)
}
