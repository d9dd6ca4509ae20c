package importer

import (
	"reflect"
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

// standsAlone checks what "copy BibTeX" promises: the copied entry, pasted
// alone into a visitor's file, reads as the same paper (macros expanded,
// crossref inlined), without a warning. Only the lab's own links (al-folio's
// html, relative pdf) are left out of it.
func standsAlone(t *testing.T, p paper.Paper) {
	t.Helper()
	l, warnings, err := Parse("copy.bib", []byte(p.Bibtex), BibTeX)
	if err != nil || len(warnings) > 0 || len(l.Papers) != 1 {
		t.Fatalf("the copied entry does not read alone: %v %v\n%s", err, warnings, p.Bibtex)
	}
	got := l.Papers[0]
	// The site's own fields (selected, code, abbr) are not for a visitor's
	// file.
	got.ID, got.URL, got.PDF, got.Bibtex, got.Code, got.Selected, got.Abbr = p.ID, p.URL, p.PDF, p.Bibtex, p.Code, p.Selected, p.Abbr
	if !reflect.DeepEqual(got, p) {
		t.Errorf("the copied entry reads as\n%+v\nnot\n%+v", got, p)
	}
}

func TestBibTeXFixture(t *testing.T) {
	l, _, err := File("testdata/pubs.bib", "")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		key string
		p   paper.Paper
	}{
		{"mueller2024hebbian", paper.Paper{
			ID:       "10.5555/3666122.3666801",
			Title:    "Neuro-Modulated Hebbian Learning for Fully Test-Time Adaptation",
			Abstract: "We adapt models at test time with a local Hebbian rule — no back-propagation — and reach 92% of the supervised accuracy on ImageNet-C without labels.",
			Authors:  []string{"Jörg Müller", "Ana García-López", "Søren Østergaard", "et al."},
			Date:     "2024-12",
			Venue:    "Proc. Advances in Neural Information Processing Systems",
			PDF:      "https://lab.example.org/papers/mueller2024.pdf",
			DOI:      "10.5555/3666122.3666801",
			Arxiv:    "2403.01234",
			Tags:     []string{"Hebbian learning", "test-time adaptation", "neuromodulation"},
			Abbr:     "NeurIPS",
			Selected: true, // al-folio's selected = {true}
		}},
		{"Dvorak_2024", paper.Paper{
			ID:      "Dvorak_2024",
			Title:   "Škoda, Čapek and the Łódź Corpus: α-Divergences for OCR",
			Authors: []string{"Antonín Dvořák", "Barış Koç", "Văn Nguyễn"},
			Date:    "2024-07",
			Venue:   "Transactions of the ACL",
			URL:     "https://aclanthology.org/2024.tacl-1.7",
		}},
		{"chen2023spiking", paper.Paper{
			ID:      "2310.04567",
			Title:   "Spiking Transformers: A Survey",
			Authors: []string{"Wei Chen", "Barnes and Noble Research"},
			Date:    "2023",
			Arxiv:   "2310.04567",
		}},
		{"smith2023scholar", paper.Paper{
			ID:      "2301.00007",
			Title:   "Learning rates for Straße networks",
			Authors: []string{"John Smith", "Jane Doe"},
			Date:    "2023",
			Venue:   "arXiv preprint arXiv:2301.00007",
			Arxiv:   "2301.00007",
		}},
		{"lee2023workshop", paper.Paper{
			ID:      "lee2023workshop",
			Title:   "Sparse Coding at Scale",
			Authors: []string{"Ha-Eun Lee", "Pieter van der Berg"},
			Date:    "2023-07",
			Venue:   "Proceedings of the 40th International Conference on Machine Learning",
		}},
		{"ftp2022", paper.Paper{
			ID:      "ftp2022",
			Title:   "Odd Links and Unknown Macros",
			Authors: []string{"Richard Roe"},
			Date:    "2022-06-15",
			Venue:   "ecml 2022",
		}},
		{"tex2021", paper.Paper{
			ID:      "tex2021", // the DOI has "<" and ">", which ids may not
			Title:   "The “Accent” Problem in TeX: Étude of å, æ and œ",
			Authors: []string{"Karl Baß", "Ayşe Öztürk"},
			Date:    "2021",
			Venue:   "J. Typogr.",
			DOI:     "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O",
		}},
	}
	if len(l.Papers) != len(want) {
		t.Fatalf("%d papers, want %d: %+v", len(l.Papers), len(want), l.Papers)
	}
	for i, w := range want {
		t.Run(w.key, func(t *testing.T) {
			got := l.Papers[i]
			if w.key != "ftp2022" { // its unknown macro is kept as a word
				standsAlone(t, got)
			}
			if !strings.HasPrefix(got.Bibtex, "@") || !strings.Contains(got.Bibtex, "{"+w.key+",\n") {
				t.Errorf("bibtex of %s:\n%s", w.key, got.Bibtex)
			}
			got.Bibtex = ""
			if !reflect.DeepEqual(got, w.p) {
				t.Errorf("got  %+v\nwant %+v", got, w.p)
			}
		})
	}
}

func TestBibTeXFixtureWarnings(t *testing.T) {
	_, warnings, err := File("testdata/pubs.bib", "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`pubs.bib:74: entry "broken2023": missing title; skipped`,
		`pubs.bib:80: entry "ftp2022": url: "ftp://files.example.org/roe.pdf" is not an http(s) link; field left out`,
		`pubs.bib:83: entry "ftp2022": field booktitle: unknown macro "ecml" (no @string defines it above); kept as written`,
		`pubs.bib:97: entry "unterminated2020": unterminated (no closing '}' before the end of the file); skipped`,
	}
	if got := warningStrings(warnings); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	skipped := 0
	for _, w := range warnings {
		if w.Skipped {
			skipped++
		}
	}
	if skipped != 2 {
		t.Errorf("%d warnings mark skipped entries, want 2", skipped)
	}
}

func warningStrings(ws []Warning) []string {
	var s []string
	for _, w := range ws {
		s = append(s, w.String())
	}
	return s
}

// Small files, each about one rule of the grammar: the papers read (as
// "id|title|venue") and the warnings.
func TestBibTeXGrammar(t *testing.T) {
	cases := []struct {
		name, in string
		papers   []string
		warnings []string
	}{
		{"parentheses and concatenation",
			"@string(pre = \"Proc. \")\n@Article(k1, Title = \"A \" # {B} # \" C\", journal = pre # 42 # {nd} # \" \" # Sep)",
			[]string{"k1|A B C|Proc. 42nd September"}, nil},
		{"trailing comma, no fields, no key",
			"@misc{k2, title={T2},}\n@misc{k3}\n@misc{, title = {No key}}",
			[]string{"k2|T2|", "no-key|No key|"},
			[]string{`x.bib:2: entry "k3": missing title; skipped`}},
		{"quotes inside braces and braces inside quotes",
			`@misc{k4, title = "A {"quoted"} {\"u}ber {B{C}}"}`,
			[]string{`k4|A "quoted" über BC|`}, nil},
		{"comments and junk between and inside entries",
			"Intro text with mail@example.org in it.\n% @misc{commented, title={No}}\n@misc{k5, % the key\n  title = {T5}, % why\n  % note = {x},\n}\n@comment{a {nested} comment}",
			[]string{"k5|T5|"}, nil},
		{"front matter with an at sign",
			"---\nlayout: bib\nauthor: me@example.org\n---\n@misc{k6, title={T6}}",
			[]string{"k6|T6|"}, nil},
		{"repeated field keeps the first",
			"@misc{k7, title={First}, TITLE={Second}}",
			[]string{"k7|First|"},
			[]string{`x.bib:1: entry "k7": field title given twice; the first is kept`}},
		{"missing equals skips only that entry",
			"@misc{k8, title {T8}}\n@misc{k9, title={T9}}",
			[]string{"k9|T9|"},
			[]string{`x.bib:1: entry "k8" (line 1): expected '=', found "{T8}}"; skipped`}},
		{"unterminated entry before the next one",
			"@misc{k10, title={T10},\n  abstract = {Lost its brace.\n\n@misc{k11, title={T11}}",
			[]string{"k11|T11|"},
			[]string{`x.bib:1: entry "k10": unterminated (no closing '}' before the next entry on line 4); skipped`}},
		{"unterminated between fields",
			"@misc{k12, title={T12}\n@misc{k13, title={T13}}",
			[]string{"k13|T13|"},
			[]string{`x.bib:1: entry "k12": unterminated (no closing '}' before the next entry on line 2); skipped`}},
		{"unbalanced brace in quotes",
			"@misc{k14, title = \"A } B\"}\n@misc{k15, title={T15}}",
			[]string{"k15|T15|"},
			[]string{`x.bib:1: entry "k14" (line 1): unbalanced "}" in a quoted value; skipped`}},
		{"crossref to a missing entry",
			"@inproceedings{k16, title={T16}, crossref={nowhere}}",
			[]string{"k16|T16|"},
			[]string{`x.bib:1: entry "k16": crossref "nowhere" names no other entry of this file; nothing inherited`}},
		{"duplicate keys get distinct ids",
			"@misc{k17, title={A}}\n@misc{k17, title={B}}",
			[]string{"k17|A|", "k17-2|B|"},
			[]string{`x.bib:2: entry "k17": id "k17" is already used by the paper on line 1; given "k17-2"`}},
		{"bad year and month",
			"@misc{k18, title={T18}, year={in press}}\n@misc{k19, title={T19}, year=2020, month={Smarch}}",
			[]string{"k18|T18|", "k19|T19|"},
			[]string{`x.bib:1: entry "k18": year "in press" is not a year; no date`,
				`x.bib:2: entry "k19": month "Smarch" is not a month; the date keeps the year only`}},
		{"eprint that is no arXiv id",
			"@misc{k20, title={T20}, eprint={hal-0123}, archiveprefix={arXiv}}",
			[]string{"k20|T20|"},
			[]string{`x.bib:1: entry "k20": "hal-0123" is not an arXiv id (2403.01234 or hep-th/9901001); left out`}},
		{"key with characters ids refuse",
			`@misc{a"b, title={Quoted Key}}`,
			[]string{"quoted-key|Quoted Key|"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, warnings, err := Parse("x.bib", []byte(c.in), BibTeX)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range l.Papers {
				got = append(got, p.ID+"|"+p.Title+"|"+p.Venue)
			}
			if !reflect.DeepEqual(got, c.papers) {
				t.Errorf("papers %q, want %q", got, c.papers)
			}
			if ws := warningStrings(warnings); !reflect.DeepEqual(ws, c.warnings) {
				t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(ws, "\n"), strings.Join(c.warnings, "\n"))
			}
		})
	}
}

func TestBibTeXFieldValues(t *testing.T) {
	in := `@article{k,
  title = {T},
  author = {von Neumann, Jr., John and AND and Last, First and Plato and {\relax Ch}ristopher Smith and others},
  date = {2019-05},
  year = {1900},
  doi = {doi: 10.1000/XYZ},
  url = {\url{https://example.org/a\_b\%20c}},
  html = {https://ignored.example.org/},
  keywords = {a;b ; ;  A, c},
  eprint = {https://arxiv.org/abs/1706.03762v5}, eprinttype = {arxiv},
}`
	l, warnings, err := Parse("x.bib", []byte(in), "")
	if err != nil || len(warnings) > 0 {
		t.Fatal(err, warnings)
	}
	got := l.Papers[0]
	want := paper.Paper{
		ID:      "10.1000/XYZ",
		Title:   "T",
		Authors: []string{"John von Neumann Jr.", "AND", "First Last", "Plato", "Christopher Smith", "et al."},
		Date:    "2019-05",
		URL:     "https://example.org/a_b%20c",
		DOI:     "10.1000/XYZ",
		Arxiv:   "1706.03762",
		Tags:    []string{"a", "b", "A, c"}, // semicolons separate, so the comma is part of a tag
		// One field a line, white space collapsed, al-folio's html dropped.
		Bibtex: strings.NewReplacer("  html = {https://ignored.example.org/},\n", "", ";  A", "; A",
			"}, eprinttype", "},\n  eprinttype").Replace(in),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestBibTeXFatalErrors(t *testing.T) {
	for name, c := range map[string]struct{ in, want string }{
		"not UTF-8": {"@misc{a, title={ok}}\n@misc{b, title={M\xfcller}}", "x.bib:2: not UTF-8 text"},
		"nothing":   {"just text, no entries", "x.bib: no BibTeX entries found"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := Parse("x.bib", []byte(c.in), BibTeX)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("err = %v, want it to start with %q", err, c.want)
			}
		})
	}
}

func TestKeywordsAndSubtitles(t *testing.T) {
	src := `@article{endnote, title = {A}, keywords = {Neurons, Afferent
Action potentials
  Animals}}
@article{medline, title = {B}, keywords = {Action Potentials, physiology; Animals; {\"O}dema}}
@article{jabref, title = {B2}, keywords = {spiking neurons, synaptic
	plasticity, learning}}
@article{plain, title = {C}, keywords = {spiking, {Hodgkin, Huxley},
  Spiking, bursting}}
@book{sub, title = {Deep Learning}, subtitle = {Foundations and Concepts}, titleaddon = {With exercises}}
@book{punct, title = {Why Sleep?}, subtitle = {A Primer}}
@book{addon, title = {Collected Papers}, titleaddon = {Second edition}}
`
	l, ws, err := Parse("k.bib", []byte(src), "")
	if err != nil || len(ws) > 0 {
		t.Fatal(err, ws)
	}
	want := []struct {
		title string
		tags  []string
	}{
		{"A", []string{"Neurons, Afferent", "Action potentials", "Animals"}},
		{"B", []string{"Action Potentials, physiology", "Animals", "Ödema"}},
		{"B2", []string{"spiking neurons", "synaptic plasticity", "learning"}},
		{"C", []string{"spiking", "Hodgkin, Huxley", "bursting"}},
		{"Deep Learning: Foundations and Concepts. With exercises", nil},
		{"Why Sleep? A Primer", nil},
		{"Collected Papers. Second edition", nil},
	}
	for i, w := range want {
		if p := l.Papers[i]; p.Title != w.title || !reflect.DeepEqual(p.Tags, w.tags) {
			t.Errorf("paper %d: %q %q, want %q %q", i, p.Title, p.Tags, w.title, w.tags)
		}
	}
}

func TestLooseDates(t *testing.T) {
	for _, c := range []struct{ fields, want string }{
		{`year = {January 1978}`, "1978-01"},
		{`year = {1978}, month = {August 13}`, "1978-08-13"},
		{`year = 1978, month = aug # "~13"`, "1978-08-13"},
		{`year = 1978, month = {13th Aug.}`, "1978-08-13"},
		{`year = 1978, month = jan, day = 5`, "1978-01-05"},
		{`year = 1978, month = {9}`, "1978-09"},
		{`year = {Mar. 2001}`, "2001-03"},
		{`year = {1978-02}`, "1978-02"},
	} {
		l, ws, err := Parse("d.bib", []byte("@misc{k, title = {T}, "+c.fields+"}"), "")
		if err != nil || len(ws) > 0 || len(l.Papers) != 1 || l.Papers[0].Date != c.want {
			t.Errorf("%s: %v %v %+v, want date %s", c.fields, err, ws, l.Papers, c.want)
		}
	}
	for _, c := range []struct{ fields, want string }{
		{`year = {in press}`, `year "in press" is not a year; no date`},
		{`year = 1978, month = {Jan.-Feb.}`, `month "Jan.-Feb." is not a month; the date keeps the year only`},
	} {
		_, ws, err := Parse("d.bib", []byte("@misc{k, title = {T}, "+c.fields+"}"), "")
		if err != nil || len(ws) != 1 || !strings.HasSuffix(ws[0].Msg, c.want) {
			t.Errorf("%s: %v %v, want a warning %s", c.fields, err, ws, c.want)
		}
	}
}

func TestLinksAndIDs(t *testing.T) {
	src := `@article{anchor, title = {A}, url = {doi:<a href="https://doi.org/10.1000/xyz">10.1000/xyz</a>}}
@article{anchor2, title = {B}, doi = {10.1/own}, url = {<a href="https://lab.example.org/b" target="_blank">paper</a>}}
@article{doiurl, title = {C}, url = {doi:10.1000/abc}, doi = {http://doi.acm.org/10.1000/abc}}
@article{alfolio, title = {D}, pdf = {d.pdf}, html = {https://lab.example.org/d}}
@article{scholar, title = {E}, journal = {arXiv preprint cond-mat/0603845}}
@article{listing, title = {F}, note = {0603846 [cond-mat]}}
@article{eprint, title = {G}, eprint = {arXiv:cond-mat/0603847v2}, archivePrefix = {arXiv}}
@article{split, title = {H}, eprint = {9901001}, archivePrefix = {arXiv}, primaryClass = {hep-th}}
@article{classed, title = {I}, eprint = {2403.01234 [cs.LG]}, archivePrefix = {arXiv}}
`
	type got struct{ URL, DOI, PDF, Arxiv string }
	want := []got{
		{"https://doi.org/10.1000/xyz", "10.1000/xyz", "", ""},
		{"https://lab.example.org/b", "10.1/own", "", ""},
		{"", "10.1000/abc", "", ""},
		{"https://lab.example.org/d", "", "https://lab.example.org/assets/pdf/d.pdf", ""},
		{"", "", "", "cond-mat/0603845"},
		{"", "", "", "cond-mat/0603846"},
		{"", "", "", "cond-mat/0603847"},
		{"", "", "", "hep-th/9901001"},
		{"", "", "", "2403.01234"},
	}
	l, ws, err := ParseWith("a.bib", []byte(src), Options{PDFBase: "https://lab.example.org/assets/pdf"})
	if err != nil || len(ws) > 0 || len(l.Papers) != len(want) {
		t.Fatal(err, ws, l.Papers)
	}
	for i, w := range want {
		p := l.Papers[i]
		if g := (got{p.URL, p.DOI, p.PDF, p.Arxiv}); g != w {
			t.Errorf("%s: got %+v, want %+v", p.Title, g, w)
		}
	}

	l, ws, _ = Parse("a.bib", []byte(src), "")
	if l.Papers[3].PDF != "" || len(ws) != 1 || ws[0].String() !=
		`a.bib:4: entry "alfolio": relative pdf "d.pdf": pass -pdf-base, e.g. https://lab.example.org/assets/pdf/ (al-folio keeps pdfs there); left out` {
		t.Errorf("without a pdf base: %q, %v", l.Papers[3].PDF, ws)
	}
	if _, _, err := ParseWith("a.bib", []byte(src), Options{PDFBase: "/assets/pdf/"}); err == nil {
		t.Error("a pdf base that is no http(s) address is accepted")
	}
}
