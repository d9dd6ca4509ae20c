package widget

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/paperwidget/paperwidget/bench/synth"
	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

// TestLoadStreamsListsAndLeavesProblemsToDecode checks what the browser
// makes of a fetched list: a large one streamed, its abstracts read back,
// then compressed, and searched as Decode's; a small one, or one with
// problems or broken JSON, read whole, with Decode's very messages.
func TestLoadStreamsListsAndLeavesProblemsToDecode(t *testing.T) {
	seed, err := synth.Seed("../data/papers.json")
	if err != nil {
		t.Fatal(err)
	}
	large, err := json.Marshal(synth.Generate(seed, 1000))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file     string
		streamed bool
	}{
		{"../data/papers.json", false},
		{"../e2e/testdata/unicode-text.json", false},
		{"../e2e/testdata/invalid.json", false},
		{"../e2e/testdata/malformed.json", false},
		{"synthetic", true},
	} {
		data := large
		if c.file != "synthetic" {
			if data, err = os.ReadFile(c.file); err != nil {
				t.Fatal(err)
			}
		}
		want, wantProblems, wantErr := paper.Decode(data)
		list, abstracts, problems, index, err := load(bytes.NewReader(data), len(data), nil)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || !reflect.DeepEqual(problems, wantProblems) {
			t.Errorf("%s: load reports %v, %v; Decode %v, %v", c.file, err, problems, wantErr, wantProblems)
			continue
		}
		if (abstracts != nil) != c.streamed {
			t.Errorf("%s: streamed %v, want %v", c.file, abstracts != nil, c.streamed)
		}
		if len(list.Papers) != len(want.Papers) || index.Len() != len(want.Papers) {
			t.Errorf("%s: %d papers (%d indexed), Decode reads %d", c.file, len(list.Papers), index.Len(), len(want.Papers))
			continue
		}
		check := func(stage string) {
			for i := range list.Papers {
				got, w := &list.Papers[i], &want.Papers[i]
				if got.ID != w.ID || got.Title != w.Title || got.AbstractText() != w.Abstract {
					t.Fatalf("%s, %s: papers[%d] is %q %q %q, Decode reads %q %q %q", c.file, stage, i, got.ID, got.Title, got.AbstractText(), w.ID, w.Title, w.Abstract)
				}
			}
			ref := search.New(want.Papers)
			for _, q := range []string{"learning", "spiking neural", "plasticity", "hebbian rule", "cafe"} {
				hits := index.Search(q)
				if w := ref.Search(q); !reflect.DeepEqual(hits, w) {
					t.Errorf("%s, %s, %q: hits %v, Decode's list gives %v", c.file, stage, q, hits, w)
				}
				if got, w := index.Spans(q, hits, nil), ref.Spans(q, hits, nil); !reflect.DeepEqual(got, w) {
					t.Errorf("%s, %s, %q: highlights %v, Decode's list gives %v", c.file, stage, q, got, w)
				}
			}
		}
		check("loaded")
		if abstracts != nil {
			for !abstracts.Compress(func() bool { return true }) {
			}
			check("compressed")
		}
	}
}
