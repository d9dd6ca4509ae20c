// Package facet narrows and orders search results by what the papers carry:
// year and tag filters with counts, and sorting by date or title. An Index,
// built once per list, does this for search hits of that list; the package
// knows nothing of the UI.
package facet

import (
	"cmp"
	"slices"
	"strings"

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

// Filter keeps papers of one year (empty: any) that carry every tag listed.
type Filter struct {
	Year string
	Tags []string
}

// Active reports whether the filter removes anything.
func (f Filter) Active() bool { return f.Year != "" || len(f.Tags) > 0 }

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
	// ascending order, so that ids sort as their values do.
	years, tags values
	year        []int32 // per paper, 0 when undated
	tagStart    []int32 // paper i's tags are tagIDs[tagStart[i]:tagStart[i+1]]
	tagIDs      []int32
	yearN, tagN []int // Counts' counters, zero between calls
	wantTags    []int32
}

// New indexes the years and tags of papers, which must not change while
// the Index is in use.
func New(papers []paper.Paper) *Index {
	nTags := 0
	for i := range papers {
		nTags += len(papers[i].Tags)
	}
	ix := &Index{
		papers:   papers,
		years:    values{ids: map[string]int32{}},
		tags:     values{ids: map[string]int32{}},
		year:     make([]int32, len(papers)),
		tagStart: make([]int32, len(papers)+1),
		tagIDs:   make([]int32, 0, nTags),
	}
	ix.years.intern("")
	for i := range papers {
		p := &papers[i]
		ix.year[i] = ix.years.intern(Year(*p))
		for _, t := range p.Tags {
			ix.tagIDs = append(ix.tagIDs, ix.tags.intern(t))
		}
		ix.tagStart[i+1] = int32(len(ix.tagIDs))
	}
	ix.years.sort(1, func(a, b string) int { return cmp.Compare(b, a) }, ix.year)
	ix.tags.sort(0, strings.Compare, ix.tagIDs)
	ix.yearN = make([]int, len(ix.years.list))
	ix.tagN = make([]int, len(ix.tags.list))
	return ix
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

// match is a Filter in ids. A value the list does not have passes
// nothing.
type match struct {
	year     int32   // 0: any
	tags     []int32 // each must be carried
	yearNone bool    // the year is not in the list
	tagsNone bool    // a tag is not in the list
}

// resolve turns f into ids, reusing ix.wantTags.
func (ix *Index) resolve(f Filter) match {
	var m match
	if f.Year != "" {
		id, ok := ix.years.ids[f.Year]
		m.year, m.yearNone = id, !ok
	}
	m.tags = ix.wantTags[:0]
	for _, t := range f.Tags {
		if id, ok := ix.tags.ids[t]; ok {
			m.tags = append(m.tags, id)
		} else {
			m.tagsNone = true
		}
	}
	ix.wantTags = m.tags
	return m
}

// hasTags reports whether paper i carries every tag of m.
func (ix *Index) hasTags(i int32, m *match) bool {
	if len(m.tags) == 0 {
		return true
	}
	have := ix.paperTags(i)
	for _, t := range m.tags {
		if !slices.Contains(have, t) {
			return false
		}
	}
	return true
}

// Apply returns the hits that pass f, in order, sharing no memory with hits
// when it removes any.
func (ix *Index) Apply(hits []search.Hit, f Filter) []search.Hit {
	if !f.Active() {
		return hits
	}
	m := ix.resolve(f)
	if m.yearNone || m.tagsNone {
		return nil
	}
	var out []search.Hit
	for _, h := range hits {
		if (m.year == 0 || ix.year[h.Paper] == m.year) && ix.hasTags(h.Paper, &m) {
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
		slices.SortStableFunc(hits, func(a, b search.Hit) int {
			return compareDates(papers[a.Paper].Date, papers[b.Paper].Date, o == Newest)
		})
	case Title:
		slices.SortStableFunc(hits, func(a, b search.Hit) int {
			return cmp.Compare(strings.ToLower(papers[a.Paper].Title), strings.ToLower(papers[b.Paper].Title))
		})
	}
}

// compareDates orders dates as strings (YYYY[-MM[-DD]] sorts correctly so)
// with undated papers last in both directions.
func compareDates(a, b string, newestFirst bool) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	case newestFirst:
		return cmp.Compare(b, a)
	}
	return cmp.Compare(a, b)
}

// Counts lists the years (newest first) and tags (most frequent first) of
// the hits that pass f, each counting the results that would remain if it
// were chosen too: the numbers a reader sees next to each option. A chosen
// tag counts the results themselves.
func (ix *Index) Counts(hits []search.Hit, f Filter) (years, tags []Count) {
	m := ix.resolve(f)
	yearN, tagN := ix.yearN, ix.tagN
	defer clear(yearN)
	defer clear(tagN)
	results := 0
	if !m.tagsNone {
		for _, h := range hits {
			i := h.Paper
			if !ix.hasTags(i, &m) {
				continue
			}
			// Choosing a year replaces the chosen one: years count the
			// hits with the chosen tags, whatever their year.
			y := ix.year[i]
			yearN[y]++
			if m.yearNone || m.year != 0 && y != m.year {
				continue
			}
			results++
			for _, t := range ix.paperTags(i) {
				tagN[t]++
			}
		}
	}

	n := 0
	for _, c := range yearN[1:] { // id 0: undated
		if c > 0 {
			n++
		}
	}
	if n > 0 {
		years = make([]Count, 0, n)
		for id, c := range yearN[1:] {
			if c > 0 {
				years = append(years, Count{ix.years.list[id+1], c})
			}
		}
	}

	// Chosen tags, present in the list or not, count the results; the
	// others what choosing them too would leave.
	n = 0
	for id, c := range tagN {
		if c > 0 && !slices.Contains(m.tags, int32(id)) {
			n++
		}
	}
	for i, t := range f.Tags {
		if !slices.Contains(f.Tags[:i], t) {
			n++
		}
	}
	if n > 0 {
		tags = make([]Count, 0, n)
		for id, c := range tagN {
			if c > 0 && !slices.Contains(m.tags, int32(id)) {
				tags = append(tags, Count{ix.tags.list[id], c})
			}
		}
		for i, t := range f.Tags {
			if !slices.Contains(f.Tags[:i], t) {
				tags = append(tags, Count{t, results})
			}
		}
		slices.SortFunc(tags, func(a, b Count) int {
			if a.N != b.N {
				return b.N - a.N
			}
			return cmp.Compare(a.Value, b.Value)
		})
	}
	return years, tags
}
