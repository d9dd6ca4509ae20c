package facet

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/internal/fold"
	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

var papers = []paper.Paper{
	{ID: "a", Title: "beta", Date: "2023-05", Tags: []string{"snn", "vision"}, Venue: "NeurIPS", Authors: []string{"Jane Doe", "Tomás Álvarez"}, Selected: true},
	{ID: "b", Title: "Alpha", Date: "2024", Tags: []string{"snn"}, Venue: "ICML", Authors: []string{"J. Doe"}},
	{ID: "c", Title: "gamma", Authors: []string{"Mei Chen"}},
	{ID: "d", Title: "delta", Date: "2024-02-10", Tags: []string{"vision"}, Venue: "NeurIPS", Authors: []string{"Priya Raman", "Jane Doe"}, Selected: true},
	{ID: "e", Title: "epsilon", Date: "2023", Tags: []string{"snn"}, Authors: []string{"Mei Chen", "Doerte Berg"}},
}

func all() []search.Hit {
	hits := make([]search.Hit, len(papers))
	for i := range hits {
		hits[i] = search.Hit{Paper: int32(i)}
	}
	return hits
}

func ids(hits []search.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, papers[h.Paper].ID)
	}
	return out
}

func TestApply(t *testing.T) {
	cases := []struct {
		f    Filter
		want []string
	}{
		{Filter{}, []string{"a", "b", "c", "d", "e"}},
		{Filter{Years: []string{"2024"}}, []string{"b", "d"}},
		{Filter{Years: []string{"2024", "2023"}}, []string{"a", "b", "d", "e"}},
		{Filter{Tags: []string{"snn"}}, []string{"a", "b", "e"}},
		// Several values of a facet: any of them.
		{Filter{Tags: []string{"snn", "vision"}}, []string{"a", "b", "d", "e"}},
		{Filter{Years: []string{"2023"}, Tags: []string{"snn"}}, []string{"a", "e"}},
		{Filter{Years: []string{"2024"}, Tags: []string{"vision"}, Venues: []string{"NeurIPS"}}, []string{"d"}},
		{Filter{Years: []string{"1999"}}, nil},
		{Filter{Tags: []string{"nope"}}, nil},
		{Filter{Tags: []string{"snn", "nope"}}, []string{"a", "b", "e"}},
		{Filter{Venues: []string{"NeurIPS", "ICML"}}, []string{"a", "b", "d"}},
		// Authors by the start of their names' words, accents and case
		// aside: "doe" starts Doerte too; "oe" starts no word.
		{Filter{Author: "jane d"}, []string{"a", "d"}},
		{Filter{Author: "Doe"}, []string{"a", "b", "d", "e"}},
		{Filter{Author: "alvarez"}, []string{"a"}},
		{Filter{Author: "oe"}, nil},
		{Filter{Selected: true}, []string{"a", "d"}},
		{Filter{Selected: true, Tags: []string{"snn"}}, []string{"a"}},
	}
	for _, c := range cases {
		if got := ids(New(papers).Apply(all(), c.f)); !slices.Equal(got, c.want) {
			t.Errorf("%+v: got %v, want %v", c.f, got, c.want)
		}
	}
}

func TestSort(t *testing.T) {
	cases := []struct {
		o    Order
		want []string
	}{
		{Relevance, []string{"a", "b", "c", "d", "e"}},
		{Newest, []string{"d", "b", "a", "e", "c"}},
		{Oldest, []string{"e", "a", "b", "d", "c"}},
		{Title, []string{"b", "a", "d", "e", "c"}},
	}
	ix := New(papers)
	for _, c := range cases {
		hits := all()
		ix.Sort(hits, c.o)
		if got := ids(hits); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.o, got, c.want)
		}
	}
	if ParseOrder("newest") != Newest || ParseOrder("relevance") != Relevance || ParseOrder("x") != Default || ParseOrder("") != Default {
		t.Error("ParseOrder")
	}
}

// A dated list reads newest first until a query ranks it; an undated one
// keeps relevance (its own order) whatever is asked.
func TestResolve(t *testing.T) {
	dated, undated := New(papers), New([]paper.Paper{{ID: "x", Title: "X"}})
	cases := []struct {
		ix        *Index
		o         Order
		searching bool
		want      Order
	}{
		{dated, Default, false, Newest},
		{dated, Default, true, Relevance},
		{dated, Relevance, false, Newest},
		{dated, Relevance, true, Relevance},
		{dated, Title, false, Title},
		{dated, Oldest, true, Oldest},
		{undated, Default, false, Relevance},
		{undated, Newest, false, Relevance},
		{undated, Title, true, Title},
	}
	for _, c := range cases {
		if got := c.ix.Resolve(c.o, c.searching); got != c.want {
			t.Errorf("Resolve(%q, searching %v) on a list dated %v = %q, want %q", c.o, c.searching, c.ix.Dated(), got, c.want)
		}
		if !slices.Contains(c.ix.Orders(c.searching), c.ix.Resolve(c.o, c.searching)) {
			t.Errorf("Resolve(%q, %v) = %q is not in the menu %v", c.o, c.searching, c.want, c.ix.Orders(c.searching))
		}
	}
}

func TestGroups(t *testing.T) {
	ix := New(papers)
	hits := all()
	ix.Sort(hits, Newest)
	var got []string
	for _, g := range ix.Groups(hits, Newest) {
		got = append(got, fmt.Sprintf("%s:%s", g.Year, strings.Join(ids(hits[g.From:g.To]), ",")))
	}
	want := []string{"2024:d,b", "2023:a,e", ":c"}
	if !slices.Equal(got, want) {
		t.Errorf("groups %v, want %v", got, want)
	}
	if g := ix.Groups(hits, Title); len(g) != 1 || g[0].Year != "" || g[0].To != len(hits) {
		t.Errorf("title order makes groups %v", g)
	}
}

func TestCountsAreWhatChoosingWouldLeave(t *testing.T) {
	ix := New(papers)
	c := ix.Counts(all(), Filter{})
	want := Counts{
		Years:    []Count{{"2024", 2}, {"2023", 2}},
		Tags:     []Count{{"snn", 3}, {"vision", 2}},
		Venues:   []Count{{"NeurIPS", 2}, {"ICML", 1}},
		Selected: 2,
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("counts %+v, want %+v", c, want)
	}
	// snn chosen: years and venues count snn papers; tags count what the
	// other facets leave, each tag its own papers (OR within tags).
	c = ix.Counts(all(), Filter{Tags: []string{"snn"}})
	want = Counts{
		Years:    []Count{{"2024", 1}, {"2023", 2}},
		Tags:     []Count{{"snn", 3}, {"vision", 2}},
		Venues:   []Count{{"ICML", 1}, {"NeurIPS", 1}},
		Selected: 1,
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("with snn %+v, want %+v", c, want)
	}
	c = ix.Counts(all(), Filter{Years: []string{"2024"}, Selected: true})
	want = Counts{
		Years:    []Count{{"2024", 1}, {"2023", 1}},
		Tags:     []Count{{"vision", 1}},
		Venues:   []Count{{"NeurIPS", 1}},
		Selected: 1,
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("with 2024 and selected %+v, want %+v", c, want)
	}
}

func TestCountsOfValuesNotInTheList(t *testing.T) {
	ix := New(papers)
	c := ix.Counts(all(), Filter{Years: []string{"1999"}, Tags: []string{"snn"}})
	if want := []Count{{"2024", 1}, {"2023", 2}, {"1999", 0}}; !slices.Equal(c.Years, want) {
		t.Errorf("years with 1999 %v, want %v", c.Years, want)
	}
	if want := []Count{{"snn", 0}}; !slices.Equal(c.Tags, want) {
		t.Errorf("tags with 1999 %v, want %v", c.Tags, want)
	}
	c = ix.Counts(all(), Filter{Tags: []string{"nope", "snn", "nope"}})
	if want := []Count{{"snn", 3}, {"vision", 2}, {"nope", 0}}; !slices.Equal(c.Tags, want) {
		t.Errorf("tags with nope %v, want %v", c.Tags, want)
	}
}

// TestIndexIsTheReference compares the Index with refApply, refSort and
// refCounts, a direct reading of the rules on strings, over random lists,
// hits and filters.
func TestIndexIsTheReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	pick := func(pool []string) string { return pool[r.IntN(len(pool))] }
	dates := []string{"", "", "2019", "2020", "2020-03", "2020-11-05", "2021-01", "2022", "2023-07-14", "199", "1999-12"}
	tagPool := []string{"snn", "vision", "rl", "nlp", "", "Vision", "graphs", "bio"}
	venuePool := []string{"", "NeurIPS", "ICML", "Nature"}
	authorPool := []string{"Jane Doe", "J. Doe", "Tomás Álvarez", "Mei Chen", "Doerte Berg"}
	titles := []string{"alpha", "Alpha", "beta", "Gamma", "gamma", "delta", ""}
	for round := range 300 {
		ps := make([]paper.Paper, r.IntN(60))
		for i := range ps {
			ps[i] = paper.Paper{ID: fmt.Sprint(i), Title: pick(titles), Date: pick(dates), Venue: pick(venuePool), Selected: r.IntN(3) == 0}
			for range r.IntN(3) {
				ps[i].Authors = append(ps[i].Authors, pick(authorPool))
			}
			for range r.IntN(4) {
				// Duplicates included: each copy counts, as it always did.
				ps[i].Tags = append(ps[i].Tags, pick(tagPool))
			}
		}
		ix := New(ps)
		// Twice: Counts must leave its scratch clean.
		for range 2 {
			var hits []search.Hit
			for _, i := range r.Perm(len(ps)) {
				if r.IntN(4) > 0 {
					hits = append(hits, search.Hit{Paper: int32(i)})
				}
			}
			var f Filter
			for range r.IntN(3) {
				f.Years = append(f.Years, Year(paper.Paper{Date: pick(append(dates, "1888"))}))
			}
			for range r.IntN(3) {
				f.Tags = append(f.Tags, pick(append(tagPool, "nope")))
			}
			for range r.IntN(2) {
				f.Venues = append(f.Venues, pick(append(venuePool, "Science")))
			}
			if r.IntN(4) == 0 {
				f.Author = pick([]string{"doe", "jane", "alv", "CHEN", "j. d", "oe"})
			}
			f.Selected = r.IntN(4) == 0

			if got, want := order(ix.Apply(hits, f)), order(refApply(ps, hits, f)); !slices.Equal(got, want) {
				t.Fatalf("round %d: Apply(%+v) = %v, want %v", round, f, got, want)
			}
			for _, o := range []Order{Relevance, Newest, Oldest, Title} {
				got, want := slices.Clone(hits), slices.Clone(hits)
				ix.Sort(got, o)
				refSort(ps, want, o)
				if !slices.Equal(order(got), order(want)) {
					t.Fatalf("round %d: Sort(%s) = %v, want %v", round, o, got, want)
				}
			}
			if got, want := ix.Counts(hits, f), refCounts(ps, hits, f); !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d: Counts(%+v) =\n%+v, want\n%+v", round, f, got, want)
			}
		}
	}
}

// order is which papers hits name, in order.
func order(hits []search.Hit) []int32 {
	var out []int32
	for _, h := range hits {
		out = append(out, h.Paper)
	}
	return out
}

// refKeeps reads the rules on strings: any chosen value per facet, every
// facet, authors by the start of words after folding.
// refKeeps reads the rules on strings: any chosen value per facet, every
// facet, authors by the start of words after folding.
func refKeeps(p paper.Paper, f Filter) bool {
	anyOf := func(chosen []string, have ...string) bool {
		if len(chosen) == 0 {
			return true
		}
		for _, h := range have {
			if slices.Contains(chosen, h) {
				return true
			}
		}
		return false
	}
	q := fold.Words(f.Author)
	author := q == ""
	for _, a := range p.Authors {
		w := fold.Words(a)
		author = author || strings.HasPrefix(w, q) || strings.Contains(w, " "+q)
	}
	year, venue := anyOf(f.Years, Year(p)), anyOf(f.Venues, p.Venue)
	if Year(p) == "" && len(f.Years) > 0 {
		year = false
	}
	if p.Venue == "" && len(f.Venues) > 0 {
		venue = false
	}
	return year && anyOf(f.Tags, p.Tags...) && venue && author && (!f.Selected || p.Selected)
}

func refApply(ps []paper.Paper, hits []search.Hit, f Filter) []search.Hit {
	if !f.Active() {
		return hits
	}
	var out []search.Hit
	for _, h := range hits {
		if refKeeps(ps[h.Paper], f) {
			out = append(out, h)
		}
	}
	return out
}

func refSort(ps []paper.Paper, hits []search.Hit, o Order) {
	key := func(h search.Hit) string {
		if o == Title {
			return strings.ToLower(ps[h.Paper].Title)
		}
		return ps[h.Paper].Date
	}
	slices.SortStableFunc(hits, func(a, b search.Hit) int {
		ka, kb := key(a), key(b)
		switch {
		case o == Relevance || ka == kb:
			return 0
		case o != Title && ka == "":
			return 1
		case o != Title && kb == "":
			return -1
		case o == Newest:
			return strings.Compare(kb, ka)
		}
		return strings.Compare(ka, kb)
	})
}

// refCounts counts on strings: each value of a facet by the hits that
// pass f with that facet's choice replaced by the value.
func refCounts(ps []paper.Paper, hits []search.Hit, f Filter) Counts {
	yearN, tagN, venueN := map[string]int{}, map[string]int{}, map[string]int{}
	var c Counts
	for _, h := range hits {
		p := ps[h.Paper]
		if y := Year(p); y != "" {
			g := f
			g.Years = []string{y}
			if refKeeps(p, g) {
				yearN[y]++
			}
		}
		seen := map[string]bool{}
		for _, t := range p.Tags {
			g := f
			g.Tags = []string{t}
			if !seen[t] && refKeeps(p, g) {
				tagN[t]++
			}
			seen[t] = true
		}
		if p.Venue != "" {
			g := f
			g.Venues = []string{p.Venue}
			if refKeeps(p, g) {
				venueN[p.Venue]++
			}
		}
		g := f
		g.Selected = true
		if p.Selected && refKeeps(p, g) {
			c.Selected++
		}
	}
	list := func(n map[string]int, chosen []string, skipEmpty bool) []Count {
		for _, v := range chosen {
			if _, ok := n[v]; !ok && !(skipEmpty && v == "") {
				n[v] = 0
			}
		}
		var out []Count
		for v, k := range n {
			out = append(out, Count{v, k})
		}
		return out
	}
	byCount := func(a, b Count) int {
		if a.N != b.N {
			return b.N - a.N
		}
		return strings.Compare(a.Value, b.Value)
	}
	c.Years = list(yearN, f.Years, true)
	slices.SortFunc(c.Years, func(a, b Count) int { return strings.Compare(b.Value, a.Value) })
	c.Tags = list(tagN, f.Tags, false)
	slices.SortFunc(c.Tags, byCount)
	c.Venues = list(venueN, f.Venues, true)
	slices.SortFunc(c.Venues, byCount)
	return c
}

func TestDated(t *testing.T) {
	if !New(papers).Dated() {
		t.Error("a list with dates is not dated")
	}
	if New([]paper.Paper{{ID: "x", Title: "undated"}}).Dated() || New(nil).Dated() {
		t.Error("a list without dates is dated")
	}
}

// TestAuthorsMostPapersFirst checks the author filter's suggestions: the
// authors of most papers first, ties by name, as many as asked for.
func TestAuthorsMostPapersFirst(t *testing.T) {
	ix := New(papers)
	want := []string{"Jane Doe", "Mei Chen", "Doerte Berg", "J. Doe", "Priya Raman", "Tomás Álvarez"}
	if got := ix.Authors(10); !reflect.DeepEqual(got, want) {
		t.Errorf("Authors(10) = %q, want %q", got, want)
	}
	if got := ix.Authors(3); !reflect.DeepEqual(got, want[:3]) {
		t.Errorf("Authors(3) = %q, want %q", got, want[:3])
	}
}
