package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/facet"
	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

// paperList renders the visible window of ranked hits, in rank order, under
// a heading per year when they are in date order.
type paperList struct {
	app.Compo

	Imsg       *messages
	Ipapers    []paper.Paper
	Ihits      []search.Hit
	Igroups    []facet.Group
	Ispans     []search.Spans
	IallOpen   bool
	Iflipped   map[string]bool
	Itarget    string
	IlinkTo    string
	IlinkIn    string
	Icopied    string
	IbibOpen   string
	Ihighlight map[string]bool
}

func newPaperList() *paperList { return &paperList{} }

func (l *paperList) Messages(m *messages) *paperList { l.Imsg = m; return l }

func (l *paperList) Papers(p []paper.Paper) *paperList { l.Ipapers = p; return l }

// Hits are the rows to render; each names a paper by its index in Papers.
func (l *paperList) Hits(h []search.Hit) *paperList { l.Ihits = h; return l }

// Groups split Hits into years; one group without a year is a ranked
// list, shown without a heading.
func (l *paperList) Groups(g []facet.Group) *paperList { l.Igroups = g; return l }

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

// Highlight names the authors shown in bold (authorKey spellings).
func (l *paperList) Highlight(keys map[string]bool) *paperList { l.Ihighlight = keys; return l }

// Render always lays the rows out as year sections, a ranked list being
// one section whose heading is hidden: go-app diffs children by position,
// so a list that switched to a plain <ol> at the first key of a query (and
// back when it was cleared) rebuilt every row on screen, where one structure
// lets it update the rows in place.
func (l *paperList) Render() app.UI {
	ranked := len(l.Igroups) == 1 && l.Igroups[0].Year == ""
	return app.Div().Class("pw-years").Body(
		l.renderLabels(),
		app.Range(l.Igroups).Slice(func(i int) app.UI {
			g := l.Igroups[i]
			heading := app.H2().Class("pw-year")
			switch {
			case ranked:
				// Not a .pw-year: the undated papers' heading is the one
				// without a year.
				heading = app.H2().Hidden(true)
			case g.Year == "":
				heading = heading.Text(l.Imsg.Undated)
			default:
				heading = heading.Attr("data-year-heading", g.Year).Text(g.Year)
			}
			return app.Section().Class("pw-year-group").Body(heading, l.renderRows(g.From, g.To))
		}),
	)
}

// The ids of the words that rows' links and tags are named with to screen
// readers (paperRow.labelledBy).
const (
	linkOfLabel    = "pw-label-of"
	filterTagLabel = "pw-label-filter-tag"
)

// renderLabels renders, hidden, the words that rows' links and tags put
// before or between their own text and their title in their names for
// screen readers, once for the list: a hidden element is read when named
// by aria-labelledby. It comes first: go-app diffs children by position,
// and the year sections after it come and go.
func (l *paperList) renderLabels() app.UI {
	return app.Div().Hidden(true).Body(
		app.Span().ID(linkOfLabel).Text(l.Imsg.LinkOf),
		app.Span().ID(filterTagLabel).Text(l.Imsg.FilterTag),
	)
}

// renderRows renders Hits[from:to], numbered from from.
func (l *paperList) renderRows(from, to int) app.UI {
	hits := l.Ihits[from:to]
	return app.Ol().Class("pw-list").Body(
		app.Range(hits).Slice(func(i int) app.UI {
			rank := from + i
			p := &l.Ipapers[hits[i].Paper]
			var s search.Spans
			if rank < len(l.Ispans) {
				s = l.Ispans[rank]
			}
			return newPaperRow().
				Messages(l.Imsg).
				Slot(rank).
				Paper(p).
				Spans(s).
				Expanded(l.IallOpen != l.Iflipped[p.ID]).
				Target(p.ID == l.Itarget).
				Permalink(l.IlinkTo, l.IlinkIn).
				Copied(p.ID == l.Icopied).
				BibtexOpen(p.ID == l.IbibOpen).
				Highlight(l.Ihighlight)
		}),
	)
}
