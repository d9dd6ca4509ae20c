package e2e

import (
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/paperwidget/paperwidget/build/site"
)

// The one-file widget (make dist SINGLE=1), opened from file:// with the
// network off, as from a USB stick or an e-mail: it shows the list,
// filters as you type and expands abstracts, and asks no server for
// anything.
func TestSingleFileWorksFromAFileOffline(t *testing.T) {
	t.Parallel()
	testSingleFile(t, filepath.Join(distDir, site.SingleFile))
}

// testSingleFile opens the one-file widget at path from file://, offline.
func testSingleFile(t *testing.T, path string) {
	p := newPage(t)
	var mu sync.Mutex
	var fetched []string
	if err := chromedp.Listen(p.ctx, func(ev any) {
		if ev, ok := ev.(*network.EventRequestWillBeSent); ok {
			if u, err := url.Parse(ev.Request.URL); err != nil || (u.Scheme != "file" && u.Scheme != "data" && u.Scheme != "blob") {
				mu.Lock()
				fetched = append(fetched, ev.Request.URL)
				mu.Unlock()
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(p.ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
	}); err != nil {
		t.Fatal(err)
	}
	file := (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
	start := time.Now()
	p.run(
		chromedp.Navigate(file),
		chromedp.WaitVisible(css(`[data-paper-widget][data-ready]`)),
	)
	t.Logf("%s: ready %v after opening", filepath.Base(path), time.Since(start).Round(time.Millisecond))
	total := len(bundled(t).Papers)
	p.waitCount(total)
	p.typeQuery("hebbian")
	if n := p.count(); n == 0 || n >= total {
		t.Errorf("typing hebbian: count %d of %d", n, total)
	}
	if titles := p.rowTitles(); len(titles) == 0 || !strings.Contains(strings.ToLower(titles[0]), "hebbian") {
		t.Errorf("typing hebbian: first rows %q", titles)
	}
	p.run(chromedp.Click(css(`[data-paper-id] [data-field="title"]`), chromedp.NodeVisible))
	p.waitJS(`document.querySelector('[data-paper-id] [data-field="abstract"]').checkVisibility()`)
	if text := eval[string](p, `document.querySelector('[data-paper-id] [data-field="abstract"]').textContent`); len(text) < 100 {
		t.Errorf("expanded abstract reads %q", text)
	}
	// The query is kept in the file's address, as on the site.
	p.waitJS(`new URL(location.href).searchParams.get("q") === "hebbian"`)
	mu.Lock()
	defer mu.Unlock()
	if len(fetched) > 0 {
		t.Errorf("the one file fetched from the network: %v", fetched)
	}
	p.noConsoleErrors()
}
