package facet

import (
	"slices"
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
		hits[i] = search.Hit{Paper: i}
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
	}
	for _, c := range cases {
		if got := ids(Apply(papers, all(), c.f)); !slices.Equal(got, c.want) {
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
	for _, c := range cases {
		hits := all()
		Sort(papers, hits, c.o)
		if got := ids(hits); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.o, got, c.want)
		}
	}
	if ParseOrder("newest") != Newest || ParseOrder("x") != Relevance || ParseOrder("") != Relevance {
		t.Error("ParseOrder")
	}
}

func TestCountsAreWhatChoosingWouldLeave(t *testing.T) {
	years, tags := Counts(papers, all(), Filter{})
	if want := []Count{{"2024", 2}, {"2023", 2}}; !slices.Equal(years, want) {
		t.Errorf("years %v, want %v", years, want)
	}
	if want := []Count{{"snn", 3}, {"vision", 2}}; !slices.Equal(tags, want) {
		t.Errorf("tags %v, want %v", tags, want)
	}
	// With snn chosen, years count snn papers; vision counts snn+vision.
	years, tags = Counts(papers, all(), Filter{Tags: []string{"snn"}})
	if want := []Count{{"2024", 1}, {"2023", 2}}; !slices.Equal(years, want) {
		t.Errorf("years with snn %v, want %v", years, want)
	}
	if want := []Count{{"snn", 3}, {"vision", 1}}; !slices.Equal(tags, want) {
		t.Errorf("tags with snn %v, want %v", tags, want)
	}
}
