package synth

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode"

	"github.com/paperwidget/paperwidget/paper"
)

// distinctWords counts the distinct words of the titles, abstracts and
// authors of l, lower-cased and split at anything not a letter or digit:
// the count real lists were measured with.
func distinctWords(l paper.List) int {
	seen := map[string]bool{}
	add := func(s string) {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			seen[strings.ToLower(w)] = true
		}
	}
	for _, p := range l.Papers {
		add(p.Title)
		add(p.Abstract)
		for _, a := range p.Authors {
			add(a)
		}
	}
	return len(seen)
}

// TestRealisticVocabulary checks the dictionary against real lists': about
// 52,800 distinct words at 10,000 papers, and growth by Heaps' law with an
// exponent of 0.5 to 0.6 (about 200,000 at 100,000).
func TestRealisticVocabulary(t *testing.T) {
	n10 := distinctWords(Realistic(10_000, 1))
	t.Logf("distinct words: %d at 10,000 papers", n10)
	if n10 < 40_000 || n10 > 65_000 {
		t.Errorf("%d distinct words at 10,000 papers, want 40,000 to 65,000 as real lists", n10)
	}
	if testing.Short() || raceDetector {
		return // 100,000 papers take seconds, ten times as many under the race detector
	}
	n100 := distinctWords(Realistic(100_000, 1))
	t.Logf("distinct words: %d at 100,000 papers", n100)
	if n100 < 150_000 || n100 > 260_000 {
		t.Errorf("%d distinct words at 100,000 papers, want 150,000 to 260,000", n100)
	}
}

func TestRealisticShape(t *testing.T) {
	l := Realistic(2000, 7)
	a, _ := json.Marshal(l)
	b, _ := json.Marshal(Realistic(2000, 7))
	if string(a) != string(b) {
		t.Fatal("two lists from the same seed differ")
	}
	if c, _ := json.Marshal(Realistic(2000, 8)); string(a) == string(c) {
		t.Fatal("two seeds gave the same list")
	}
	dec, problems, err := paper.Decode(a)
	if err != nil || len(problems) > 0 || len(dec.Papers) != len(l.Papers) {
		t.Fatalf("decoding the list: %d papers, %v, %v", len(dec.Papers), problems, err)
	}
	var titleWords, absWords, authors, doi, arxiv int
	surnames := map[string]bool{}
	for _, p := range l.Papers {
		tw := len(strings.Fields(p.Title))
		aw := len(strings.Fields(p.Abstract))
		if tw < 6 || tw > 16 || aw < 150 || aw > 250 || len(p.Authors) < 2 || len(p.Authors) > 8 {
			t.Fatalf("paper %s: %d title words, %d abstract words, %d authors", p.ID, tw, aw, len(p.Authors))
		}
		titleWords += tw
		absWords += aw
		authors += len(p.Authors)
		for _, a := range p.Authors {
			f := strings.Fields(a)
			surnames[f[len(f)-1]] = true
		}
		if p.DOI != "" {
			doi++
		}
		if p.Arxiv != "" {
			arxiv++
		}
		if p.Venue == "" || len(p.Date) < 4 || len(p.Tags) == 0 {
			t.Fatalf("paper %s lacks a venue, date or tags: %+v", p.ID, p)
		}
	}
	n := len(l.Papers)
	t.Logf("means: %.1f title words, %.1f abstract words, %.1f authors; %d surnames; DOI %d%%, arXiv %d%%",
		float64(titleWords)/float64(n), float64(absWords)/float64(n), float64(authors)/float64(n), len(surnames), 100*doi/n, 100*arxiv/n)
	if m := float64(titleWords) / float64(n); m < 8 || m > 12 {
		t.Errorf("titles average %.1f words, want 8 to 12", m)
	}
	if m := float64(authors) / float64(n); m < 3 || m > 6 {
		t.Errorf("papers average %.1f authors, want 3 to 6", m)
	}
	if len(surnames) < 1000 {
		t.Errorf("%d surnames, want thousands", len(surnames))
	}
}
