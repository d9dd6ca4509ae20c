package search

import (
	"slices"
	"strings"
	"testing"
)

// osa is a plain optimal-string-alignment distance, the reference for the
// trie walk of matchTypos.
func osa(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func TestTypoWalkMatchesReference(t *testing.T) {
	ix := New(loadSeed(t))
	sc := ix.scratch()
	defer ix.release(sc)
	sc.clearKinds()
	defer sc.clearKinds() // its matches are no query's
	for _, ts := range []string{"hebbain", "contnual", "lerning", "nueral", "transfromer", "spikng", "abcd", "netwrok", "modulatoin", "zzzzzzzz", "ebbian", "ehbbian", "xebbian", "hhebbian", "nerual", "lern", "elarn", "ulti"} {
		k := maxEdits(len(ts), false)
		if strings.HasPrefix(ts, "ne") {
			k = 1 // as for a term that starts words of the list
		}
		sc.cands = sc.cands[:0]
		sc.gen++
		ix.typos(sc, ts, k)
		var got, want []string
		for _, c := range sc.cands {
			got = append(got, ix.words[c.w])
		}
		for _, w := range ix.words {
			prefix := k + 1
			for j := max(1, len(ts)-k); j <= min(len(w), len(ts)+k); j++ {
				prefix = min(prefix, osa(ts, w[:j]))
			}
			// Two edits only where one at most touches the first two letters.
			kw := k
			if w[0] != ts[0] && w[0] != ts[1] && !(len(w) > 1 && (w[1] == ts[0] || w[1] == ts[1])) {
				kw = min(k, 1)
			}
			prefix = min(prefix, kw+1)
			if osa(ts, w) <= kw || (prefix <= kw && len(w) > len(ts)) {
				want = append(want, w)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("typos of %q: got %q, want %q", ts, got, want)
		}
		if strings.HasPrefix(ts, "zzz") && len(got) != 0 {
			t.Errorf("typos of %q: got %q, want none", ts, got)
		}
	}
}
