package synth

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

func TestDeterministicAndValid(t *testing.T) {
	b, err := os.ReadFile("../../data/papers.json")
	if err != nil {
		t.Fatal(err)
	}
	seed, _, err := paper.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(Generate(seed.Papers, 500))
	c, _ := json.Marshal(Generate(seed.Papers, 500))
	if string(a) != string(c) {
		t.Fatal("two lists from the same seed differ")
	}
	l, problems, err := paper.Decode(a)
	if err != nil || len(problems) > 0 || len(l.Papers) != 500 {
		t.Fatalf("decoding the list: %d papers, %v, %v", len(l.Papers), problems, err)
	}
}
