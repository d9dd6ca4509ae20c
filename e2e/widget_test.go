package e2e

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/paperwidget/paperwidget/paper"
)

// bundled is the list the site is built with, read independently of the
// widget so the tests compare against the data, not the widget's own view.
func bundled(t *testing.T) paper.List {
	t.Helper()
	data, err := os.ReadFile("../data/papers.json")
	if err != nil {
		t.Fatal(err)
	}
	var l paper.List
	if err := json.Unmarshal(data, &l); err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLoadsBundledList(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("")
	total := len(bundled(t).Papers)
	if got := p.count(); got != total {
		t.Errorf("count = %d, want %d", got, total)
	}
	if got := p.text(`[data-result-count]`); got != "70 of 70 papers" {
		t.Errorf("count text = %q", got)
	}
	inputs := eval[int](p, `document.querySelectorAll('input[type="search"]').length`)
	if inputs != 1 {
		t.Errorf("%d search fields, want exactly 1", inputs)
	}
	label := eval[string](p, `document.querySelector('input[type="search"]').labels[0]?.textContent ?? ""`)
	if label == "" {
		t.Error("search field has no label")
	}
	if ids := p.rowIDs(); len(ids) == 0 || len(ids) > total {
		t.Errorf("%d rows rendered", len(ids))
	}
	if got := p.expandedIDs(); len(got) != 0 {
		t.Errorf("abstracts visible before any click: %v", got)
	}
	// The list came inside the page (build/site/inlinelist.go): no second
	// download, and its text is let go once read.
	checkListInPage(t, p)
	p.noConsoleErrors()
}

// checkListInPage checks that the page never fetched the bundled list's
// file and holds no copy of its text once the widget started.
func checkListInPage(t *testing.T, p *page) {
	t.Helper()
	if got := eval[[]string](p, `performance.getEntriesByType("resource").map(e => e.name).filter(n => n.includes("/web/papers.json"))`); len(got) > 0 {
		t.Errorf("the bundled list was downloaded beside the page: %v", got)
	}
	if eval[bool](p, `!!document.getElementById("paperwidget-list")`) {
		t.Error("the list's data block is still in the page after the widget read it")
	}
}

func TestShowMoreRendersTheRest(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("")
	total := len(bundled(t).Papers)
	if n := len(p.rowIDs()); n >= total {
		t.Fatalf("all %d rows rendered at once; want a window with 'show more'", n)
	}
	p.showAll()
	more := eval[int](p, `document.querySelectorAll('.pw-more').length`)
	if more != 0 {
		t.Error("'show more' still offered with every row rendered")
	}
}

// A typed query renders the rows a screen shows; scrolling towards their end
// brings the rest of the first page without a click, and keeps the reader
// typing where they were. A keyboard reader on the button keeps the button.
func TestScrollingCompletesTheFirstPage(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.run(chromedp.EmulateViewport(1280, 500))
	p.open("")
	p.typeQuery("network")
	matches := p.count()
	if matches <= 20 {
		t.Fatalf("%q matches %d papers; the test needs more than a page of 20", "network", matches)
	}
	first := len(p.rowIDs())
	if first >= 20 {
		t.Fatalf("typing rendered %d rows, want fewer than a page, the rest left for scrolling", first)
	}
	p.run(chromedp.Evaluate[chromedp.Void](`document.querySelector('.pw-more').scrollIntoView({block: "end"})`))
	p.waitJS(`document.querySelectorAll('[data-paper-id]').length === 20`)
	if got := activeTitle(p); got != "search" {
		t.Errorf("after scrolling, focus is on %q, want it left in the field", got)
	}
	if got := eval[string](p, `document.querySelector('.pw-more').textContent`); !strings.Contains(got, "20 more") {
		t.Errorf("the button under the first page says %q, want the next page of 20", got)
	}
	// Past the first page, more rows come by a click only: the page under
	// the widget stays reachable.
	p.run(chromedp.Evaluate[chromedp.Void](`document.querySelector('.pw-more').scrollIntoView({block: "end"})`))
	time.Sleep(300 * time.Millisecond)
	if n := len(p.rowIDs()); n != 20 {
		t.Errorf("scrolling to the button under the first page rendered %d rows, want 20 until it is pressed", n)
	}

	p.typeQuery("networks")
	p.waitJS(fmt.Sprintf(`document.querySelectorAll('[data-paper-id]').length === %d`, first))
	p.run(chromedp.Focus(css(`.pw-more`)))
	time.Sleep(300 * time.Millisecond)
	if n := len(p.rowIDs()); n != first {
		t.Errorf("tabbing onto the button rendered %d rows before it, want %d until it is pressed", n, first)
	}
	p.key(kb.Enter)
	p.waitJS(fmt.Sprintf(`document.querySelectorAll('[data-paper-id]').length > %d`, first))
	if got, want := activeTitle(p), p.rowIDs()[first]; got != want {
		t.Errorf("after pressing the button, focus is on %q, want the first new row %q", got, want)
	}
	p.noConsoleErrors()
}

func TestTypingFiltersAndRanks(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("")
	var inTitle int
	for _, pp := range bundled(t).Papers {
		if strings.Contains(strings.ToLower(pp.Title), "hebbian") {
			inTitle++
		}
	}
	p.typeQuery("hebbian")
	p.waitJS(`document.querySelector('input[type="search"]').value === "hebbian" && document.querySelector('[data-result-count]').textContent.startsWith("` + "" + `") && parseInt(document.querySelector('[data-result-count]').textContent) < 70`)
	n := p.count()
	if n < inTitle || n >= 70 {
		t.Fatalf("count = %d after typing hebbian; %d titles contain it", n, inTitle)
	}
	titles := p.rowTitles()
	for i := 0; i < inTitle; i++ {
		if !strings.Contains(strings.ToLower(titles[i]), "hebbian") {
			t.Errorf("rank %d is %q: papers with the word in the title must come first", i+1, titles[i])
		}
	}
	marks := eval[[]string](p, `[...document.querySelector('[data-paper-id] [data-field="title"]').querySelectorAll('mark')].map(m => m.textContent)`)
	if len(marks) == 0 || !strings.EqualFold(strings.Join(marks, ""), "hebbian") {
		t.Errorf("highlighted %q in the top title, want Hebbian", marks)
	}

	p.typeQuery("")
	p.waitCount(70)
	p.noConsoleErrors()
}

// Typing updates the rows on screen in place: each row element, and each
// part of it, is the same node before and after a keystroke, from the year
// sections of a dated list without a query to the ranked list of the first
// letter and back, and from paper to paper while the ranking changes.
// go-app replaces an element whose place or kind changed (a layout of its
// own for ranked results, a part missing in some papers), which made those
// keystrokes several times slower.
func TestSearchUpdatesRowsInPlace(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("?src=" + largeList)
	p.waitJS(`document.querySelectorAll('[data-paper-id]').length === 20 && !!document.querySelector('[data-year-heading]')`)
	const mark = `(() => { for (const e of document.querySelectorAll('[data-paper-id], [data-paper-id] > *, [data-paper-id] .pw-meta > *, [data-paper-id] .pw-links > *')) e.__pwKept = true })()`
	// replaced lists the rows and row parts on screen that are new nodes,
	// in the first n rows: a typed query renders 10 rows, the list without
	// one 20, so clearing the query adds rows.
	const replaced = `((n) => {
		const rows = [...document.querySelectorAll('[data-paper-id]')].slice(0, n);
		const all = rows.flatMap(r => [r, ...r.querySelectorAll(':scope > *, .pw-meta > *, .pw-links > *')]);
		return all.filter(e => !e.__pwKept).map(e => (e.closest('[data-paper-id]') === e ? "row " : "part ") + e.tagName.toLowerCase() + (e.className ? "." + e.className : ""));
	})`
	newest := p.rowIDs()
	type step struct {
		query, what string
		rows        int
	}
	shown := len(newest)
	for _, s := range []step{{"n", "the first letter", 10}, {"ne", "a second letter", 10}, {"neural", "a word", 10}, {"", "a cleared query", 20}} {
		p.run(chromedp.Evaluate[chromedp.Void](mark))
		p.typeQuery(s.query)
		p.waitJS(fmt.Sprintf(`document.querySelectorAll('[data-paper-id]').length === %d`, s.rows))
		kept := min(shown, s.rows)
		shown = s.rows
		if got := eval[[]string](p, fmt.Sprintf("%s(%d)", replaced, kept)); len(got) > 0 {
			t.Errorf("after %s (%q), %d rows and parts are new nodes, want 0: %v", s.what, s.query, len(got), got[:min(len(got), 5)])
		}
		if rows := p.rowIDs(); s.query == "neural" && slices.Equal(rows, newest) {
			t.Fatalf("typing %q left the rows as they were (%v): nothing was updated", s.query, rows)
		}
	}
	if rows := p.rowIDs(); !slices.Equal(rows, newest) || !eval[bool](p, `!!document.querySelector('[data-year-heading]')`) {
		t.Errorf("with the query cleared: rows %v, want %v under year headings", rows, newest)
	}
	p.noConsoleErrors()
}

// A paper that stays in the list keeps its row when the order changes: the
// row is moved, not rewritten with the paper now in its place (go-app's
// keyed children, build/site/_goapp/keyed.go), so a keystroke or a sort
// that reorders the shown papers writes only the rows of papers that came
// or went.
func TestReorderMovesRows(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("")
	p.typeQuery("spiking neural")
	n := p.count()
	if n < 3 || n > 10 {
		t.Fatalf("%d papers match \"spiking neural\"; the test needs 3 to 10, the rows a typed query shows", n)
	}
	before := p.rowIDs()
	p.run(chromedp.Evaluate[chromedp.Void](`for (const e of document.querySelectorAll('[data-paper-id]')) e.__pwPaper = e.dataset.paperId`))
	p.selectValue("#pw-sort", "title")
	order, _ := json.Marshal(before)
	p.waitJS(`JSON.stringify([...document.querySelectorAll('[data-paper-id]')].map(e => e.dataset.paperId)) !== JSON.stringify(` + string(order) + `)`)
	after := p.rowIDs()
	if !slices.Equal(slices.Sorted(slices.Values(before)), slices.Sorted(slices.Values(after))) {
		t.Fatalf("sorting changed which papers show: %v, then %v", before, after)
	}
	if rewritten := eval[[]string](p, `[...document.querySelectorAll('[data-paper-id]')].filter(e => e.__pwPaper !== e.dataset.paperId).map(e => (e.__pwPaper || "a new row") + " -> " + e.dataset.paperId)`); len(rewritten) > 0 {
		t.Errorf("%d of %d rows were rewritten with another paper instead of moved: %v", len(rewritten), len(after), rewritten)
	}
	p.noConsoleErrors()
}

func TestOutOfOrderWordsAndTypos(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("")
	p.typeQuery("projection hebbian")
	p.waitJS(`document.querySelector('[data-paper-id]') && /Orthogonal Projection/.test(document.querySelector('[data-paper-id] [data-field="title"]').textContent)`)
	p.typeQuery("hebbain lerning")
	p.waitJS(`document.querySelector('[data-paper-id]') && /Hebbian/.test(document.querySelector('[data-paper-id] [data-field="title"]').textContent)`)
}

func TestEmptyResultOffersToClear(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("")
	p.typeQuery("xqzvbw")
	p.waitCount(0)
	if got := p.text(`.pw-empty`); !strings.Contains(got, `No papers match “xqzvbw”`) {
		t.Errorf("empty state says %q", got)
	}
	p.run(chromedp.Click(css(`.pw-clear`), chromedp.NodeVisible))
	p.waitCount(70)
	value := eval[string](p, `document.querySelector('input[type="search"]').value`)
	focused := eval[bool](p, `document.activeElement === document.querySelector('input[type="search"]')`)
	if value != "" || !focused {
		t.Errorf("after clear: field value %q, focused %v; want empty and focused", value, focused)
	}
}

func TestExpandCollapseByMouseAndKeyboard(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("")
	first := p.rowIDs()[0]
	title := `[data-paper-id="` + first + `"] [data-field="title"]`
	abstract := `[data-paper-id="` + first + `"] [data-field="abstract"]`

	p.run(chromedp.Click(css(title), chromedp.NodeVisible), chromedp.WaitVisible(css(abstract)))
	if got := p.expandedIDs(); !slices.Equal(got, []string{first}) {
		t.Fatalf("after click expanded %v, want [%s]", got, first)
	}
	expanded := eval[string](p, `document.querySelector('`+title+`').getAttribute('aria-expanded')`)
	if expanded != "true" {
		t.Errorf("aria-expanded = %q after expanding", expanded)
	}
	p.run(chromedp.Click(css(title)), chromedp.WaitNotVisible(css(abstract)))

	p.run(chromedp.Focus(css(title)), chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(css(abstract)))
	p.run(chromedp.Focus(css(title)), chromedp.KeyEvent(" "), chromedp.WaitNotVisible(css(abstract)))
	p.noConsoleErrors()
}

func TestExpandAllCollapseAll(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("?q=spiking")
	n := len(p.rowIDs())
	p.run(chromedp.Click(css(`.pw-expand-all`), chromedp.NodeVisible))
	p.waitJS(`document.querySelector('.pw-expand-all').textContent === "Collapse all"`)
	if got := len(p.expandedIDs()); got != n {
		t.Errorf("expand all: %d of %d abstracts visible", got, n)
	}
	p.run(chromedp.Click(css(`.pw-expand-all`)))
	p.waitJS(`document.querySelector('.pw-expand-all').textContent === "Expand all"`)
	if got := p.expandedIDs(); len(got) != 0 {
		t.Errorf("collapse all left %v open", got)
	}
}

// go-app diffs lists by index: without per-paper event scopes, a click on
// a row after filtering would toggle whichever paper had that row before.
func TestClickAfterFilteringExpandsThatRow(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("")
	before := p.rowIDs()
	p.typeQuery("spiking")
	p.waitJS(`parseInt(document.querySelector('[data-result-count]').textContent) < 70`)
	after := p.rowIDs()
	target := after[1]
	if target == before[1] {
		t.Fatalf("filtering did not move row 2 (%s); the test needs a query that does", target)
	}
	p.run(chromedp.Click(css(`[data-paper-id="`+target+`"] [data-field="title"]`), chromedp.NodeVisible))
	p.waitJS(`document.querySelector('[data-paper-id="` + target + `"] [data-field="abstract"]').checkVisibility()`)
	if got := p.expandedIDs(); !slices.Equal(got, []string{target}) {
		t.Errorf("expanded %v, want only %s", got, target)
	}
	// Clearing the query brings the expanded paper back at its old place,
	// still expanded, and no other row.
	p.typeQuery("")
	p.waitCount(70)
	if got := p.expandedIDs(); !slices.Equal(got, []string{target}) {
		t.Errorf("after clearing, expanded %v, want only %s", got, target)
	}
}

func TestQueryParameter(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("?q=spiking+neural")
	value := eval[string](p, `document.querySelector('input[type="search"]').value`)
	if value != "spiking neural" {
		t.Errorf("field value = %q", value)
	}
	if n := p.count(); n == 0 || n >= 70 {
		t.Errorf("count = %d for ?q=spiking neural", n)
	}
	top := p.rowTitles()[0]
	if !strings.Contains(strings.ToLower(top), "spiking neural") {
		t.Errorf("top result %q does not contain the phrase", top)
	}
}

func TestThemeParameter(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("?theme=dark")
	bg := eval[string](p, `getComputedStyle(document.querySelector('[data-paper-widget]')).backgroundColor`)
	if bg != "rgb(15, 17, 21)" {
		t.Errorf("dark theme background = %s", bg)
	}
	p.open("?theme=light")
	bg = eval[string](p, `getComputedStyle(document.querySelector('[data-paper-widget]')).backgroundColor`)
	if bg != "rgb(255, 255, 255)" {
		t.Errorf("light theme background = %s", bg)
	}

	// auto follows the system.
	if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	}); err != nil {
		t.Fatal(err)
	}
	p.open("")
	bg = eval[string](p, `getComputedStyle(document.querySelector('[data-paper-widget]')).backgroundColor`)
	if bg != "rgb(15, 17, 21)" {
		t.Errorf("auto theme on a dark system: background = %s", bg)
	}
	p.open("?theme=light")
	bg = eval[string](p, `getComputedStyle(document.querySelector('[data-paper-widget]')).backgroundColor`)
	if bg != "rgb(255, 255, 255)" {
		t.Errorf("light theme on a dark system: background = %s", bg)
	}
}

func TestSourceParameterLoadsAnotherList(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("?src=/fixtures/good.json")
	p.waitCount(3)
	if got := p.text(`h1`); got != "Lab publications" {
		t.Errorf("heading = %q", got)
	}
	row := `[data-paper-id="smith2024"]`
	meta := p.text(row + ` .pw-meta`)
	for _, want := range []string{"Ada Smith, Bo Chen", "NeurIPS", "Mar 2024"} {
		if !strings.Contains(meta, want) {
			t.Errorf("meta line %q lacks %q", meta, want)
		}
	}
	links := eval[[]map[string]string](p, `[...document.querySelectorAll('`+row+` a:not(.pw-permalink)')].map(a => ({href: a.href, target: a.target, rel: a.rel}))`)
	if len(links) != 4 {
		t.Fatalf("links = %v, want paper, PDF, arXiv and DOI", links)
	}
	for _, l := range links {
		if l["target"] != "_blank" || !strings.Contains(l["rel"], "noopener") {
			t.Errorf("link %v does not open safely in a new tab", l)
		}
	}
	// Accents never matter.
	p.typeQuery("naive")
	p.waitCount(1)
	p.typeQuery("uber")
	p.waitCount(1)
	checkListInPage(t, p)
	p.noConsoleErrors()
}

func TestSourceErrorsAreNamed(t *testing.T) {
	t.Parallel()
	cases := []struct {
		src  string
		want []string
	}{
		{"/fixtures/missing.json", []string{"HTTP 404", "/fixtures/missing.json"}},
		{"/fixtures/malformed.json", []string{"line 3, column", "malformed.json"}},
	}
	for _, c := range cases {
		t.Run(c.src, func(t *testing.T) {
			p := newPage(t)
			p.open("?src=" + c.src)
			alert := p.text(`[role="alert"]`)
			for _, w := range c.want {
				if !strings.Contains(alert, w) {
					t.Errorf("alert %q does not name %q", alert, w)
				}
			}
			// The page stays usable: the field takes input without errors.
			p.typeQuery("x")
			p.waitCount(0)
		})
	}
}

func TestInvalidPapersAreReportedValidOnesShown(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("?src=/fixtures/invalid.json")
	p.waitCount(2)
	alert := p.text(`[role="alert"]`)
	for _, want := range []string{"papers[1].title", "papers[3].title", `papers[2].date: "2024-13-01" is not a date`} {
		if !strings.Contains(alert, want) {
			t.Errorf("alert %q does not name %q", alert, want)
		}
	}
	if got := p.rowIDs(); !slices.Equal(got, []string{"ok1", "ok2"}) {
		t.Errorf("rows = %v, want the valid papers ok1, ok2", got)
	}
}

func TestListIsInTheHTMLWithoutJavaScript(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	if _, err := chromedp.Call(p.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	p.run(
		chromedp.Navigate(serverURL+"/"),
		chromedp.WaitVisible(css(`[data-paper-widget]`)),
	)
	ids := p.rowIDs()
	if len(ids) != len(bundled(t).Papers) {
		t.Errorf("%d papers in the static HTML, want all %d", len(ids), len(bundled(t).Papers))
	}
	// Nothing may cover the list: the element at the centre of the first
	// title must be that title.
	onTop := eval[bool](p, `(() => { const t = document.querySelector('[data-field="title"]'); const r = t.getBoundingClientRect(); const e = document.elementFromPoint(r.left + r.width/2, r.top + r.height/2); return t.contains(e) })()`)
	if !onTop {
		t.Error("something covers the pre-rendered list")
	}
	if got := p.expandedIDs(); len(got) != len(ids) {
		t.Errorf("without JavaScript %d of %d abstracts readable", len(got), len(ids))
	}
}

func TestKeepsWhatWasTypedBeforeTheClientStarted(t *testing.T) {
	release := holdWasm(t)
	p := newPage(t)
	p.run(
		chromedp.Navigate(serverURL+"/"),
		chromedp.WaitVisible(css(`input[type="search"]`)),
		chromedp.SendKeys(css(`input[type="search"]`), "hebbian"),
	)
	ready := eval[bool](p, `document.querySelector('[data-ready]') !== null`)
	if ready {
		t.Fatal("client started before app.wasm was released; the test cannot see the pre-rendered page")
	}
	release()
	p.run(chromedp.WaitVisible(css(`[data-paper-widget][data-ready]`)))
	p.waitJS(`parseInt(document.querySelector('[data-result-count]').textContent) < 70`)
	value := eval[string](p, `document.querySelector('input[type="search"]').value`)
	focused := eval[bool](p, `document.activeElement === document.querySelector('input[type="search"]')`)
	if value != "hebbian" || !focused {
		t.Errorf("after start: field %q, focused %v; want what was typed, still focused", value, focused)
	}
}

// holdWasm holds app.wasm requests until the returned release is called
// (the test's cleanup calls it too), so that a test can use the
// pre-rendered page before the client starts. It holds every tab's: tests
// that call it do not run in parallel (go test runs the parallel tests
// once the others are done).
func holdWasm(t *testing.T) (release func()) {
	gate := make(chan struct{})
	wasmGateMu.Lock()
	wasmGate = gate
	wasmGateMu.Unlock()
	release = func() {
		wasmGateMu.Lock()
		defer wasmGateMu.Unlock()
		if wasmGate != nil {
			close(wasmGate)
			wasmGate = nil
		}
	}
	t.Cleanup(release)
	return release
}

// A reader who scrolled down the pre-rendered list before the client
// started keeps their place: the client shows only a first window of rows,
// and the page must not shrink under the reader and drop them elsewhere.
func TestKeepsTheReadersPlaceWhenTheClientStarts(t *testing.T) {
	p, ids, release := openHeld(t)
	// Row 48, one pixel of it scrolled out at the top.
	id := ids[47]
	releaseKeepsPlace(t, p, id, release)
	// Nothing else moved: no row opened, the focus left alone.
	if open := p.expandedIDs(); len(open) != 0 {
		t.Errorf("rows opened: %v", open)
	}
	if focused := eval[string](p, `document.activeElement.tagName`); focused != "BODY" {
		t.Errorf("focus moved to a %s", focused)
	}
}

// Abstracts open and close in the pre-rendered page, by mouse and keyboard,
// before app.wasm has run (seconds on a phone); the client then keeps what
// was opened and the reader's place.
func TestAbstractsToggleBeforeTheClientStarts(t *testing.T) {
	p, ids, release := openHeld(t)
	title := func(id string) chromedp.CSS { return css(`[data-paper-id="` + id + `"] [data-field="title"]`) }
	abstract := func(id string) chromedp.CSS { return css(`[data-paper-id="` + id + `"] [data-field="abstract"]`) }
	// Row 3 by mouse, row 6 by Enter, row 8 by Space; row 10 opened and
	// closed again.
	p.run(
		chromedp.Click(title(ids[2]), chromedp.NodeVisible), chromedp.WaitVisible(abstract(ids[2])),
		chromedp.Focus(title(ids[5])), chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(abstract(ids[5])),
		chromedp.Focus(title(ids[7])), chromedp.KeyEvent(" "), chromedp.WaitVisible(abstract(ids[7])),
		chromedp.Click(title(ids[9]), chromedp.NodeVisible), chromedp.WaitVisible(abstract(ids[9])),
		chromedp.Click(title(ids[9]), chromedp.NodeVisible), chromedp.WaitNotVisible(abstract(ids[9])),
	)
	want := []string{ids[2], ids[5], ids[7]}
	if got := p.expandedIDs(); !slices.Equal(got, want) {
		t.Fatalf("before the client: expanded %v, want %v", got, want)
	}
	states := eval[[]string](p, `[...document.querySelectorAll('[data-paper-id] [data-field="title"]')].slice(0, 10).map(t => t.getAttribute('aria-expanded'))`)
	if wantStates := []string{"false", "false", "true", "false", "false", "true", "false", "true", "false", "false"}; !slices.Equal(states, wantStates) {
		t.Errorf("before the client: aria-expanded of the first rows %v, want %v", states, wantStates)
	}
	// The reader scrolls on, to row 48 (one pixel of it out at the top).
	id := ids[47]
	before := releaseKeepsPlace(t, p, id, release)
	if got := p.expandedIDs(); !slices.Equal(got, want) {
		t.Errorf("once the client runs: expanded %v, want %v", got, want)
	}
	// The keyboard stays where it was: on the title clicked last, row 10's.
	if got := eval[string](p, `(document.activeElement.closest('[data-paper-id]') || {dataset: {}}).dataset.paperId || document.activeElement.tagName`); got != ids[9] {
		t.Errorf("once the client runs: focus on %s, want the title of %s", got, ids[9])
	}
	if scrolled := eval[float64](p, fmt.Sprintf(`document.querySelector('[data-paper-id=%q]').getBoundingClientRect().top`, id)); math.Abs(scrolled-before) >= 2 {
		t.Errorf("focusing the title moved the reader's place by %.0f px", scrolled-before)
	}
	// And the live widget toggles them from there.
	p.run(chromedp.Click(title(ids[2]), chromedp.NodeVisible), chromedp.WaitNotVisible(abstract(ids[2])))
	p.noConsoleErrors()
}

// What was opened before the client started stays open under the query
// typed meanwhile, when the query keeps it.
func TestAbstractOpenedAndQueryTypedBeforeTheClientStarts(t *testing.T) {
	p, _, release := openHeld(t)
	opened := eval[string](p, `[...document.querySelectorAll('[data-paper-id]')].find(r => /hebbian/i.test(r.querySelector('[data-field="title"]').textContent)).dataset.paperId`)
	p.run(
		chromedp.Click(css(`[data-paper-id="`+opened+`"] [data-field="title"]`), chromedp.NodeVisible),
		chromedp.WaitVisible(css(`[data-paper-id="`+opened+`"] [data-field="abstract"]`)),
		chromedp.SendKeys(css(`input[type="search"]`), "hebbian"),
	)
	if eval[bool](p, `document.querySelector('[data-ready]') !== null`) {
		t.Fatal("client started before app.wasm was released; the test cannot see the pre-rendered page")
	}
	release()
	p.run(chromedp.WaitVisible(css(`[data-paper-widget][data-ready]`)))
	p.waitJS(`document.querySelector('[data-paper-widget]').dataset.query === "hebbian"`)
	if n := p.count(); n == 0 || n >= 70 {
		t.Errorf("count %d for hebbian", n)
	}
	if got := p.expandedIDs(); !slices.Equal(got, []string{opened}) {
		t.Errorf("once the client runs: expanded %v, want [%s]", got, opened)
	}
	if v := eval[string](p, `document.querySelector('input[type="search"]').value`); v != "hebbian" {
		t.Errorf("field %q after start, want what was typed", v)
	}
	p.noConsoleErrors()
}

// The client replaces the pre-rendered page when it mounts; the list must
// never be empty in between, or readers see it flash.
func TestNoEmptyListWhileTheClientMounts(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `
		window.__rowCounts = [];
		new MutationObserver(() => {
			window.__rowCounts.push(document.querySelectorAll('[data-paper-id]').length);
		}).observe(document, {childList: true, subtree: true});
	`}); err != nil {
		t.Fatal(err)
	}
	p.open("")
	counts := eval[[]int](p, `window.__rowCounts.filter((n, i, all) => all.slice(0, i + 1).some(m => m > 0))`)
	if len(counts) == 0 {
		t.Fatal("observed no rows at all")
	}
	for _, n := range counts {
		if n == 0 {
			t.Fatalf("the list went empty while loading; row counts seen: %v", counts)
		}
	}
}

// Once the list is shown, the widget renders a keystroke's results and puts
// the list back (widget/warm.go), so that the first key typed runs warm
// code. The reader must see none of it: no frame shows the other results,
// and the list, count, field and focus are as they were.
func TestWarmUpShowsNothing(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	// Every frame before its paint, and every change of the query the
	// results answer, from the page's start.
	if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `
		window.__warm = {painted: [], answered: []};
		requestAnimationFrame(function frame() {
			const root = document.querySelector('[data-paper-widget][data-ready]');
			if (root && !window.__warm.first) window.__warm.first = [...root.querySelectorAll('[data-paper-id]')].map(e => e.dataset.paperId);
			if (root && root.dataset.query !== undefined) window.__warm.painted.push(root.dataset.query);
			requestAnimationFrame(frame);
		});
		new MutationObserver(records => {
			for (const r of records) if (r.oldValue !== null) window.__warm.answered.push(r.oldValue);
		}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-query'], attributeOldValue: true});
	`}); err != nil {
		t.Fatal(err)
	}
	p.open("")
	p.run(chromedp.Focus(css(`input[type="search"]`)))
	p.waitJS(`window.__warm.answered.length > 0`)
	before := eval[[]string](p, `window.__warm.first`)
	if painted := eval[[]string](p, `window.__warm.painted`); len(painted) > 0 {
		t.Errorf("frames painted the warm-up's results for %q", painted)
	}
	if after := p.rowIDs(); !slices.Equal(before, after) {
		t.Errorf("rows after the warm-up %v, want those of the first frame, %v", after, before)
	}
	if n := p.count(); n != 70 {
		t.Errorf("count %d after the warm-up, want 70", n)
	}
	if v := eval[string](p, `document.querySelector('input[type="search"]').value`); v != "" {
		t.Errorf("search field holds %q after the warm-up", v)
	}
	if !eval[bool](p, `document.activeElement === document.querySelector('input[type="search"]')`) {
		t.Error("the search field lost the focus to the warm-up")
	}
	p.typeQuery("spiking")
	if n := p.count(); n == 0 || n == 70 {
		t.Errorf("typing after the warm-up: %d papers match \"spiking\"", n)
	}
	p.noConsoleErrors()
}

// A ?src= list is fetched once, by web/frame.js as the page parses, and
// the program takes what it read: a second request of its own would
// download a large list twice.
func TestListFetchedOnce(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("?src=" + largeList)
	if p.count() == 0 {
		t.Fatal("the large list shows no paper")
	}
	requests := eval[[]string](p, `performance.getEntriesByType('resource').map(e => e.name).filter(n => new URL(n).pathname === `+strconv.Quote(largeList)+`)`)
	if len(requests) != 1 {
		t.Errorf("the list was requested %d times: %v", len(requests), requests)
	}
	p.noConsoleErrors()
}

// TestExpandedAbstractsAreTheListsText expands every row and compares each
// abstract shown with the list's, before and after typing, in the bundled
// list (whose abstracts have escaped quotes), in one in many scripts, and in
// a large one, which the browser streams: its abstracts are read from the
// fetched list, then, once the widget has compressed them in idle time,
// decompressed.
func TestExpandedAbstractsAreTheListsText(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ file, query string }{
		{"../data/papers.json", ""},
		{"testdata/unicode-text.json", "?src=/fixtures/unicode-text.json"},
		{largeList, "?src=" + largeList},
	} {
		var data []byte
		var err error
		if c.file == largeList {
			data, err = get(serverURL + largeList)
		} else {
			data, err = os.ReadFile(c.file)
		}
		if err != nil {
			t.Fatal(err)
		}
		list, problems, err := paper.Decode(data)
		if err != nil || len(problems) > 0 {
			t.Fatalf("%s: %v %v", c.file, err, problems)
		}
		abstracts := map[string]string{}
		for _, pp := range list.Papers {
			abstracts[pp.ID] = pp.Abstract
		}
		p := newPage(t)
		p.open(c.query)
		p.run(chromedp.Click(css(`.pw-expand-all`), chromedp.NodeVisible))
		p.waitJS(`document.querySelector('.pw-expand-all').textContent === "Collapse all"`)
		check := func(q string) {
			if q != "" {
				p.typeQuery(q)
			}
			rows := eval[[][2]string](p, `[...document.querySelectorAll('[data-paper-id]')].filter(r => r.querySelector('[data-field="abstract"]').checkVisibility()).map(r => [r.dataset.paperId, r.querySelector('[data-field="abstract"]').textContent])`)
			if len(rows) == 0 {
				t.Errorf("%s, query %q: no abstract shown", c.file, q)
			}
			for _, r := range rows {
				if want := abstracts[r[0]]; want != "" && r[1] != want {
					t.Errorf("%s, query %q: paper %q shows the abstract %q, want %q", c.file, q, r[0], r[1], want)
				}
			}
		}
		for _, q := range []string{"", "networks", "plasticity"} {
			check(q)
		}
		if c.file == largeList {
			p.waitJS(`performance.getEntriesByName("paperwidget:compacted").length > 0`)
			for _, q := range []string{"learning", "spiking", ""} {
				check(q)
			}
		}
		p.noConsoleErrors()
	}
}

// get returns the body of url.
func get(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// TestTextInManyScriptsThroughTyping types into a list whose titles and ids
// hold accents, CJK, right-to-left text, combining marks, zero-width spaces,
// a byte order mark and characters outside the BMP (two JavaScript string
// units each), so that each keystroke moves papers between rows: every row
// must keep showing its paper's exact title and id. The page receives a
// render's text and attribute writes in one batch, sliced by length (see
// build/site/dom-writes.js); a miscounted length shows up here.
func TestTextInManyScriptsThroughTyping(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("testdata", "unicode-text.json"))
	if err != nil {
		t.Fatal(err)
	}
	list, problems, err := paper.Decode(data)
	if err != nil || len(problems) > 0 {
		t.Fatalf("fixture: %v %v", err, problems)
	}
	titles := map[string]string{}
	for _, pp := range list.Papers {
		titles[pp.ID] = pp.Title
	}
	p := newPage(t)
	p.open("?src=/fixtures/unicode-text.json")
	p.waitCount(len(list.Papers))
	for _, q := range []string{"plasticity", "spiking", "networks", "plast", "p", "circuits", "", "rules", "cafe", "zero width"} {
		p.typeQuery(q)
		rows := eval[[][3]string](p, `[...document.querySelectorAll('[data-paper-id]')].map(r => [r.dataset.paperId, r.id, r.querySelector('[data-field="title"]').textContent])`)
		if len(rows) == 0 && strings.Contains("plasticity spiking networks circuits rules", q) {
			t.Errorf("query %q: no rows", q)
		}
		for _, r := range rows {
			// A leading byte order mark may be missing: wasm_exec.js decodes
			// every string Go hands the page with a TextDecoder, which drops
			// it (an invisible character) when a text node is created.
			if want, ok := titles[r[0]]; !ok {
				t.Errorf("query %q: row with unknown id %q", q, r[0])
			} else if r[2] != want && r[2] != strings.TrimPrefix(want, "\ufeff") {
				t.Errorf("query %q: paper %q shown as %q, want %q", q, r[0], r[2], want)
			}
			if r[1] != "paper-"+r[0] {
				t.Errorf("query %q: row of %q has the id %q", q, r[0], r[1])
			}
		}
	}
	p.noConsoleErrors()
}

// releaseKeepsPlace scrolls the pre-rendered page to the row of paper id
// (one pixel of it out at the top), lets the client start, and waits for
// that row of the live widget to be at the same pixel, which it returns.
func releaseKeepsPlace(t *testing.T, p *page, id string, release func()) float64 {
	t.Helper()
	before := eval[float64](p, fmt.Sprintf(`(() => {
		const row = document.querySelector('[data-paper-id=%q]');
		row.scrollIntoView({block: "start"});
		scrollBy(0, 1);
		return row.getBoundingClientRect().top;
	})()`, id))
	if eval[bool](p, `document.querySelector('[data-ready]') !== null`) {
		t.Fatal("client started before app.wasm was released; the test cannot see the pre-rendered page")
	}
	release()
	p.run(chromedp.WaitVisible(css(`[data-paper-widget][data-ready]`)))
	p.waitJS(fmt.Sprintf(`(() => {
		const row = document.querySelector('[data-paper-widget][data-ready] [data-paper-id=%q]');
		return row !== null && Math.abs(row.getBoundingClientRect().top - %f) < 2;
	})()`, id, before))
	return before
}

// openHeld opens the widget page with app.wasm held back, so that the test
// acts on the pre-rendered page until it calls release; ids are its rows.
func openHeld(t *testing.T) (p *page, ids []string, release func()) {
	t.Helper()
	release = holdWasm(t)
	p = newPage(t)
	p.run(
		chromedp.Navigate(serverURL+"/"),
		chromedp.WaitVisible(css(`[data-paper-widget]`)),
	)
	ids = p.rowIDs()
	if len(ids) < 60 {
		t.Fatalf("%d pre-rendered rows, want the whole list", len(ids))
	}
	return p, ids, release
}
