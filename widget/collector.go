package widget

import (
	"runtime"
	"runtime/metrics"
	"sync/atomic"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// idleCollector moves garbage collection out of keystrokes. Go collects
// once the heap has grown by a share (GOGC) of what the last collection
// kept, in whatever the page is doing then: typing at 10,000 papers, that
// was every tenth key or so, and the key that crossed the line waited
// 6-14 ms more for its rows. After a keystroke, the idle collector waits
// for the browser to be idle and collects there once half of that growth is
// used; Go's own trigger comes at 70% at the earliest, so the keys typed
// before the next idle moment still fit in what is left.
type idleCollector struct {
	samples []metrics.Sample
	onIdle  app.Func
	// How to schedule a look, chosen once: a keystroke pays for every call
	// into JavaScript.
	request, cancel string
	arg             any
	// pending is set from schedule until the look runs; id names it.
	pending atomic.Bool
	id      app.Value
}

func newIdleCollector() *idleCollector {
	c := &idleCollector{samples: []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/gc/heap/goal:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
	}}
	c.onIdle = app.FuncOf(func(app.Value, []app.Value) any {
		c.pending.Store(false)
		if c.due() {
			runtime.GC()
		}
		return nil
	})
	// A look comes once the browser is idle after the keystroke's frame,
	// or 50 ms after at the latest: browsers may grant no idle period
	// between keys typed fast (headless Chromium rarely did at 80 ms a
	// key), and a look after the next key is too late.
	c.request, c.cancel, c.arg = idleCallback(50, 50)
	return c
}

// due reports whether half of the heap's growth allowed before the next
// collection is used.
func (c *idleCollector) due() bool {
	metrics.Read(c.samples)
	live, goal, used := c.samples[0].Value.Uint64(), c.samples[1].Value.Uint64(), c.samples[2].Value.Uint64()
	return goal > live && used > live && used-live >= (goal-live)/2
}

// schedule asks for a look at the heap after the keystroke.
func (c *idleCollector) schedule() {
	if c.pending.Swap(true) {
		return
	}
	c.id = app.Window().Call(c.request, c.onIdle, c.arg)
}

func (c *idleCollector) stop() {
	if c.pending.Load() {
		app.Window().Call(c.cancel, c.id)
	}
	c.onIdle.Release()
}

// idleCallback names how to have a function called once the browser is
// idle, or after timeout ms at the latest: requestIdleCallback, with the
// function that cancels it and the argument to pass. Where there is none
// (Safari), setTimeout after delay ms.
func idleCallback(timeout, delay int) (request, cancel string, arg any) {
	if app.Window().Get("requestIdleCallback").Truthy() {
		return "requestIdleCallback", "cancelIdleCallback", app.ValueOf(map[string]any{"timeout": timeout})
	}
	return "setTimeout", "clearTimeout", delay
}
