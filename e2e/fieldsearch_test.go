package e2e

import (
	"slices"
	"testing"
)

// TestFieldAndPhraseSearch types into the widget what people type besides
// title words: a venue's short form for a venue spelled out, a year, an
// author without accents, an arXiv id, a DOI prefix, a quoted phrase.
func TestFieldAndPhraseSearch(t *testing.T) {
	p := newPage(t)
	p.open("?src=/fixtures/fields.json")
	p.waitCount(5)
	for _, tc := range []struct {
		query string
		want  []string // the papers found, in any order
	}{
		{"neurips", []string{"moe2025", "sparse2023"}},
		{"icml 2025", []string{"snn2025"}},
		{"garcia 2025", []string{"moe2025", "snn2025"}},
		{"2501.01234", []string{"moe2025"}},
		{"10.1038/s42256", []string{"cortex2022", "nmi2024"}},
		{"spiking neural", []string{"cortex2022", "snn2025"}},
		{`"spiking neural"`, []string{"snn2025"}},
		{`"spiking units"`, []string{"cortex2022"}},
	} {
		p.typeQuery(tc.query)
		p.waitCount(len(tc.want))
		if got := slices.Sorted(slices.Values(p.rowIDs())); !slices.Equal(got, tc.want) {
			t.Errorf("%s: rows %v, want %v", tc.query, got, tc.want)
		}
	}
	p.noConsoleErrors()
}
