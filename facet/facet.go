// Package facet narrows and orders search results by what the papers carry:
// year and tag filters with counts, and sorting by date or title. An Index,
// built once per list, does this for search hits of that list; the package
// knows nothing of the UI.
package facet

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/paperwidget/paperwidget/internal/fold"
	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

// Order is how results are sorted.
type Order string

const (
	// Default is no choice made: see Index.Resolve.
	Default   Order = ""
	Relevance Order = "relevance" // the search's ranking; list order without a query
	Newest    Order = "newest"
	Oldest    Order = "oldest"
	Title     Order = "title"
)

// ParseOrder reads a ?sort= value; anything unknown is the default.
func ParseOrder(s string) Order {
	switch o := Order(s); o {
	case Relevance, Newest, Oldest, Title:
		return o
	}
	return Default
}

// Resolve is the order results are shown in when o is chosen: a
// publication list reads newest first, so a dated list without a query is
// in date order (relevance would be the file's order, which means nothing
// to a visitor), and a query ranks by relevance unless another order was
// chosen. Date orders fall back to relevance on a list without dates.
func (ix *Index) Resolve(o Order, searching bool) Order {
	switch {
	case (o == Default || o == Relevance) && !searching && ix.Dated():
		return Newest
	case o == Default, (o == Newest || o == Oldest) && !ix.Dated():
		return Relevance
	}
	return o
}

// Orders are the orders a visitor can choose from, in menu order: date
// orders for a dated list, relevance while searching or when the list has
// no dates to order by.
func (ix *Index) Orders(searching bool) []Order {
	switch {
	case !ix.Dated():
		return []Order{Relevance, Title}
	case searching:
		return []Order{Relevance, Newest, Oldest, Title}
	}
	return []Order{Newest, Oldest, Title}
}

// Group is a run of results of one year, From to To (exclusive) in the
// results; Year is "" for the undated ones.
type Group struct {
	Year     string
	From, To int
}

// Groups splits results sorted by date into years. Results in any other
// order are one group without a year.
func (ix *Index) Groups(results []search.Hit, o Order) []Group {
	if len(results) == 0 {
		return nil
	}
	if o != Newest && o != Oldest {
		return []Group{{From: 0, To: len(results)}}
	}
	var groups []Group
	for i, h := range results {
		y := ix.years.list[ix.year[h.Paper]]
		if len(groups) == 0 || groups[len(groups)-1].Year != y {
			groups = append(groups, Group{Year: y, From: i})
		}
		groups[len(groups)-1].To = i + 1
	}
	return groups
}

// Filter keeps the papers that have any of the chosen years, any of the
// chosen tags and any of the chosen venues (OR within a facet, AND across
// them, as faceted search reads), an author whose name has words starting
// as Author's do, and with Selected only the papers marked selected.
type Filter struct {
	Years    []string
	Tags     []string
	Venues   []string
	Author   string
	Selected bool
}

// Active reports whether the filter removes anything.
func (f Filter) Active() bool {
	return len(f.Years) > 0 || len(f.Tags) > 0 || len(f.Venues) > 0 || strings.TrimSpace(f.Author) != "" || f.Selected
}

// Count is a facet value with the number of results that have it.
type Count struct {
	Value string
	N     int
}

// Year is a paper's year, "" when it has no date.
func Year(p paper.Paper) string {
	if len(p.Date) >= 4 {
		return p.Date[:4]
	}
	return ""
}

// Index holds a list's facet values as small integers: every year and tag
// is interned once, so that filtering and counting results compare and
// index ints instead of hashing strings for every hit. Build one per list
// with New; its methods take hits of that list. An Index is not safe for
// concurrent use: Counts reuses scratch space.
type Index struct {
	papers []paper.Paper
	// years are newest first after id 0, which is no year; tags are in
	// ascending order, so that ids sort as their values do; venues have
	// id 0 for none.
	years, tags, venues values
	year                []int32 // per paper, 0 when undated
	venue               []int32 // per paper, 0 without a venue
	// selected is per paper, apart from the papers: reading it from
	// each paper's struct made Counts several times slower at 10,000.
	selected    []bool
	anySelected bool
	anyAuthors  bool
	tagStart    []int32 // paper i's tags are tagIDs[tagStart[i]:tagStart[i+1]]
	tagIDs      []int32
	// authorKeys are each paper's authors as fold.Words spells them,
	// each after a NUL: built on the first author filter, which most
	// visits never use.
	authorKeys []string
	// dateRank is each paper's date's place among the list's dates, from
	// 1 in ascending order, 0 when undated; dates counts them. Built on
	// the first sort by date.
	dateRank                        []int32
	dates                           int
	sorted                          []search.Hit // Sort's scratch
	yearN, tagN, venueN             []int        // Counts' counters, zero between calls
	wantYears, wantTags, wantVenues []int32
}

// New indexes the years, tags and venues of papers, which must not change
// while the Index is in use.
func New(papers []paper.Paper) *Index {
	nTags := 0
	for i := range papers {
		nTags += len(papers[i].Tags)
	}
	ix := &Index{
		papers:   papers,
		years:    values{ids: map[string]int32{}},
		tags:     values{ids: map[string]int32{}},
		venues:   values{ids: map[string]int32{}},
		year:     make([]int32, len(papers)),
		venue:    make([]int32, len(papers)),
		selected: make([]bool, len(papers)),
		tagStart: make([]int32, len(papers)+1),
		tagIDs:   make([]int32, 0, nTags),
	}
	ix.years.intern("")
	ix.venues.intern("")
	for i := range papers {
		p := &papers[i]
		ix.year[i] = ix.years.intern(Year(*p))
		ix.venue[i] = ix.venues.intern(p.Venue)
		ix.selected[i] = p.Selected
		ix.anySelected = ix.anySelected || p.Selected
		ix.anyAuthors = ix.anyAuthors || len(p.Authors) > 0
		for _, t := range p.Tags {
			ix.tagIDs = append(ix.tagIDs, ix.tags.intern(t))
		}
		ix.tagStart[i+1] = int32(len(ix.tagIDs))
	}
	ix.years.sort(1, func(a, b string) int { return cmp.Compare(b, a) }, ix.year)
	ix.tags.sort(0, strings.Compare, ix.tagIDs)
	ix.yearN = make([]int, len(ix.years.list))
	ix.tagN = make([]int, len(ix.tags.list))
	ix.venueN = make([]int, len(ix.venues.list))
	return ix
}

// HasSelected reports whether any paper is marked selected: the
// "Selected papers" view means nothing otherwise.
func (ix *Index) HasSelected() bool { return ix.anySelected }

// HasAuthors reports whether any paper names its authors: filtering by
// author means nothing otherwise. It is known without counting them, as
// Authors does.
func (ix *Index) HasAuthors() bool { return ix.anyAuthors }

// Authors are the list's distinct author names, most papers first (then
// by name), at most n of them: suggestions for the author filter.
func (ix *Index) Authors(n int) []string {
	// Counted in a map but sorted as pairs: a comparison that looked both
	// names up in the map took most of the 50 ms this cost the browser at
	// 10,000 papers. It still takes 20 ms in wasm there, 190 ms at
	// 100,000: the widget asks once the author field is used.
	count := map[string]int{}
	for i := range ix.papers {
		for _, a := range ix.papers[i].Authors {
			count[a]++
		}
	}
	type author struct {
		name   string
		papers int
	}
	all := make([]author, 0, len(count))
	for a, c := range count {
		all = append(all, author{a, c})
	}
	slices.SortFunc(all, func(a, b author) int {
		return cmp.Or(b.papers-a.papers, strings.Compare(a.name, b.name))
	})
	names := make([]string, min(n, len(all)))
	for i := range names {
		names[i] = all[i].name
	}
	return names
}

// Dated reports whether any paper of the list has a date: sorting by date
// means nothing otherwise.
func (ix *Index) Dated() bool { return len(ix.years.list) > 1 }

// values numbers distinct strings from 0.
type values struct {
	list []string // by id
	ids  map[string]int32
}

func (v *values) intern(s string) int32 {
	id, ok := v.ids[s]
	if !ok {
		id = int32(len(v.list))
		v.list = append(v.list, s)
		v.ids[s] = id
	}
	return id
}

// sort renumbers the values from id first on in the order of cmp and
// rewrites refs, ids of v, to match.
func (v *values) sort(first int, cmp func(a, b string) int, refs []int32) {
	sorted := slices.Clone(v.list)
	slices.SortFunc(sorted[first:], cmp)
	renumber := make([]int32, len(v.list))
	for id, s := range sorted {
		renumber[v.ids[s]] = int32(id)
		v.ids[s] = int32(id)
	}
	v.list = sorted
	for i, id := range refs {
		refs[i] = renumber[id]
	}
}

// paperTags are the tag ids of paper i, in the paper's order.
func (ix *Index) paperTags(i int32) []int32 {
	return ix.tagIDs[ix.tagStart[i]:ix.tagStart[i+1]]
}

// match is a Filter in ids. A facet is on when the filter chooses values
// in it, even values the list does not have: then nothing passes it.
type match struct {
	years, tags, venues       []int32
	yearsOn, tagsOn, venuesOn bool
	author                    string // fold.Words of Filter.Author
	selected                  bool
}

// resolve turns f into ids, reusing the Index's scratch slices.
func (ix *Index) resolve(f Filter) match {
	m := match{
		yearsOn: len(f.Years) > 0, tagsOn: len(f.Tags) > 0, venuesOn: len(f.Venues) > 0,
		author: fold.Words(f.Author), selected: f.Selected,
	}
	m.years = ix.years.find(f.Years, &ix.wantYears, 1)
	m.tags = ix.tags.find(f.Tags, &ix.wantTags, 0)
	m.venues = ix.venues.find(f.Venues, &ix.wantVenues, 1)
	if m.author != "" && ix.authorKeys == nil {
		ix.indexAuthors()
	}
	return m
}

// find returns the ids of want from first on (id 0 of years and venues is
// none, which no choice means), in scratch's memory.
func (v *values) find(want []string, scratch *[]int32, first int32) []int32 {
	out := (*scratch)[:0]
	for _, s := range want {
		if id, ok := v.ids[s]; ok && id >= first {
			out = append(out, id)
		}
	}
	*scratch = out
	return out
}

func (ix *Index) indexAuthors() {
	ix.authorKeys = make([]string, len(ix.papers))
	var b strings.Builder
	for i := range ix.papers {
		b.Reset()
		for _, a := range ix.papers[i].Authors {
			b.WriteByte(0)
			b.WriteString(fold.Words(a))
		}
		ix.authorKeys[i] = b.String()
	}
}

// pass says which facets of m paper i passes.
type pass struct{ year, tags, venue, rest bool }

func (ix *Index) passes(i int32, m *match) pass {
	p := pass{
		year:  !m.yearsOn || slices.Contains(m.years, ix.year[i]),
		venue: !m.venuesOn || slices.Contains(m.venues, ix.venue[i]),
		rest:  (!m.selected || ix.selected[i]) && (m.author == "" || ix.hasAuthor(i, m.author)),
	}
	p.tags = !m.tagsOn
	for _, t := range ix.paperTags(i) {
		if p.tags {
			break
		}
		p.tags = slices.Contains(m.tags, t)
	}
	return p
}

// hasAuthor reports whether an author of paper i has words starting as
// key's do: "doe" finds Jane Doe, "jane d" too.
func (ix *Index) hasAuthor(i int32, key string) bool {
	k := ix.authorKeys[i]
	for at := 0; ; {
		j := strings.Index(k[at:], key)
		if j < 0 {
			return false
		}
		if j += at; k[j-1] == 0 || k[j-1] == ' ' {
			return true
		}
		at = j + 1
	}
}

// Apply returns the hits that pass f, in order, sharing no memory with hits
// when it removes any.
func (ix *Index) Apply(hits []search.Hit, f Filter) []search.Hit {
	if !f.Active() {
		return hits
	}
	m := ix.resolve(f)
	var out []search.Hit
	for _, h := range hits {
		if p := ix.passes(h.Paper, &m); p.year && p.tags && p.venue && p.rest {
			out = append(out, h)
		}
	}
	return out
}

// Sort orders hits in place. Ties keep their relevance order, so equal
// dates stay ranked by the query.
func (ix *Index) Sort(hits []search.Hit, o Order) {
	papers := ix.papers
	switch o {
	case Newest, Oldest:
		ix.sortByDate(hits, o == Newest)
	case Title:
		slices.SortStableFunc(hits, func(a, b search.Hit) int {
			return cmp.Compare(strings.ToLower(papers[a.Paper].Title), strings.ToLower(papers[b.Paper].Title))
		})
	}
}

// sortByDate orders hits by date, undated last, with a counting sort over
// the ranks of the list's dates, which is stable: the whole list is sorted
// again each time the query is cleared, and a comparison sort of 10,000
// dates as strings took several milliseconds of that keystroke in wasm.
func (ix *Index) sortByDate(hits []search.Hit, newestFirst bool) {
	if ix.dateRank == nil {
		ix.rankDates()
	}
	// key is a hit's place in the order: its date's rank from the first
	// date shown, the undated after every date.
	key := func(h search.Hit) int {
		r := int(ix.dateRank[h.Paper])
		switch {
		case r == 0:
			return ix.dates
		case newestFirst:
			return ix.dates - r
		}
		return r - 1
	}
	counts := make([]int, ix.dates+2)
	for _, h := range hits {
		counts[key(h)+1]++
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	ix.sorted = slices.Grow(ix.sorted[:0], len(hits))[:len(hits)]
	for _, h := range hits {
		k := key(h)
		ix.sorted[counts[k]] = h
		counts[k]++
	}
	copy(hits, ix.sorted)
}

func (ix *Index) rankDates() {
	var dates []string
	for i := range ix.papers {
		if d := ix.papers[i].Date; d != "" {
			dates = append(dates, d)
		}
	}
	slices.Sort(dates)
	dates = slices.Compact(dates)
	ix.dates = len(dates)
	ix.dateRank = make([]int32, len(ix.papers))
	for i := range ix.papers {
		if d := ix.papers[i].Date; d != "" {
			r, _ := slices.BinarySearch(dates, d)
			ix.dateRank[i] = int32(r + 1)
		}
	}
}

// Counts are the values of each facet among the hits, each with the number
// of results choosing it would leave: the results of the other facets'
// choices that have this value (a chosen value counts its share of the
// results). Chosen values are listed even when no hit has them.
type Counts struct {
	Years  []Count // newest first
	Tags   []Count // most results first, then by name
	Venues []Count // most results first, then by name
	// Selected counts the results that "Selected papers" would leave.
	Selected int
}

// Counts counts the facets of hits under f.
func (ix *Index) Counts(hits []search.Hit, f Filter) Counts {
	m := ix.resolve(f)
	yearN, tagN, venueN := ix.yearN, ix.tagN, ix.venueN
	defer clear(yearN)
	defer clear(tagN)
	defer clear(venueN)
	var c Counts
	for _, h := range hits {
		i := h.Paper
		p := ix.passes(i, &m)
		if !p.rest {
			continue
		}
		if p.tags && p.venue {
			yearN[ix.year[i]]++
		}
		if p.year && p.venue {
			tags := ix.paperTags(i)
			for j, t := range tags {
				if !slices.Contains(tags[:j], t) {
					tagN[t]++
				}
			}
		}
		if p.year && p.tags {
			venueN[ix.venue[i]]++
		}
		if p.year && p.tags && p.venue && ix.selected[i] {
			c.Selected++
		}
	}
	c.Years = listCounts(ix.years.list, yearN, f.Years, 1)
	c.Tags = listCounts(ix.tags.list, tagN, f.Tags, 0)
	c.Venues = listCounts(ix.venues.list, venueN, f.Venues, 1)
	sort.Sort(countOrder{c.Years, func(a, b Count) bool { return a.Value > b.Value }})
	byCount := func(a, b Count) bool { return a.N > b.N || a.N == b.N && a.Value < b.Value }
	sort.Sort(countOrder{c.Tags, byCount})
	sort.Sort(countOrder{c.Venues, byCount})
	return c
}

// countOrder sorts Counts with sort.Sort, whose one compiled sort app.wasm
// has anyway: slices.SortFunc compiles one for each type it sorts (20 KB of
// app.wasm's code for Count).
type countOrder struct {
	c    []Count
	less func(a, b Count) bool
}

func (o countOrder) Len() int           { return len(o.c) }
func (o countOrder) Less(i, j int) bool { return o.less(o.c[i], o.c[j]) }
func (o countOrder) Swap(i, j int)      { o.c[i], o.c[j] = o.c[j], o.c[i] }

// listCounts lists the values (ids from first on) that have a count, and
// the chosen ones whatever their count, each once; with first 1, id 0 is
// none, and a chosen "" is not a value.
func listCounts(list []string, n []int, chosen []string, first int) []Count {
	var out []Count
	for id := first; id < len(list); id++ {
		if n[id] > 0 || slices.Contains(chosen, list[id]) {
			out = append(out, Count{list[id], n[id]})
		}
	}
	for i, v := range chosen {
		if v == "" && first > 0 || slices.Contains(chosen[:i], v) || slices.ContainsFunc(out, func(c Count) bool { return c.Value == v }) {
			continue
		}
		out = append(out, Count{v, 0})
	}
	return out
}
