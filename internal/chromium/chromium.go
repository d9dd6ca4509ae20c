// Package chromium starts the headless Debian Chromium that the browser
// tests and the benchmark drive, with the flags this project's machines need:
// no sandbox (root), no GPU, and no background traffic to hosts the closed
// network refuses. It never downloads a browser.
package chromium

import (
	"context"
	"fmt"
	"os"

	"github.com/chromedp/chromedp"
)

// Path is Debian's chromium package.
const Path = "/usr/bin/chromium"

// Start launches Chromium with a fresh profile in userDataDir and returns a
// chromedp context for it; stop ends the browser.
func Start(userDataDir string) (browser context.Context, stop func(), err error) {
	if _, err := os.Stat(Path); err != nil {
		return nil, nil, fmt.Errorf("chromium is missing at %s; install it with: apt-get install -y chromium (make test does this as root)", Path)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(Path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(userDataDir),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancel := chromedp.NewContext(allocCtx)
	stop = func() {
		cancel()
		cancelAlloc()
	}
	if err := chromedp.Do(ctx); err != nil {
		stop()
		return nil, nil, fmt.Errorf("starting Chromium: %v", err)
	}
	return ctx, stop, nil
}
