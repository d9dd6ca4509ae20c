package search

import (
	"slices"
	"strings"
)

// keepPhrase drops from the results the papers that lack the phrase in
// every field. It re-reads the papers that hold all its words, abstracts
// included: a phrase of common words ("the model") is in thousands, which
// is why ASCII text is read without the tokenizer (asciiHasPhrase):
// through it, they took the browser half a second.
func (ix *Index) keepPhrase(sc *scratch, ph phrase) {
	for p, s := range sc.total {
		if s == 0 {
			continue
		}
		pp := &ix.papers[p]
		in := func(text string) bool {
			if isASCII(text) {
				return asciiHasPhrase(text, ph)
			}
			return sc.tz.hasPhrase(text, ph)
		}
		if !in(pp.Title) && !in(pp.Venue) && !slices.ContainsFunc(pp.Authors, in) &&
			!slices.ContainsFunc(pp.Tags, in) && !in(pp.AbstractText()) {
			sc.total[p] = 0
		}
	}
}

// asciiHasPhrase is hasPhrase for ASCII text, comparing its words in
// place where the phrase's first word occurs: a word is a run of letters
// and digits, so hyphens part words as the tokenizer's parts of a chain.
func asciiHasPhrase(text string, ph phrase) bool {
	first := ph.words[0]
	lower, upper := first[0], first[0]
	if 'a' <= lower && lower <= 'z' {
		upper -= 'a' - 'A'
	}
	nl, nu := nextByte(text, 0, lower), nextByte(text, 0, upper)
	for {
		i := nl
		if i < 0 || (nu >= 0 && nu < i) {
			i = nu
		}
		if i < 0 {
			return false
		}
		if (i == 0 || !isWordByte(text[i-1])) && asciiPhraseAt(text, i, ph) {
			return true
		}
		if i == nl {
			nl = nextByte(text, i+1, lower)
		}
		if i == nu {
			nu = nextByte(text, i+1, upper)
		}
	}
}

// nextByte returns the index of the first c in text from at, or -1.
func nextByte(text string, at int, c byte) int {
	i := strings.IndexByte(text[at:], c)
	if i < 0 {
		return -1
	}
	return at + i
}

// asciiPhraseAt reports whether the words of text from i, the start of a
// word, are those of ph.
func asciiPhraseAt(text string, i int, ph phrase) bool {
	last := len(ph.words) - 1
	for k, want := range ph.words {
		for i < len(text) && !isWordByte(text[i]) {
			i++
		}
		e := i
		for e < len(text) && isWordByte(text[e]) {
			e++
		}
		w := text[i:e]
		if !strings.EqualFold(w, want) && !(ph.open && k == last && len(w) > len(want) && strings.EqualFold(w[:len(want)], want)) {
			return false
		}
		i = e
	}
	return true
}

// hasPhrase reports whether text holds the words of ph next to each other
// and in order; a hyphen joins words as a space does ("self-supervised"
// holds "self supervised").
func (tz *tokenizer) hasPhrase(text string, ph phrase) bool {
	toks := tz.split(text)
	n := len(ph.words)
	for i := range toks {
		j, k := i, 0
		for ; k < n && j < len(toks); j++ {
			if toks[j].compound {
				continue
			}
			w, want := toks[j].word, ph.words[k]
			if string(w) != want && !(ph.open && k == n-1 && strings.HasPrefix(string(w), want)) {
				break
			}
			k++
		}
		if k == n {
			return true
		}
	}
	return false
}
