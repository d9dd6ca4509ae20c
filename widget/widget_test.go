package widget

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/facet"
	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

func testList() paper.List {
	return paper.List{Title: "Lab papers", Papers: []paper.Paper{
		{ID: "a", Title: "Spiking networks <script>alert(1)</script>", Abstract: "About spikes & <b>bold</b> claims.",
			Authors: []string{"Ada Lovelace", "Alan Turing"}, Venue: "NeurIPS", Date: "2024-03",
			PDF: "https://example.org/a.pdf", Arxiv: "2403.01234", Tags: []string{"snn"}},
		{ID: "b", Title: "Hebbian learning", Abstract: "Plasticity rules."},
		{ID: "c", Title: "Gain control in cortex"},
	}}
}

// render mounts w in go-app's test engine, as the build's pre-renderer does,
// and returns its HTML.
func render(t *testing.T, w *Widget) string {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(w); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return app.HTMLString(w)
}

func TestRendersEveryPaperWithContractHooks(t *testing.T) {
	html := render(t, New().List(testList()))
	for _, want := range []string{
		`data-paper-widget`,
		`data-theme="auto"`,
		`<h1 class="pw-heading">Lab papers</h1>`,
		`data-result-count="3"`,
		`3 of 3 papers`,
		`data-paper-id="a"`, `data-paper-id="b"`, `data-paper-id="c"`,
		`data-field="title"`,
		`data-field="abstract"`,
		`aria-expanded="false"`,
		`Ada Lovelace, Alan Turing`,
		`href="https://arxiv.org/abs/2403.01234"`,
		`target="_blank"`,
		`rel="noopener noreferrer"`,
		`type="search"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("rendered HTML lacks %s", want)
		}
	}
	// The contract: the page's only search field (the author filter is
	// a text field).
	if n := strings.Count(html, `type="search"`); n != 1 {
		t.Errorf("%d search fields, want one", n)
	}
}

// A row's metadata, tags and links show in the pre-rendered page, read
// without JavaScript: rows render every part, hidden when empty, and an
// element that is not to be hidden carries no hidden attribute at all
// (hidden="false" hides).
func TestPreRenderedRowPartsShow(t *testing.T) {
	html := render(t, New().List(testList()))
	if strings.Contains(html, `hidden="false"`) {
		t.Error(`the pre-rendered page has hidden="false", which hides`)
	}
	row := html[strings.Index(html, `data-paper-id="a"`):strings.Index(html, `data-paper-id="b"`)]
	for _, class := range []string{"pw-meta", "pw-tags", "pw-links", "pw-authors"} {
		tag := regexp.MustCompile(`<[a-z0-9]+ [^>]*class="` + class + `"[^>]*>`).FindString(row)
		if tag == "" || strings.Contains(tag, "hidden") {
			t.Errorf("paper a's %s: %q, want it shown", class, tag)
		}
	}
}

func TestTextIsNeverMarkup(t *testing.T) {
	html := render(t, New().List(testList()).Query("spiking"))
	if strings.Contains(html, "<script>") || strings.Contains(html, "<b>") {
		t.Fatalf("list text rendered as markup:\n%s", html)
	}
	if !strings.Contains(html, "&lt;script&gt;") || !strings.Contains(html, "&lt;b&gt;bold&lt;/b&gt;") {
		t.Error("list text not shown escaped")
	}
	if !strings.Contains(html, "<mark>Spiking</mark>") {
		t.Error("the matched title word is not highlighted")
	}
}

func TestQueryFiltersAndCounts(t *testing.T) {
	html := render(t, New().List(testList()).Query("hebbian"))
	if !strings.Contains(html, "1 of 3 papers") || strings.Contains(html, `data-paper-id="a"`) {
		t.Errorf("query hebbian: want 1 of 3, only paper b:\n%s", html)
	}
}

func TestEmptyResultSaysSo(t *testing.T) {
	html := render(t, New().List(testList()).Query("xqzvbw"))
	for _, want := range []string{`0 of 3 papers`, `No papers match “xqzvbw”.`, `Clear search`} {
		if !strings.Contains(html, want) {
			t.Errorf("empty result lacks %q", want)
		}
	}
}

func TestThemeParameterIsValidated(t *testing.T) {
	for theme, want := range map[string]string{"dark": "dark", "light": "light", "auto": "auto", "": "auto", `x" onload="y`: "auto"} {
		if html := render(t, New().List(testList()).Theme(theme)); !strings.Contains(html, `data-theme="`+want+`"`) {
			t.Errorf("theme %q: want data-theme=%q", theme, want)
		}
	}
}

func TestLoadErrorIsAnAlert(t *testing.T) {
	html := render(t, New().LoadError("Could not load the paper list x.json: HTTP 404."))
	if !strings.Contains(html, `role="alert"`) || !strings.Contains(html, "HTTP 404") {
		t.Errorf("load error not shown as an alert:\n%s", html)
	}
}

func TestProblemsNameTheField(t *testing.T) {
	problems := []paper.Problem{
		{Index: 1, Field: "title", Msg: "missing (required)", Skipped: true},
		{Index: 2, Field: "date", Msg: `"2024-13-01" is not a date`},
	}
	html := render(t, New().List(testList()).Problems(problems))
	for _, want := range []string{`role="alert"`, "papers[1].title: missing (required)", "papers[2].date", "1 paper was left out"} {
		if !strings.Contains(html, want) {
			t.Errorf("problem alert lacks %q:\n%s", want, html)
		}
	}
}

// The pre-rendered page holds every paper (the browser renders a window
// with "show more", tested in e2e).
func TestPreRenderHoldsEveryPaper(t *testing.T) {
	var l paper.List
	for i := range 120 {
		l.Papers = append(l.Papers, paper.Paper{ID: fmt.Sprint("p", i), Title: fmt.Sprint("Paper ", i)})
	}
	html := render(t, New().List(l))
	if n := strings.Count(html, "data-paper-id="); n != 120 {
		t.Errorf("%d rows pre-rendered, want all 120", n)
	}
	// Only the stand-in for the first window's button, shown in embeds
	// (which show that window only), hidden from everyone else.
	if strings.Count(html, "more</button>") != 1 || !regexp.MustCompile(`<button [^>]*class="pw-more pw-more-prerendered"[^>]*>`).MatchString(html) || !strings.Contains(html, "disabled") {
		t.Errorf("pre-rendered page offers 'show more' with every row present: %s", html[strings.LastIndex(html, "<button"):])
	}
}

// go-app writes attribute values with strconv.Quote, which HTML does not
// read as escaping: list text must never reach an attribute.
func TestListTextStaysOutOfAttributes(t *testing.T) {
	l := paper.List{Papers: []paper.Paper{{ID: "q", Title: `x" onmouseover="alert(1)`, PDF: "https://example.org/a.pdf"}}}
	html := render(t, New().List(l))
	if strings.Contains(html, `\"`) {
		t.Fatalf("list text reached an attribute (go-app wrote it with strconv.Quote):\n%s", html)
	}
	if !strings.Contains(html, `x&#34; onmouseover=&#34;alert(1)`) {
		t.Errorf("the title is not shown as escaped text:\n%s", html)
	}
}

func TestFiltersWithoutMatchesSaySo(t *testing.T) {
	html := render(t, New().List(testList()).Filter(facet.Filter{Years: []string{"1999"}}))
	if !strings.Contains(html, "No papers match these filters.") || !strings.Contains(html, "0 of 3 papers") {
		t.Errorf("empty filtered view:\n%s", html)
	}
}

// Every rendered row is highlighted, also past the first page and in an
// order other than relevance; growing the window replaces the spans that
// rendered rows hold instead of changing them.
func TestRenderedRowsAreHighlighted(t *testing.T) {
	var l paper.List
	for i := range 3 * pageSize {
		l.Papers = append(l.Papers, paper.Paper{ID: fmt.Sprint("p", i), Title: fmt.Sprint("Hebbian rule ", 3*pageSize-i)})
	}
	for _, order := range []string{"relevance", "title"} {
		html := render(t, New().List(l).Query("hebbian").Sort(order))
		if n := strings.Count(html, "<mark>Hebbian</mark>"); n != len(l.Papers) {
			t.Errorf("sort %s: %d of %d pre-rendered rows highlighted", order, n, len(l.Papers))
		}
	}

	w := New().List(l).Query("hebbian").Sort("title")
	w.OnInit()
	if len(w.spans) != firstRows {
		t.Fatalf("%d rows highlighted, want the first %d", len(w.spans), firstRows)
	}
	first := w.spans
	w.show(pageSize + 5)
	if len(w.spans) != pageSize+5 {
		t.Fatalf("show: %d rows highlighted, want %d", len(w.spans), pageSize+5)
	}
	if &w.spans[0] == &first[0] {
		t.Fatal("show reused the spans slice that the rendered rows hold")
	}
	for i, s := range w.spans {
		if !slices.Equal(s.Title, []search.Span{{Start: 0, End: 7}}) {
			t.Fatalf("row %d (%q) has spans %v", i, l.Papers[w.results[i].Paper].Title, s.Title)
		}
	}
}

// A reader who scrolled the pre-rendered page down to a paper finds the
// rows down to it, and a window more, in the client's first render; a query,
// filter or order that makes another list leaves the first window alone.
func TestPlaceShowsTheRowsDownToTheReader(t *testing.T) {
	var l paper.List
	for i := range 120 {
		// Newest first, as the pre-rendered page shows a dated list.
		l.Papers = append(l.Papers, paper.Paper{ID: fmt.Sprint("p", i), Title: fmt.Sprint("Paper ", i), Date: fmt.Sprint(2100 - i/6)})
	}
	for _, c := range []struct {
		name  string
		w     *Widget
		limit int
		place string
	}{
		{"scrolled to row 48", New().List(l).Place("p47", 12), 47 + pageSize, "p47"},
		{"scrolled within the first window", New().List(l).Place("p3", 12), 3 + pageSize, "p3"},
		{"not scrolled", New().List(l), pageSize, ""},
		{"a paper not in the list", New().List(l).Place("elsewhere", 12), pageSize, ""},
		{"a query", New().List(l).Query("paper").Place("p47", 12), firstRows, ""},
		{"a year", New().List(l).Filter(facet.Filter{Years: []string{"2090"}}).Place("p47", 12), pageSize, ""},
		{"another order", New().List(l).Sort("title").Place("p47", 12), pageSize, ""},
	} {
		c.w.OnInit()
		if c.w.limit != c.limit || c.w.place != c.place {
			t.Errorf("%s: %d rows shown, place %q; want %d, %q", c.name, c.w.limit, c.w.place, c.limit, c.place)
		}
	}
}

// A typed query renders fewer rows than a page; scrolling towards their end
// completes the page, once, and the list without a query shows a whole page.
func TestTypedQueryRendersTheFirstRows(t *testing.T) {
	var l paper.List
	for i := range 3 * pageSize {
		l.Papers = append(l.Papers, paper.Paper{ID: fmt.Sprint("p", i), Title: fmt.Sprint("Hebbian rule ", i)})
	}
	w := New().List(l)
	w.OnInit()
	if w.limit != pageSize {
		t.Fatalf("no query: %d rows, want a page of %d", w.limit, pageSize)
	}
	w.setQuery("hebbian")
	if w.limit != firstRows || len(w.spans) != firstRows {
		t.Fatalf("typed query: %d rows (%d highlighted), want %d", w.limit, len(w.spans), firstRows)
	}
	for range 2 {
		w.onNearEnd(app.Context{}, app.Action{})
		if w.limit != pageSize || len(w.spans) != pageSize {
			t.Fatalf("near the end: %d rows (%d highlighted), want the page of %d", w.limit, len(w.spans), pageSize)
		}
	}
	w.setQuery("hebbian r")
	if w.limit != firstRows {
		t.Errorf("next key: %d rows, want %d again", w.limit, firstRows)
	}
	w.setQuery("")
	if w.limit != pageSize {
		t.Errorf("query cleared: %d rows, want %d", w.limit, pageSize)
	}
}

// The author filter is offered for a list that names authors, and its
// suggestions wait until the field is used: a list without authors has no
// author field, and the page the list first shows holds no names to
// suggest.
func TestAuthorFieldOnlyForListsWithAuthors(t *testing.T) {
	html := render(t, New().List(testList()))
	if !strings.Contains(html, `id="pw-author"`) {
		t.Error("a list naming authors offers no author filter")
	}
	if strings.Contains(html, `id="pw-authors"`) {
		t.Error("the first page of the list already holds the author suggestions")
	}
	l := testList()
	for i := range l.Papers {
		l.Papers[i].Authors = nil
	}
	if html := render(t, New().List(l)); strings.Contains(html, `id="pw-author"`) {
		t.Error("a list without authors offers an author filter")
	}
}
