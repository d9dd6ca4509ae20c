package search

import (
	"slices"
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"
)

// Hit is one matching paper: 8 bytes, since a broad query at 100,000
// papers returns most of them on every keystroke. What to highlight is
// computed apart, by Spans, for the few hits that are shown.
type Hit struct {
	Paper int32 // index into the papers slice given to New
	Score int32
}

// Match qualities, before field weights. Each kind of match outranks the
// next in the same field; a field's weight then multiplies them so that a
// title typo of one edit (3*40) still beats an exact abstract word (100),
// while one of two edits (3*26) and a scattered title subsequence (3*18)
// do not.
const (
	qExact         = 100
	qPlural        = 97 // the word is the term plus "s"/"es": "llm" and "LLMs"
	qAcronym       = 90 // initials of title words, for a term the list writes in capitals (or its plural)
	qPrefix        = 50 // up to +20 as the term covers more of the word
	qTypo          = 40 // whole word one edit away
	qTypoPrefix    = 30 // a prefix of the word one edit away: typos while typing
	qTypo2         = 26 // whole word two edits away: below any one-edit match ("contnu": continual before content)
	qTypoPrefix2   = 20 // a prefix two edits away: below qInfix, so it counts in short fields only
	qWeakAcronym   = 30 // initials of title words, for a term never written in capitals
	qInfix         = 22 // contiguous inside a title word ("former" in "Neuroformer")
	qScattered     = 18 // subsequence from a title word's start, with few gaps
	weightTitle    = 3
	weightMeta     = 2
	weightAbstract = 1
	maxBonus       = 12 // title-length bonus, below the gap between two kinds
)

const (
	// maxTerms bounds the work of a pasted paragraph; a pasted title fits.
	maxTerms = 32
	// maxFuzzyLen bounds typo and subsequence terms: the typo table is
	// sized for it, and sahilm/fuzzy's adjacency bonus doubles per adjacent
	// letter and overflows int on long runs.
	maxFuzzyLen = 32
	maxAcronym  = 12
)

// Highlight kinds kept per dictionary word while a query is evaluated: 0 is
// no match, 1..hlMaxPrefix the folded prefix length to highlight.
const (
	hlMaxPrefix = 253
	hlSubseq    = 254
	hlWhole     = 255
)

type cand struct {
	w  uint32
	q  uint8
	hl uint8 // how to highlight w for this term
}

type term struct {
	s    string
	acro bool // matched the initials of some title
}

// phrase is the words of a quoted part of a query, which a paper must hold
// next to each other and in order. open: the quote is not closed yet, so
// the last word is still being typed and matches as a prefix.
type phrase struct {
	words []string
	open  bool
}

// scratch is the per-search working memory, pooled so that typing allocates
// little beyond the result.
type scratch struct {
	tz      tokenizer
	terms   []term
	phrases []phrase
	best    []uint16 // per paper, the best score of the current term
	total   []int32  // per paper, the sum over terms; 0 once a term missed
	counts  []int32
	hl      []uint8   // per word, what to highlight
	first   [256]bool // first bytes of the words in hl: most tokens skip the map lookup
	touched []uint32
	mark    []uint32 // per word, gen when already a candidate of the current term
	gen     uint32
	cands   []cand
	fw      []string
	fid     []uint32
	spans   []Span
	word    []byte // a folded word of an abstract, while highlighting
	chain   []byte // a folded hyphen chain of an abstract
	text    string // the abstract being highlighted

	// kindsOf is the query whose terms and highlight kinds (hl, first) the
	// scratch holds, when kindsOK: a scratch goes back to the pool with
	// them, so Spans right after Search of the same query need not match
	// the query again.
	kindsOf string
	kindsOK bool
}

func (ix *Index) scratch() *scratch {
	sc, _ := ix.pool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{
			best:  make([]uint16, len(ix.papers)),
			total: make([]int32, len(ix.papers)),
			hl:    make([]uint8, len(ix.words)),
			mark:  make([]uint32, len(ix.words)),
		}
	}
	return sc
}

func (ix *Index) release(sc *scratch) {
	sc.spans = nil // owned by the returned Spans
	sc.text = ""
	ix.pool.Put(sc)
}

// clearKinds forgets the highlight kinds of the last query, before matching
// another.
func (sc *scratch) clearKinds() {
	for _, w := range sc.touched {
		sc.hl[w] = 0
	}
	sc.touched = sc.touched[:0]
	sc.first = [256]bool{}
	sc.kindsOf, sc.kindsOK = "", false
}

// Search returns the papers matching every term of query, best first, ties in
// list order. A query without letters or digits returns every paper in list
// order.
func (ix *Index) Search(query string) []Hit {
	sc := ix.scratch()
	defer ix.release(sc)
	sc.clearKinds()
	ix.parse(sc, query)
	if len(sc.terms) == 0 {
		hits := make([]Hit, len(ix.papers))
		for i := range hits {
			hits[i].Paper = int32(i)
		}
		return hits
	}
	total := sc.total
	done := ix.done.begin()
	defer ix.done.end(done)
	for i := range sc.terms {
		best := sc.best
		// Every term but the last is complete: typing only extends the
		// last, so the others were matched at an earlier keystroke.
		if i < len(sc.terms)-1 {
			best = ix.matchDone(sc, &sc.terms[i], done)
		} else {
			clear(best)
			ix.match(sc, &sc.terms[i], best)
		}
		alive := false
		if i == 0 {
			for p, b := range best {
				total[p] = int32(b)
				alive = alive || b > 0
			}
		} else {
			for p, b := range best {
				if total[p] > 0 {
					if b == 0 {
						total[p] = 0
					} else {
						total[p] += int32(b)
						alive = true
					}
				}
			}
		}
		if !alive {
			return nil // the later terms unmatched: the kinds are incomplete
		}
	}
	sc.kindsOf, sc.kindsOK = query, true
	for _, ph := range sc.phrases {
		ix.keepPhrase(sc, ph)
	}
	return ix.rank(sc)
}

// quotes turns typographic double quotes into plain ones.
var quotes = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u201e", `"`)

// parse splits the query into unique folded terms, and keeps the words of
// each quoted part of two words or more as a phrase.
func (ix *Index) parse(sc *scratch, query string) {
	sc.terms, sc.phrases = sc.terms[:0], sc.phrases[:0]
	if strings.ContainsAny(query, "\u201c\u201d\u201e") {
		query = quotes.Replace(query)
	}
	for i := 0; ; i++ {
		part, rest, more := strings.Cut(query, `"`)
		quoted := i%2 == 1
		var words []string
		for _, t := range sc.tz.split(part) {
			if t.compound || len(sc.terms) == maxTerms {
				continue
			}
			if quoted {
				words = append(words, string(t.word))
			}
			if !slices.ContainsFunc(sc.terms, func(x term) bool { return x.s == string(t.word) }) {
				sc.terms = append(sc.terms, term{s: string(t.word)})
			}
		}
		if len(words) >= 2 {
			sc.phrases = append(sc.phrases, phrase{words, !more})
		}
		if !more {
			return
		}
		query = rest
	}
}

// rank sorts the surviving papers by score with a counting sort: scores
// are small integers, and visiting papers in order keeps ties in list order.
func (ix *Index) rank(sc *scratch) []Hit {
	var top int32
	n := 0
	for _, s := range sc.total {
		if s > 0 {
			n++
			top = max(top, s)
		}
	}
	if cap(sc.counts) < int(top)+2 {
		sc.counts = make([]int32, top+2)
	}
	counts := sc.counts[:top+2]
	clear(counts)
	for _, s := range sc.total {
		if s > 0 {
			counts[top-s+1]++
		}
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	hits := make([]Hit, n)
	for p, s := range sc.total {
		if s > 0 {
			at := &counts[top-s]
			hits[*at] = Hit{Paper: int32(p), Score: s}
			*at++
		}
	}
	return hits
}

// match scores one term against every paper into best.
func (ix *Index) match(sc *scratch, t *term, best []uint16) {
	sc.cands = sc.cands[:0]
	sc.gen++
	ts := t.s
	lo, hi := ix.prefixRange(ts)
	prefixes, capitals := lo < hi, false
	for w := lo; w < hi; w++ {
		word := ix.words[w]
		capitals = capitals || ix.acro[w]
		switch {
		case len(word) == len(ts):
			ix.add(sc, w, ts[0], qExact, hlWhole)
		case len(ts) >= 3 && (word[len(ts):] == "s" || word[len(ts):] == "es"):
			ix.add(sc, w, ts[0], qPlural, hlWhole)
		default:
			ix.add(sc, w, ts[0], uint8(qPrefix+20*len(ts)/len(word)), uint8(min(len(ts), hlMaxPrefix)))
		}
	}
	// Numbers (years, the parts of DOIs and arXiv ids) are typed or
	// pasted exactly: "2023" one edit from "2024" is another year.
	if digits := strings.Trim(ts, "0123456789") == ""; !digits {
		if k := maxEdits(len(ts), prefixes); k > 0 && len(ts) <= maxFuzzyLen {
			ix.typos(sc, ts, k)
		}
		if len(ts) >= 3 && len(ts) <= maxFuzzyLen {
			ix.matchSubsequences(sc, ts)
		}
	}

	for _, c := range sc.cands {
		raise(best, ix.postings(fTitle, c.w), uint16(c.q)*weightTitle, ix.bonus)
		raise(best, ix.postings(fMeta, c.w), uint16(c.q)*weightMeta, nil)
		if c.q > qInfix { // subsequences only count in short fields
			raise(best, ix.postings(fIdent, c.w), uint16(c.q)*weightMeta, nil)
			raise(best, ix.postings(fAbstract, c.w), uint16(c.q)*weightAbstract, nil)
		}
	}
	// A term that starts ordinary words is a word being typed, not an
	// acronym: "heb" must not rank "Hierarchical Energy-Based" above Hebbian.
	if capitals || !prefixes {
		ix.matchInitials(t, capitals, best)
	}
}

// prefixRange returns the range of the dictionary's words that start with
// ts, without checking each in turn: a first letter starts thousands of
// words, whose bytes lie all over memory (reading them was a quarter of a
// first letter's search at 10,000 papers).
func (ix *Index) prefixRange(ts string) (int, int) {
	if len(ts) == 1 {
		return int(ix.firstOff[ts[0]]), int(ix.firstOff[int(ts[0])+1])
	}
	lo := sort.SearchStrings(ix.words, ts)
	if lo == len(ix.words) || !strings.HasPrefix(ix.words[lo], ts) {
		return lo, lo
	}
	return lo, skipPrefix(ix.words, lo, ts)
}

func (ix *Index) postings(f int, w uint32) []byte {
	return ix.post[f][ix.off[f][w]:ix.off[f][w+1]]
}

// add records word w as a candidate of the current term and remembers how
// to highlight it: a whole word beats a longer prefix beats a subsequence.
func (ix *Index) add(sc *scratch, w int, first byte, q, hl uint8) {
	sc.cands = append(sc.cands, cand{uint32(w), q, hl})
	sc.mark[w] = sc.gen
	ix.highlight(sc, w, first, hl)
}

// highlight records that word w, whose first byte is first, is to be
// highlighted as hl, unless another term already asked for a stronger
// highlight. The caller knows the first byte: a first letter's thousands of
// words lie all over memory, and reading each one's took a tenth of the
// search.
func (ix *Index) highlight(sc *scratch, w int, first byte, hl uint8) {
	old := sc.hl[w]
	if old == 0 {
		sc.touched = append(sc.touched, uint32(w))
		sc.first[first] = true
	}
	if hlRank(hl) > hlRank(old) {
		sc.hl[w] = hl
	}
}

func hlRank(h uint8) int {
	switch h {
	case hlWhole:
		return 1000
	case hlSubseq:
		return 1
	case 0:
		return 0
	}
	return 1 + int(h)
}

// maxEdits is the typo budget of a term of n bytes: none below four
// letters, where one edit turns most terms into other words, and two from
// six letters, where people make them ("contnual lerning", "trasnformerr";
// a transposition is one edit), unless the term starts some word of the
// list (known): then it is most likely typed right, the words two edits
// away are noise, and walking the dictionary for them would cost most of
// a keystroke at 10,000 papers.
func maxEdits(n int, known bool) int {
	switch {
	case n >= 6 && !known:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

// typos adds the words within k edits of ts (whole, or a prefix of them),
// walking only the words whose first letter is the term's, or its second
// (the first typed twice or swapped), or whose second letter is the term's
// first or second (the first dropped or mistyped). That finds every word
// one edit away, and two where one at most touches the first two letters:
// people seldom botch both. The walk then visits about a tenth of the
// dictionary: over all of it, with two edits, it took most of a keystroke
// at 10,000 papers.
func (ix *Index) typos(sc *scratch, ts string, k int) {
	a, b := ts[0], ts[1]
	ix.matchTypos(sc, ts, k, int(ix.firstOff[a]), int(ix.firstOff[int(a)+1]))
	if b != a {
		ix.matchTypos(sc, ts, k, int(ix.firstOff[b]), int(ix.firstOff[int(b)+1]))
	}
	seconds := [2]byte{a, b}
	n := 2
	if a == b {
		n = 1
	}
	for c := range 256 {
		if c == int(a) || c == int(b) {
			continue
		}
		for _, second := range seconds[:n] {
			if lo, hi := ix.secondRange(c, second); lo < hi {
				ix.matchTypos(sc, ts, k, lo, hi)
			}
		}
	}
}

// secondRange returns the range of words starting with the bytes c and
// second.
func (ix *Index) secondRange(c int, second byte) (int, int) {
	lo, hi := int(ix.firstOff[c]), int(ix.firstOff[c+1])
	if lo == hi {
		return lo, lo
	}
	words := ix.words[lo:hi] // words of one byte, if any, come first
	from := sort.Search(len(words), func(i int) bool { return len(words[i]) > 1 && words[i][1] >= second })
	to := from + sort.Search(len(words)-from, func(i int) bool { return words[from+i][1] > second })
	return lo + from, lo + to
}

// matchTypos walks words[lo:hi] of the sorted dictionary as a trie: words sharing a prefix
// share the rows of the edit-distance table already computed for it, and
// once a prefix is more than k edits away from every prefix of the term,
// all words starting with it are settled at once (see skipPrefix). The table
// is optimal string alignment (Levenshtein plus adjacent transpositions) on
// bytes: folding has turned Latin text into ASCII already.
func (ix *Index) matchTypos(sc *scratch, ts string, k, lo, hi int) {
	m := len(ts)
	var rows [maxFuzzyLen + 3][maxFuzzyLen + 1]uint8
	for i := 0; i <= m; i++ {
		rows[0][i] = uint8(i)
	}
	words := ix.words[:hi]
	prev, depth := "", 0 // rows[:depth+1] hold the table of prev[:depth]
	for w := lo; w < len(words); {
		word := words[w]
		d := 0
		for d < depth && d < len(word) && word[d] == prev[d] {
			d++
		}
		limit := min(len(word), m+k)
		dead := false
		for d < limit {
			d++
			p, c := &rows[d-1], &rows[d]
			c[0] = uint8(d)
			low := c[0]
			for i := 1; i <= m; i++ {
				cost := uint8(1)
				if ts[i-1] == word[d-1] {
					cost = 0
				}
				v := min(p[i]+1, c[i-1]+1, p[i-1]+cost)
				if i > 1 && d > 1 && ts[i-1] == word[d-2] && ts[i-2] == word[d-1] {
					v = min(v, rows[d-2][i-2]+1)
				}
				c[i] = v
				low = min(low, v)
			}
			if int(low) > k {
				dead = true
				break
			}
		}
		prev, depth = word, d
		prefix := k + 1
		for j := max(1, m-k); j <= d; j++ {
			prefix = min(prefix, int(rows[j][m]))
		}
		if dead {
			// The words starting with word[:d] are all too far as whole
			// words, and all equally near by their shorter prefixes.
			end := skipPrefix(words, w, word[:d])
			for ; prefix <= k && w < end; w++ {
				ix.addTypo(sc, w, m, k, k+1, prefix)
			}
			w = end
			continue
		}
		whole := k + 1
		if len(word) <= m+k {
			whole = int(rows[len(word)][m])
		}
		if whole <= k || prefix <= k {
			ix.addTypo(sc, w, m, k, whole, prefix)
		}
		w++
	}
}

// addTypo adds word w, whole or prefix edits away from a term of m bytes,
// if either is within k, unless it already matched the term better.
func (ix *Index) addTypo(sc *scratch, w, m, k, whole, prefix int) {
	switch {
	case sc.mark[w] == sc.gen:
	case whole <= k:
		ix.add(sc, w, ix.words[w][0], [...]uint8{qTypo, qTypo, qTypo2}[whole], hlWhole)
	case prefix <= k && len(ix.words[w]) > m:
		ix.add(sc, w, ix.words[w][0], [...]uint8{qTypoPrefix, qTypoPrefix, qTypoPrefix2}[prefix], uint8(min(m, hlMaxPrefix)))
	}
}

// skipPrefix returns the first index after w whose word does not start with
// pre, galloping first: most skipped ranges are short.
func skipPrefix(words []string, w int, pre string) int {
	step := 1
	for w+step < len(words) && strings.HasPrefix(words[w+step], pre) {
		step *= 2
	}
	lo, hi := w+step/2+1, min(w+step, len(words))
	return lo + sort.Search(hi-lo, func(i int) bool { return !strings.HasPrefix(words[lo+i], pre) })
}

func (ix *Index) matchSubsequences(sc *scratch, ts string) {
	tm := letterMask(ts)
	sc.fw, sc.fid = sc.fw[:0], sc.fid[:0]
	for _, w := range ix.short {
		if word := ix.words[w]; sc.mark[w] != sc.gen && len(word) > len(ts) && tm&^ix.masks[w] == 0 {
			sc.fw = append(sc.fw, word)
			sc.fid = append(sc.fid, w)
		}
	}
	if len(sc.fw) == 0 {
		return
	}
	for _, m := range fuzzy.FindNoSort(ts, sc.fw) {
		if q := tightness(m.MatchedIndexes, len(ts)); q > 0 {
			ix.add(sc, int(sc.fid[m.Index]), sc.fw[m.Index][0], q, hlSubseq)
		}
	}
}

// tightness accepts a subsequence match only when it reads like the word:
// contiguous, or from the word's start with gaps no longer than the term. A
// term scattered over a long word, let alone a title, is noise.
func tightness(idx []int, n int) uint8 {
	if len(idx) == 0 {
		return 0
	}
	span := idx[len(idx)-1] - idx[0] + 1
	switch {
	case span == n:
		return qInfix
	case idx[0] == 0 && span <= 2*n:
		return qScattered
	}
	return 0
}

// matchInitials scores the term as an acronym of consecutive title words;
// capitals tells whether the list writes it in capitals somewhere, as "LLM".
func (ix *Index) matchInitials(t *term, capitals bool, best []uint16) {
	ts := t.s
	if len(ts) < 3 || len(ts) > maxAcronym {
		return
	}
	q := uint16(qWeakAcronym)
	if capitals {
		q = qAcronym
	}
	k := pairKey(ts[0], ts[1])
	for _, at := range ix.pairPos[ix.pairOff[k]:ix.pairOff[k+1]] {
		if !strings.HasPrefix(ix.initials[at:], ts) {
			continue
		}
		p, _ := slices.BinarySearch(ix.initOff, at+1)
		p-- // the last paper whose initials start at or before at
		best[p] = max(best[p], q*weightTitle+uint16(ix.bonus[p]))
		t.acro = true
	}
}
