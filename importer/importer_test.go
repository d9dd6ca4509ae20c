package importer

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

func TestDetect(t *testing.T) {
	cases := []struct {
		name, in string
		want     Format
	}{
		{"widget object", `{"papers": []}`, JSON},
		{"widget array", `[{"id": "a", "title": "A", "authors": ["X"]}]`, JSON},
		{"widget array with type", `[{"id": "a", "title": "A", "type": "x", "authors": ["X"]}]`, JSON},
		{"bare minimal widget array", `[{"id": "a", "title": "A"}]`, JSON},
		{"broken JSON", `[{"id": `, JSON},
		{"CSL", `[{"id": "a", "type": "book", "title": "A"}]`, CSL},
		{"CSL by author objects", "\xef\xbb\xbf" + `[{"author": [{"family": "F"}], "title": "A"}]`, CSL},
		{"atom", `<?xml version="1.0"?><feed/>`, Arxiv},
		{"bibtex", "% comment\n@article{a, title={A}}", BibTeX},
		{"front matter bibtex", "---\n---\n\n  @InProceedings (a, title={A})", BibTeX},
		{"papers page", "Mar 11\nA Title\nAn abstract mentioning @article{x} inline.", PapersPage},
	}
	for _, c := range cases {
		if got := Detect([]byte(c.in)); got != c.want {
			t.Errorf("%s: Detect = %q, want %q", c.name, got, c.want)
		}
	}
	for _, f := range []struct {
		path string
		want Format
	}{{"testdata/pubs.bib", BibTeX}, {"testdata/zotero.json", CSL}, {"testdata/arxiv.xml", Arxiv},
		{"../data/papers-page.txt", PapersPage}, {"../data/papers.json", JSON}} {
		data, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(data); got != f.want {
			t.Errorf("%s: Detect = %q, want %q", f.path, got, f.want)
		}
	}
}

// Whatever the importer returns must load in the widget unchanged: the
// list survives JSON and paper.Decode whole, with no problem reported.
func TestImportsRoundTrip(t *testing.T) {
	for _, path := range []string{"testdata/pubs.bib", "testdata/zotero.json", "testdata/arxiv.xml",
		"../data/papers-page.txt", "../data/papers.json"} {
		t.Run(path, func(t *testing.T) {
			l, _, err := File(path, "")
			if err != nil {
				t.Fatal(err)
			}
			roundTrip(t, l)
		})
	}
	l, _, err := Import([]string{"testdata/pubs.bib", "testdata/zotero.json", "testdata/arxiv.xml", "../data/papers-page.txt"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, l)
}

func roundTrip(t *testing.T, l paper.List) {
	t.Helper()
	data, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	back, problems, err := paper.Decode(data)
	if err != nil || len(problems) > 0 {
		t.Fatalf("decode: %v %v", err, problems)
	}
	if len(l.Papers) == 0 || !reflect.DeepEqual(back, l) {
		t.Errorf("round trip changed the list:\n%+v\n%+v", l, back)
	}
}

func TestUnknownFormat(t *testing.T) {
	_, _, err := Parse("x", []byte("x"), "ris")
	if want := `x: unknown format "ris" (want one of bibtex, csl-json, arxiv, json, papers-page)`; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}
