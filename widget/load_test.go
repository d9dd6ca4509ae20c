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
// makes of a fetched list: streamed, a large list's abstracts compressed
// yet read back and searched as Decode's; with problems or broken JSON,
// read whole, with Decode's very messages.
func TestLoadStreamsListsAndLeavesProblemsToDecode(t *testing.T) {
	seed, err := synth.Seed("../data/papers.json")
	if err != nil {
		t.Fatal(err)
	}
	large, err := json.Marshal(synth.Generate(seed, 1500))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file       string
		compressed bool
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
		list, problems, index, err := load(bytes.NewReader(data), len(data), nil)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || !reflect.DeepEqual(problems, wantProblems) {
			t.Errorf("%s: load reports %v, %v; Decode %v, %v", c.file, err, problems, wantErr, wantProblems)
			continue
		}
		if len(list.Papers) != len(want.Papers) || index.Len() != len(want.Papers) {
			t.Errorf("%s: %d papers (%d indexed), Decode reads %d", c.file, len(list.Papers), index.Len(), len(want.Papers))
			continue
		}
		held := 0
		for i := range list.Papers {
			got, w := &list.Papers[i], &want.Papers[i]
			if got.Abstract == "" && got.HasAbstract() {
				held++
			}
			if got.ID != w.ID || got.Title != w.Title || got.AbstractText() != w.Abstract {
				t.Errorf("%s: papers[%d] is %q %q %q, Decode reads %q %q %q", c.file, i, got.ID, got.Title, got.AbstractText(), w.ID, w.Title, w.Abstract)
			}
		}
		if compressed := held > 0; compressed != c.compressed {
			t.Errorf("%s: %d abstracts stored compressed, want compressed %v", c.file, held, c.compressed)
		}
		ref := search.New(want.Papers)
		for _, q := range []string{"learning", "spiking neural", "plasticity", "hebbian rule", "cafe"} {
			if got, w := index.Search(q), ref.Search(q); !reflect.DeepEqual(got, w) {
				t.Errorf("%s, %q: hits %v, Decode's list gives %v", c.file, q, got, w)
			}
			hits := index.Search(q)
			if got, w := index.Spans(q, hits, nil), ref.Spans(q, hits, nil); !reflect.DeepEqual(got, w) {
				t.Errorf("%s, %q: highlights %v, Decode's list gives %v", c.file, q, got, w)
			}
		}
	}
}
