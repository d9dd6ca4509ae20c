package importer

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/paperwidget/paperwidget/paper"
)

// fuzzParse checks what every parser promises on any input: no panic, and
// a list the widget loads without a single problem.
func fuzzParse(t *testing.T, format Format, data []byte) {
	type result struct {
		l   paper.List
		err error
	}
	done := make(chan result, 1)
	go func() {
		l, _, err := Parse("fuzz", data, format)
		done <- result{l, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("Parse of %d bytes still running after 5s", len(data))
	}
	l, err := r.l, r.err
	if err != nil {
		return
	}
	out, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	if _, problems, err := paper.Decode(out); err != nil || len(problems) > 0 {
		t.Fatalf("imported list does not load: %v %v", err, problems)
	}
}

func seed(f *testing.F, paths ...string) {
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

func FuzzBibTeX(f *testing.F) {
	seed(f, "testdata/pubs.bib", "testdata/realworld/alfolio-papers.bib", "testdata/realworld/jabref-library.bib")
	for _, s := range []string{
		strings.Repeat("@string{a = a # a}\n", 12) + "@misc{k, title = a}", "@a@a@a@a@misc{k, title={T}}",
		"@book{a, title={A}, crossref={b}}@book{b, title={B}, crossref={a}}@misc{c, title={C}, crossref={a}}",
		`@string{a = "x" # b}@misc{k, title = a # {\"{\i}} # "{"}", author = {A, B and C}, crossref = k}`,
		"@misc(k, title = {\\v\\'{x}--~$\\alpha$}, year = 2020, month = 13, date = {2020-02/})",
		"---\n@misc{k,\n@misc{", `@comment(x)@preamble{"a" # b}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, BibTeX, data) })
}

func FuzzCSL(f *testing.F) {
	seed(f, "testdata/zotero.json")
	f.Add([]byte(`[{"id": 1, "title": "T", "issued": {"date-parts": [["2020", 2, 30]]}, "author": [{}], "URL": "http://arxiv.org/abs/hep-th/9901001"}]`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, CSL, data) })
}

func FuzzArxiv(f *testing.F) {
	seed(f, "testdata/arxiv.xml")
	f.Add([]byte(`<feed><entry><id>http://arxiv.org/abs/1234.5678</id><title> T </title><published>2020</published></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, Arxiv, data) })
}

func FuzzPapersPage(f *testing.F) {
	seed(f, "../data/papers-page.txt")
	f.Add([]byte("Mar 11\nTitle\n\nAbstract.\nTitle\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, PapersPage, data) })
}
