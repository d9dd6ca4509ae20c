package widget

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/search"
)

// A field matched thousands of times shows its first maxMarks matches
// highlighted and the rest of its text plain, all of it.
func TestHighlightCapsMarks(t *testing.T) {
	for _, lead := range []string{"", "On "} {
		text := lead + strings.Repeat("hebbian ", 1000)
		var spans []search.Span
		for i := strings.Index(text, "hebbian"); i >= 0 && i < len(text); i += len("hebbian ") {
			spans = append(spans, search.Span{Start: i, End: i + len("hebbian")})
		}
		html := renderNodes(highlight(text, spans))
		if n := strings.Count(html, "<mark>"); n != maxMarks {
			t.Errorf("lead %q: %d marks, want %d", lead, n, maxMarks)
		}
		plain := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(html)
		if plain != text {
			t.Errorf("lead %q: text changed: %d bytes shown of %d", lead, len(plain), len(text))
		}
	}
}

// Under the cap, every match is highlighted, text at even positions and
// marks at odd ones.
func TestHighlightUnderTheCap(t *testing.T) {
	nodes := highlight("hebbian learning, hebbian", []search.Span{{Start: 0, End: 7}, {Start: 18, End: 25}})
	if len(nodes) != 4 {
		t.Fatalf("%d nodes, want 4", len(nodes))
	}
	if got, want := strings.Join(eachNode(nodes), "|"), "|<mark>hebbian</mark>| learning, |<mark>hebbian</mark>"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// eachNode renders nodes one by one.
func eachNode(nodes []app.UI) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = app.HTMLString(n)
	}
	return out
}

func renderNodes(nodes []app.UI) string { return strings.Join(eachNode(nodes), "") }
