package widget

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

// paperRow is one result: the title toggles the abstract; authors, venue,
// date, tags and links show when the list has them.
type paperRow struct {
	app.Compo

	Imsg      *messages
	Islot     int
	Ipaper    *paper.Paper
	Ispans    search.Spans
	Iexpanded bool
	Itarget   bool
	IlinkTo   string
	IlinkIn   string
	Icopied   bool
	IbibOpen  bool
	// Ihighlight: authorlist.go.
	Ihighlight map[string]bool
}

func newPaperRow() *paperRow { return &paperRow{} }

func (r *paperRow) Messages(m *messages) *paperRow { r.Imsg = m; return r }

// Key names the row by its paper. The build's go-app (see
// build/site/_goapp/keyed.go) then keeps a paper's row while the paper
// stays in the list, moving it, where a diff by position rewrote every
// row whose rank changed.
func (r *paperRow) Key() string { return r.Ipaper.ID }

// Slot is the row's position in the list. It names the row's elements
// (see id): ids that stay when another paper fills the slot, so a
// keystroke does not rewrite them.
func (r *paperRow) Slot(i int) *paperRow { r.Islot = i; return r }

// Paper is shared with the list, not copied: go-app compares a row's
// fields on every render, and a pointer compares in one step.
func (r *paperRow) Paper(p *paper.Paper) *paperRow { r.Ipaper = p; return r }

// Spans are the matches to highlight in the title and abstract.
func (r *paperRow) Spans(s search.Spans) *paperRow { r.Ispans = s; return r }

func (r *paperRow) Expanded(v bool) *paperRow { r.Iexpanded = v; return r }

// Target highlights the row opened by its permalink.
func (r *paperRow) Target(v bool) *paperRow { r.Itarget = v; return r }

// Permalink points to base#paper-<id>, opened in target.
func (r *paperRow) Permalink(base, target string) *paperRow {
	r.IlinkTo, r.IlinkIn = base, target
	return r
}

func (r *paperRow) Copied(v bool) *paperRow { r.Icopied = v; return r }

func (r *paperRow) BibtexOpen(v bool) *paperRow { r.IbibOpen = v; return r }

// Highlight names the authors shown in bold (authorKey spellings).
func (r *paperRow) Highlight(keys map[string]bool) *paperRow { r.Ihighlight = keys; return r }

// id names one of the row's elements by the row's slot, not its paper:
// another paper filling the slot keeps the element's id and the names
// composed from it (see labelledBy).
func (r *paperRow) id(part string) string { return "pw-" + part + "-" + strconv.Itoa(r.Islot) }

// labelledBy names the element whose id is self by its own text, the
// list's hidden "of" (see paperList.renderLabels) and the row's title:
// "PDF of <title>" for screen readers. A hidden copy of the title in every
// link made a text write and a layout of the title per link at every
// keystroke that changed the row's paper; these ids stay with the slot.
func (r *paperRow) labelledBy(self string) string {
	return self + " " + linkOfLabel + " " + r.id("title")
}

func (r *paperRow) Render() app.UI {
	p := r.Ipaper
	abstractID := r.id("abstract")
	class := "pw-paper"
	if r.Itarget {
		class += " pw-target"
	}
	// Attr, not DataSet or Aria, for the attributes of every row: those
	// format their value with fmt.Sprintf, which was 3% of the time spent
	// rendering rows while typing.
	return app.Li().
		Class(class).
		ID("paper-"+p.ID).
		Attr("data-paper-id", p.ID).
		Body(
			app.H2().Class("pw-title").Body(
				app.Button().
					Type("button").
					ID(r.id("title")).
					Attr("data-field", "title").
					Attr("aria-expanded", strconv.FormatBool(r.Iexpanded)).
					Attr("aria-controls", abstractID).
					// No EventScope: go-app keeps this row's component
					// when the paper in its slot changes, so the handler
					// reads the current paper; scoping it by paper would
					// replace the listener on every keystroke.
					OnClick(r.onToggle).
					Body(highlight(p.Title, r.Ispans.Title)...),
			),
			r.renderMeta(),
			r.renderTags(),
			r.renderLinks(),
			r.renderBibtex(),
			app.Div().
				ID(abstractID).
				Class("pw-abstract").
				Attr("data-field", "abstract").
				Hidden(!r.Iexpanded).
				Body(r.renderAbstract()),
		)
}

func (r *paperRow) renderAbstract() app.UI {
	if !r.Ipaper.HasAbstract() {
		return app.P().Class("pw-none").Text(r.Imsg.NoAbstract)
	}
	if !r.Iexpanded {
		if app.IsClient {
			// Collapsed rows carry no abstract in the live page: every
			// keystroke would rewrite up to a page of hidden text.
			return nil
		}
		// The pre-rendered page keeps every abstract for readers without
		// JavaScript (noscript.css shows them).
		return app.P().Text(r.Ipaper.AbstractText())
	}
	return app.P().Body(highlight(r.Ipaper.AbstractText(), r.Ispans.Abstract)...)
}

// renderMeta, renderTags and renderLinks render the same elements for every
// paper, hidden when it has nothing to show in them: go-app diffs children
// by position, and a part present in one row and absent in the next shifted
// every later part, which it then replaced instead of updating. Hidden is
// set only when true: go-app writes Hidden(false) into the pre-rendered
// page as hidden="false", which hides.
func (r *paperRow) renderMeta() app.UI {
	p := r.Ipaper
	venue := venueBadge(p.Venue, p.Abbr)
	if p.Venue == "" && p.Abbr == "" {
		venue = app.Span().Class("pw-venue").Hidden(true)
	}
	// No <time> without a date: a time element names one.
	var date app.UI = app.Span().Hidden(true)
	if p.Date != "" {
		date = app.Time().Attr("datetime", p.Date).Text(r.Imsg.readableDate(p.Date))
	}
	meta := app.P().Class("pw-meta")
	if len(p.Authors) == 0 && p.Venue == "" && p.Abbr == "" && p.Date == "" {
		meta = meta.Hidden(true)
	}
	return meta.Body(
		newAuthorList().Messages(r.Imsg).Authors(p.Authors).Highlight(r.Ihighlight),
		venue,
		date,
	)
}

// renderTags renders the tags as buttons that filter the list by their
// tag. One listener on the list serves them all, kept when another paper
// fills the row, and a button names its tag by its place in the paper's
// tags (list text never goes into attributes): a listener per tag was added
// and removed, with a component mounted, for every tag that came or went
// in a keystroke.
func (r *paperRow) renderTags() app.UI {
	tags := app.Ul().Class("pw-tags").Aria("label", r.Imsg.Tags).OnClick(r.onTag)
	if len(r.Ipaper.Tags) == 0 {
		tags = tags.Hidden(true)
	}
	return tags.Body(
		app.Range(r.Ipaper.Tags).Slice(func(i int) app.UI {
			n := strconv.Itoa(i)
			id := r.id("tag") + "-" + n
			return app.Li().Body(
				app.Button().
					Type("button").
					Class("pw-tag").
					ID(id).
					Attr("data-tag", n).
					// "Show papers tagged <tag>": the list's hidden label
					// first, as in labelledBy.
					Attr("aria-labelledby", filterTagLabel+" "+id).
					Text(r.Ipaper.Tags[i]),
			)
		}),
	)
}

// onTag filters by the tag whose button was clicked.
func (r *paperRow) onTag(ctx app.Context, e app.Event) {
	button := e.Get("target").Call("closest", "button")
	if !button.Truthy() {
		return
	}
	if i, err := strconv.Atoi(button.Get("dataset").Get("tag").String()); err == nil && i >= 0 && i < len(r.Ipaper.Tags) {
		ctx.NewActionWithValue(tagAction, r.Ipaper.Tags[i])
	}
}

// linkKinds are the links a row can show, in order, by their LinkLabels
// key.
var linkKinds = [...]string{"url", "pdf", "arxiv", "doi", "code"}

// links returns the row's link addresses by kind, "" for those the paper
// lacks.
func (r *paperRow) links() (hrefs [len(linkKinds)]string) {
	p := r.Ipaper
	hrefs[0], hrefs[1], hrefs[4] = p.URL, p.PDF, p.Code
	if p.Arxiv != "" {
		hrefs[2] = (&url.URL{Scheme: "https", Host: "arxiv.org", Path: "/abs/" + p.Arxiv}).String()
	}
	if p.DOI != "" {
		hrefs[3] = (&url.URL{Scheme: "https", Host: "doi.org", Path: "/" + p.DOI}).String()
	}
	return hrefs
}

func (r *paperRow) renderLinks() app.UI {
	hrefs := r.links()
	// One place per kind of link, an empty hidden element when the paper
	// lacks it: a link missing in one paper and present in the next no
	// longer moves the links after it, which go-app then rebuilt. The
	// permalink and copy button come last: when they come and go, nothing
	// before them moves.
	links := app.P().Class("pw-links")
	if hrefs == [len(linkKinds)]string{} && r.Ipaper.Bibtex == "" && !r.Iexpanded {
		links = links.Hidden(true)
	}
	return links.Body(
		app.Range(linkKinds[:]).Slice(func(i int) app.UI {
			if hrefs[i] == "" {
				// Not an anchor: every link of the widget leads
				// somewhere.
				return app.Span().Hidden(true)
			}
			id := r.id(linkKinds[i])
			return app.A().
				ID(id).
				Href(hrefs[i]).
				Target("_blank").
				Rel("noopener noreferrer").
				Attr("aria-labelledby", r.labelledBy(id)).
				Text(r.Imsg.LinkLabels[linkKinds[i]])
		}),
		// The permalink shows with the abstract: collapsed lists stay one
		// line a paper.
		app.If(r.Iexpanded, r.renderPermalink),
		r.renderCopy(),
	)
}

func (r *paperRow) renderCopy() app.UI {
	if r.Ipaper.Bibtex == "" {
		return nil
	}
	label := r.Imsg.CopyBibtex
	if r.Icopied {
		label = r.Imsg.Copied + " ✓"
	}
	id := r.id("copy")
	return app.Button().
		Type("button").
		Class("pw-copy").
		ID(id).
		OnClick(r.onCopy).
		Attr("aria-labelledby", r.labelledBy(id)).
		Text(label)
}

func (r *paperRow) renderBibtex() app.UI {
	if !r.IbibOpen {
		return app.Div().Class("pw-bibtex").Hidden(true)
	}
	return app.Div().Class("pw-bibtex").Body(
		app.Label().For("bibtex-"+r.Ipaper.ID).Text(r.Imsg.BibtexOf+"“"+r.Ipaper.Title+"”"),
		app.Textarea().
			ID("bibtex-"+r.Ipaper.ID).
			ReadOnly(true).
			Rows(min(12, 2+strings.Count(r.Ipaper.Bibtex, "\n"))).
			Aria("describedby", "bibtex-hint-"+r.Ipaper.ID).
			Text(r.Ipaper.Bibtex),
		// Shown only where the clipboard refused: say how to copy.
		app.P().Class("pw-copy-hint").ID("bibtex-hint-"+r.Ipaper.ID).Text(r.Imsg.CopyHint(copyKey())),
	)
}

func (r *paperRow) onCopy(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(copyAction, r.Ipaper.ID)
}

// renderPermalink links the paper by #paper-<id>: see Widget.permalinks.
func (r *paperRow) renderPermalink() app.UI {
	a := app.A().Class("pw-permalink").Href(r.IlinkTo + "#paper-" + r.Ipaper.ID)
	if r.IlinkIn != "" {
		a = a.Target(r.IlinkIn).Rel("noopener")
	}
	return a.Body(
		app.Text(r.Imsg.Link),
		app.Span().Class("pw-sr").Text(r.Imsg.PermalinkOf+"“"+r.Ipaper.Title+"”"),
	)
}

func (r *paperRow) onToggle(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(toggleAction, r.Ipaper.ID)
}
