package search

import (
	"slices"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// Span is a half-open byte range [Start, End) into the ORIGINAL (unfolded) field text.
type Span struct{ Start, End int }

// Segment is a run of text that is or is not highlighted.
type Segment struct {
	Text  string
	Match bool
}

// Split cuts s into alternating plain and highlighted segments. Spans may be
// unsorted, overlapping, out of range or inside a multi-byte character: they
// are clamped and widened to whole characters, so a stale span list never
// breaks rendering.
func Split(s string, spans []Span) []Segment {
	clean := make([]Span, 0, len(spans))
	for _, sp := range spans {
		a := runeStart(s, min(max(sp.Start, 0), len(s)))
		b := runeEnd(s, min(max(sp.End, 0), len(s)))
		if a < b {
			clean = append(clean, Span{a, b})
		}
	}
	var segs []Segment
	at := 0
	for _, sp := range normalize(clean) {
		if sp.Start > at {
			segs = append(segs, Segment{Text: s[at:sp.Start]})
		}
		segs = append(segs, Segment{Text: s[sp.Start:sp.End], Match: true})
		at = sp.End
	}
	if at < len(s) {
		segs = append(segs, Segment{Text: s[at:]})
	}
	return segs
}

// runeStart and runeEnd move an offset to a character boundary. They give up
// after a UTF-8 character's worth of bytes so invalid text stays linear.
func runeStart(s string, i int) int {
	for n := 0; n < utf8.UTFMax-1 && i > 0 && i < len(s) && !utf8.RuneStart(s[i]); n++ {
		i--
	}
	return i
}

func runeEnd(s string, i int) int {
	for n := 0; n < utf8.UTFMax-1 && i > 0 && i < len(s) && !utf8.RuneStart(s[i]); n++ {
		i++
	}
	return i
}

// normalize sorts spans and merges the overlapping and adjacent ones, in place.
func normalize(spans []Span) []Span {
	if len(spans) < 2 {
		return spans
	}
	slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	out := spans[:1]
	for _, sp := range spans[1:] {
		last := &out[len(out)-1]
		if sp.Start <= last.End {
			last.End = max(last.End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// Spans is what to highlight in one hit's paper. Both lists are sorted,
// non-overlapping and merged when adjacent.
type Spans struct {
	Title    []Span // matched characters and words of the title
	Abstract []Span // matched words of the abstract, for the expanded abstract
}

// Spans returns what to highlight in the papers of hits for query, one entry
// per hit: empty for a query without letters or digits, and for a hit that
// names no paper of the index. It re-reads the papers' text, so callers pass
// only the hits they show; the returned slices are new and never reused.
// Abstracts, the long part to re-read, are highlighted only for the hits i
// where abstract(i) is true (nil: all), such as the rows shown expanded.
func (ix *Index) Spans(query string, hits []Hit, abstract func(i int) bool) []Spans {
	out := make([]Spans, len(hits))
	if len(hits) == 0 {
		return out
	}
	sc := ix.scratch()
	defer ix.release(sc)
	ix.highlightKinds(sc, query)
	if len(sc.terms) == 0 {
		return out
	}
	for i, h := range hits {
		if h.Paper < 0 || int(h.Paper) >= len(ix.papers) {
			continue
		}
		p := &ix.papers[h.Paper]
		out[i].Title = ix.fieldSpans(sc, p.Title, true)
		if abstract == nil || abstract(i) {
			out[i].Abstract = ix.fieldSpans(sc, p.AbstractText(), false)
		}
	}
	return out
}

// highlightKinds leaves in sc the terms of query and the highlight kinds of
// the words they match, unless sc holds them already (from Search of the
// same query).
func (ix *Index) highlightKinds(sc *scratch, query string) {
	if sc.kindsOK && sc.kindsOf == query {
		return
	}
	sc.clearKinds()
	ix.parse(sc, query)
	for i := range sc.terms {
		ix.match(sc, &sc.terms[i], sc.best)
	}
	sc.kindsOf, sc.kindsOK = query, true
}

func (ix *Index) fieldSpans(sc *scratch, text string, title bool) []Span {
	from := len(sc.spans)
	if title || !ix.asciiSpans(sc, text) {
		sc.spans = sc.spans[:from]
		ix.tokenSpans(sc, text, title)
	}
	spans := normalize(sc.spans[from:])
	sc.spans = sc.spans[:from+len(spans)]
	if len(spans) == 0 {
		return nil
	}
	return sc.spans[from:len(sc.spans):len(sc.spans)]
}

// asciiSpans appends the spans of an abstract as tokenSpans would, without
// the tokenizer: it folds and looks up only the words (and hyphen chains)
// whose first letter starts a highlighted word. Abstracts are long and
// mostly ASCII; it gives up (false) at the first byte that is not.
func (ix *Index) asciiSpans(sc *scratch, text string) bool {
	sc.text = text
	chain, parts := sc.chain[:0], 0
	chainStart, prevEnd := 0, -2
	flush := func() {
		if parts >= 2 && sc.first[chain[0]] {
			ix.wordSpan(sc, chain, chainStart, prevEnd)
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c >= utf8.RuneSelf {
			sc.chain = chain
			return false
		}
		if !isWordByte(c) {
			i++
			continue
		}
		start := i
		for i < len(text) && isWordByte(text[i]) {
			i++
		}
		if i < len(text) && text[i] >= utf8.RuneSelf {
			sc.chain = chain
			return false
		}
		w := sc.word[:0]
		for _, b := range []byte(text[start:i]) {
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			w = append(w, b)
		}
		sc.word = w
		if start > 0 && text[start-1] == '-' && prevEnd == start-1 {
			parts++
		} else {
			flush()
			chain, parts, chainStart = chain[:0], 1, start
		}
		chain = append(chain, w...)
		prevEnd = i
		if sc.first[w[0]] {
			ix.wordSpan(sc, w, start, i)
		}
	}
	flush()
	sc.chain = chain
	return true
}

// wordSpan appends the span of one ASCII word of an abstract, folded as w.
func (ix *Index) wordSpan(sc *scratch, w []byte, start, end int) {
	id, ok := ix.ids.lookup(ix.words, w)
	if !ok {
		return
	}
	switch h := sc.hl[id]; h {
	case 0, hlSubseq:
	case hlWhole:
		sc.spans = append(sc.spans, Span{start, end})
	default:
		// As origOffset: the folded prefix ends after h letters or
		// digits; the hyphens of a chain fold to nothing.
		at, got := start, 0
		for at < end && got < int(h) {
			if isWordByte(sc.text[at]) {
				got++
			}
			at++
		}
		sc.spans = append(sc.spans, Span{start, at})
	}
}

func isWordByte(c byte) bool { return asciiClass[c] != 0 }

// tokenSpans appends the spans of a field through the tokenizer.
func (ix *Index) tokenSpans(sc *scratch, text string, title bool) {
	toks := sc.tz.split(text)
	for _, t := range toks {
		if !sc.first[t.word[0]] {
			continue
		}
		w, ok := ix.ids.lookup(ix.words, t.word)
		if !ok {
			continue
		}
		orig := text[t.start:t.end]
		switch h := sc.hl[w]; h {
		case 0:
		case hlWhole:
			sc.spans = append(sc.spans, Span{t.start, t.end})
		case hlSubseq:
			if title {
				ix.subseqSpans(sc, t, orig)
			}
		default:
			sc.spans = append(sc.spans, Span{t.start, t.start + origOffset(orig, int(h))})
		}
	}
	if title {
		for _, tm := range sc.terms {
			if tm.acro {
				initialSpans(sc, text, toks, tm.s)
			}
		}
	}
}

// subseqSpans marks the letters of t that a term matched as a subsequence.
// It runs sahilm/fuzzy again, but only for the shown hits.
func (ix *Index) subseqSpans(sc *scratch, t token, orig string) {
	word := []string{string(t.word)}
	for _, tm := range sc.terms {
		if len(tm.s) < 3 || len(tm.s) > maxFuzzyLen {
			continue
		}
		for _, m := range fuzzy.FindNoSort(tm.s, word) {
			if tightness(m.MatchedIndexes, len(tm.s)) == 0 {
				continue
			}
			for _, i := range m.MatchedIndexes {
				sc.spans = append(sc.spans, Span{t.start + origOffset(orig, i), t.start + origOffset(orig, i+1)})
			}
		}
	}
}

// initialSpans marks the first letter of each title word whose initials spell
// the term, in both ways appendInitials reads a title.
func initialSpans(sc *scratch, text string, toks []token, ts string) {
	for _, chainsAsOne := range []bool{false, true} {
		var letters []byte
		var at []int
		for i, t := range toks {
			if !t.compound && (!chainsAsOne || !t.joined) {
				letters = append(letters, t.word[0])
				at = append(at, i)
			}
		}
		for from := 0; from+len(ts) <= len(letters); from++ {
			if string(letters[from:from+len(ts)]) != ts {
				continue
			}
			for _, i := range at[from : from+len(ts)] {
				t := toks[i]
				sc.spans = append(sc.spans, Span{t.start, t.start + origOffset(text[t.start:t.end], 1)})
			}
		}
	}
}
