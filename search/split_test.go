package search

import (
	"slices"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	seg := func(text string, match bool) Segment { return Segment{Text: text, Match: match} }
	for _, tc := range []struct {
		name  string
		s     string
		spans []Span
		want  []Segment
	}{
		{"no spans", "Hebbian learning", nil, []Segment{seg("Hebbian learning", false)}},
		{"empty text", "", []Span{{0, 3}}, nil},
		{"middle", "Hebbian learning", []Span{{8, 13}}, []Segment{seg("Hebbian ", false), seg("learn", true), seg("ing", false)}},
		{"whole", "LLM", []Span{{0, 3}}, []Segment{seg("LLM", true)}},
		{"unsorted, overlapping, adjacent", "abcdefgh", []Span{{5, 7}, {1, 3}, {2, 4}, {4, 5}},
			[]Segment{seg("a", false), seg("bcdefg", true), seg("h", false)}},
		{"out of range", "abc", []Span{{-5, 1}, {2, 99}, {7, 9}, {2, 1}}, []Segment{seg("a", true), seg("b", false), seg("c", true)}},
		{"multibyte", "Naïve Über café", []Span{{0, 6}, {7, 12}}, []Segment{seg("Naïve", true), seg(" ", false), seg("Über", true), seg(" café", false)}},
		{"inside a character widens to it", "Naïve", []Span{{3, 4}}, []Segment{seg("Na", false), seg("ï", true), seg("ve", false)}},
		{"emoji", "🧠 brain", []Span{{1, 2}, {5, 10}}, []Segment{seg("🧠", true), seg(" ", false), seg("brain", true)}},
		{"invalid UTF-8", "a\xff\xfeb", []Span{{1, 3}}, []Segment{seg("a", false), seg("\xff\xfe", true), seg("b", false)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := slices.Clone(tc.spans)
			got := Split(tc.s, tc.spans)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Split(%q, %v) = %+v, want %+v", tc.s, tc.spans, got, tc.want)
			}
			if !slices.Equal(in, tc.spans) {
				t.Errorf("Split modified its spans: %v", tc.spans)
			}
			var b strings.Builder
			for _, s := range got {
				b.WriteString(s.Text)
			}
			if b.String() != tc.s {
				t.Errorf("segments do not add up to the text: %q", b.String())
			}
		})
	}
}
