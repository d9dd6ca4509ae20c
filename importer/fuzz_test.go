package importer

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

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
	seed(f, "testdata/pubs.bib", "testdata/exports/zotero-bbt.bib", "testdata/exports/dblp.bib", "testdata/exports/jabref.bib",
		"testdata/merging/alfolio-papers.bib", "testdata/merging/jabref-library.bib")
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
	seed(f, "testdata/zotero.json", "testdata/exports/zotero-csl.json")
	f.Add([]byte(`[{"id": 1, "title": "T", "issued": {"date-parts": [["2020", 2, 30]]}, "author": [{}], "URL": "http://arxiv.org/abs/hep-th/9901001"}]`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, CSL, data) })
}

func FuzzArxiv(f *testing.F) {
	seed(f, "testdata/arxiv.xml", "testdata/exports/arxiv-api.xml")
	f.Add([]byte(`<feed><entry><id>http://arxiv.org/abs/1234.5678</id><title> T </title><published>2020</published></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, Arxiv, data) })
}

func FuzzPapersPage(f *testing.F) {
	seed(f, "../data/papers-page.txt")
	f.Add([]byte("Mar 11\nTitle\n\nAbstract.\nTitle\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, PapersPage, data) })
}

// FuzzLatex checks the LaTeX converter alone: no panic, valid UTF-8 out,
// and time linear in its input (hostile nesting once took exponential time).
func FuzzLatex(f *testing.F) {
	for _, s := range []string{
		`{\"o}\~\^e \'{\i} {\sc Adl} {\em With\/} \enquote{a \enquote{b}} 3\textsuperscript{rd}`,
		`5\({}^{\mbox{th}}\) $\langle$111$\rangle$ $x^{2}_{i}$ \cite[p.~3]{k} \href{u}{t} \url{a~b} \foo{x}`,
		`\~\~\~\~\~\~\~\~e \"{\"{\"{o}}} {{{ }}} \v{} \'`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		done := make(chan string, 1)
		go func() { done <- Latex(s) }()
		select {
		case out := <-done:
			if !utf8.ValidString(out) && utf8.ValidString(s) {
				t.Fatalf("Latex(%q) = %q, not UTF-8", s, out)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Latex of %d bytes still running after 5s", len(s))
		}
	})
}
