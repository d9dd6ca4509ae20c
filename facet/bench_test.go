package facet

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/paperwidget/paperwidget/bench/synth"
	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

// benchList is the benchmark's list of n papers: bench/synth's list (what
// the browser benchmark types into) with tags added and one paper in twenty
// left undated, since synth's papers carry dates only and the facets count
// both.
func benchList(b *testing.B, n int) []paper.Paper {
	b.Helper()
	seed, err := synth.Seed("../data/papers.json")
	if err != nil {
		b.Fatal(err)
	}
	ps := synth.Generate(seed, n).Papers
	r := rand.New(rand.NewPCG(3, 4))
	for i := range ps {
		if r.IntN(20) == 0 {
			ps[i].Date = ""
		}
		for range r.IntN(4) {
			// Skewed: low-numbered tags are common, as in real lists.
			ps[i].Tags = append(ps[i].Tags, fmt.Sprintf("tag%02d", r.IntN(1+r.IntN(40))))
		}
	}
	return ps
}

var benchFilters = []struct {
	name string
	f    Filter
}{
	{"none", Filter{}},
	{"tag", Filter{Tags: []string{"tag01"}}},
	{"year+tags", Filter{Years: []string{"2020"}, Tags: []string{"tag00", "tag02"}}},
}

// benchHits is a query that matches all of the 10,000 papers: the most
// facet work a keystroke can cause.
func benchHits(b *testing.B) ([]paper.Paper, []search.Hit) {
	ps := benchList(b, 10_000)
	hits := make([]search.Hit, len(ps))
	for i := range hits {
		hits[i] = search.Hit{Paper: int32(i)}
	}
	return ps, hits
}

// BenchmarkCounts counts the years and tags of the results, as refine does
// on every keystroke.
func BenchmarkCounts(b *testing.B) {
	ps, hits := benchHits(b)
	ix := New(ps)
	for _, c := range benchFilters {
		b.Run("filter="+c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix.Counts(hits, c.f)
			}
		})
	}
}

func BenchmarkApply(b *testing.B) {
	ps, hits := benchHits(b)
	ix := New(ps)
	for _, c := range benchFilters[1:] {
		b.Run("filter="+c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix.Apply(hits, c.f)
			}
		})
	}
}

// BenchmarkNew is the widget's set-up cost per list (OnInit).
func BenchmarkNew(b *testing.B) {
	ps := benchList(b, 10_000)
	b.ReportAllocs()
	for b.Loop() {
		New(ps)
	}
}

// BenchmarkSortNewest is the sort of a cleared query: the whole list in
// list order, newest first.
func BenchmarkSortNewest(b *testing.B) {
	ps := benchList(b, 10_000)
	ix := New(ps)
	all := make([]search.Hit, len(ps))
	hits := make([]search.Hit, len(ps))
	for i := range all {
		all[i].Paper = int32(i)
	}
	b.ReportAllocs()
	for b.Loop() {
		copy(hits, all)
		ix.Sort(hits, Newest)
	}
}
