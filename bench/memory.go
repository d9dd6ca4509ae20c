package main

import (
	"context"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// compacted waits for the mark of a streamed list's abstracts all
// compressed, and returns its time.
func compacted(ctx context.Context) (float64, error) {
	const mark = `performance.getEntriesByName("paperwidget:compacted")`
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](mark+`.length > 0`, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		return 0, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[float64](mark+`[0].startTime`))
}

// pageMemory collects the page's garbage and returns the memory it keeps
// besides wasm memory: its JS heap and its array buffers, which hold
// whatever the page fetched and kept.
func pageMemory(ctx context.Context) (int, error) {
	if _, err := chromedp.Call(ctx, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
		return 0, err
	}
	u, err := chromedp.Call(ctx, cdpruntime.GetHeapUsage, cdp.Empty{})
	if err != nil {
		return 0, err
	}
	return int(u.UsedSize + u.BackingStorageSize), nil
}
