package main

import (
	"context"
	_ "embed"
	"fmt"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

//go:embed probe.js
var probe string

// tab is one page in a browser context of its own: cold cache, no service
// worker carried over.
type tab struct {
	ctx    context.Context
	cancel context.CancelFunc
	url    string
	// verbose logs each key's mutations (-keys).
	verbose bool
}

func (t *tab) name() string {
	if strings.Contains(t.url, "/fuse/") {
		return "Fuse.js"
	}
	return "widget"
}

// openTab opens url cold: a browser context of its own, the service
// worker bypassed (once it activates it would take over the list's
// request).
func openTab(browser context.Context, url string, before func(context.Context) error) (*tab, error) {
	return open(browser, url, true, before, chromedp.WithNewBrowserContext())
}

// open opens url in a new tab; before, when given, runs before the
// navigation (to start a profiler).
func open(parent context.Context, url string, bypassWorker bool, before func(context.Context) error, opts ...chromedp.ContextOption) (*tab, error) {
	ctx, cancel := chromedp.NewContext(parent, opts...)
	t := &tab{ctx: ctx, cancel: cancel, url: url}
	addProbe := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: bypassWorker})
		return err
	})
	// First: a before that throttles the network sets its conditions
	// after this.
	if _, err := chromedp.Call(ctx, network.Enable, keepNoBodies); err != nil {
		cancel()
		return nil, err
	}
	if before != nil {
		if err := before(ctx); err != nil {
			cancel()
			return nil, err
		}
	}
	if err := chromedp.Do(ctx, addProbe, chromedp.Navigate(url)); err != nil {
		cancel()
		return nil, fmt.Errorf("opening %s: %v", url, err)
	}
	return t, nil
}

func (t *tab) close() { t.cancel() }

// keepNoBodies enables DevTools' Network domain without its buffers of
// response bodies. chromedp enables the domain in every tab with the
// default buffers, and the page then keeps a copy of each response for
// DevTools' Network panel, decoding JSON ones as text when they end: for
// the realistic 10,000-paper list, 55 ms of text decoding in a 103 ms task
// on the page's thread, in the widget's page and the Fuse.js page alike
// (a DevTools trace of a load), which no reader's browser does.
var keepNoBodies = func() network.EnableParams {
	none := int64(1)
	return network.EnableParams{MaxTotalBufferSize: &none, MaxResourceBufferSize: &none}
}()
