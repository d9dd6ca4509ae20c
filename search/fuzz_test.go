package search

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/paperwidget/paperwidget/paper"
)

func FuzzSearch(f *testing.F) {
	papers := append(loadSeed(f),
		paper.Paper{Title: "Naïve Über-Efficient Café", Abstract: "Straße e\u0301 🧠 שלום", Authors: []string{"José"}, Tags: []string{"x-y"}},
		paper.Paper{Title: "\xff\xfe broken ÿ-", Abstract: "-- - ‐hyphen‐ated"},
	)
	ix := New(papers)
	// fresh never searches: its spans come from the matching Spans does
	// itself, where ix reuses what Search of the same query matched.
	fresh := New(papers)
	for _, q := range []string{"hebbian", "contnual lerning", "nhl", "llm", "multi-modal", "naïve", "🧠", "\xff", "a b c d e f", ".*[", papers[17].Title, strings.Repeat("ab", 100)} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		start := time.Now()
		hits := ix.Search(q)
		spans := ix.Spans(q, hits, nil)
		if d := time.Since(start); d > time.Second {
			t.Fatalf("Search and Spans(%q) took %v", q, d)
		}
		if len(spans) != len(hits) {
			t.Fatalf("Spans(%q) gave %d entries for %d hits", q, len(spans), len(hits))
		}
		if again := fresh.Spans(q, hits, nil); !reflect.DeepEqual(spans, again) {
			t.Fatalf("Spans(%q) after Search differs from Spans alone", q)
		}
		for i, h := range hits {
			if h.Paper < 0 || int(h.Paper) >= len(papers) || (i > 0 && h.Score > hits[i-1].Score) {
				t.Fatalf("Search(%q): bad hit %d: %+v", q, i, h)
			}
			p := papers[h.Paper]
			checkSpans(t, p.Title, spans[i].Title)
			checkSpans(t, p.Abstract, spans[i].Abstract)
			Split(p.Title, spans[i].Title)
		}
		Split(q, []Span{{-1, 3}, {len(q) / 2, len(q) + 1}, {2, 1}})
	})
}
