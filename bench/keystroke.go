package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// queries are the outside probe's, typed key by key.
var queries = []string{"hebbian", "spiking neural", "contnual lerning", "transformer", "robot grasping"}

// typingRow holds the keystrokes of one list, each timed from its keydown
// to the layout of the last DOM mutation it caused (ms).
type typingRow struct {
	list         string // realistic or synthetic
	papers       int
	query        string // "" for all queries
	widget, fuse []float64
	fuseSkipped  bool
}

// typeQuery empties the field, then types q key by key. Each key ends once
// the DOM has not changed for 200 ms (and shows the typed prefix); keys
// whose trimmed prefix differs from the previous one are timed (a space
// changes nothing the page shows). keys are the prefixes timed and last
// their times to the last mutation, layout included.
func (t *tab) typeQuery(q string) (keys []string, last []float64, err error) {
	ctx, cancel := context.WithTimeout(t.ctx, 10*time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx,
		chromedp.Focus(chromedp.CSS(`input[type="search"]`)),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('input[type="search"]').select()`),
	); err != nil {
		return nil, nil, fmt.Errorf("%s: clearing the field: %v", t.url, err)
	}
	empty := ""
	if _, err := t.key(ctx, &empty, func() error { return chromedp.Do(ctx, chromedp.KeyEvent("\b")) }); err != nil {
		return nil, nil, fmt.Errorf("%s: clearing the field: %v", t.url, err)
	}
	prev := ""
	for i := range len(q) {
		prefix := strings.TrimSpace(q[:i+1])
		expect := &prefix
		if prefix == prev {
			expect = nil
		}
		ms, err := t.key(ctx, expect, func() error { return press(ctx, q[i]) })
		if err != nil {
			return nil, nil, fmt.Errorf("%s: typing %q: %v", t.url, q[:i+1], err)
		}
		if prefix != prev {
			keys = append(keys, prefix)
			last = append(last, ms)
		}
		prev = prefix
	}
	return keys, last, nil
}

// key arms the probe, sends one key with send and waits for its end: the
// DOM showing expect (nil: any) and then 200 ms without a mutation. It
// returns the time from keydown to the last mutation's layout, ms.
func (t *tab) key(ctx context.Context, expect *string, send func() error) (float64, error) {
	js := []byte("null")
	if expect != nil {
		js, _ = json.Marshal(*expect)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`__pwb.arm(`+string(js)+`)`)); err != nil {
		return 0, err
	}
	if err := send(); err != nil {
		return 0, err
	}
	type timing struct {
		Last      float64
		Mutations int
		What      string
		Error     string
	}
	tm, err := chromedp.Run(ctx, chromedp.Evaluate[timing](`__pwb.done`, chromedp.EvalAwaitPromise))
	if err != nil {
		return 0, err
	}
	if tm.Error != "" {
		return 0, errors.New(tm.Error)
	}
	if t.verbose {
		key := "(untimed)"
		if expect != nil {
			key = strconv.Quote(*expect)
		}
		logf("  %s %s: %.1f ms, %d mutation batches, the last: %s", t.name(), key, tm.Last, tm.Mutations, tm.What)
	}
	return tm.Last, nil
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
