// Package search ranks a list of papers against a typed query, fast enough to
// run on every keystroke in the browser, and reports what to highlight.
package search

import (
	"slices"
	"strings"
	"sync"

	"github.com/paperwidget/paperwidget/paper"
)

// Fields of a paper, in decreasing weight.
const (
	fTitle = iota
	fMeta  // authors, tags and venue
	fAbstract
	nFields
)

// Index is built once per list and is safe for concurrent searches.
type Index struct {
	// papers is kept, not copied: highlights are computed from the original
	// text of the few hits that are shown, so the index holds no text twice.
	papers []paper.Paper
	words  []string          // folded dictionary of every field, sorted so a prefix is a range
	ids    map[string]uint32 // word -> position in words
	masks  []uint64          // letters of each word: a cheap bound before subsequence checks
	acro   []bool            // word was written in capitals somewhere (LLM, SeND): a real acronym
	// Inverted index: the papers whose field f holds word w are
	// post[f][off[f][w]:off[f][w+1]], in increasing order.
	off  [nFields][]uint32
	post [nFields][]uint32
	// initials holds, per paper, the first letters of its title words (then,
	// when the title has hyphen chains, of the words with each chain as one
	// word), each run ended by 0; paper p's runs start at initOff[p].
	initials string
	initOff  []uint32
	// Positions in initials of each pair of letters, by pairKey: an acronym
	// is looked for only where its first two letters are.
	pairOff, pairPos []uint32
	short            []uint32 // words of titles and short fields: the only subsequence targets
	bonus            []uint8  // per paper, favours title hits in short titles
	pool             sync.Pool
}

// New indexes papers. The slice must not change while the index is in use.
func New(papers []paper.Paper) *Index { return Build(papers, nil) }

// pauseEvery is how many papers Build indexes between two calls of pause:
// about 10 ms of work in the browser.
const pauseEvery = 1000

// Build is New for a caller that must not block for long, such as the
// browser's only thread: it calls pause, when not nil, between slices of
// the work, so the caller can yield to its event loop.
func Build(papers []paper.Paper, pause func()) *Index {
	if pause == nil {
		pause = func() {}
	}
	ix := &Index{papers: papers, ids: make(map[string]uint32)}
	var (
		tz       tokenizer
		seen     []uint32 // per word, the last (paper, field) it was listed for
		acro     []bool
		ids      [nFields][]uint32 // word ids of each paper's field, unique per paper
		idsOff   [nFields][]uint32
		idsCap   [nFields]int
		initials []byte
	)
	// Sizing the largest temporary lists up front spares copying hundreds of
	// megabytes while they grow at 100,000 papers: about one unique word per
	// 8 bytes of text.
	for _, p := range papers {
		idsCap[fTitle] += len(p.Title) / 8
		idsCap[fAbstract] += len(p.Abstract) / 8
	}
	for f := range nFields {
		ids[f] = make([]uint32, 0, idsCap[f])
	}
	ix.initOff = make([]uint32, len(papers)+1)
	ix.bonus = make([]uint8, len(papers))
	add := func(f, p int, toks []token) {
		stamp := uint32(p*nFields + f + 1)
		for _, t := range toks {
			id, ok := ix.ids[string(t.word)]
			if !ok {
				id = uint32(len(ix.words))
				w := string(t.word)
				ix.words = append(ix.words, w)
				ix.ids[w] = id
				seen = append(seen, 0)
				acro = append(acro, false)
			}
			if !t.compound && t.upper >= 2 && 2*t.upper >= len(t.word) {
				acro[id] = true
			}
			if seen[id] != stamp {
				seen[id] = stamp
				ids[f] = append(ids[f], id)
			}
		}
	}
	for p := range papers {
		if p%pauseEvery == pauseEvery-1 {
			pause()
		}
		pp := &papers[p]
		for f := range nFields {
			idsOff[f] = append(idsOff[f], uint32(len(ids[f])))
		}
		toks := tz.split(pp.Title)
		add(fTitle, p, toks)
		ix.initOff[p] = uint32(len(initials))
		initials = appendInitials(initials, toks)
		n := 0
		for _, t := range toks {
			if !t.compound {
				n++
			}
		}
		ix.bonus[p] = uint8(maxBonus - min(maxBonus, n/2))
		for _, a := range pp.Authors {
			add(fMeta, p, tz.split(a))
		}
		for _, t := range pp.Tags {
			add(fMeta, p, tz.split(t))
		}
		add(fMeta, p, tz.split(pp.Venue))
		add(fAbstract, p, tz.split(pp.Abstract))
	}
	for f := range nFields {
		idsOff[f] = append(idsOff[f], uint32(len(ids[f])))
	}
	ix.initOff[len(papers)] = uint32(len(initials))
	ix.initials = string(initials)

	// Sort the dictionary and renumber: prefix matches become one range.
	order := make([]uint32, len(ix.words))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return strings.Compare(ix.words[a], ix.words[b]) })
	renum := make([]uint32, len(order))
	words := make([]string, len(order))
	ix.acro = make([]bool, len(order))
	ix.masks = make([]uint64, len(order))
	for n, old := range order {
		renum[old] = uint32(n)
		words[n] = ix.words[old]
		ix.ids[words[n]] = uint32(n)
		ix.acro[n] = acro[old]
		ix.masks[n] = letterMask(words[n])
	}
	ix.words = words
	pause()

	// Counting sort into posting lists; papers are visited in order, so each
	// list comes out sorted.
	for f := range nFields {
		off := make([]uint32, len(words)+1)
		for _, id := range ids[f] {
			off[renum[id]+1]++
		}
		for w := range words {
			off[w+1] += off[w]
		}
		next := slices.Clone(off[:len(words)])
		post := make([]uint32, len(ids[f]))
		for p := range papers {
			if p%(8*pauseEvery) == 8*pauseEvery-1 {
				pause()
			}
			for _, id := range ids[f][idsOff[f][p]:idsOff[f][p+1]] {
				w := renum[id]
				post[next[w]] = uint32(p)
				next[w]++
			}
		}
		ix.off[f], ix.post[f] = off, post
	}
	for w := range words {
		if ix.off[fTitle][w] != ix.off[fTitle][w+1] || ix.off[fMeta][w] != ix.off[fMeta][w+1] {
			ix.short = append(ix.short, uint32(w))
		}
	}
	ix.indexPairs()
	return ix
}

// indexPairs fills pairOff and pairPos with a counting sort of the letter
// pairs of initials.
func (ix *Index) indexPairs() {
	s := ix.initials
	ix.pairOff = make([]uint32, nPairs+1)
	for i := 0; i+1 < len(s); i++ {
		if s[i] != 0 && s[i+1] != 0 {
			ix.pairOff[pairKey(s[i], s[i+1])+1]++
		}
	}
	for k := range nPairs {
		ix.pairOff[k+1] += ix.pairOff[k]
	}
	next := slices.Clone(ix.pairOff[:nPairs])
	ix.pairPos = make([]uint32, ix.pairOff[nPairs])
	for i := 0; i+1 < len(s); i++ {
		if s[i] != 0 && s[i+1] != 0 {
			k := pairKey(s[i], s[i+1])
			ix.pairPos[next[k]] = uint32(i)
			next[k]++
		}
	}
}

// Pairs of initials are keyed by letter, digit or other, as 37 classes each.
const nPairs = 37 * 37

func pairKey(a, b byte) int { return byteClass(a)*37 + byteClass(b) }

func byteClass(c byte) int {
	switch {
	case 'a' <= c && c <= 'z':
		return int(c - 'a')
	case '0' <= c && c <= '9':
		return 26 + int(c-'0')
	}
	return 36
}

// Len is the number of indexed papers.
func (ix *Index) Len() int { return len(ix.papers) }

// appendInitials appends the initials runs of one title (see Index.initials).
func appendInitials(dst []byte, toks []token) []byte {
	chains := false
	for _, t := range toks {
		if !t.compound {
			dst = append(dst, t.word[0])
			chains = chains || t.joined
		}
	}
	dst = append(dst, 0)
	if chains {
		for _, t := range toks {
			if !t.compound && !t.joined {
				dst = append(dst, t.word[0])
			}
		}
		dst = append(dst, 0)
	}
	return dst
}

// letterMask has one bit per ASCII letter or digit of w, and folds every
// other byte onto the remaining bits: a word lacking a bit of the term
// cannot contain the term's letters.
func letterMask(w string) uint64 {
	var m uint64
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'a' <= c && c <= 'z':
			m |= 1 << (c - 'a')
		case '0' <= c && c <= '9':
			m |= 1 << (26 + c - '0')
		default:
			m |= 1 << (36 + c%28)
		}
	}
	return m
}
