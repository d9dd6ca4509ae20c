package widget

import (
	"fmt"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/facet"
)

// maxTags keeps the tag row short on lists with hundreds of keywords: the
// most frequent ones, plus any chosen.
const maxTags = 15

// filterBar holds the sort order and the year and tag filters, each with
// the number of results choosing it would leave.
type filterBar struct {
	app.Compo

	Imsg     *messages
	Iorder   facet.Order
	Iorders  []facet.Order
	Ifilter  facet.Filter
	Iyears   []facet.Count
	Itags    []facet.Count
	IonOrder func(app.Context, facet.Order)
	IonYear  func(app.Context, string)
	IonTag   func(app.Context, string)
}

func newFilterBar() *filterBar { return &filterBar{} }

func (b *filterBar) Messages(m *messages) *filterBar { b.Imsg = m; return b }

// Order is the current sort, one of the orders offered.
func (b *filterBar) Order(o facet.Order, offered []facet.Order) *filterBar {
	b.Iorder, b.Iorders = o, offered
	return b
}

func (b *filterBar) Filter(f facet.Filter, years, tags []facet.Count) *filterBar {
	b.Ifilter, b.Iyears, b.Itags = f, years, tags
	return b
}

func (b *filterBar) OnOrder(fn func(app.Context, facet.Order)) *filterBar { b.IonOrder = fn; return b }

func (b *filterBar) OnYear(fn func(app.Context, string)) *filterBar { b.IonYear = fn; return b }

func (b *filterBar) OnTag(fn func(app.Context, string)) *filterBar { b.IonTag = fn; return b }

func (b *filterBar) Render() app.UI {
	return app.Div().Class("pw-filters").Body(
		b.renderSort(),
		app.If(len(b.Iyears) > 0 || b.Ifilter.Year != "", b.renderYears),
		app.If(len(b.Itags) > 0, b.renderTags),
	)
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

func (b *filterBar) renderYears() app.UI {
	return app.Div().Class("pw-field").Body(
		app.Label().For("pw-year").Text(b.Imsg.YearLabel),
		app.Select().ID("pw-year").OnChange(b.onYear).Body(
			app.Option().Value("").Selected(b.Ifilter.Year == "").Text(b.Imsg.AnyYear),
			app.Range(b.Iyears).Slice(func(i int) app.UI {
				y := b.Iyears[i]
				return app.Option().
					Value(y.Value).
					Selected(y.Value == b.Ifilter.Year).
					Text(fmt.Sprintf("%s (%d)", y.Value, y.N))
			}),
		),
	)
}

func (b *filterBar) renderTags() app.UI {
	var shown []facet.Count
	for i, t := range b.Itags {
		if i < maxTags || slices.Contains(b.Ifilter.Tags, t.Value) {
			shown = append(shown, t)
		}
	}
	return app.Div().Class("pw-field pw-tagfilter").Role("group").Aria("labelledby", "pw-tags-label").Body(
		app.Span().ID("pw-tags-label").Text(b.Imsg.TagsLabel),
		app.Range(shown).Slice(func(i int) app.UI {
			t := shown[i]
			// The tag travels in the handler, not in an attribute: list
			// text never goes into attributes (see paperRow).
			onClick := func(ctx app.Context, e app.Event) { b.IonTag(ctx, t.Value) }
			return app.Button().
				Type("button").
				Class("pw-chip").
				Aria("pressed", slices.Contains(b.Ifilter.Tags, t.Value)).
				OnClick(onClick, app.EventScope(t.Value)).
				Text(fmt.Sprintf("%s (%d)", t.Value, t.N))
		}),
	)
}

func (b *filterBar) onOrder(ctx app.Context, e app.Event) {
	b.IonOrder(ctx, facet.ParseOrder(ctx.JSSrc().Get("value").String()))
}

func (b *filterBar) onYear(ctx app.Context, e app.Event) {
	b.IonYear(ctx, ctx.JSSrc().Get("value").String())
}
