package paper

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// streamFixtures are lists as the build writes them: Stream must take them
// whole, in any window.
var streamFixtures = []string{"../data/papers.json", "../e2e/testdata/good.json", "../e2e/testdata/unicode-text.json"}

// TestStreamMatchesDecode checks Stream against Decode on every case of the
// fast decoder's test and on the fixtures, with windows from one byte up so
// that a window ends at every place in a list: what Stream takes must be
// exactly what Decode reads, and anything Decode reports a problem in must
// be left to it.
func TestStreamMatchesDecode(t *testing.T) {
	cases := append([]string{}, fastCases...)
	for _, f := range streamFixtures {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, string(b))
		if !checkStream(t, string(b), streamWindow, compressFrom) {
			t.Errorf("%s: not streamed", f)
		}
	}
	for _, c := range cases {
		for _, w := range []int{1, 2, 3, 5, 16, 100, 4096} {
			checkStream(t, c, w, 0)
			checkStream(t, c, w, len(c)+1)
		}
	}
}

// checkStream streams doc through a window of w bytes, compressing the
// abstracts of lists from compress bytes, and reports whether Stream took
// it, failing t if what it took differs from Decode's list.
func checkStream(t *testing.T, doc string, w, compress int) bool {
	t.Helper()
	type seen struct {
		id, abstract string
	}
	var each []seen
	src := strings.NewReader(doc)
	list, ok := stream(src, len(doc), w, compress, nil, func(p *Paper, abstract string) {
		each = append(each, seen{p.ID, strings.Clone(abstract)})
	})
	want, problems, err := Decode([]byte(doc))
	if !ok {
		return false
	}
	if err != nil || len(problems) > 0 {
		t.Fatalf("window %d, %.80q: streamed a list Decode reports (%v, %v)", w, doc, err, problems)
	}
	var got []seen
	for i := range list.Papers {
		p := &list.Papers[i]
		got = append(got, seen{p.ID, p.AbstractText()})
		if p.HasAbstract() != (p.AbstractText() != "") || p.HasAbstract() && (len(doc) >= compress) != (p.Abstract == "") {
			t.Fatalf("window %d, %.80q: papers[%d] has the abstract %q, held %v", w, doc, i, p.Abstract, p.HasAbstract())
		}
		p.Abstract, p.held = p.AbstractText(), held{}
	}
	if !reflect.DeepEqual(list, want) {
		t.Fatalf("window %d, %.80q:\nstream %+v\ndecode %+v", w, doc, list, want)
	}
	if !reflect.DeepEqual(each, got) {
		t.Fatalf("window %d, %.80q: each saw %q, the list holds %q", w, doc, each, got)
	}
	return true
}

// TestStreamCompressesLargeListsAbstracts checks the point of streaming a
// large list: its abstracts take a fraction of their size, and each reads
// back exactly, in any order and from concurrent searches.
func TestStreamCompressesLargeListsAbstracts(t *testing.T) {
	seed, _, err := Decode(mustRead(t, "../data/papers.json"))
	if err != nil {
		t.Fatal(err)
	}
	var big List
	raw := 0
	for i := 0; raw < compressFrom; i++ {
		p := seed.Papers[i%len(seed.Papers)]
		p.ID = fmt.Sprintf("%s-%d", p.ID, i)
		big.Papers = append(big.Papers, p)
		raw += len(p.Abstract)
	}
	doc, err := json.Marshal(big)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := Stream(bytes.NewReader(doc), len(doc), nil, func(*Paper, string) {})
	if !ok || len(got.Papers) != len(big.Papers) {
		t.Fatalf("streamed %v, %d papers of %d", ok, len(got.Papers), len(big.Papers))
	}
	store := got.Papers[0].held.store
	stored := 0
	for _, b := range store.blocks {
		stored += len(b)
	}
	if stored*3 > raw*2 {
		t.Errorf("abstracts stored in %d bytes for %d", stored, raw)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(g), 1))
			for range 300 {
				i := r.IntN(len(got.Papers))
				if p := &got.Papers[i]; p.Abstract != "" || p.AbstractText() != big.Papers[i].Abstract {
					t.Errorf("papers[%d]: abstract %q held as %q, want %q", i, p.AbstractText(), p.Abstract, big.Papers[i].Abstract)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func FuzzStream(f *testing.F) {
	for _, c := range fastCases {
		f.Add(c, 3)
	}
	f.Fuzz(func(t *testing.T, doc string, w int) {
		checkStream(t, doc, 1+max(w, -w)%64, w%2*len(doc))
	})
}
