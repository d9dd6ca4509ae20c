package widget

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

// The collector must ask for a collection once half of the heap's allowed
// growth is garbage, before Go's own trigger (which would land in a
// keystroke), and not much sooner (which would collect for little).
func TestIdleCollectorIsDueAtHalfTheGrowth(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	c := newIdleCollector()
	defer c.stop()
	live := make([]byte, 32<<20) // the list: growth allowed is 32 MB
	runtime.GC()
	if c.due() {
		t.Fatal("due right after a collection")
	}
	cycles := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(cycles)
	before := cycles[0].Value.Uint64()
	var garbage []byte
	allocate := func(mb int) {
		for range mb {
			garbage = make([]byte, 1<<20)
		}
	}
	allocate(12) // 37% of the growth
	if c.due() {
		t.Error("due with 12 MB of garbage on 32 MB live")
	}
	allocate(8) // 62%, before Go's own trigger at 70% or more
	due := c.due()
	metrics.Read(cycles)
	if cycles[0].Value.Uint64() != before {
		t.Skip("the runtime collected on its own meanwhile (another test's garbage?)")
	}
	if !due {
		t.Error("not due with 20 MB of garbage on 32 MB live")
	}
	runtime.KeepAlive(live)
	runtime.KeepAlive(garbage)
}
