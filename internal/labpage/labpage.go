// Package labpage is a lab's publications page that embeds the widget with
// embed.js, to be served on another origin than the widget as on the web.
// The page records what its visitor sees happen to it: layout shifts (the
// Cumulative Layout Shift of Core Web Vitals) and every height its widget
// iframes take. The browser tests and the benchmark both load it.
package labpage

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Window is how long after the widget is ready shifts still count: the
// issue's target is a CLS below 0.1 from load to 5 s after ready.
const Window = 5 * time.Second

// recorder runs first in the page, before any layout shift can happen.
const recorder = `<script>
window.__lab = {cls: 0, shifts: [], frames: [], ready: 0};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (!e.hadRecentInput) {
      __lab.cls += e.value;
      __lab.shifts.push({t: e.startTime, v: e.value});
    }
  }
}).observe({type: "layout-shift", buffered: true});
addEventListener("message", (e) => {
  if (e.data && e.data.type === "paperwidget:ready" && !__lab.ready) __lab.ready = performance.now();
});
const sizes = new ResizeObserver((entries) => {
  for (const e of entries) {
    const f = __lab.frames.find((f) => f.el === e.target);
    const h = Math.round(e.borderBoxSize[0].blockSize);
    if (f.heights.length === 0 || f.heights[f.heights.length - 1].h !== h) f.heights.push({t: performance.now(), h});
  }
});
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) {
    if (n.localName === "iframe") {
      __lab.frames.push({el: n, heights: []});
      sizes.observe(n);
    }
  }
}).observe(document, {childList: true, subtree: true});
</script>`

// page is a plain lab site: a header, an introduction, the embed, and
// sections and a footer below it that a layout shift would move.
const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Publications — Adaptive Systems Lab</title>
%s
<style>
  body { margin: 0; font: 17px/1.6 Georgia, serif; color: #222; background: #fff; }
  header, main, footer { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
  header { display: flex; justify-content: space-between; padding-top: 1rem; padding-bottom: 1rem; border-bottom: 1px solid #ddd; }
  footer { margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid #ddd; color: #666; }
</style></head>
<body>
<header><strong>Adaptive Systems Lab</strong><nav><a href="#people">People</a> · <a href="#contact">Contact</a></nav></header>
<main>
<h1 id="publications">Publications</h1>
<p>Our papers on learning rules, spiking networks and continual learning, newest first. Search them by title, author or
topic; open one to read its abstract.</p>
%s
<h2 id="people">People</h2>
<p>The lab is four doctoral students, two postdocs and a principal investigator, working on how networks of neurons
learn and forget.</p>
<h2 id="contact">Contact</h2>
<p>Write to the lab's secretary to visit us; students looking for a thesis topic are welcome to drop by on Fridays.</p>
</main>
<footer>Adaptive Systems Lab · Department of Informatics</footer>
</body></html>`

// HTML is the lab page with embed in place of its list of publications.
func HTML(embed string) string {
	return fmt.Sprintf(page, recorder, embed)
}

// Snippet is the README's embed snippet for the widget served at widget
// (an origin, with or without a path ending in /), with extra attributes
// for the script tag: the tag inside an element that reserves the window's
// height until the widget is sized.
func Snippet(widget, attrs string) string {
	widget = strings.TrimSuffix(widget, "/")
	return fmt.Sprintf(`<div data-paperwidget-reserve style="min-height: 100vh">
<script src="%s/embed.js" %s async></script>
<noscript><style>[data-paperwidget-reserve] { min-height: 0 !important }</style><a href="%[1]s/">Browse the papers</a></noscript>
</div>`, widget, attrs)
}

// Tag is the embed tag alone, without the reservation.
func Tag(widget, attrs string) string {
	return fmt.Sprintf(`<script src="%s/embed.js" %s async></script>`, strings.TrimSuffix(widget, "/"), attrs)
}

// Open navigates ctx's tab to the lab page at url, with the widget's
// embed.js (at widget) arriving late as from another site across the
// internet: after the lab page's first paint, which the async tag lets
// happen first.
func Open(ctx context.Context, url, widget string) error {
	rule := network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: []*network.Conditions{{
		URLPattern:         strings.TrimSuffix(widget, "/") + "/embed.js",
		Latency:            float64(ScriptLatency.Milliseconds()),
		DownloadThroughput: -1,
		UploadThroughput:   -1,
	}}}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, rule); err != nil {
		return err
	}
	return chromedp.Do(ctx, chromedp.Navigate(url))
}

// ScriptLatency is how late embed.js arrives in Open.
const ScriptLatency = 300 * time.Millisecond

// Stability is what the visitor of the lab page saw while its first
// widget loaded.
type Stability struct {
	// CLS is the sum of the layout shifts without recent input, from the
	// page's start to Window after the widget was ready.
	CLS float64
	// Ready is when the widget said it was ready, in ms from the start.
	Ready float64
	// Before and After are how often the iframe's height changed before
	// the widget was ready, and then until the end of Window (its first
	// height, at insertion, is no change).
	Before, After int
	// Heights are the iframe's heights in px, in order.
	Heights []int
}

// Measure waits until Window has passed since the first widget of the lab
// page open in ctx said it was ready, then reads what the page recorded.
func Measure(ctx context.Context) (Stability, error) {
	wait := fmt.Sprintf(`__lab.ready > 0 && performance.now() > __lab.ready + %d`, Window.Milliseconds())
	ctx, cancel := context.WithTimeout(ctx, time.Minute+Window)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](wait, chromedp.WithPollingInterval(100*time.Millisecond))); err != nil {
		return Stability{}, fmt.Errorf("the widget on the lab page was not ready within a minute: %v", err)
	}
	type event struct{ T, V float64 } // time, and shift or height
	rec, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Ready           float64
		Shifts, Heights []event
	}](`({ready: __lab.ready, shifts: __lab.shifts, heights: __lab.frames.length ? __lab.frames[0].heights.map((h) => ({t: h.t, v: h.h})) : []})`))
	if err != nil {
		return Stability{}, err
	}
	s := Stability{Ready: rec.Ready}
	end := rec.Ready + float64(Window.Milliseconds())
	for _, sh := range rec.Shifts {
		if sh.T <= end {
			s.CLS += sh.V
		}
	}
	for i, h := range rec.Heights {
		if h.T > end {
			break
		}
		s.Heights = append(s.Heights, int(h.V))
		switch {
		case i == 0:
		case h.T < rec.Ready:
			s.Before++
		default:
			s.After++
		}
	}
	return s, nil
}

// String is the stability in one line, for logs and failures.
func (s Stability) String() string {
	return fmt.Sprintf("CLS %.3f, ready at %.0f ms, iframe heights %v (%d changes before ready, %d after)", s.CLS, s.Ready, s.Heights, s.Before, s.After)
}
