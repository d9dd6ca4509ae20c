package search

import (
	"math/rand/v2"
	"slices"
	"testing"

	synthlist "github.com/paperwidget/paperwidget/bench/synth"
	"github.com/paperwidget/paperwidget/paper"
)

// fieldPapers is a small lab list whose papers differ in the fields people
// type besides titles: venue (in full, in short, as proceedings), year,
// DOI, arXiv id, authors with accents.
var fieldPapers = []paper.Paper{
	{Title: "Sparse Mixture of Experts for Continual Learning", Authors: []string{"María García", "Wei Zhang"},
		Date: "2025-03", Venue: "Advances in Neural Information Processing Systems", Arxiv: "2501.01234"},
	{Title: "Continual Learning with Sparse Experts", Authors: []string{"Wei Zhang"}, Date: "2023",
		Venue: "NeurIPS 2023", Arxiv: "2305.11873v2"},
	{Title: "Learning Sparse Neural Networks", Authors: []string{"Luis García"}, Date: "2024-11",
		Venue: "Nature Machine Intelligence", DOI: "10.1038/s42256-024-00912-3"},
	{Title: "Spiking Neural Networks at Scale", Authors: []string{"Priya Sharma", "Luis García"}, Date: "2025",
		Venue: "Proceedings of the 42nd International Conference on Machine Learning"},
	{Title: "Neural Spiking Models of Cortex", Abstract: "Models of cortex built from spiking units, with neural codes read out by a self-supervised decoder.",
		Date: "2022-06", Venue: "Nature Machine Intelligence", DOI: "10.1038/s42256-022-00501-7"},
	{Title: "Self Supervised Spike Sorting", Abstract: "Sorting spikes without labels.", Date: "2025-01", Venue: "arXiv preprint", Arxiv: "2501.09876"},
	// al-folio's abbr names a venue no table knows.
	{Title: "Dendritic Gating in Cortical Circuits", Date: "2021", Venue: "Computational and Systems Neuroscience", Abbr: "Cosyne"},
}

// found returns the papers (by index) that query finds, best first.
func foundPapers(ix *Index, query string) []int {
	var out []int
	for _, h := range ix.Search(query) {
		out = append(out, int(h.Paper))
	}
	return out
}

func TestFieldSearch(t *testing.T) {
	ix := New(fieldPapers)
	for _, tc := range []struct {
		query string
		want  []int // the papers found, in any order
		first int   // the first of them, or -1 for any
	}{
		{"neurips", []int{0, 1}, -1},                // spelled out, and short
		{"nips", []int{0, 1}, 0},                    // the venue's old name, from its full name
		{"icml 2025", []int{3}, 3},                  // proceedings of the 42nd ...
		{"garcia 2025", []int{0, 3}, -1},            // an author without the accent, and a year
		{"garcía 2024", []int{2}, 2},                // with it
		{"2024", []int{2}, 2},                       // a year finds no other year, though one edit away
		{"2501.01234", []int{0}, 0},                 // an arXiv id
		{"2305.11873", []int{1}, 1},                 // without its version
		{"10.1038/s42256", []int{2, 4}, -1},         // a DOI prefix: one journal
		{"10.1038/s42256-024-00912-3", []int{2}, 2}, // a whole DOI
		{"neurips 2023 sparse", []int{1}, 1},        // venue, year and topic
		{"nature machine intelligence", []int{2, 4}, -1},
		{"nmi spiking", []int{4}, 4},
		{"cosyne dendritic", []int{6}, 6}, // the list's own short name
	} {
		got := foundPapers(ix, tc.query)
		sorted := slices.Sorted(slices.Values(got))
		if !slices.Equal(sorted, tc.want) || (tc.first >= 0 && got[0] != tc.first) {
			t.Errorf("Search(%q) = papers %v, want %v (first %d)", tc.query, got, tc.want, tc.first)
		}
	}
}

func TestPhraseSearch(t *testing.T) {
	ix := New(fieldPapers)
	for _, tc := range []struct {
		query string
		want  []int
	}{
		{"spiking neural", []int{3, 4}},      // words anywhere
		{`"spiking neural"`, []int{3}},       // next to each other, in order
		{`"neural spiking"`, []int{4}},       // in the title of the other
		{`"spiking neu`, []int{3}},           // a phrase being typed: its last word a prefix
		{`"spiking units" cortex`, []int{4}}, // in the abstract, with a word anywhere
		{`"self supervised"`, []int{4, 5}},   // a hyphen joins words as a space does
		{`“spiking neural”`, []int{3}},       // typographic quotes
		{`"neural codes" "spiking units"`, []int{4}},
		{`"cortex spiking"`, nil},              // both words there, never in this order
		{`"spiking"`, []int{3, 4}},             // one word: no phrase to keep
		{`"wei zhang" continual`, []int{0, 1}}, // an author's name
	} {
		got := slices.Sorted(slices.Values(foundPapers(ix, tc.query)))
		if !slices.Equal(got, tc.want) {
			t.Errorf("Search(%q) = papers %v, want %v", tc.query, got, tc.want)
		}
	}
}

// TestASCIIPhraseMatchesTokenizer checks the phrase shortcut for ASCII text
// against the tokenizer, on phrases that are in the text and on others.
func TestASCIIPhraseMatchesTokenizer(t *testing.T) {
	papers := synthlist.Realistic(300, 5).Papers
	papers = append(papers, paper.Paper{Abstract: "Self-supervised pre-training, e.g. x--y; LLMs (2023) and 3D-CNN models"})
	r := rand.New(rand.NewPCG(3, 4))
	var tz tokenizer
	checked, present := 0, 0
	for _, p := range papers {
		words := lowerWords(p.Abstract)
		for range 20 {
			k := 2 + r.IntN(2)
			at := r.IntN(len(words) - k)
			ph := phrase{words: slices.Clone(words[at : at+k]), open: r.IntN(2) == 0}
			if r.IntN(3) == 0 {
				ph.words[r.IntN(k)] = words[r.IntN(len(words))] // most likely not there
			}
			if ph.open && r.IntN(2) == 0 {
				last := ph.words[k-1]
				ph.words[k-1] = last[:1+r.IntN(len(last))]
			}
			want := tz.hasPhrase(p.Abstract, ph)
			if got := asciiHasPhrase(p.Abstract, ph); got != want {
				t.Fatalf("phrase %+v in %.80q: shortcut %v, tokenizer %v", ph, p.Abstract, got, want)
			}
			checked++
			if want {
				present++
			}
		}
	}
	if present == 0 || present == checked {
		t.Fatalf("%d of %d phrases present: the test checks nothing", present, checked)
	}
}
