package e2e

import (
	"slices"
	"strings"
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

func (p *page) selectValue(sel, value string) {
	p.t.Helper()
	p.run(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('` + sel + `'); s.value = "` + value + `"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`))
}

func TestSortAndFiltersWithCountsInTheURL(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("?src=/fixtures/lab.json")
	p.waitCount(5)

	p.selectValue("#pw-sort", "newest")
	p.waitJS(`new URLSearchParams(location.search).get("sort") === "newest"`)
	if got := p.rowIDs(); !slices.Equal(got, []string{"p2024", "p2023a", "p2023b", "p2021", "undated"}) {
		t.Errorf("newest first: %v", got)
	}
	p.selectValue("#pw-sort", "title")
	p.waitJS(`document.querySelector('[data-paper-id]').dataset.paperId === "undated"`)
	if got := p.rowIDs(); !slices.Equal(got, []string{"undated", "p2024", "p2023b", "p2023a", "p2021"}) {
		t.Errorf("by title: %v", got)
	}

	if years := p.chips("pw-years-label"); !slices.Equal(years, []string{"2024 (1)", "2023 (2)", "2021 (1)"}) {
		t.Errorf("year chips %v", years)
	}
	p.clickChip("pw-years-label", "2023")
	p.waitCount(2)

	if chips := p.chips("pw-tags-label"); !slices.Equal(chips, []string{"vision (2)", "snn (1)"}) {
		t.Errorf("tag chips within 2023: %v", chips)
	}
	p.clickChip("pw-tags-label", "snn")
	p.waitCount(1)
	if pressed := eval[string](p, `document.querySelector('[aria-labelledby="pw-tags-label"] .pw-chip[aria-pressed="true"]').textContent`); !strings.HasPrefix(pressed, "snn") {
		t.Errorf("pressed chip %q", pressed)
	}
	p.waitJS(`location.search.includes("tag=snn") && location.search.includes("year=2023")`)

	// The address restores the same view.
	p.run(chromedp.Navigate(eval[string](p, `location.href`)), chromedp.WaitVisible(css(`[data-paper-widget][data-ready]`)))
	p.waitCount(1)
	if got := p.rowIDs(); !slices.Equal(got, []string{"p2023a"}) {
		t.Errorf("after reload: %v", got)
	}
	if v := eval[string](p, `document.querySelector('#pw-sort').value + " " + document.querySelector('[aria-labelledby="pw-years-label"] [aria-pressed="true"]').textContent`); v != "title 2023 (1)" {
		t.Errorf("controls after reload: %q", v)
	}

	// Filters combine with the query; clearing empties both.
	p.typeQuery("attention")
	p.waitCount(0)
	p.run(chromedp.Click(css(`.pw-clear`)))
	p.waitCount(5)
}

func TestCopyBibtex(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("?src=/fixtures/lab.json&q=spiking")
	// Reading the clipboard back needs a permission no user grants a test.
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(p.ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission:       &cdpbrowser.PermissionDescriptor{Name: name},
			Setting:          "granted",
			Origin:           serverURL,
			BrowserContextID: chromedp.FromContext(p.ctx).BrowserContextID,
		}); err != nil {
			t.Fatal(err)
		}
	}
	if n := eval[int](p, `document.querySelectorAll('[data-paper-id="p2024"] .pw-copy').length`); n != 0 {
		t.Error("a paper without BibTeX offers to copy it")
	}
	p.run(chromedp.Click(css(`[data-paper-id="p2021"] .pw-copy`)))
	p.waitJS(`document.querySelector('[data-paper-id="p2021"] .pw-copy').textContent.startsWith("BibTeX copied")`)
	got, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got, "@article{p2021,") {
		t.Errorf("clipboard holds %q", got)
	}
}

// Where the clipboard is refused, the BibTeX is shown selected instead.
func TestCopyBibtexFallback(t *testing.T) {
	t.Parallel()
	p := newPage(t)
	p.open("?src=/fixtures/lab.json")
	p.run(chromedp.Evaluate[chromedp.Void](`Object.defineProperty(navigator, "clipboard", {value: {writeText: () => Promise.reject(new Error("denied"))}})`))
	p.run(chromedp.Click(css(`[data-paper-id="p2023a"] .pw-copy`)))
	p.waitJS(`!!document.querySelector('#bibtex-p2023a')`)
	selected := eval[string](p, `(() => { const a = document.querySelector('#bibtex-p2023a'); return a.value.substring(a.selectionStart, a.selectionEnd) })()`)
	if !strings.HasPrefix(selected, "@inproceedings{p2023a,") {
		t.Errorf("selected %q", selected)
	}
}
