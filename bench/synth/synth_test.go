package synth

import (
	"encoding/json"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

func TestDeterministicAndValid(t *testing.T) {
	seed, err := Seed("../../data/papers.json")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(Generate(seed, 500))
	c, _ := json.Marshal(Generate(seed, 500))
	if string(a) != string(c) {
		t.Fatal("two lists from the same seed differ")
	}
	l, problems, err := paper.Decode(a)
	if err != nil || len(problems) > 0 || len(l.Papers) != 500 {
		t.Fatalf("decoding the list: %d papers, %v, %v", len(l.Papers), problems, err)
	}
}
