package search

import (
	"os"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

// loadSeed reads the bundled list, data/papers.json (the seed papers page,
// converted and checked against its text by the importer's tests).
func loadSeed(tb testing.TB) []paper.Paper {
	tb.Helper()
	b, err := os.ReadFile("../data/papers.json")
	if err != nil {
		tb.Fatal(err)
	}
	l, problems, err := paper.Decode(b)
	if err != nil || len(problems) > 0 {
		tb.Fatalf("data/papers.json: %v %v", err, problems)
	}
	return l.Papers
}
