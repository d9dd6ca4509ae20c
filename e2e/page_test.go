package e2e

import (
	"fmt"
	"math"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/paperwidget/paperwidget/build/site"
	"github.com/paperwidget/paperwidget/build/static"
)

// publications is a fictional lab's list: dated papers of several years,
// one undated, long author lists and venues.
const publications = "/fixtures/publications.json"

// yearHeadings are the year headings in page order.
func (p *page) yearHeadings() []string {
	p.t.Helper()
	return eval[[]string](p, `[...document.querySelectorAll('[data-year-heading]')].map(h => h.dataset.yearHeading)`)
}

// rowsUnderTheirYear reports rows whose year is not that of the heading
// they sit under (the closest heading before them in the page).
const rowsUnderTheirYear = `(() => {
	const wrong = [];
	let heading = "";
	for (const e of document.querySelectorAll('.pw-year, [data-paper-id]')) {
		if (e.matches('.pw-year')) { heading = e.dataset.yearHeading ?? ""; continue; }
		const t = e.querySelector('time');
		const year = t ? t.getAttribute('datetime').slice(0, 4) : "";
		if (year !== heading) wrong.push(e.dataset.paperId + " under " + JSON.stringify(heading));
	}
	return wrong;
})()`

func TestPageNewestFirstUnderYearHeadings(t *testing.T) {
	p := newPage(t)
	p.open("?src=" + publications)
	p.waitCount(7)

	newest := []string{"chen2025memory", "alvarez2025events", "raman2024plasticity", "consortium2024atlas", "doe2023sparse", "doe2022tutorial", "note-undated"}
	if got := p.rowIDs(); !slices.Equal(got, newest) {
		t.Errorf("without a query: %v, want newest first %v", got, newest)
	}
	if got := p.yearHeadings(); !slices.Equal(got, []string{"2025", "2024", "2023", "2022"}) {
		t.Errorf("year headings %v", got)
	}
	if wrong := eval[[]string](p, rowsUnderTheirYear); len(wrong) > 0 {
		t.Errorf("rows under another year's heading: %v", wrong)
	}
	if got := eval[string](p, `document.querySelector('.pw-year:not([data-year-heading])').textContent`); got != "No date" {
		t.Errorf("the undated papers' heading says %q", got)
	}
	if got := eval[string](p, `document.querySelector('[data-paper-id="raman2024plasticity"] time').textContent`); got != "Dec 2024" {
		t.Errorf("2024-12 reads %q, want Dec 2024", got)
	}
	if got := eval[string](p, `document.querySelector('[data-paper-id="alvarez2025events"] time').textContent`); got != "Feb 3, 2025" {
		t.Errorf("2025-02-03 reads %q", got)
	}
	// The menu names the order shown; relevance means nothing without a
	// query.
	if got := eval[string](p, `document.querySelector('#pw-sort').value`); got != "newest" {
		t.Errorf("sort menu says %q", got)
	}
	if got := eval[[]string](p, `[...document.querySelectorAll('#pw-sort option')].map(o => o.value)`); !slices.Equal(got, []string{"newest", "oldest", "title"}) {
		t.Errorf("orders offered without a query: %v", got)
	}

	p.selectValue("#pw-sort", "title")
	p.waitJS(`new URLSearchParams(location.search).get("sort") === "title"`)
	byTitle := []string{"consortium2024atlas", "doe2022tutorial", "alvarez2025events", "raman2024plasticity", "note-undated", "doe2023sparse", "chen2025memory"}
	if got := p.rowIDs(); !slices.Equal(got, byTitle) {
		t.Errorf("title order: %v, want %v", got, byTitle)
	}
	if got := p.yearHeadings(); len(got) != 0 {
		t.Errorf("year headings in title order: %v", got)
	}

	// A query ranks by relevance when the visitor has chosen nothing.
	p.open("?src=" + publications + "&q=spiking")
	if got := eval[string](p, `document.querySelector('#pw-sort').value`); got != "relevance" {
		t.Errorf("while searching the menu says %q", got)
	}
	if got := p.yearHeadings(); len(got) != 0 {
		t.Errorf("year headings over a ranking: %v", got)
	}
	p.selectValue("#pw-sort", "oldest")
	p.waitJS(`document.querySelectorAll('[data-year-heading]').length > 0`)
	if wrong := eval[[]string](p, rowsUnderTheirYear); len(wrong) > 0 {
		t.Errorf("search results under another year's heading: %v", wrong)
	}

	// Dates follow the widget's language.
	p.open("?src=" + publications + "&lang=de")
	if got := eval[string](p, `document.querySelector('[data-paper-id="raman2024plasticity"] time').textContent`); got != "Dez. 2024" {
		t.Errorf("German 2024-12 reads %q", got)
	}
	p.open("?src=" + publications + "&lang=fr")
	if got := eval[string](p, `document.querySelector('[data-paper-id="alvarez2025events"] time').textContent`); got != "3 févr. 2025" {
		t.Errorf("French 2025-02-03 reads %q", got)
	}
	p.noConsoleErrors()
}

// smithLab is a site built as a lab would build theirs: from a BibTeX file,
// named with the title flag (`make dist TITLE=...`). It is built once, on
// first use, and served by a server of its own.
var smithLab struct {
	once sync.Once
	url  string
	err  error
}

const smithLabTitle = "Smith Lab: publications"

func smithLabURL(t *testing.T) string {
	t.Helper()
	smithLab.once.Do(func() {
		dist := filepath.Join(tmpDir, "smithlab")
		smithLab.err = site.Build(site.Options{
			Root: "..", Out: dist, Papers: []string{"testdata/smithlab.bib"},
			Title: smithLabTitle, Highlight: []string{"Jane Smith", "J. Smith"}, Base: "/", FastCompression: true,
		})
		if smithLab.err == nil {
			smithLab.url = httptest.NewServer(static.Handler(dist)).URL
		}
	})
	if smithLab.err != nil {
		t.Fatalf("building the Smith Lab site: %v", smithLab.err)
	}
	return smithLab.url
}

// staticPage opens url with JavaScript disabled: the pre-rendered page as
// readers without JavaScript and search engines get it.
func staticPage(t *testing.T, url string) *page {
	t.Helper()
	p := newPage(t)
	if _, err := chromedp.Call(p.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	p.run(chromedp.Navigate(url), chromedp.WaitVisible(css(`[data-paper-widget]`)))
	return p
}

// smithLabPages opens the Smith Lab site twice: live, and pre-rendered as
// readers without JavaScript get it.
func smithLabPages(t *testing.T) (live, static *page) {
	t.Helper()
	url := smithLabURL(t) + "/"
	live = newPage(t)
	live.run(chromedp.Navigate(url), chromedp.WaitVisible(css(`[data-paper-widget][data-ready]`)))
	return live, staticPage(t, url)
}

func TestPageTitleFromTheBuild(t *testing.T) {
	live, static := smithLabPages(t)
	for name, p := range map[string]*page{"live": live, "pre-rendered": static} {
		if got := p.text(`h1`); got != smithLabTitle {
			t.Errorf("%s heading %q, want %q", name, got, smithLabTitle)
		}
		if got := eval[string](p, `document.title`); got != smithLabTitle {
			t.Errorf("%s page title %q", name, got)
		}
	}
	manifest, err := chromedp.Run(live.ctx, chromedp.Evaluate[map[string]any](`fetch(document.querySelector('link[rel="manifest"]').href).then(r => r.json())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if manifest["name"] != smithLabTitle || manifest["short_name"] != "Smith Lab" {
		t.Errorf("installed app named %q (short %q)", manifest["name"], manifest["short_name"])
	}
	live.noConsoleErrors()
}

// The pre-rendered page shows the list as the live one does: newest first
// under the same year headings.
func TestPagePreRenderedOrderAndHeadings(t *testing.T) {
	live, static := smithLabPages(t)
	want := []string{"2502.11111", "10.1016/j.jcp.2024.000123"}
	for name, p := range map[string]*page{"live": live, "pre-rendered": static} {
		if got := p.rowIDs(); len(got) != 5 || !slices.Equal(got[:2], want) {
			t.Errorf("%s rows %v, want newest first from %v", name, got, want)
		}
		if got := p.yearHeadings(); !slices.Equal(got, []string{"2025", "2024", "2023", "2022"}) {
			t.Errorf("%s year headings %v", name, got)
		}
		if wrong := eval[[]string](p, rowsUnderTheirYear); len(wrong) > 0 {
			t.Errorf("%s rows under another year: %v", name, wrong)
		}
	}
	if l, s := live.rowIDs(), static.rowIDs(); !slices.Equal(l, s) {
		t.Errorf("live rows %v, pre-rendered %v", l, s)
	}
}

// prerenderedState is what must not differ between the pre-rendered and
// the live page: rows, their element ids and links, the menus' choices.
const prerenderedState = `({
	rows: [...document.querySelectorAll('[data-paper-id]')].map(e => e.dataset.paperId),
	ids: [...document.querySelectorAll('[data-paper-id]')].map(e => e.id),
	hrefs: [...document.querySelectorAll('[data-paper-id] a[href]')].map(a => a.href),
	sort: document.querySelector('#pw-sort').value,
	selected: [...document.querySelectorAll('option')].filter(o => o.selected).map(o => o.value),
	escaped: [...document.querySelectorAll('[id], [href]')].map(e => e.id + " " + (e.getAttribute('href') ?? "")).filter(s => s.includes("\\u")),
})`

type pageState struct {
	Rows, IDs, Hrefs, Selected, Escaped []string
	Sort                                string
}

// The pre-rendered page equals the live one: a paper whose key and link
// held invisible characters was given a plain id and lost the link at
// import, instead of reaching index.html as "\u200b"; the sort menu says
// the order the list is in (go-app wrote selected="false", which browsers
// read as selected).
func TestPagePreRenderedEqualsLive(t *testing.T) {
	live, static := smithLabPages(t)
	l, s := eval[pageState](live, prerenderedState), eval[pageState](static, prerenderedState)
	if !reflect.DeepEqual(l, s) {
		t.Errorf("live page:\n%+v\npre-rendered:\n%+v", l, s)
	}
	if s.Sort != "newest" || len(s.Escaped) > 0 || len(s.Hrefs) == 0 {
		t.Errorf("pre-rendered sort %q, escaped ids or links %v, links %v", s.Sort, s.Escaped, s.Hrefs)
	}
	if !slices.Contains(s.Rows, "lecture-notes-on-weather-emulation") {
		t.Errorf("the paper with an invisible character in its key is missing or kept it: %v", s.Rows)
	}
	if n := eval[int](static, `document.querySelectorAll('[selected="false"], [hidden="false"], [open="false"], [disabled="false"], [checked="false"]').length`); n > 0 {
		t.Errorf("%d boolean attributes are written as false in the pre-rendered page", n)
	}
	live.noConsoleErrors()
}

// offerInstall does what Chromium does when the site becomes installable:
// it fires beforeinstallprompt, which go-app's app.js keeps for the
// Install button. Headless Chromium never offers installation itself.
func (p *page) offerInstall() {
	p.t.Helper()
	p.run(chromedp.Evaluate[chromedp.Void](`window.dispatchEvent(Object.assign(new Event("beforeinstallprompt", {cancelable: true}), {prompt() {}, userChoice: Promise.resolve({outcome: "dismissed"})}))`))
	p.waitJS(`!!document.querySelector('[data-app-install]')`)
}

// The Install button is quiet: at the foot of the widget, after the list,
// and the last stop of the Tab key.
func TestPageInstallButtonComesLast(t *testing.T) {
	p := newPage(t)
	p.open("?src=" + publications)
	p.offerInstall()
	if !eval[bool](p, `!!document.querySelector('footer [data-app-install]') && !document.querySelector('header [data-app-install]')`) {
		t.Error("the Install button is not in the widget's footer")
	}
	if !eval[bool](p, `!!(document.querySelector('main').compareDocumentPosition(document.querySelector('[data-app-install]')) & Node.DOCUMENT_POSITION_FOLLOWING)`) {
		t.Error("the Install button comes before the list")
	}
	// Tab order is document order here (no positive tabindex): the
	// button is the last element Tab reaches.
	last := eval[string](p, `(() => {
		const all = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
			.filter(e => e.tabIndex >= 0 && !e.disabled && e.checkVisibility());
		return all[all.length - 1].dataset.appInstall ?? all[all.length - 1].outerHTML.slice(0, 80);
	})()`)
	if last != "true" {
		t.Errorf("the last element in tab order is %s", last)
	}
	if style := eval[string](p, `getComputedStyle(document.querySelector('[data-app-install]')).backgroundColor`); style != "rgba(0, 0, 0, 0)" {
		t.Errorf("the Install button is filled (%s), not quiet", style)
	}
	p.noConsoleErrors()
}

// authorsOf is the text of a row's authors and the names in bold.
func (p *page) authorsOf(id string) (text string, bold []string) {
	p.t.Helper()
	row := `document.querySelector('[data-paper-id="` + id + `"] [data-field="authors"]')`
	return eval[string](p, row+`.textContent.replace(/\s+/g, " ").trim()`),
		eval[[]string](p, `[...`+row+`.querySelectorAll('strong')].map(s => s.textContent.replace(/[,\s]+$/, ""))`)
}

func TestPageRowCarriesAPublicationsFields(t *testing.T) {
	p := newPage(t)
	p.run(chromedp.EmulateViewport(360, 640))
	p.open("?src=" + publications)
	p.waitCount(7)

	// The lab's members (the list's highlight) in bold, however written.
	if _, bold := p.authorsOf("raman2024plasticity"); !slices.Equal(bold, []string{"J. Doe"}) {
		t.Errorf("bold authors %v, want J. Doe", bold)
	}
	if _, bold := p.authorsOf("alvarez2025events"); !slices.Equal(bold, []string{"Jane Doe"}) {
		t.Errorf("bold authors %v, want Jane Doe", bold)
	}
	if _, bold := p.authorsOf("chen2025memory"); len(bold) != 0 {
		t.Errorf("bold authors %v in a paper without the lab's members", bold)
	}

	// Thirteen authors: ten, and "+3 more" that shows the rest.
	text, bold := p.authorsOf("consortium2024atlas")
	if !strings.HasPrefix(text, "Mei Chen, Olusegun Adeyemi, Sara Lindqvist, Jane Doe, ") || !strings.HasSuffix(text, "Fatima Zahra, +3 more") {
		t.Errorf("long author list reads %q", text)
	}
	if !slices.Equal(bold, []string{"Jane Doe"}) {
		t.Errorf("bold in the long list: %v", bold)
	}
	p.run(chromedp.Click(css(`[data-paper-id="consortium2024atlas"] .pw-more-authors`)))
	p.waitJS(`!document.querySelector('[data-paper-id="consortium2024atlas"] .pw-more-authors')`)
	if text, _ := p.authorsOf("consortium2024atlas"); !strings.HasSuffix(text, "Fatima Zahra, Noah Williams, Ingrid Berg, Kofi Mensah") {
		t.Errorf("expanded author list reads %q", text)
	}

	// The title stays first and on screen, wrapped with a hanging indent.
	geometry := eval[map[string]float64](p, `(() => {
		const row = document.querySelector('[data-paper-id="consortium2024atlas"]');
		const title = row.querySelector('[data-field="title"]');
		const range = document.createRange();
		range.selectNodeContents(title);
		const lines = [...range.getClientRects()];
		const r = title.getBoundingClientRect();
		return {left: r.left, right: r.right, width: document.documentElement.clientWidth,
			titleTop: r.top, authorsTop: row.querySelector('[data-field="authors"]').getBoundingClientRect().top,
			lines: new Set(lines.map(l => Math.round(l.top))).size,
			firstLeft: Math.min(...lines.filter(l => Math.round(l.top) === Math.round(lines[0].top)).map(l => l.left)),
			lastLeft: lines[lines.length - 1].left};
	})()`)
	if geometry["left"] < 0 || geometry["right"] > geometry["width"] || geometry["titleTop"] >= geometry["authorsTop"] {
		t.Errorf("the title is pushed off screen or below the authors: %v", geometry)
	}
	// The first line's text starts after the arrow; the others under it.
	if geometry["lines"] < 2 || math.Abs(geometry["lastLeft"]-geometry["firstLeft"]) > 1 {
		t.Errorf("a wrapped title has no hanging indent (%v lines; first line at %v px, last at %v px)", geometry["lines"], geometry["firstLeft"], geometry["lastLeft"])
	}

	// The venue as a badge: the field's short name, or the venue itself.
	for id, want := range map[string]string{"raman2024plasticity": "NeurIPS", "alvarez2025events": "ICLR", "consortium2024atlas": "Nature Neuroscience", "doe2023sparse": "JCN"} {
		if got := eval[string](p, `document.querySelector('[data-paper-id="`+id+`"] [data-field="venue"]').textContent`); got != want {
			t.Errorf("%s venue badge %q, want %q", id, got, want)
		}
	}
	if got := eval[string](p, `document.querySelector('[data-paper-id="raman2024plasticity"] .pw-meta').textContent`); !strings.Contains(got, "Advances in Neural Information Processing Systems") {
		t.Errorf("the full venue is missing: %q", got)
	}

	// Links: PDF, arXiv, DOI, code.
	links := eval[[]string](p, `[...document.querySelectorAll('[data-paper-id="alvarez2025events"] .pw-links a')].map(a => a.firstChild.textContent + " " + a.href)`)
	if !slices.Equal(links, []string{"arXiv https://arxiv.org/abs/2502.04321", "Code https://example.org/doe-lab/event-dendrites"}) {
		t.Errorf("links %v", links)
	}

	// A row's tag filters the list, and the address says so.
	p.run(chromedp.Click(css(`[data-paper-id="alvarez2025events"] .pw-tag`)))
	p.waitCount(3)
	p.waitJS(`new URLSearchParams(location.search).getAll("tag").join() === "snn"`)
	if got := p.rowIDs(); !slices.Equal(got, []string{"alvarez2025events", "raman2024plasticity", "doe2022tutorial"}) {
		t.Errorf("tagged snn: %v", got)
	}
	p.noConsoleErrors()
}

// HIGHLIGHT (the build's -highlight) makes the lab's members bold in the
// pre-rendered page and the live one.
func TestPageHighlightFromTheBuild(t *testing.T) {
	live, static := smithLabPages(t)
	for name, p := range map[string]*page{"live": live, "pre-rendered": static} {
		_, bold := p.authorsOf("10.1016/j.jcp.2024.000123")
		text, _ := p.authorsOf("10.1016/j.jcp.2024.000123")
		if !slices.Equal(bold, []string{"J. Smith"}) || text != "Chidi Okafor, J. Smith, Marco Rossi" {
			t.Errorf("%s: authors %q, bold %v", name, text, bold)
		}
		if _, bold := p.authorsOf("2502.11111"); !slices.Equal(bold, []string{"Jane Smith"}) {
			t.Errorf("%s: bold %v, want Jane Smith", name, bold)
		}
	}
}

// chips are the texts of the filter buttons in the group labelled by id.
func (p *page) chips(labelID string) []string {
	p.t.Helper()
	return eval[[]string](p, `[...document.querySelectorAll('[aria-labelledby="`+labelID+`"] .pw-chip')].map(c => c.textContent)`)
}

// clickChip clicks the filter button of value in the group labelled by id.
func (p *page) clickChip(labelID, value string) {
	p.t.Helper()
	sel := fmt.Sprintf(`[...document.querySelectorAll('[aria-labelledby="%s"] .pw-chip')].find(c => c.textContent.startsWith(%q))`, labelID, value+" (")
	p.waitJS(`!!` + sel)
	p.run(chromedp.Evaluate[chromedp.Void](sel + `.click()`))
}

// param is the URL's values of a parameter, joined by commas.
func (p *page) param(name string) string {
	p.t.Helper()
	return eval[string](p, `new URLSearchParams(location.search).getAll("`+name+`").join()`)
}

func TestPageFiltersWithCountsInTheURL(t *testing.T) {
	p := newPage(t)
	p.open("?src=" + publications)
	p.waitCount(7)

	// al-folio's selected papers, as a view of their own.
	if got := eval[string](p, `document.querySelector('.pw-selected').textContent`); got != "Selected papers (2)" {
		t.Errorf("selected view offered as %q", got)
	}
	p.run(chromedp.Click(css(`.pw-selected`)))
	p.waitCount(2)
	p.waitJS(`new URLSearchParams(location.search).get("selected") === "1"`)
	if got := p.rowIDs(); !slices.Equal(got, []string{"alvarez2025events", "doe2023sparse"}) {
		t.Errorf("selected papers %v", got)
	}
	p.run(chromedp.Click(css(`.pw-selected`)))
	p.waitCount(7)

	// Several years at once: any of them; the counts say what each leaves.
	if got := p.chips("pw-years-label"); !slices.Equal(got, []string{"2025 (2)", "2024 (2)", "2023 (1)", "2022 (1)"}) {
		t.Errorf("year chips %v", got)
	}
	p.clickChip("pw-years-label", "2025")
	p.waitCount(2)
	p.clickChip("pw-years-label", "2024")
	p.waitCount(4)
	if got := p.param("year"); got != "2025,2024" {
		t.Errorf("years in the URL: %q", got)
	}
	// A tag as well: both filters apply. Counts follow the years chosen.
	if got := p.chips("pw-tags-label"); !slices.Contains(got, "snn (2)") || !slices.Contains(got, "memory (1)") || slices.Contains(got, "tutorial (1)") {
		t.Errorf("tag chips within 2024 and 2025: %v", got)
	}
	p.clickChip("pw-tags-label", "snn")
	p.waitCount(2)
	if got := p.rowIDs(); !slices.Equal(got, []string{"alvarez2025events", "raman2024plasticity"}) {
		t.Errorf("2024 or 2025, tagged snn: %v", got)
	}
	if got := p.chips("pw-years-label"); !slices.Equal(got, []string{"2025 (1)", "2024 (1)", "2022 (1)"}) {
		t.Errorf("year chips with snn chosen %v", got)
	}
	// A venue, by its short name.
	venues := eval[[]string](p, `[...document.querySelectorAll('#pw-venue option')].map(o => o.textContent)`)
	if !slices.Equal(venues, []string{"Any venue", "NeurIPS (1)", "ICLR (1)"}) {
		t.Errorf("venue options %v", venues)
	}
	p.run(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('#pw-venue'); s.value = [...s.options].find(o => o.textContent.startsWith("NeurIPS")).value; s.dispatchEvent(new Event("change", {bubbles: true})); })()`))
	p.waitCount(1)
	p.waitJS(`new URLSearchParams(location.search).get("venue") === "Advances in Neural Information Processing Systems"`)

	// The address restores the view.
	p.run(chromedp.Navigate(eval[string](p, `location.href`)), chromedp.WaitVisible(css(`[data-paper-widget][data-ready]`)))
	p.waitCount(1)
	if got := p.rowIDs(); !slices.Equal(got, []string{"raman2024plasticity"}) {
		t.Errorf("after reload: %v", got)
	}
	pressed := eval[[]string](p, `[...document.querySelectorAll('.pw-chip[aria-pressed="true"]')].map(c => c.textContent)`)
	// 2025 has no NeurIPS paper: choosing it leaves none.
	if !slices.Equal(pressed, []string{"2025 (0)", "2024 (1)", "snn (1)"}) {
		t.Errorf("chosen after reload: %v", pressed)
	}
	if got := eval[string](p, `document.querySelector('#pw-venue').selectedOptions[0].textContent`); got != "NeurIPS (1)" {
		t.Errorf("venue after reload: %q", got)
	}

	// An author, typed: the papers of everyone whose name starts so.
	p.open("?src=" + publications)
	p.run(chromedp.SendKeys(css(`#pw-author`), "doe"))
	p.waitCount(6)
	// The list's authors are suggested, the most published first.
	if got := eval[[]string](p, `[...document.querySelectorAll('#pw-authors option')].slice(0, 2).map(o => o.value)`); !slices.Equal(got, []string{"Jane Doe", "Priya Raman"}) {
		t.Errorf("author suggestions begin %v", got)
	}
	p.run(chromedp.Evaluate[chromedp.Void](`document.querySelector('#pw-author').select()`), chromedp.SendKeys(css(`#pw-author`), "Ráman"))
	p.waitCount(3)
	p.waitJS(`new URLSearchParams(location.search).get("author") === "Ráman"`)
	if got := p.rowIDs(); !slices.Equal(got, []string{"chen2025memory", "raman2024plasticity", "doe2023sparse"}) {
		t.Errorf("papers by Raman: %v", got)
	}

	// Esc in the search field clears the query, not the filters.
	p.typeQuery("memory")
	p.waitCount(1)
	p.run(chromedp.Focus(css(`input[type="search"]`)), chromedp.KeyEvent(kb.Escape))
	p.waitCount(3)
	p.waitJS(`!new URLSearchParams(location.search).has("q") && new URLSearchParams(location.search).get("author") === "Ráman"`)
	if got := eval[string](p, `document.querySelector('#pw-author').value`); got != "Ráman" {
		t.Errorf("the author field says %q after Esc", got)
	}
	p.noConsoleErrors()
}

// A phone's first screen shows papers: the filters fold behind one button
// that counts those set, and the keyboard hint is left out on touch
// screens.
func TestPagePhoneFirstScreen(t *testing.T) {
	p := newPage(t)
	p.run(chromedp.EmulateViewport(360, 640, chromedp.EmulateMobile, chromedp.EmulateTouch))
	p.open("?src=" + publications)
	p.waitCount(7)
	if !eval[bool](p, `matchMedia("(pointer: coarse)").matches`) {
		t.Fatal("the emulated phone has no touch screen")
	}
	firstPaper := `document.querySelector('[data-paper-id] [data-field="title"]').getBoundingClientRect().bottom`
	if bottom := eval[float64](p, firstPaper); bottom > 640 {
		t.Errorf("the first paper's title ends %v px down, below the first screen", bottom)
	}
	if eval[bool](p, `document.querySelector('.pw-hint').checkVisibility()`) {
		t.Error("the keyboard hint shows on a touch screen")
	}
	if eval[bool](p, `document.querySelector('[aria-labelledby="pw-years-label"]').checkVisibility()`) {
		t.Error("the filters are unfolded on a phone")
	}
	toggle := `document.querySelector('.pw-filters-toggle')`
	if got := eval[string](p, toggle+`.textContent`); got != "Filters" {
		t.Errorf("the filters button says %q", got)
	}
	p.run(chromedp.Click(css(`.pw-filters-toggle`)))
	p.waitJS(`document.querySelector('[aria-labelledby="pw-years-label"]').checkVisibility()`)
	if got := eval[string](p, toggle+`.getAttribute("aria-expanded")`); got != "true" {
		t.Errorf("unfolded, the button's aria-expanded is %q", got)
	}
	p.clickChip("pw-years-label", "2024")
	p.waitCount(2)
	p.clickChip("pw-tags-label", "atlas")
	p.waitCount(1)
	p.run(chromedp.Click(css(`.pw-filters-toggle`)))
	p.waitJS(`!document.querySelector('[aria-labelledby="pw-years-label"]').checkVisibility()`)
	if got := eval[string](p, toggle+`.textContent`); got != "Filters (2)" {
		t.Errorf("with two filters set the button says %q", got)
	}
	// Nothing scrolls sideways.
	if overflow := eval[int](p, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); overflow > 0 {
		t.Errorf("the page scrolls sideways by %d px", overflow)
	}

	// The bundled list too, whose first screen held the hint and chips.
	p.open("")
	if bottom := eval[float64](p, firstPaper); bottom > 640 {
		t.Errorf("bundled list: the first paper's title ends %v px down", bottom)
	}

	// On a wide screen with a mouse the filters and the hint show, and
	// the button does not.
	wide := newPage(t)
	wide.run(chromedp.EmulateViewport(1280, 900))
	wide.open("?src=" + publications)
	if !eval[bool](wide, `document.querySelector('[aria-labelledby="pw-years-label"]').checkVisibility() && document.querySelector('.pw-hint').checkVisibility() && !document.querySelector('.pw-filters-toggle').checkVisibility()`) {
		t.Error("on a wide screen the filters or the hint are hidden, or the Filters button shows")
	}
	p.noConsoleErrors()
}

// Screenshots of a lab's publication list for docs/design.md, at a phone's
// and a desktop's width, light and dark; not compared, not committed.
func TestPageScreenshots(t *testing.T) {
	screenshots(t, "publications-", func(p *page) {
		p.open("?src=" + publications)
		p.waitCount(7)
	})
}

// screenshots saves e2e/artifacts/screenshots/<prefix><width>-<theme>.png
// at 360 and 1280 px, in the system's light and dark schemes, of the view
// show opens.
func screenshots(t *testing.T, prefix string, show func(*page)) {
	t.Helper()
	dir := filepath.Join("artifacts", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int64{360, 1280} {
		for _, theme := range []string{"light", "dark"} {
			p := newPage(t)
			// Reduced motion: the toggle's arrow is not caught mid-turn.
			if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{
					{Name: "prefers-color-scheme", Value: theme},
					{Name: "prefers-reduced-motion", Value: "reduce"},
				},
			}); err != nil {
				t.Fatal(err)
			}
			p.run(chromedp.EmulateViewport(width, 900))
			show(p)
			shot, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s%d-%s.png", prefix, width, theme)), shot, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// The widget's text follows the page's size (an embed passes the host's
// on): nothing is sized in pixels.
func TestPageTextFollowsThePageSize(t *testing.T) {
	p := newPage(t)
	p.open("?src=" + publications)
	sizes := `(() => {
		const px = (sel) => parseFloat(getComputedStyle(document.querySelector(sel)).fontSize);
		return {base: px('[data-paper-widget]'), title: px('[data-paper-id] [data-field="title"]'), meta: px('[data-paper-id] .pw-meta'), badge: px('[data-field="venue"]'), chip: px('.pw-chip')};
	})()`
	before := eval[map[string]float64](p, sizes)
	p.run(chromedp.Evaluate[chromedp.Void](`document.documentElement.style.fontSize = "18px"`))
	after := eval[map[string]float64](p, sizes)
	if after["base"] != 18 {
		t.Errorf("with the page at 18 px the widget's text is %v px", after["base"])
	}
	for k, v := range before {
		if ratio := after[k] / v; math.Abs(ratio-18.0/16) > 0.01 {
			t.Errorf("%s went from %v to %v px, not with the page's size", k, v, after[k])
		}
	}
	if after["meta"] < 15 || after["title"] < 18 {
		t.Errorf("metadata %v px and titles %v px at a page size of 18 px", after["meta"], after["title"])
	}
}
