package facet

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

var papers = []paper.Paper{
	{ID: "a", Title: "beta", Date: "2023-05", Tags: []string{"snn", "vision"}},
	{ID: "b", Title: "Alpha", Date: "2024", Tags: []string{"snn"}},
	{ID: "c", Title: "gamma"},
	{ID: "d", Title: "delta", Date: "2024-02-10", Tags: []string{"vision"}},
	{ID: "e", Title: "epsilon", Date: "2023", Tags: []string{"snn"}},
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
		{Filter{Year: "2024"}, []string{"b", "d"}},
		{Filter{Tags: []string{"snn"}}, []string{"a", "b", "e"}},
		{Filter{Tags: []string{"snn", "vision"}}, []string{"a"}},
		{Filter{Year: "2023", Tags: []string{"snn"}}, []string{"a", "e"}},
		{Filter{Year: "1999"}, nil},
		{Filter{Tags: []string{"snn", "nope"}}, nil},
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
	years, tags := ix.Counts(all(), Filter{})
	if want := []Count{{"2024", 2}, {"2023", 2}}; !slices.Equal(years, want) {
		t.Errorf("years %v, want %v", years, want)
	}
	if want := []Count{{"snn", 3}, {"vision", 2}}; !slices.Equal(tags, want) {
		t.Errorf("tags %v, want %v", tags, want)
	}
	// With snn chosen, years count snn papers; vision counts snn+vision.
	years, tags = ix.Counts(all(), Filter{Tags: []string{"snn"}})
	if want := []Count{{"2024", 1}, {"2023", 2}}; !slices.Equal(years, want) {
		t.Errorf("years with snn %v, want %v", years, want)
	}
	if want := []Count{{"snn", 3}, {"vision", 1}}; !slices.Equal(tags, want) {
		t.Errorf("tags with snn %v, want %v", tags, want)
	}
}

func TestCountsOfValuesNotInTheList(t *testing.T) {
	ix := New(papers)
	years, tags := ix.Counts(all(), Filter{Year: "1999", Tags: []string{"snn"}})
	if want := []Count{{"2024", 1}, {"2023", 2}}; !slices.Equal(years, want) {
		t.Errorf("years with 1999 %v, want %v", years, want)
	}
	if want := []Count{{"snn", 0}}; !slices.Equal(tags, want) {
		t.Errorf("tags with 1999 %v, want %v", tags, want)
	}
	years, tags = ix.Counts(all(), Filter{Tags: []string{"nope", "snn", "nope"}})
	if len(years) != 0 {
		t.Errorf("years with nope %v, want none", years)
	}
	if want := []Count{{"nope", 0}, {"snn", 0}}; !slices.Equal(tags, want) {
		t.Errorf("tags with nope %v, want %v", tags, want)
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
	titles := []string{"alpha", "Alpha", "beta", "Gamma", "gamma", "delta", ""}
	for round := range 300 {
		ps := make([]paper.Paper, r.IntN(60))
		for i := range ps {
			ps[i] = paper.Paper{ID: fmt.Sprint(i), Title: pick(titles), Date: pick(dates)}
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
			if r.IntN(2) == 0 {
				f.Year = Year(paper.Paper{Date: pick(append(dates, "1888"))})
			}
			for range r.IntN(3) {
				f.Tags = append(f.Tags, pick(append(tagPool, "nope")))
			}

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
			years, tags := ix.Counts(hits, f)
			wantYears, wantTags := refCounts(ps, hits, f)
			if !slices.Equal(years, wantYears) || !slices.Equal(tags, wantTags) {
				t.Fatalf("round %d: Counts(%+v) = %v %v, want %v %v", round, f, years, tags, wantYears, wantTags)
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

func refKeeps(p paper.Paper, f Filter) bool {
	if f.Year != "" && Year(p) != f.Year {
		return false
	}
	for _, t := range f.Tags {
		if !slices.Contains(p.Tags, t) {
			return false
		}
	}
	return true
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

// refCounts counts on strings: a year by the hits that pass f with that
// year instead, a tag by the tag occurrences among the results, and a
// chosen tag by the results.
func refCounts(ps []paper.Paper, hits []search.Hit, f Filter) (years, tags []Count) {
	yearN := map[string]int{}
	tagN := map[string]int{}
	results := 0
	for _, h := range hits {
		p := ps[h.Paper]
		if y := Year(p); y != "" && refKeeps(p, Filter{Year: y, Tags: f.Tags}) {
			yearN[y]++
		}
		if refKeeps(p, f) {
			results++
			for _, t := range p.Tags {
				tagN[t]++
			}
		}
	}
	for _, t := range f.Tags {
		tagN[t] = results
	}
	for y, n := range yearN {
		years = append(years, Count{y, n})
	}
	for t, n := range tagN {
		tags = append(tags, Count{t, n})
	}
	slices.SortFunc(years, func(a, b Count) int { return strings.Compare(b.Value, a.Value) })
	slices.SortFunc(tags, func(a, b Count) int {
		if a.N != b.N {
			return b.N - a.N
		}
		return strings.Compare(a.Value, b.Value)
	})
	return years, tags
}

func TestDated(t *testing.T) {
	if !New(papers).Dated() {
		t.Error("a list with dates is not dated")
	}
	if New([]paper.Paper{{ID: "x", Title: "undated"}}).Dated() || New(nil).Dated() {
		t.Error("a list without dates is dated")
	}
}
