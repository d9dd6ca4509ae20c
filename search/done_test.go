package search

import (
	"reflect"
	"strings"
	"testing"

	synthlist "github.com/paperwidget/paperwidget/bench/synth"
)

// TestTypingReusesCompleteTerms types queries key by key, backspaces,
// changes earlier words and repeats them: after every keystroke, the hits
// and highlights must be those of the same query searched with nothing kept
// from earlier ones.
func TestTypingReusesCompleteTerms(t *testing.T) {
	seed := loadSeed(t)
	papers := append(seed, synthlist.Generate(seed, 2000).Papers...)
	ix, ref := New(papers), New(papers)

	var keys []string
	typeKeys := func(q string) {
		for i := 1; i <= len(q); i++ {
			keys = append(keys, q[:i])
		}
	}
	typeKeys("contnual lerning")
	for q := "contnual lerning"; q != "contnual"; q = q[:len(q)-1] {
		keys = append(keys, q) // backspacing
	}
	typeKeys("spiking neural networks")
	keys = append(keys, "spikng neural networks", "neural spiking networks", "neural neural spiking", "networks")
	typeKeys("hebbian learning rule")
	typeKeys("sgd ltp hebbian")
	// Initials of a title, so that a complete term matches as an acronym.
	var initials []byte
	for _, w := range strings.Fields(seed[0].Title)[:3] {
		initials = append(initials, w[0])
	}
	typeKeys(strings.ToLower(string(initials)) + " learning " + string(initials))

	for _, k := range keys {
		got := ix.Search(k)
		ref.done.kept = nil // ref forgets every earlier query
		want := ref.Search(k)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q after typing: %d hits, want %d (first %v, want %v)", k, len(got), len(want), got[:min(3, len(got))], want[:min(3, len(want))])
		}
		shown := got[:min(len(got), 20)]
		all := func(int) bool { return true }
		if gs, ws := ix.Spans(k, shown, all), ref.Spans(k, shown, all); !reflect.DeepEqual(gs, ws) {
			t.Fatalf("%q after typing: highlights differ", k)
		}
	}
}
