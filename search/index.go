// Package search ranks a list of papers against a typed query, fast enough to
// run on every keystroke in the browser, and reports what to highlight.
package search

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/paperwidget/paperwidget/paper"
)

// Fields of a paper, in decreasing weight.
const (
	fTitle = iota
	fMeta  // authors, tags and venue, with the venue's short forms
	fIdent // year, DOI and arXiv id: typed whole or by prefix, never as subsequences
	fAbstract
	nFields
)

// Index is built once per list and is safe for concurrent searches.
type Index struct {
	// papers is kept, not copied: highlights are computed from the original
	// text of the few hits that are shown, so the index holds no text twice.
	papers []paper.Paper
	words  []string  // folded dictionary of every field, sorted so a prefix is a range
	ids    wordTable // word -> position in words
	masks  []uint64  // letters of each word: a cheap bound before subsequence checks
	acro   []bool    // word was written in capitals somewhere (LLM, SeND): a real acronym
	// Inverted index: the papers whose field f holds word w are
	// post[f][off[f][w]:off[f][w+1]], in increasing order, as varint gaps
	// (see raise). Gaps take about a byte where paper numbers took four:
	// the index is about a quarter of the JSON's size instead of half, and
	// the browser's memory never gives back what loading once took.
	off  [nFields][]uint32
	post [nFields][]byte
	// initials holds, per paper, the first letters of its title words (then,
	// when the title has hyphen chains, of the words with each chain as one
	// word), each run ended by 0; paper p's runs start at initOff[p].
	initials string
	initOff  []uint32
	// Positions in initials of each pair of letters, by pairKey: an acronym
	// is looked for only where its first two letters are.
	pairOff, pairPos []uint32
	short            []uint32 // words of titles and short fields: the only subsequence targets
	// Words starting with byte c are words[firstOff[c]:firstOff[c+1]].
	firstOff [257]uint32
	bonus    []uint8 // per paper, favours title hits in short titles
	pool     sync.Pool
	done     doneTerms
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
	text := 0
	for i := range papers {
		text += len(papers[i].Title) + len(papers[i].Abstract)
	}
	b := NewBuilder(text)
	for i := range papers {
		if i%pauseEvery == pauseEvery-1 {
			pause()
		}
		b.Add(&papers[i], papers[i].Abstract)
	}
	return b.Index(papers, pause)
}

// Builder indexes papers one at a time, for a caller that has each in hand
// only for a moment: a browser streaming a list whose abstracts it leaves
// outside wasm's memory (see paper.Stream).
type Builder struct {
	ix       *Index
	tz       tokenizer
	seen     []uint32 // per word, the last (paper, field) it was listed for
	acro     []bool
	ids      [nFields][]byte // word ids of each paper's field, unique per paper, as varints
	idsOff   [nFields][]uint32
	initials []byte
	// word and chain are addASCII's buffers.
	word, chain []byte
	venues      map[string][]string // venueShort's answers: lists repeat a few venues
	n           int                 // papers added
	// text is about how many bytes of titles and abstracts the papers
	// hold, added how many have been added so far.
	text, added int
}

// NewBuilder starts an index of papers holding about text bytes of titles
// and abstracts.
func NewBuilder(text int) *Builder {
	b := &Builder{ix: &Index{}, text: text}
	b.ix.ids.init(1 << 12)
	return b
}

// sizeAfter is how many papers the builder reads before it sizes its
// largest temporary list, the abstracts' word ids, for all the papers.
const sizeAfter = 64

// size reserves room for the word ids of every paper's abstract, as many
// per byte of text as the first papers had, and a twentieth more: growing the
// list by appending copied hundreds of megabytes at 100,000 papers, and
// reserving a fixed share of the text (a quarter) took the browser a
// megabyte more than needed at 10,000 papers, at its memory's peak.
func (b *Builder) size() {
	if b.added == 0 || b.text <= b.added {
		return
	}
	want := int(float64(len(b.ids[fAbstract])) / float64(b.added) * float64(b.text) * 1.05)
	if want > cap(b.ids[fAbstract]) {
		b.ids[fAbstract] = append(make([]byte, 0, want), b.ids[fAbstract]...)
	}
}

func (b *Builder) addWord(f, p int, word []byte, isAcro bool) {
	ix := b.ix
	h := hashWord(word)
	id, slot := ix.ids.find(ix.words, word, h)
	if slot >= 0 {
		id = uint32(len(ix.words))
		ix.words = append(ix.words, string(word))
		ix.ids.insert(ix.words, slot, id)
		b.seen = append(b.seen, 0)
		b.acro = append(b.acro, false)
	}
	if isAcro {
		b.acro[id] = true
	}
	if stamp := uint32(p*nFields + f + 1); b.seen[id] != stamp {
		b.seen[id] = stamp
		// The varint is appended where the list stands, not by
		// binary.AppendUvarint, whose result stored back into the builder
		// cost a write barrier per word while the collector ran (and the
		// browser's collector runs through most of a large list's load):
		// appending in place stores only the length until the list grows.
		ids := &b.ids[f]
		for ; id >= 0x80; id >>= 7 {
			*ids = append(*ids, byte(id)|0x80)
		}
		*ids = append(*ids, byte(id))
	}
}

func (b *Builder) add(f, p int, toks []token) {
	for _, t := range toks {
		b.addWord(f, p, t.word, !t.compound && t.upper >= 2 && 2*t.upper >= len(t.word))
	}
}

// addASCII is add(f, p, tz.split(s)) for ASCII text, which abstracts mostly
// are, without materialising tokens: the same words, hyphen chains and
// acronym flags. It reports false, having added nothing, when s is not
// ASCII. A word in lower case is looked up where it stands in s, and only
// one with capitals is copied to be folded; the buffers are kept in locals
// while it runs (a slice stored into the builder at every byte cost a
// write barrier per byte while the collector ran, as it often does while
// a list loads).
func (b *Builder) addASCII(f, p int, s string) bool {
	if !isASCII(s) {
		return false
	}
	folded, chain := b.word[:0], b.chain[:0]
	parts, prevEnd := 0, -2
	// s as bytes, made once: each unsafe.Slice checks its length with a
	// call in wasm, which took a twentieth of the browser's indexing when
	// made per word.
	text := unsafe.Slice(unsafe.StringData(s), len(s))
	for i := 0; i < len(s); {
		if asciiClass[s[i]] == 0 {
			i++
			continue
		}
		start, upper := i, 0
		for ; i < len(s); i++ {
			k := asciiClass[s[i]]
			if k == 0 {
				break
			}
			upper += int(k >> 1)
		}
		word := text[start:i]
		if upper > 0 {
			folded = append(folded[:0], word...)
			for j, c := range folded {
				if asciiClass[c] == 2 {
					folded[j] = c + 'a' - 'A'
				}
			}
			word = folded
		}
		if start > 0 && s[start-1] == '-' && prevEnd == start-1 {
			parts++
		} else {
			if parts >= 2 {
				b.addWord(f, p, chain, false)
			}
			chain, parts = chain[:0], 1
		}
		chain = append(chain, word...)
		prevEnd = i
		b.addWord(f, p, word, upper >= 2 && 2*upper >= len(word))
	}
	if parts >= 2 {
		b.addWord(f, p, chain, false)
	}
	b.word, b.chain = folded, chain
	return true
}

// addText adds the words of s to field f of paper p: by addASCII when it
// can, else by the tokenizer. Authors, venues and identifiers are ASCII as
// often as abstracts are.
func (b *Builder) addText(f, p int, s string) {
	if !asciiIndexing || !b.addASCII(f, p, s) {
		b.add(f, p, b.tz.split(s))
	}
}

// Add indexes the next paper, pp, whose abstract is abstract: pp's own
// Abstract is not read, as a streamed paper's abstract is not in it.
func (b *Builder) Add(pp *paper.Paper, abstract string) {
	ix, p := b.ix, b.n
	b.n++
	for f := range nFields {
		b.idsOff[f] = append(b.idsOff[f], uint32(len(b.ids[f])))
	}
	toks := b.tz.split(pp.Title)
	b.add(fTitle, p, toks)
	ix.initOff = append(ix.initOff, uint32(len(b.initials)))
	b.initials = appendInitials(b.initials, toks)
	n := 0
	for _, t := range toks {
		if !t.compound {
			n++
		}
	}
	ix.bonus = append(ix.bonus, uint8(maxBonus-min(maxBonus, n/2)))
	for _, a := range pp.Authors {
		b.addText(fMeta, p, a)
	}
	for _, t := range pp.Tags {
		b.addText(fMeta, p, t)
	}
	b.addText(fMeta, p, pp.Venue)
	b.addText(fMeta, p, pp.Abbr)
	for _, short := range b.venueShort(pp.Venue) {
		b.addText(fMeta, p, short)
	}
	if y := year(pp.Date); y != "" {
		b.addText(fIdent, p, y)
	}
	b.addText(fIdent, p, pp.DOI)
	b.addText(fIdent, p, pp.Arxiv)
	b.addText(fAbstract, p, abstract)
	b.added += len(pp.Title) + len(abstract)
	if b.n == sizeAfter {
		b.size()
	}
}

// Index finishes the index of papers, which must be the papers added, in
// the order they were added; pause is called as in Build. The builder is
// spent.
func (b *Builder) Index(papers []paper.Paper, pause func()) *Index {
	if len(papers) != b.n {
		panic(fmt.Sprintf("search: index of %d papers finished with %d", b.n, len(papers)))
	}
	if pause == nil {
		pause = func() {}
	}
	ix, ids, idsOff, acro := b.ix, b.ids, b.idsOff, b.acro
	ix.papers = papers
	for f := range nFields {
		idsOff[f] = append(idsOff[f], uint32(len(ids[f])))
	}
	ix.initOff = append(ix.initOff, uint32(len(b.initials)))
	ix.initials = string(b.initials)
	*b = Builder{}

	// Sort the dictionary and renumber: prefix matches become one range.
	// Each word's id is sorted by the word's first four bytes, packed with
	// it in an integer, and only words sharing those bytes are compared as
	// strings. Sorting the strings themselves moved them with a write
	// barrier each while the collector ran, as it does through most of a
	// large list's load in the browser, and their ids were then looked up
	// in the table one by one. The keys are sorted in the words' letter
	// masks, filled last: any more room taken here would be held at
	// loading's peak of memory.
	ix.masks = make([]uint64, len(ix.words))
	keys := ix.masks
	for id, w := range ix.words {
		keys[id] = uint64(prefix4(w))<<32 | uint64(id)
	}
	slices.Sort(keys)
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j]>>32 == keys[i]>>32 {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(keys[i:j], func(a, b uint64) int {
				return strings.Compare(ix.words[uint32(a)], ix.words[uint32(b)])
			})
		}
		i = j
	}
	words := ix.words
	renum := make([]uint32, len(words))
	ix.acro = make([]bool, len(words))
	for n, k := range keys {
		old := uint32(k)
		renum[old] = uint32(n)
		ix.acro[n] = acro[old]
	}
	// The words move into their order in place, with keys as the
	// scratch of where each goes, rather than into a sorted copy.
	for id, n := range renum {
		keys[id] = uint64(n)
	}
	for i := range words {
		for n := keys[i]; n != uint64(i); n = keys[i] {
			words[i], words[n] = words[n], words[i]
			keys[i], keys[n] = keys[n], keys[i]
		}
	}
	for n, w := range words {
		ix.masks[n] = letterMask(w)
	}
	ix.ids.renumber(renum)
	for _, w := range words {
		ix.firstOff[int(w[0])+1]++
	}
	for c := range 256 {
		ix.firstOff[c+1] += ix.firstOff[c]
	}
	pause()

	// Posting lists, in two passes over the papers' word ids: the first
	// sizes each list's gaps, the second writes them. Papers are visited in
	// order, so each list comes out sorted. The abstracts' come first: the
	// largest, they are the memory's peak, which the others' then fit
	// under in what the abstracts' word ids leave free.
	last := make([]uint32, len(words))
	for _, f := range [...]int{fAbstract, fTitle, fMeta, fIdent} {
		off := make([]uint32, len(words)+1)
		list, ends := ids[f], idsOff[f][1:]
		gaps(list, ends, renum, last, off[1:], nil, pause)
		for w := range words {
			off[w+1] += off[w]
		}
		next := slices.Clone(off[:len(words)])
		post := make([]byte, off[len(words)])
		gaps(list, ends, renum, last, next, post, pause)
		ix.off[f], ix.post[f] = off, post
		ids[f] = nil
	}
	for w := range words {
		if ix.off[fTitle][w] != ix.off[fTitle][w+1] || ix.off[fMeta][w] != ix.off[fMeta][w+1] {
			ix.short = append(ix.short, uint32(w))
		}
	}
	ix.indexPairs()
	return ix
}

// gaps walks the word ids of a field (list, paper p's ending at ends[p]),
// renumbered by renum, in paper order, and adds to at[w] the length of each
// word w's gap from the last paper that held it (last, cleared first). With
// post nil that sizes the posting lists; else each gap is also written into
// post at at[w]. One loop serves both passes, with no function called per
// word id: in wasm a call through a closure per id cost more than the work
// it did.
func gaps(list []byte, ends, renum, last, at []uint32, post []byte, pause func()) {
	clear(last)
	for p, i := 0, 0; p < len(ends); p++ {
		if p%(8*pauseEvery) == 8*pauseEvery-1 {
			pause()
		}
		for q := uint32(p) + 1; i < int(ends[p]); {
			var id uint32
			id, i = readID(list, i)
			w := renum[id]
			if post == nil {
				at[w] += uint32(gapLen(q - last[w]))
			} else {
				at[w] += uint32(putGap(post[at[w]:], q-last[w]))
			}
			last[w] = q
		}
	}
}

// readID reads the varint word id at list[i] (see Builder.ids) and
// returns it with the index after it.
func readID(list []byte, i int) (uint32, int) {
	if c := list[i]; c < 0x80 {
		return uint32(c), i + 1
	}
	return longGap(list, i+1, uint32(list[i]))
}

// prefix4 is the first four bytes of w, big-endian, padded with zeros
// (which no word holds): its order is the words' order by those bytes.
func prefix4(w string) uint32 {
	var p uint32
	for i := range 4 {
		p <<= 8
		if i < len(w) {
			p |= uint32(w[i])
		}
	}
	return p
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

// wordTable maps folded words to their ids: open addressing over the ids
// (plus one; 0 is an empty slot), the words themselves kept in Index.words.
// It holds no second copy of the dictionary, unlike a map[string]uint32, and
// building it costs about half as much in the browser.
type wordTable struct {
	slots []uint32
	n     int
}

func (t *wordTable) init(size int) { t.slots, t.n = make([]uint32, size), 0 }

// find returns the id of word, whose hash is h, and -1; or, when word is
// missing, the slot to insert it at.
func (t *wordTable) find(words []string, word []byte, h uint64) (uint32, int) {
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return 0, int(i)
		}
		if words[s-1] == string(word) {
			return s - 1, -1
		}
	}
}

// lookup returns the id of word.
func (t *wordTable) lookup(words []string, word []byte) (uint32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	id, slot := t.find(words, word, hashWord(word))
	return id, slot < 0
}

// insert puts id at slot (from find), growing the table past half full.
func (t *wordTable) insert(words []string, slot int, id uint32) {
	t.slots[slot] = id + 1
	t.n++
	if 2*t.n <= len(t.slots) {
		return
	}
	old := t.slots
	t.slots = make([]uint32, 2*len(old))
	mask := uint64(len(t.slots) - 1)
	for _, s := range old {
		if s == 0 {
			continue
		}
		i := hashWord(unsafe.Slice(unsafe.StringData(words[s-1]), len(words[s-1]))) & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}

// renumber replaces every id by renum[id].
func (t *wordTable) renumber(renum []uint32) {
	for i, s := range t.slots {
		if s != 0 {
			t.slots[i] = renum[s-1] + 1
		}
	}
}

// hashWord mixes eight bytes at a time: words are short, and the browser
// multiplies 64-bit integers natively.
func hashWord(w []byte) uint64 {
	const m = 0x9e3779b97f4a7c15
	h := uint64(len(w)) * m
	for len(w) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(w)) * m
		h ^= h >> 29
		w = w[8:]
	}
	var tail uint64
	for i, c := range w {
		tail |= uint64(c) << (8 * i)
	}
	h = (h ^ tail) * m
	h ^= h >> 32
	return h * m
}

// asciiIndexing enables addASCII; tests turn it off to compare.
var asciiIndexing = true

// asciiClass is 1 for lower-case ASCII letters and digits, 2 for upper-case
// letters, 0 for the bytes that end a word.
var asciiClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
		t[c-'a'+'A'] = 2
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	return t
}()

func isASCII(s string) bool {
	b, i := unsafe.Slice(unsafe.StringData(s), len(s)), 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
