package search

import (
	"testing"

	synthlist "github.com/paperwidget/paperwidget/bench/synth"
	"github.com/paperwidget/paperwidget/paper"
)

// loadSeed reads the bundled list, data/papers.json (the seed papers page,
// converted and checked against its text by the importer's tests).
func loadSeed(tb testing.TB) []paper.Paper {
	tb.Helper()
	papers, err := synthlist.Seed("../data/papers.json")
	if err != nil {
		tb.Fatal(err)
	}
	return papers
}
