package paper

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
		if !checkStream(t, string(b), streamWindow) {
			t.Errorf("%s: not streamed", f)
		}
	}
	for _, c := range cases {
		for _, w := range []int{1, 2, 3, 5, 16, 100, 4096} {
			checkStream(t, c, w)
		}
	}
}

// checkStream streams doc through a window of w bytes and reports whether
// Stream took it, failing t if what it took differs from Decode's list,
// with its abstracts read from doc, then compressed a block at a time.
func checkStream(t *testing.T, doc string, w int) bool {
	t.Helper()
	type seen struct {
		id, abstract string
	}
	var each []seen
	src := &closingReader{r: strings.NewReader(doc)}
	list, abstracts, ok := stream(src, len(doc), w, nil, func(p *Paper, abstract string) {
		each = append(each, seen{p.ID, strings.Clone(abstract)})
	})
	want, problems, err := Decode([]byte(doc))
	if !ok {
		return false
	}
	if err != nil || len(problems) > 0 {
		t.Fatalf("window %d, %.80q: streamed a list Decode reports (%v, %v)", w, doc, err, problems)
	}
	read := func() []seen {
		var got []seen
		for i := range list.Papers {
			p := &list.Papers[i]
			got = append(got, seen{p.ID, p.AbstractText()})
			if p.HasAbstract() != (p.AbstractText() != "") || p.Abstract != "" {
				t.Fatalf("window %d, %.80q: papers[%d] has the abstract %q, held %v", w, doc, i, p.Abstract, p.HasAbstract())
			}
		}
		return got
	}
	if got := read(); !reflect.DeepEqual(each, got) {
		t.Fatalf("window %d, %.80q: each saw %q, the list holds %q", w, doc, each, got)
	}
	for blocks := 0; !abstracts.Compress(func() bool { return false }); blocks++ {
		if blocks > len(doc) {
			t.Fatalf("window %d, %.80q: Compress never done", w, doc)
		}
	}
	src.closed = true // no abstract is read from the list any more
	got := read()
	if !reflect.DeepEqual(each, got) {
		t.Fatalf("window %d, %.80q: compressed, each saw %q, the list holds %q", w, doc, each, got)
	}
	for i := range list.Papers {
		list.Papers[i].Abstract, list.Papers[i].held = got[i].abstract, held{}
	}
	if !reflect.DeepEqual(list, want) {
		t.Fatalf("window %d, %.80q:\nstream %+v\ndecode %+v", w, doc, list, want)
	}
	return true
}

// closingReader stops reading once closed.
type closingReader struct {
	r      io.ReaderAt
	closed bool
}

func (c *closingReader) ReadAt(p []byte, off int64) (int, error) {
	if c.closed {
		return 0, errors.New("closed")
	}
	return c.r.ReadAt(p, off)
}

// TestStreamCompressesAbstracts checks the point of streaming a large list:
// its abstracts end up in a fraction of their size, and each reads back
// exactly, in any order, while searches read them concurrently with the
// compression.
func TestStreamCompressesAbstracts(t *testing.T) {
	seed, _, err := Decode(mustRead(t, "../data/papers.json"))
	if err != nil {
		t.Fatal(err)
	}
	var big List
	raw := 0
	for i := 0; raw < 1<<20; i++ {
		p := seed.Papers[i%len(seed.Papers)]
		p.ID = fmt.Sprintf("%s-%d", p.ID, i)
		big.Papers = append(big.Papers, p)
		raw += len(p.Abstract)
	}
	doc, err := json.Marshal(big)
	if err != nil {
		t.Fatal(err)
	}
	got, abstracts, ok := Stream(bytes.NewReader(doc), len(doc), nil, func(*Paper, string) {})
	if !ok || len(got.Papers) != len(big.Papers) {
		t.Fatalf("streamed %v, %d papers of %d", ok, len(got.Papers), len(big.Papers))
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
	blocks := 0
	for !abstracts.Compress(func() bool { blocks++; return blocks%16 != 0 }) {
	}
	wg.Wait()
	stored := 0
	for _, b := range abstracts.blocks {
		stored += len(b)
	}
	if stored*3 > raw*2 || abstracts.src != nil {
		t.Errorf("abstracts stored in %d bytes for %d; list still read: %v", stored, raw, abstracts.src != nil)
	}
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
		checkStream(t, doc, 1+max(w, -w)%64)
	})
}

// TestCompressEndsWhenTheListIsGone checks that compressing stops, rather
// than trying again for ever, once the list's bytes cannot be read.
func TestCompressEndsWhenTheListIsGone(t *testing.T) {
	doc := mustRead(t, "../data/papers.json")
	src := &closingReader{r: bytes.NewReader(doc)}
	_, abstracts, ok := Stream(src, len(doc), nil, func(*Paper, string) {})
	if !ok {
		t.Fatal("not streamed")
	}
	src.closed = true
	if !abstracts.Compress(func() bool { return true }) {
		t.Error("Compress not finished with the list gone")
	}
}
