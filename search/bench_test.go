package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

var synthetic = map[int][]paper.Paper{}

// synth returns n papers drawn from the seed's words with a fixed seed. Words
// are sampled from the seed text itself, so common words stay common; one in
// a hundred is glued to another word, which grows the dictionary with the
// list as real vocabularies do.
func synth(b *testing.B, n int) []paper.Paper {
	if ps, ok := synthetic[n]; ok {
		return ps
	}
	var titleWords, absWords []string
	for _, p := range loadSeed(b) {
		titleWords = append(titleWords, strings.Fields(p.Title)...)
		absWords = append(absWords, strings.Fields(p.Abstract)...)
	}
	r := rand.New(rand.NewPCG(1, 2))
	text := func(pool []string, words int) string {
		var sb strings.Builder
		for i := range words {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(pool[r.IntN(len(pool))])
			if r.IntN(100) == 0 {
				sb.WriteString(strings.ToLower(pool[r.IntN(len(pool))]))
			}
		}
		return sb.String()
	}
	ps := make([]paper.Paper, n)
	for i := range ps {
		ps[i] = paper.Paper{Title: text(titleWords, 8+r.IntN(5)), Abstract: text(absWords, 150+r.IntN(51))}
	}
	synthetic[n] = ps
	return ps
}

var sizes = []int{70, 10_000, 100_000}

// BenchmarkSearch types each query key by key: one op is every keystroke of
// every query, and ns/keystroke is what a user waits per key.
func BenchmarkSearch(b *testing.B) {
	var keys []string
	for _, q := range []string{"hebbian", "spiking neural", "contnual lerning"} {
		for i := 1; i <= len(q); i++ {
			keys = append(keys, q[:i])
		}
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			ix := New(synth(b, n))
			b.ReportAllocs()
			for b.Loop() {
				for _, k := range keys {
					ix.Search(k)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(keys)), "ns/keystroke")
		})
	}
}

func BenchmarkNew(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			ps := synth(b, n)
			b.ReportAllocs()
			for b.Loop() {
				New(ps)
			}
		})
	}
}
