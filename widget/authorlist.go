package widget

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/internal/fold"
)

// maxAuthors is how many authors a row names before "+N more": a
// consortium paper's hundred names would bury the list.
const maxAuthors = 10

// authorList is a row's authors, the lab's members (the list's highlight)
// in bold, the names after the first ten behind a "+N more" button.
type authorList struct {
	app.Compo

	Imsg       *messages
	Iauthors   []string
	Ihighlight map[string]bool

	expanded bool
}

func newAuthorList() *authorList { return &authorList{} }

func (a *authorList) Messages(m *messages) *authorList { a.Imsg = m; return a }

func (a *authorList) Authors(names []string) *authorList { a.Iauthors = names; return a }

// Highlight is the set of authorKey spellings to show in bold.
func (a *authorList) Highlight(keys map[string]bool) *authorList { a.Ihighlight = keys; return a }

// OnUpdate runs when another paper fills the row (go-app keeps the row's
// components): an expansion belongs to the paper it was made for.
func (a *authorList) OnUpdate(ctx app.Context) { a.expanded = false }

func (a *authorList) Render() app.UI {
	names := a.Iauthors
	hidden := 0
	if !a.expanded && len(names) > maxAuthors {
		hidden = len(names) - maxAuthors
		names = names[:maxAuthors]
	}
	// Each element holds one text, separator included: go-app puts the
	// children of an element with several on lines of their own in the
	// pre-rendered page, and a line break before a comma would show as a
	// space there. Names not in bold run together in one text.
	var nodes []app.UI
	var run strings.Builder
	for i, n := range names {
		sep := ""
		if i < len(names)-1 || hidden > 0 {
			sep = ", "
		}
		if !a.Ihighlight[authorKey(n)] {
			run.WriteString(n + sep)
			continue
		}
		if run.Len() > 0 {
			nodes = append(nodes, app.Span().Text(run.String()))
			run.Reset()
		}
		nodes = append(nodes, app.Strong().Text(n+sep))
	}
	if run.Len() > 0 {
		nodes = append(nodes, app.Span().Text(run.String()))
	}
	if hidden > 0 {
		nodes = append(nodes, app.Button().
			Type("button").
			Class("pw-more-authors").
			OnClick(a.onMore).
			Text(a.Imsg.MoreAuthors(hidden)))
	}
	// Rendered, hidden, for a paper without authors: the row's metadata
	// line keeps its parts in place (see paperRow.renderMeta).
	span := app.Span().Class("pw-authors").Attr("data-field", "authors")
	if len(a.Iauthors) == 0 {
		span = span.Hidden(true)
	}
	return span.Body(nodes...)
}

func (a *authorList) onMore(ctx app.Context, e app.Event) {
	a.expanded = true
}

// authorKey spells a name as highlighting compares names: case, accents
// and the dots and spaces of initials do not matter ("J. Doé", "j doe").
// Initials match only as written: "Jane Doe" does not highlight "J. Doe",
// which may be another person; list both.
func authorKey(name string) string { return fold.Words(name) }

// authorKeys are the keys of names, nil when there are none.
func authorKeys(names []string) map[string]bool {
	var keys map[string]bool
	for _, n := range names {
		if k := authorKey(n); k != "" {
			if keys == nil {
				keys = map[string]bool{}
			}
			keys[k] = true
		}
	}
	return keys
}
