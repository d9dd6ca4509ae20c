package widget

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/facet"
)

// maxTags keeps the tag row short on lists with hundreds of keywords: the
// most frequent ones, plus any chosen.
const maxTags = 15

// filterBar holds the sort order and the filters: years and tags (several
// at once, any of them), a venue, an author typed by name and the
// "Selected papers" view, each value with the number of results choosing
// it would leave.
type filterBar struct {
	app.Compo

	Imsg       *messages
	Iorder     facet.Order
	Iorders    []facet.Order
	Ifilter    facet.Filter
	Icounts    facet.Counts
	IanyAuthor bool
	Iauthors   []string
	IanySelect bool
	IonOrder   func(app.Context, facet.Order)
	IonFilter  func(app.Context, facet.Filter)
	IonSuggest func(app.Context)

	// open unfolds the filters on a narrow screen, where they fold
	// behind one button so that the first screen shows papers.
	open bool
	// author is the author filter last rendered.
	author string
}

func newFilterBar() *filterBar { return &filterBar{} }

func (b *filterBar) Messages(m *messages) *filterBar { b.Imsg = m; return b }

// Order is the current sort, one of the orders offered.
func (b *filterBar) Order(o facet.Order, offered []facet.Order) *filterBar {
	b.Iorder, b.Iorders = o, offered
	return b
}

func (b *filterBar) Filter(f facet.Filter, c facet.Counts) *filterBar {
	b.Ifilter, b.Icounts = f, c
	return b
}

// Authors offers the author filter, for a list that names authors, with
// the names to suggest (see OnSuggest).
func (b *filterBar) Authors(offered bool, suggestions []string) *filterBar {
	b.IanyAuthor, b.Iauthors = offered, suggestions
	return b
}

// Selectable offers the "Selected papers" view, for a list that marks some.
func (b *filterBar) Selectable(v bool) *filterBar { b.IanySelect = v; return b }

// OnSuggest asks for the author suggestions when the author field is first
// focused. Counting a list's authors took 20 ms of wasm at 10,000 papers
// and 190 ms at 100,000, and Chromium took seconds to insert a few hundred
// suggestions into the page: neither is paid while the list loads, nor by
// the many visits that never filter by author.
func (b *filterBar) OnSuggest(fn func(app.Context)) *filterBar { b.IonSuggest = fn; return b }

func (b *filterBar) OnOrder(fn func(app.Context, facet.Order)) *filterBar { b.IonOrder = fn; return b }

// OnFilter receives every change of the filter.
func (b *filterBar) OnFilter(fn func(app.Context, facet.Filter)) *filterBar {
	b.IonFilter = fn
	return b
}

// OnUpdate empties the author field by hand when the filter is cleared:
// go-app drops empty attribute values, so rendering Value("") would leave
// the old text.
func (b *filterBar) OnUpdate(ctx app.Context) {
	cleared := b.Ifilter.Author == "" && b.author != ""
	b.author = b.Ifilter.Author
	if cleared {
		ctx.Defer(func(app.Context) {
			if in := app.Window().GetElementByID("pw-author"); in.Truthy() {
				in.Set("value", "")
			}
		})
	}
}

func (b *filterBar) Render() app.UI {
	panel := "pw-filter-panel"
	if b.open {
		panel += " pw-open"
	}
	return app.Div().Class("pw-filters").Body(
		b.renderSort(),
		// Shown on narrow screens only (paperwidget.css).
		app.Button().
			Type("button").
			Class("pw-filters-toggle").
			Aria("expanded", b.open).
			Aria("controls", "pw-filter-panel").
			OnClick(b.onToggle).
			Text(b.Imsg.Filters(b.chosen())),
		app.Div().ID("pw-filter-panel").Class(panel).Body(b.renderFilters()...),
	)
}

// chosen counts the filter values set, for the folded filters' button.
func (b *filterBar) chosen() int {
	f := b.Ifilter
	n := len(f.Years) + len(f.Tags) + len(f.Venues)
	if strings.TrimSpace(f.Author) != "" {
		n++
	}
	if f.Selected {
		n++
	}
	return n
}

func (b *filterBar) onToggle(ctx app.Context, e app.Event) { b.open = !b.open }

func (b *filterBar) renderFilters() []app.UI {
	c := b.Icounts
	return []app.UI{
		app.If(b.IanySelect, b.renderSelected),
		app.If(len(c.Years) > 0, func() app.UI {
			return b.renderChips("pw-years-label", b.Imsg.YearLabel, c.Years, &b.Ifilter.Years, b.onYear)
		}),
		app.If(len(c.Venues) > 0, b.renderVenues),
		app.If(b.IanyAuthor, b.renderAuthor),
		app.If(len(c.Tags) > 0, func() app.UI {
			return b.renderChips("pw-tags-label", b.Imsg.TagsLabel, b.tags(), &b.Ifilter.Tags, b.onTag)
		}),
	}
}

// tags are the tags offered: the most frequent, and the chosen ones.
func (b *filterBar) tags() []facet.Count {
	var shown []facet.Count
	for i, t := range b.Icounts.Tags {
		if i < maxTags || slices.Contains(b.Ifilter.Tags, t.Value) {
			shown = append(shown, t)
		}
	}
	return shown
}

func (b *filterBar) renderSort() app.UI {
	orders := b.Iorders
	return app.Div().Class("pw-field").Body(
		app.Label().For("pw-sort").Text(b.Imsg.SortLabel),
		app.Select().ID("pw-sort").OnChange(b.onOrder).Body(
			app.Range(orders).Slice(func(i int) app.UI {
				return app.Option().
					Value(string(orders[i])).
					Selected(orders[i] == b.Iorder).
					Text(b.Imsg.Orders[orders[i]])
			}),
		),
	)
}

// renderChips is a group of toggle buttons, one per value: several may be
// chosen (any of them passes), those in chosen are.
//
// A chip's value is its index, read by onClick when it is clicked: list
// text never goes into attributes (see paperRow), and a handler of each
// chip's own, scoped by its value, was replaced at every keystroke that
// reordered the chips by their counts (a listener removed and added, a Go
// function released and made).
func (b *filterBar) renderChips(id, label string, counts []facet.Count, chosen *[]string, onClick app.EventHandler) app.UI {
	return app.Div().Class("pw-field pw-chips").Role("group").Aria("labelledby", id).Body(
		app.Span().ID(id).Class("pw-chips-label").Text(label),
		app.Range(counts).Slice(func(i int) app.UI {
			v := counts[i]
			return app.Button().
				Type("button").
				Class("pw-chip").
				Value(i).
				Aria("pressed", slices.Contains(*chosen, v.Value)).
				OnClick(onClick).
				Text(fmt.Sprintf("%s (%d)", v.Value, v.N))
		}),
	)
}

func (b *filterBar) onYear(ctx app.Context, e app.Event) {
	b.toggleChip(ctx, b.Icounts.Years, func(f *facet.Filter) *[]string { return &f.Years })
}

func (b *filterBar) onTag(ctx app.Context, e app.Event) {
	b.toggleChip(ctx, b.tags(), func(f *facet.Filter) *[]string { return &f.Tags })
}

// toggleChip adds the value of the clicked chip, one of counts as
// rendered, to the filter's list field, or removes it from there.
func (b *filterBar) toggleChip(ctx app.Context, counts []facet.Count, field func(*facet.Filter) *[]string) {
	i, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if err != nil || i < 0 || i >= len(counts) {
		return
	}
	f := b.Ifilter
	values := field(&f)
	*values = toggle(*values, counts[i].Value)
	b.IonFilter(ctx, f)
}

// toggle returns values with v added, or removed when it is there.
func toggle(values []string, v string) []string {
	if i := slices.Index(values, v); i >= 0 {
		return slices.Delete(slices.Clone(values), i, i+1)
	}
	return append(slices.Clone(values), v)
}

func (b *filterBar) renderVenues() app.UI {
	chosen := b.chosenVenue()
	venues := b.venues(chosen)
	return app.Div().Class("pw-field").Body(
		app.Label().For("pw-venue").Text(b.Imsg.VenueLabel),
		app.Select().ID("pw-venue").OnChange(b.onVenue).Body(
			app.Option().Value("").Selected(chosen == "").Text(b.Imsg.AnyVenue),
			app.Range(venues).Slice(func(i int) app.UI {
				v := venues[i]
				// The index, not the venue, is the option's value: list
				// text never goes into attributes.
				return app.Option().
					Value(i).
					Selected(v.Value == chosen).
					Text(fmt.Sprintf("%s (%d)", shortVenue(v.Value), v.N))
			}),
		),
	)
}

// maxVenues keeps the venue menu short, as maxTags the tags: every option
// is rewritten as the counts change, which Chromium is slow at for a
// select of a hundred.
const maxVenues = 20

// venues are the venues offered: the most frequent, and the chosen one.
func (b *filterBar) venues(chosen string) []facet.Count {
	var shown []facet.Count
	for i, v := range b.Icounts.Venues {
		if i < maxVenues || v.Value == chosen {
			shown = append(shown, v)
		}
	}
	return shown
}

func (b *filterBar) chosenVenue() string {
	if len(b.Ifilter.Venues) > 0 {
		return b.Ifilter.Venues[0]
	}
	return ""
}

func (b *filterBar) renderAuthor() app.UI {
	return app.Div().Class("pw-field pw-author").Body(
		app.Label().For("pw-author").Text(b.Imsg.AuthorLabel),
		app.Input().
			ID("pw-author").
			Type("text").
			List("pw-authors").
			Value(b.Ifilter.Author).
			AutoComplete(false).
			Spellcheck(false).
			OnFocus(b.onAuthorFocus).
			OnInput(b.onAuthor),
		app.If(len(b.Iauthors) > 0, func() app.UI {
			return app.DataList().ID("pw-authors").Body(
				app.Range(b.Iauthors).Slice(func(i int) app.UI {
					return app.Option().Text(b.Iauthors[i])
				}),
			)
		}),
	)
}

func (b *filterBar) renderSelected() app.UI {
	return app.Div().Class("pw-field").Body(
		app.Button().
			Type("button").
			Class("pw-chip pw-selected").
			Aria("pressed", b.Ifilter.Selected).
			OnClick(b.onSelected).
			Text(fmt.Sprintf("%s (%d)", b.Imsg.SelectedPapers, b.Icounts.Selected)),
	)
}

func (b *filterBar) onOrder(ctx app.Context, e app.Event) {
	b.IonOrder(ctx, facet.ParseOrder(ctx.JSSrc().Get("value").String()))
}

func (b *filterBar) onVenue(ctx app.Context, e app.Event) {
	f := b.Ifilter
	f.Venues = nil
	venues := b.venues(b.chosenVenue())
	if i, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil && i >= 0 && i < len(venues) {
		f.Venues = []string{venues[i].Value}
	}
	b.IonFilter(ctx, f)
}

func (b *filterBar) onAuthorFocus(ctx app.Context, e app.Event) {
	if b.Iauthors == nil && b.IonSuggest != nil {
		b.IonSuggest(ctx)
	}
}

func (b *filterBar) onAuthor(ctx app.Context, e app.Event) {
	f := b.Ifilter
	f.Author = ctx.JSSrc().Get("value").String()
	b.IonFilter(ctx, f)
}

func (b *filterBar) onSelected(ctx app.Context, e app.Event) {
	f := b.Ifilter
	f.Selected = !f.Selected
	b.IonFilter(ctx, f)
}
