package search

import (
	"slices"
	"sync"
)

// doneTerms keeps the matches of the complete terms of the last query: a
// keystroke usually extends only the last term, and a complete term was
// matched as the reader typed past it. Matching a long term, with its typo
// budget, is most of a search ("contnual" in "contnual lerning").
type doneTerms struct {
	mu   sync.Mutex
	kept []*termMatch // the complete terms of the last query
}

// termMatch is what matching one term left: its scores per paper, the
// words it highlights and whether it matched initials.
type termMatch struct {
	term  string
	acro  bool
	best  []uint16
	cands []cand
}

// doneSearch is one search's use of doneTerms: the matches it reused or
// made, which the next query keeps.
type doneSearch struct {
	old, used []*termMatch
}

func (d *doneTerms) begin() *doneSearch {
	d.mu.Lock()
	s := &doneSearch{old: d.kept}
	d.kept = nil
	d.mu.Unlock()
	return s
}

// end keeps the matches the search used for the next one. Searches that
// overlap keep the last to end's.
func (d *doneTerms) end(s *doneSearch) {
	d.mu.Lock()
	d.kept = s.used
	d.mu.Unlock()
}

// matchDone is match for a complete term: the last query's match when it
// had the term, else a new one that the next query can reuse. It returns
// the term's scores per paper, to read only: they may be the kept match's.
func (ix *Index) matchDone(sc *scratch, t *term, s *doneSearch) []uint16 {
	if i := slices.IndexFunc(s.old, func(m *termMatch) bool { return m.term == t.s }); i >= 0 {
		m := s.old[i]
		for _, c := range m.cands {
			ix.highlight(sc, int(c.w), ix.words[c.w][0], c.hl)
		}
		t.acro = m.acro
		s.used = append(s.used, m)
		return m.best
	}
	best := sc.best
	clear(best)
	ix.match(sc, t, best)
	// The buffer of a match the query no longer has is reused: at 100,000
	// papers it is 200 KB.
	var m *termMatch
	for i, old := range s.old {
		if !slices.ContainsFunc(sc.terms, func(x term) bool { return x.s == old.term }) {
			m = old
			s.old = slices.Delete(s.old, i, i+1)
			break
		}
	}
	if m == nil {
		m = &termMatch{best: make([]uint16, len(best))}
	}
	m.term, m.acro = t.s, t.acro
	copy(m.best, best)
	m.cands = append(m.cands[:0], sc.cands...)
	s.used = append(s.used, m)
	return best
}
