// Package facet narrows and orders search results by what the papers carry:
// year and tag filters with counts, and sorting by date or title. It works
// on search hits and knows nothing of the UI.
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
	Relevance Order = "relevance" // the search's ranking; list order without a query
	Newest    Order = "newest"
	Oldest    Order = "oldest"
	Title     Order = "title"
)

// ParseOrder reads a ?sort= value; anything unknown is relevance.
func ParseOrder(s string) Order {
	switch o := Order(s); o {
	case Newest, Oldest, Title:
		return o
	}
	return Relevance
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

func (f Filter) keeps(p *paper.Paper) bool {
	if f.Year != "" && Year(*p) != f.Year {
		return false
	}
	for _, t := range f.Tags {
		if !slices.Contains(p.Tags, t) {
			return false
		}
	}
	return true
}

// Apply returns the hits that pass f, in order, sharing no memory with hits
// when it removes any.
func Apply(papers []paper.Paper, hits []search.Hit, f Filter) []search.Hit {
	if !f.Active() {
		return hits
	}
	var out []search.Hit
	for _, h := range hits {
		if f.keeps(&papers[h.Paper]) {
			out = append(out, h)
		}
	}
	return out
}

// Sort orders hits in place. Ties keep their relevance order, so equal
// dates stay ranked by the query.
func Sort(papers []paper.Paper, hits []search.Hit, o Order) {
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
// were chosen too: the numbers a reader sees next to each option.
func Counts(papers []paper.Paper, hits []search.Hit, f Filter) (years, tags []Count) {
	yearN := map[string]int{}
	tagN := map[string]int{}
	withoutYear := Filter{Tags: f.Tags}
	for _, h := range hits {
		p := &papers[h.Paper]
		if p.Date == "" && len(p.Tags) == 0 {
			continue
		}
		if y := Year(*p); y != "" && withoutYear.keeps(p) {
			yearN[y]++
		}
		if f.keeps(p) {
			for _, t := range p.Tags {
				if !slices.Contains(f.Tags, t) {
					tagN[t]++
				}
			}
		}
	}
	for y, n := range yearN {
		years = append(years, Count{y, n})
	}
	slices.SortFunc(years, func(a, b Count) int { return cmp.Compare(b.Value, a.Value) })
	if len(f.Tags) > 0 {
		n := len(Apply(papers, hits, f))
		for _, t := range f.Tags {
			tagN[t] = n
		}
	}
	for t, n := range tagN {
		tags = append(tags, Count{t, n})
	}
	slices.SortFunc(tags, func(a, b Count) int {
		if a.N != b.N {
			return b.N - a.N
		}
		return cmp.Compare(a.Value, b.Value)
	})
	return years, tags
}
