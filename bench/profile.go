package main

import (
	"context"
	"encoding/json"
	"os"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// startProfile starts the DevTools CPU profiler in the page, sampling
// every 100 µs.
func startProfile(ctx context.Context) error {
	if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{})
	return err
}

// stopProfile writes the profile as a .cpuprofile, which Chrome DevTools'
// Performance panel opens.
func stopProfile(ctx context.Context, name string) error {
	r, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
	if err != nil {
		return err
	}
	data, err := json.Marshal(r.Profile)
	if err != nil {
		return err
	}
	logf("wrote %s", name)
	return os.WriteFile(name, data, 0o644)
}
