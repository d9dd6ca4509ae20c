package widget

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	synthlist "github.com/paperwidget/paperwidget/bench/synth"
	"github.com/paperwidget/paperwidget/facet"
	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

// rowsHarness renders the result rows as the widget does and keeps its
// context, so a benchmark can change the rows as a keystroke does.
type rowsHarness struct {
	app.Compo

	papers []paper.Paper
	hits   []search.Hit
	spans  []search.Spans
	ctx    app.Context
}

// OnPreRender, as go-app outside the browser mounts as the pre-renderer.
func (h *rowsHarness) OnPreRender(ctx app.Context) { h.ctx = ctx }

// Render lays the hits out as one ranked group, as the widget does while
// a query is typed: without groups the list renders no row at all.
func (h *rowsHarness) Render() app.UI {
	return newPaperList().
		Messages(&english).
		Papers(h.papers).
		Hits(h.hits).
		Groups([]facet.Group{{From: 0, To: len(h.hits)}}).
		Spans(h.spans)
}

// BenchmarkRows is the Go side of rendering a keystroke's rows: go-app
// renders and diffs the rows a typed query shows (firstRows) of the
// realistic 10,000-paper list (the browser benchmark's) for each key of the
// browser benchmark's queries.
// Natively, go-app's DOM calls do nothing, so this is what Go code spends
// of a keystroke (several times slower in the browser's wasm), apart from
// the browser's DOM work. Natively go-app is not patched: rows are diffed
// by position, not matched by paper, and outside the browser rows render
// as the pre-renderer's, with the text of collapsed abstracts, which live
// rows leave out.
func BenchmarkRows(b *testing.B) {
	papers := synthlist.Realistic(10_000, 1).Papers
	ix := search.New(papers)
	type key struct {
		hits  []search.Hit
		spans []search.Spans
	}
	var keys []key
	for _, q := range []string{"hebbian", "spiking neural", "contnual lerning", "transformer", "robot grasping"} {
		for i := 1; i <= len(q); i++ {
			hits := ix.Search(q[:i])
			hits = hits[:min(len(hits), firstRows)]
			keys = append(keys, key{hits, ix.Spans(q[:i], hits, func(int) bool { return false })})
		}
	}
	h := &rowsHarness{papers: papers, hits: keys[0].hits, spans: keys[0].spans}
	if html := app.HTMLString(h); strings.Count(html, "data-paper-id=") != len(keys[0].hits) {
		b.Fatalf("the harness renders %d rows, want %d", strings.Count(html, "data-paper-id="), len(keys[0].hits))
	}
	e := app.NewTestEngine()
	if err := e.Load(h); err != nil {
		b.Fatal(err)
	}
	e.ConsumeAll()
	b.ReportAllocs()
	for b.Loop() {
		for _, k := range keys {
			h.ctx.Dispatch(func(app.Context) { h.hits, h.spans = k.hits, k.spans })
			e.ConsumeAll()
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(keys)), "ns/keystroke")
}
