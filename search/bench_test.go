package search

import (
	"fmt"
	"testing"

	synthlist "github.com/paperwidget/paperwidget/bench/synth"
	"github.com/paperwidget/paperwidget/paper"
)

var synthetic = map[int][]paper.Paper{}

// synth returns the benchmark's deterministic list of n papers (bench/synth,
// the same lists the browser benchmark types into).
func synth(b *testing.B, n int) []paper.Paper {
	if ps, ok := synthetic[n]; ok {
		return ps
	}
	ps := synthlist.Generate(loadSeed(b), n).Papers
	synthetic[n] = ps
	return ps
}

var sizes = []int{70, 10_000, 100_000}

var realistic = map[int][]paper.Paper{}

// realisticList returns bench/synth's realistic list of n papers, whose
// dictionary grows as real lists' do (about 51,000 words at 10,000 papers):
// the cost of a keystroke follows the dictionary.
func realisticList(n int) []paper.Paper {
	if ps, ok := realistic[n]; ok {
		return ps
	}
	ps := synthlist.Realistic(n, 1).Papers
	realistic[n] = ps
	return ps
}

// lists are the benchmarks' lists by name: the bundled papers' words at
// each size, and realistic vocabularies at 10,000 and 100,000.
func lists(b *testing.B) []struct {
	name string
	get  func() []paper.Paper
} {
	type list = struct {
		name string
		get  func() []paper.Paper
	}
	var out []list
	for _, n := range sizes {
		out = append(out, list{fmt.Sprintf("n=%d", n), func() []paper.Paper { return synth(b, n) }})
	}
	for _, n := range []int{10_000, 100_000} {
		out = append(out, list{fmt.Sprintf("realistic/n=%d", n), func() []paper.Paper { return realisticList(n) }})
	}
	return out
}

// shown is how many rows the widget renders, and so highlights, per keystroke.
const shown = 20

// collapsed is the rows' state while typing: the widget highlights the
// titles, and abstracts only of expanded rows.
func collapsed(int) bool { return false }

// BenchmarkSearch types each query key by key: one op is every keystroke of
// every query, and ns/keystroke is what a user waits per key. Each keystroke
// ranks the list and computes the title spans of the first rows, as the
// widget does for collapsed rows.
func BenchmarkSearch(b *testing.B) {
	var keys []string
	for _, q := range []string{"hebbian", "spiking neural", "contnual lerning"} {
		for i := 1; i <= len(q); i++ {
			keys = append(keys, q[:i])
		}
	}
	for _, l := range lists(b) {
		b.Run(l.name, func(b *testing.B) {
			ix := New(l.get())
			b.ReportAllocs()
			for b.Loop() {
				for _, k := range keys {
					hits := ix.Search(k)
					ix.Spans(k, hits[:min(len(hits), shown)], collapsed)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(keys)), "ns/keystroke")
		})
	}
}

func BenchmarkNew(b *testing.B) {
	for _, l := range lists(b) {
		b.Run(l.name, func(b *testing.B) {
			ps := l.get()
			b.ReportAllocs()
			for b.Loop() {
				New(ps)
			}
		})
	}
}
