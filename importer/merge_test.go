package importer

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

func TestMergeFixtures(t *testing.T) {
	l, report, err := Import([]string{"../data/papers-page.txt", "testdata/pubs.bib", "testdata/arxiv.xml", "testdata/zotero.json"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The seed's first paper is the .bib's first entry, the feed's first
	// entry and Zotero's preprint: one paper, completed from the others.
	first := l.Papers[0]
	if first.ID != "neuro-modulated-hebbian-learning-for-fully-test-time-adaptation" {
		t.Errorf("the merged paper changed id to %q", first.ID)
	}
	if first.DOI != "10.5555/3666122.3666801" || first.Arxiv != "2403.01234" || first.Venue != "Proc. Advances in Neural Information Processing Systems" ||
		first.PDF != "https://lab.example.org/papers/mueller2024.pdf" || first.URL != "http://arxiv.org/abs/2403.01234v2" ||
		!strings.HasPrefix(first.Bibtex, "@inproceedings{mueller2024hebbian,") || len(first.Authors) != 4 {
		t.Errorf("merged paper %+v", first)
	}
	if first.Abstract == "" || strings.HasPrefix(first.Abstract, "We adapt") {
		t.Errorf("the seed's abstract was replaced: %q", first.Abstract)
	}

	wantNotes := []string{
		`papers-page.txt:11 = pubs.bib:16 (same title) "Neuro-Modulated Hebbian Learning for Fully Test-Time Adaptation"; filled date, venue, pdf, doi, arxiv, bibtex, abbr, authors, tags, selected`,
		`papers-page.txt:11 = arxiv.xml:10 (same DOI) "Neuro-Modulated Hebbian Learning for Fully Test-Time Adaptation"; filled url`,
		`pubs.bib:44 = arxiv.xml:39 (same arXiv id) "Spiking Transformers: A Survey"; filled abstract, url, pdf, tags`,
		`papers-page.txt:11 = zotero.json:107 (same arXiv id) "Neuro-Modulated Hebbian Learning for Fully Test-Time Adaptation"; nothing new`,
	}
	if !reflect.DeepEqual(report.Notes, wantNotes) {
		t.Errorf("notes:\n%s\nwant\n%s", strings.Join(report.Notes, "\n"), strings.Join(wantNotes, "\n"))
	}
	wantCounts := []Count{
		{Name: "../data/papers-page.txt", Read: 70},
		{Name: "testdata/pubs.bib", Read: 7, Skipped: 2, Merged: 1},
		{Name: "testdata/arxiv.xml", Read: 3, Merged: 2},
		{Name: "testdata/zotero.json", Read: 6, Skipped: 1, Merged: 1},
	}
	if !reflect.DeepEqual(report.Sources, wantCounts) {
		t.Errorf("counts %+v, want %+v", report.Sources, wantCounts)
	}
	if want := 70 + 7 + 3 + 6 - 1 - 2 - 1; len(l.Papers) != want {
		t.Errorf("%d papers, want %d", len(l.Papers), want)
	}
	if len(report.Warnings) != 4+4 {
		t.Errorf("warnings: %v", report.Warnings)
	}

	var log bytes.Buffer
	report.Log(&log)
	for _, line := range []string{
		"warning: pubs.bib:74: entry \"broken2023\": missing title; skipped\n",
		"merged: papers-page.txt:11 = zotero.json:107 (same arXiv id)",
		"testdata/pubs.bib: read 7 papers, skipped 2, merged 1 into papers listed before\n",
	} {
		if !strings.Contains(log.String(), line) {
			t.Errorf("log lacks %q:\n%s", line, log.String())
		}
	}
}

func TestMergeRules(t *testing.T) {
	src := func(name string, papers ...paper.Paper) Source {
		return Source{Name: name, List: paper.List{Papers: papers}}
	}
	l, report := Merge([]Source{
		src("a.json",
			paper.Paper{ID: "intro", Title: "Introduction", DOI: "10.1/a"},
			paper.Paper{ID: "x", Title: "Über Wörter: a study", Tags: []string{"kept"}},
			paper.Paper{ID: "shared", Title: "First of two"},
			paper.Paper{ID: "lewis", Title: "Counterfactuals", Date: "1973", Authors: []string{"David Lewis"}, Venue: "Blackwell"},
			paper.Paper{ID: "pre", Title: "Attention is all you need", Date: "2017", Arxiv: "1706.03762", Authors: []string{"Ashish Vaswani"}},
			paper.Paper{ID: "ch1", Title: "Chapter one", DOI: "10.1/book"}),
		src("b.bib",
			paper.Paper{ID: "intro-b", Title: "introduction", DOI: "10.1/B"}, // same title, other DOI: another paper
			paper.Paper{ID: "y", Title: "uber worter -- A Study!", Tags: []string{"ignored"}, Venue: "V"},
			paper.Paper{ID: "shared", Title: "Second of two"},
			paper.Paper{ID: "z", Title: "Introduction: the first pages", DOI: "10.1/A"}, // DOIs compare without case; a subtitle added
			paper.Paper{ID: "ginsberg", Title: "Counterfactuals", Date: "1986", Authors: []string{"Matthew L. Ginsberg"}},
			paper.Paper{ID: "lewis-again", Title: "Counterfactuals", Authors: []string{"Lewis, David"}, Venue: "Harvard University Press"},
			paper.Paper{ID: "pub", Title: "Attention Is All You Need", Date: "2018", Authors: []string{"A. Vaswani", "N. Shazeer"}, Venue: "NeurIPS"},
			paper.Paper{ID: "ch2", Title: "Chapter two", DOI: "10.1/book"},
			paper.Paper{ID: "wrong-eprint", Title: "Other work", Arxiv: "1706.03762", DOI: "10.1/other"}),
	})
	var got []string
	for _, p := range l.Papers {
		got = append(got, p.ID+"|"+p.Venue+"|"+strings.Join(p.Tags, ","))
	}
	want := []string{"intro||", "x|V|kept", "shared||", "lewis|Blackwell|", "pre|NeurIPS|", "ch1||",
		"intro-b||", "shared-2||", "ginsberg||", "ch2||", "wrong-eprint||"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("papers %q, want %q", got, want)
	}
	wantNotes := []string{
		`a.json papers[1] = b.bib papers[1] (same title) "Über Wörter: a study"; filled venue`,
		`a.json papers[0] = b.bib papers[3] (same DOI) "Introduction"; nothing new`,
		`a.json papers[3] = b.bib papers[5] (same title) "Counterfactuals"; nothing new`,
		`a.json papers[4] = b.bib papers[6] (same title) "Attention is all you need"; filled venue`,
	}
	if !reflect.DeepEqual(report.Notes, wantNotes) {
		t.Errorf("notes:\n%s\nwant\n%s", strings.Join(report.Notes, "\n"), strings.Join(wantNotes, "\n"))
	}
	wantWarnings := []string{
		`b.bib: id "shared" of "Second of two" is already used by a different paper; given "shared-2"`,
		`merged a.json papers[3] = b.bib papers[5] (same title), but they disagree: venue "Blackwell" / "Harvard University Press"; the first is kept`,
		`a.json papers[5] "Chapter one" and b.bib papers[7] "Chapter two" share DOI 10.1/book but are different works (other titles): kept as two papers`,
		`a.json papers[4] "Attention is all you need" and b.bib papers[8] "Other work" share arXiv id 1706.03762 but are different works (other titles): kept as two papers`,
	}
	if w := warningStrings(report.Warnings); !reflect.DeepEqual(w, wantWarnings) {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(w, "\n"), strings.Join(wantWarnings, "\n"))
	}
	if _, _, err := Import(nil, Options{}); err == nil {
		t.Error("Import of no files succeeded")
	}
}
