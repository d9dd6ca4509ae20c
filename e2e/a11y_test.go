package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// activeTitle is the data-paper-id of the row whose title has focus, "" if
// none, or "search" when the search field has it.
func activeTitle(p *page) string {
	p.t.Helper()
	return eval[string](p, `(() => {
		const a = document.activeElement;
		if (a && a.matches('input[type="search"]')) return "search";
		const row = a && a.matches('[data-field="title"]') && a.closest('[data-paper-id]');
		return row ? row.dataset.paperId : "";
	})()`)
}

func (p *page) key(k string) {
	p.t.Helper()
	p.run(chromedp.KeyEvent(k))
}

// slash presses "/" as a keyboard does, one keydown carrying its text:
// chromedp's KeyEvent sends the character as a separate event that a
// cancelled keydown cannot stop, which no real keyboard does.
func (p *page) slash() {
	p.t.Helper()
	down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: "/", Code: "Slash", Text: "/", UnmodifiedText: "/", WindowsVirtualKeyCode: 191, NativeVirtualKeyCode: 191}
	up := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: "/", Code: "Slash", WindowsVirtualKeyCode: 191, NativeVirtualKeyCode: 191}
	for _, ev := range []input.DispatchKeyEventParams{down, up} {
		if _, err := chromedp.Call(p.ctx, input.DispatchKeyEvent, ev); err != nil {
			p.t.Fatal(err)
		}
	}
}

func TestKeyboardFindReadAndReturn(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("")
	p.run(chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))

	p.slash()
	if got := activeTitle(p); got != "search" {
		t.Fatalf("after / focus is on %q, want the search field", got)
	}
	if v := eval[string](p, `document.querySelector('input[type="search"]').value`); v != "" {
		t.Fatalf("the / that focused the field was typed into it: %q", v)
	}
	p.run(chromedp.SendKeys(css(`input[type="search"]`), "spiking"))
	p.waitJS(`document.querySelector('[data-paper-widget]').dataset.query === "spiking"`)
	ids := p.rowIDs()

	steps := []struct {
		key, want string
	}{
		{kb.ArrowDown, ids[0]},
		{kb.ArrowDown, ids[1]},
		{kb.ArrowDown, ids[2]},
		{kb.ArrowUp, ids[1]},
		{kb.End, ids[len(ids)-1]},
		{kb.Home, ids[0]},
		{kb.ArrowUp, "search"},
		{kb.ArrowDown, ids[0]},
	}
	for i, s := range steps {
		p.key(s.key)
		if got := activeTitle(p); got != s.want {
			t.Fatalf("step %d (%q): focus on %q, want %q", i, s.key, got, s.want)
		}
	}
	scrolled := eval[float64](p, `window.scrollY`)
	if scrolled > 200 {
		t.Errorf("arrow keys scrolled the page by %.0f px instead of only moving focus", scrolled)
	}

	outline := eval[string](p, `getComputedStyle(document.activeElement).outlineStyle`)
	if outline == "none" {
		t.Error("the focused title shows no focus ring")
	}

	abstract := `[data-paper-id="` + ids[0] + `"] [data-field="abstract"]`
	p.key(kb.Enter)
	p.run(chromedp.WaitVisible(css(abstract)))
	p.key(" ")
	p.run(chromedp.WaitNotVisible(css(abstract)))
	if got := activeTitle(p); got != ids[0] {
		t.Errorf("after toggling, focus on %q, want it kept on %q", got, ids[0])
	}

	// Typing / elsewhere than a field jumps back to search; Esc clears it.
	p.slash()
	p.key(kb.Escape)
	p.waitCount(70)
	if got := eval[string](p, `document.querySelector('input[type="search"]').value`); got != "" {
		t.Errorf("Esc left %q in the field", got)
	}
	if got := activeTitle(p); got != "search" {
		t.Errorf("after Esc focus is on %q, want the field", got)
	}
	p.noConsoleErrors()
}

func TestShowMoreKeepsTheReaderInPlace(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("")
	window := len(p.rowIDs())
	p.run(chromedp.Focus(css(`.pw-more`)))
	p.key(kb.Enter)
	p.waitJS(fmt.Sprintf(`document.querySelectorAll('[data-paper-id]').length > %d`, window))
	p.waitJS(`document.activeElement && document.activeElement.matches('[data-field="title"]')`)
	ids := p.rowIDs()
	if got := activeTitle(p); got != ids[window] {
		t.Errorf("after show more focus is on %q, want the first new row %q", got, ids[window])
	}
	// On the last page the button goes away with the click: focus still
	// lands on the first new row, not on the page.
	p.showAll()
	if got := activeTitle(p); got == "" {
		t.Error("focus lost after showing the last page")
	}
}

func TestQueryLivesInTheURL(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("?theme=light")
	p.typeQuery("hebbian")
	p.waitJS(`new URLSearchParams(location.search).get("q") === "hebbian"`)
	if theme := eval[string](p, `new URLSearchParams(location.search).get("theme")`); theme != "light" {
		t.Errorf("other parameters lost: theme=%q", theme)
	}
	entries, err := chromedp.Run(p.ctx, chromedp.NavigationEntries())
	if err != nil {
		t.Fatal(err)
	}
	if len(entries.Entries) != 2 {
		t.Errorf("typing added history entries: %d entries", len(entries.Entries))
	}
	n := p.count()

	p.run(chromedp.Navigate(eval[string](p, `location.href`)), chromedp.WaitVisible(css(`[data-paper-widget][data-ready]`)))
	p.waitCount(n)
	if v := eval[string](p, `document.querySelector('input[type="search"]').value`); v != "hebbian" {
		t.Errorf("after reload the field holds %q", v)
	}

	// Back and forward (history.back rather than chromedp's NavigateBack,
	// which waits for a load event that a back/forward-cache restore never
	// fires).
	p.open("?q=spiking")
	p.run(chromedp.Evaluate[chromedp.Void](`history.back()`))
	p.waitJSAcrossNav(fmt.Sprintf(`!!document.querySelector('[data-paper-widget][data-ready]') && document.querySelector('[data-paper-widget]').dataset.query === "hebbian" && parseInt(document.querySelector('[data-result-count]').textContent) === %d`, n))
	p.run(chromedp.Evaluate[chromedp.Void](`history.forward()`))
	p.waitJSAcrossNav(`!!document.querySelector('[data-paper-widget][data-ready]') && document.querySelector('[data-paper-widget]').dataset.query === "spiking"`)
}

func TestCountIsAnnouncedOnceTypingSettles(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("")
	p.typeQuery("hebb")
	live := `document.querySelector('[aria-live="polite"]').textContent`
	if got := eval[string](p, live); got != "" {
		t.Errorf("announced %q while typing", got)
	}
	p.waitJS(live + ` === document.querySelector('[data-result-count]').textContent`)
	if got := eval[string](p, `document.querySelectorAll('[aria-live]').length + ""`); got != "1" {
		t.Errorf("%s live regions, want one", got)
	}
}

func TestPermalinkOpensThePaper(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("")
	p.showAll()
	id := p.rowIDs()[62]

	// Beyond the first window, hidden by a query: the permalink still
	// shows it, expanded, focused and highlighted.
	p.open("?q=hebbian#paper-" + id)
	row := `[data-paper-id="` + id + `"]`
	p.run(chromedp.WaitVisible(css(row + ` [data-field="abstract"]`)))
	if got := activeTitle(p); got != id {
		t.Errorf("focus on %q, want the permalinked paper", got)
	}
	if !eval[bool](p, `document.querySelector('`+row+`').classList.contains('pw-target')`) {
		t.Error("the permalinked paper is not highlighted")
	}
	p.waitJS(`(() => { const r = document.querySelector('` + row + `').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight })()`)
	p.waitJS(`!document.querySelector('` + row + `').classList.contains('pw-target')`)

	// A row's own link opens it and puts the permalink in the address.
	other := p.rowIDs()[3]
	p.run(chromedp.Click(css(`[data-paper-id="` + other + `"] [data-field="title"]`)))
	p.run(chromedp.Click(css(`[data-paper-id="` + other + `"] .pw-permalink`)))
	p.run(chromedp.WaitVisible(css(`[data-paper-id="` + other + `"] [data-field="abstract"]`)))
	if hash := eval[string](p, `location.hash`); hash != "#paper-"+other {
		t.Errorf("address hash %q, want #paper-%s", hash, other)
	}
}

func TestTranslations(t *testing.T) {
	t.Parallel()
	cases := []struct{ lang, htmlLang, label, count string }{
		{"de", "de", "Publikationen durchsuchen", "70 von 70 Publikationen"},
		{"fr-CH", "fr", "Rechercher des publications", "70 sur 70 publications"},
		{"xx", "en", "Search papers", "70 of 70 papers"},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			p := newPage(t)
			p.open("?lang=" + url.QueryEscape(c.lang))
			if got := eval[string](p, `document.documentElement.lang`); got != c.htmlLang {
				t.Errorf("html lang = %q, want %q", got, c.htmlLang)
			}
			if got := p.text(`label[for="pw-q"]`); got != c.label {
				t.Errorf("label = %q, want %q", got, c.label)
			}
			if got := p.text(`[data-result-count]`); got != c.count {
				t.Errorf("count = %q, want %q", got, c.count)
			}
		})
	}
}

// axeViolations runs axe-core (from npm, see e2e/package.json) on the page
// and returns its violations as readable lines.
func axeViolations(t *testing.T, p *page) []string {
	t.Helper()
	src, err := os.ReadFile("node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core is missing (make test runs npm ci in e2e/): %v", err)
	}
	p.run(chromedp.Evaluate[chromedp.Void](string(src)))
	raw, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]byte](`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary)})))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	var violations []struct {
		ID    string   `json:"id"`
		Help  string   `json:"help"`
		Nodes []string `json:"nodes"`
	}
	if err := json.Unmarshal(raw, &violations); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, v := range violations {
		out = append(out, fmt.Sprintf("%s (%s): %s", v.ID, v.Help, strings.Join(v.Nodes[:min(3, len(v.Nodes))], " | ")))
	}
	return out
}

func TestAccessibilityAudit(t *testing.T) {
	t.Parallel()
	views := []struct {
		name  string
		query string
		setup func(p *page)
	}{
		{"default", "", nil},
		{"filtered with an expanded abstract", "?q=hebbian", func(p *page) {
			p.run(chromedp.Click(css(`[data-paper-id] [data-field="title"]`)))
			p.waitJS(`document.querySelector('[data-paper-id] [data-field="abstract"]').checkVisibility()`)
		}},
		{"empty result", "?q=xqzvbw", nil},
		{"dark theme", "?theme=dark&q=spiking", func(p *page) {
			p.run(chromedp.Click(css(`.pw-expand-all`)))
			p.waitJS(`document.querySelector('.pw-expand-all').textContent === "Collapse all"`)
		}},
		{"list with problems", "?src=/fixtures/invalid.json", nil},
		{"sort, year and tag filters", "?src=/fixtures/lab.json&sort=newest&tag=snn&theme=dark", nil},
		// While the browser offers installation (offerInstall: page_test.go).
		{"install offered, light", "?theme=light", (*page).offerInstall},
		{"install offered, dark", "?theme=dark&q=spiking", (*page).offerInstall},
	}
	for _, v := range views {
		t.Run(v.name, func(t *testing.T) {
			p := newPage(t)
			p.open(v.query)
			if v.setup != nil {
				v.setup(p)
			}
			if violations := axeViolations(t, p); len(violations) > 0 {
				t.Errorf("axe-core found %d violations:\n%s", len(violations), strings.Join(violations, "\n"))
			}
		})
	}
}

func TestNarrowScreensAndLargeText(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.run(chromedp.EmulateViewport(320, 700))
	p.open("?q=spiking")
	p.run(chromedp.Evaluate[chromedp.Void](`document.documentElement.style.fontSize = "200%"`))
	p.run(chromedp.Click(css(`.pw-expand-all`)))
	overflow := eval[int](p, `document.documentElement.scrollWidth - document.documentElement.clientWidth`)
	if overflow > 0 {
		widest := eval[string](p, `[...document.querySelectorAll('[data-paper-widget] *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth).map(e => e.tagName + "." + e.className).slice(0, 5).join(", ")`)
		t.Errorf("at 320 px with text at 200%% the page scrolls sideways by %d px (%s)", overflow, widest)
	}
}

// Screenshots for a person to look at; not compared, not committed.
func TestScreenshots(t *testing.T) {
	t.Parallel()
	screenshots(t, "", func(p *page) {
		p.open("?q=hebbian")
		p.run(chromedp.Click(css(`[data-paper-id] [data-field="title"]`)))
		p.waitJS(`document.querySelector('[data-paper-id] [data-field="abstract"]').checkVisibility()`)
	})
}

// Following a permalink, also one with characters a URL encodes (é, ß),
// keeps the rest of the view: the open abstracts stay open.
func TestPermalinkKeepsTheView(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("?src=/fixtures/unicode-ids.json")
	p.waitCount(3)
	p.run(chromedp.Click(css(`[data-paper-id="straße"] [data-field="title"]`)))
	p.run(chromedp.Click(css(`[data-paper-id="café-2024"] [data-field="title"]`)))
	p.run(chromedp.Click(css(`[data-paper-id="café-2024"] .pw-permalink`)))
	p.waitJS(`decodeURIComponent(location.hash) === "#paper-café-2024"`)
	time.Sleep(500 * time.Millisecond)
	if got := p.expandedIDs(); !slices.Contains(got, "straße") || !slices.Contains(got, "café-2024") {
		t.Errorf("expanded %v after the permalink, want straße and café-2024 still open", got)
	}
}

// axName is the name a screen reader announces for the element sel
// matches, as Chromium's accessibility tree computes it, spaces collapsed.
func axName(p *page, sel string) string {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, waitTimeout)
	defer cancel()
	nodes, err := chromedp.Run(ctx, chromedp.Nodes(css(sel)))
	if err != nil || len(nodes) == 0 {
		p.t.Fatalf("finding %s: %v", sel, err)
	}
	fetchRelatives := false
	ax, err := chromedp.Call(ctx, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{BackendNodeID: nodes[0].BackendNodeID, FetchRelatives: &fetchRelatives})
	if err != nil || len(ax.Nodes) == 0 || ax.Nodes[0].Name == nil {
		p.t.Fatalf("no accessible name for %s: %v", sel, err)
	}
	var name string
	if err := json.Unmarshal(ax.Nodes[0].Name.Value, &name); err != nil {
		p.t.Fatalf("the accessible name of %s: %v", sel, err)
	}
	return strings.Join(strings.Fields(name), " ")
}

// A row's links, copy button and tags name their paper or their tag to
// screen readers ("PDF of <title>", "Show papers tagged <tag>"), and still
// name the right paper once typing has put other papers in the rows: the
// names are composed from ids that belong to the row's place, not to the
// paper that filled it first.
func TestRowControlsNameTheirPaper(t *testing.T) {
	t.Parallel()
	// One list has links and tags, the other BibTeX and tags.
	for _, list := range []struct{ src, query string }{{"?src=/fixtures/publications.json", "spiking"}, {"?src=/fixtures/lab.json", "spiking"}} {
		p := newPage(t)
		p.open(list.src)
		named := 0
		check := func(when string) {
			t.Helper()
			for _, c := range []struct{ control, want string }{
				{`.pw-links a[href]`, "%s of %s"},
				{`.pw-copy`, "Copy BibTeX of %[2]s"},
				{`.pw-tag`, "Show papers tagged %[1]s"},
			} {
				row := eval[string](p, `document.querySelector('[data-paper-id]:has(`+c.control+`)')?.dataset.paperId ?? ""`)
				if row == "" {
					continue
				}
				sel := `[data-paper-id="` + row + `"] ` + c.control
				title := strings.Join(strings.Fields(p.text(`[data-paper-id="`+row+`"] [data-field="title"]`)), " ")
				want := fmt.Sprintf(c.want, p.text(sel), title)
				if got := axName(p, sel); got != want {
					t.Errorf("%s%s: %s is named %q, want %q", list.src, when, c.control, got, want)
				}
				named++
			}
		}
		check("")
		p.typeQuery(list.query)
		check(` after typing "` + list.query + `"`)
		if named < 4 {
			t.Errorf("%q: only %d controls checked", list.src, named)
		}
	}
}
