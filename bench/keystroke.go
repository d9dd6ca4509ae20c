package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var queries = []string{"hebbian", "spiking neural", "contnual lerning"}

type typingRow struct {
	papers       int
	query        string // "" for all queries
	widget, fuse []float64
	widgetF      []float64 // to the next frame
	fuseF        []float64
	fuseSkipped  bool
}

// typeQuery empties the field, then types q key by key, timing each key
// whose trimmed prefix differs from the previous one (a space changes
// nothing the page shows). keys are the prefixes timed.
func (t *tab) typeQuery(q string) (keys []string, dom, frame []float64, err error) {
	ctx, cancel := context.WithTimeout(t.ctx, 10*time.Minute)
	defer cancel()
	field := chromedp.CSS(`input[type="search"]`)
	if err := chromedp.Do(ctx,
		chromedp.Focus(field),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('input[type="search"]').select()`),
		chromedp.KeyEvent("\b"),
		chromedp.Poll[chromedp.Void](`(document.querySelector('[data-paper-widget]').dataset.query ?? "") === ""`, chromedp.WithPollingTimeout(time.Minute)),
	); err != nil {
		return nil, nil, nil, fmt.Errorf("%s: clearing the field: %v", t.url, err)
	}
	time.Sleep(300 * time.Millisecond)
	prev := ""
	for i := range len(q) {
		prefix := strings.TrimSpace(q[:i+1])
		if prefix == prev {
			if err := press(ctx, q[i]); err != nil {
				return nil, nil, nil, err
			}
			continue
		}
		prev = prefix
		js, _ := json.Marshal(prefix)
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`__pwb.arm(`+string(js)+`)`)); err != nil {
			return nil, nil, nil, err
		}
		if err := press(ctx, q[i]); err != nil {
			return nil, nil, nil, err
		}
		type timing struct{ Dom, Frame float64 }
		tm, err := chromedp.Run(ctx, chromedp.Evaluate[timing](`__pwb.done`, chromedp.EvalAwaitPromise))
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s: waiting for %q: %v", t.url, prefix, err)
		}
		keys = append(keys, prefix)
		dom = append(dom, tm.Dom)
		frame = append(frame, tm.Frame)
		// A fast typist's pace: the page may finish work it deferred.
		time.Sleep(60 * time.Millisecond)
	}
	return keys, dom, frame, nil
}

// press types one printable ASCII character as a keyboard does: a keyDown
// that carries the text, so keydown, keypress and input reach the page in
// one dispatch (as Puppeteer's keyboard.press sends them), then keyUp.
// chromedp.KeyEvent sends keyDown, char and keyUp as three DevTools
// commands, which puts a round trip (about 2.5 ms here) between keydown and
// input that no typist causes, in both pages' timings alike.
func press(ctx context.Context, c byte) error {
	k, ok := kb.Keys[rune(c)]
	if !ok || !k.Print {
		return fmt.Errorf("press: %q is not a printable key", c)
	}
	down := input.DispatchKeyEventParams{
		Type:                  kb.KeyDown,
		Key:                   k.Key,
		Code:                  k.Code,
		Text:                  k.Text,
		UnmodifiedText:        k.Unmodified,
		WindowsVirtualKeyCode: k.Windows,
		NativeVirtualKeyCode:  k.Native,
	}
	if k.Shift {
		down.Modifiers = int64(kb.ModifierShift)
	}
	up := down
	up.Type, up.Text, up.UnmodifiedText = kb.KeyUp, "", ""
	for _, ev := range []input.DispatchKeyEventParams{down, up} {
		if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, ev); err != nil {
			return err
		}
	}
	return nil
}
