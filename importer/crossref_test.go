package importer

import (
	"reflect"
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

func TestCrossref(t *testing.T) {
	for _, c := range []struct {
		name, in string
		papers   []string // key|title|venue|date|doi
		warnings []string
	}{
		{"an article named by a crossref is still a paper",
			`@article{orig, title = {The Original}, journal = {J. Orig.}, year = 1990, doi = {10.1/orig}}
@article{reply, title = {A Reply}, crossref = {orig}}`,
			[]string{"orig|The Original|J. Orig.|1990|10.1/orig", "reply|A Reply|J. Orig.|1990|"}, nil},
		{"a book named by chapters is their container; a book nobody names is a paper",
			`@incollection{ch1, title = {Origins}, chapter = 1, crossref = {hb}}
@incollection{ch2, title = {Methods}, chapter = 2, crossref = {hb}}
@book{hb, title = {The Handbook}, year = 2019, publisher = {Press}, doi = {10.1/hb}, abstract = {About the book.}}
@book{mono, title = {Our Monograph}, year = 2021}`,
			[]string{"ch1|Origins|The Handbook|2019|", "ch2|Methods|The Handbook|2019|", "mono|Our Monograph||2021|"}, nil},
		{"inheritance goes through levels",
			`@inproceedings{p, title = {P}, crossref = {vol2}}
@proceedings{vol2, title = {Proc. Vol. 2}, crossref = {series}}
@mvproceedings{series, title = {The Series}, year = 2001, publisher = {Pub}}`,
			[]string{"p|P|Proc. Vol. 2|2001|"}, nil},
		{"a loop is reported and both are kept",
			`@inproceedings{a, title = {A}, crossref = {b}}
@proceedings{b, title = {B}, year = 2000, crossref = {a}}`,
			[]string{"a|A|||", "b|B||2000|"},
			[]string{`x.bib:1: crossref loop "a" (line 1) -> "b" (line 2) -> "a": nothing inherited along it; each is listed as a paper`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			l, warnings, err := Parse("x.bib", []byte(c.in), BibTeX)
			if got, want := listing(l), strings.Join(c.papers, "\n"); err != nil || got != want {
				t.Errorf("papers (%v)\n%s\nwant\n%s", err, got, want)
			}
			if w := warningStrings(warnings); !reflect.DeepEqual(w, c.warnings) {
				t.Errorf("warnings %q, want %q", w, c.warnings)
			}
		})
	}
}

// listing writes a paper a line: its DOI's last part (else its id), title,
// venue, date and DOI.
func listing(l paper.List) string {
	var b strings.Builder
	for i, p := range l.Papers {
		key := p.ID
		if p.DOI != "" {
			key = strings.TrimPrefix(p.DOI, "10.1/")
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Join([]string{key, p.Title, p.Venue, p.Date, p.DOI}, "|"))
	}
	return b.String()
}

// The copied entry of a chapter holds its book's fields, not its
// crossref, nor the book's DOI and abstract.
func TestCrossrefInlinedInCopy(t *testing.T) {
	l, _, err := Parse("x.bib", []byte(`@string{cup = {Cambridge University Press}}
@InCollection{ch1, Title = {Origins}, Chapter = 1, Pages = {1--20}, Crossref = {hb}, Author = {Roe, R.}, timestamp = {2020-01-01}}
@book{hb, title = {The Handbook}, editor = {Doe, Jane}, year = 2019, month = mar, publisher = cup, doi = {10.1/hb}, abstract = {About the book.}, abbr = {HB}}`), BibTeX)
	if err != nil {
		t.Fatal(err)
	}
	want := `@incollection{ch1,
  title = {Origins},
  chapter = {1},
  pages = {1--20},
  author = {Roe, R.},
  booktitle = {The Handbook},
  editor = {Doe, Jane},
  year = {2019},
  month = mar,
  publisher = {Cambridge University Press},
}`
	if len(l.Papers) != 1 || l.Papers[0].Bibtex != want {
		t.Fatalf("%+v\nwant bibtex\n%s", l.Papers, want)
	}
	standsAlone(t, l.Papers[0])
}

// A file pasted into itself (or an entry copied twice) repeats entries
// whole: they are listed once, without a word. A repeated key with other
// fields is reported, as BibTeX does.
func TestExactDuplicateFoldsQuietly(t *testing.T) {
	entry := "@article{k, title = {T}, author = {Roe, R.}, year = 2020}\n"
	l, warnings, err := Parse("x.bib", []byte(entry+entry+"@article{k, title = {T}, year = 2021}"), BibTeX)
	if err != nil || len(l.Papers) != 2 || l.Papers[1].ID != "k-2" {
		t.Fatalf("%v %+v", err, l.Papers)
	}
	if w := warningStrings(warnings); len(w) != 1 || w[0] != `x.bib:3: entry "k": id "k" is already used by the paper on line 1; given "k-2"` {
		t.Errorf("warnings %q", w)
	}
}
