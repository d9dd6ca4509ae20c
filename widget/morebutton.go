package widget

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// moreButton offers the next rows of the results. Typing renders fewer rows
// than a page (firstRows); once the button comes into the reader's view it
// asks for the rest of the first page (nearEndAction), so that a reader
// scrolling through results finds the page's rows where they were, while
// each keystroke renders only about the rows a screen shows.
type moreButton struct {
	app.Compo

	Imsg   *messages
	Icount int
	// Ifills is set while coming into view completes the page, that is
	// under a query's first rows; otherwise the button watches nothing (a
	// list's first page, on a phone, started 20-40 ms later with it).
	Ifills bool
	// Iwindow changes whenever the widget starts a new window of rows: the
	// button then asks again whether it is in view, since an observer
	// reports only changes and the button may have stayed in view.
	Iwindow int

	observer app.Value
	onSeen   app.Func
}

func newMoreButton() *moreButton { return &moreButton{} }

func (b *moreButton) Messages(m *messages) *moreButton { b.Imsg = m; return b }

// Count is how many rows a click adds.
func (b *moreButton) Count(n int) *moreButton { b.Icount = n; return b }

// Fills says whether coming into view completes the page.
func (b *moreButton) Fills(v bool) *moreButton { b.Ifills = v; return b }

// Window identifies the window of rows the button ends.
func (b *moreButton) Window(n int) *moreButton { b.Iwindow = n; return b }

func (b *moreButton) OnMount(ctx app.Context) {
	if b.Ifills {
		b.watch(ctx)
	}
}

func (b *moreButton) OnUpdate(ctx app.Context) {
	switch {
	case !b.Ifills:
		b.unwatch()
	case b.observer == nil:
		b.watch(ctx)
	default:
		b.observer.Call("unobserve", b.JSValue())
		b.observer.Call("observe", b.JSValue())
	}
}

func (b *moreButton) OnDismount() { b.unwatch() }

// watch reports the button's coming into view to the widget.
func (b *moreButton) watch(ctx app.Context) {
	io := app.Window().Get("IntersectionObserver")
	if !io.Truthy() {
		return // the button alone still shows every row
	}
	b.onSeen = app.FuncOf(func(_ app.Value, args []app.Value) any {
		entries := args[0]
		for i := range entries.Length() {
			if entries.Index(i).Get("isIntersecting").Bool() {
				ctx.Dispatch(func(ctx app.Context) { ctx.NewAction(nearEndAction) })
				break
			}
		}
		return nil
	})
	// No margin ahead of the screen: ten rows are about a screen (50-100
	// px each on a laptop), so a margin would bring the rest of the page
	// on most keystrokes, undoing what firstRows saves. The rows take the
	// button's place a frame or two after it shows. Inside an iframe (the
	// embed) the button is seen once it shows in the host page.
	b.observer = io.New(b.onSeen, map[string]any{})
	b.observer.Call("observe", b.JSValue())
}

func (b *moreButton) unwatch() {
	if b.observer != nil {
		b.observer.Call("disconnect")
		b.onSeen.Release()
		b.observer = nil
	}
}

func (b *moreButton) Render() app.UI {
	return app.Button().
		Type("button").
		Class("pw-more").
		OnClick(b.onClick).
		Text(b.Imsg.ShowMore(b.Icount))
}

func (b *moreButton) onClick(ctx app.Context, e app.Event) {
	ctx.NewAction(showMoreAction)
}

// moreFocused reports whether the keyboard focus is on the button.
func moreFocused() bool {
	return matches(app.Window().Get("document").Get("activeElement"), "[data-paper-widget] .pw-more")
}
