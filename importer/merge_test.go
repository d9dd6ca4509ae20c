package importer

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

func TestMergeFixtures(t *testing.T) {
	l, report, err := Import([]string{"../data/papers-page.txt", "testdata/pubs.bib", "testdata/arxiv.xml", "testdata/zotero.json"}, "")
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
		`testdata/pubs.bib: "10.5555/3666122.3666801" is "neuro-modulated-hebbian-learning-for-fully-test-time-adaptation" from ../data/papers-page.txt (same title); filled date, venue, pdf, doi, arxiv, bibtex, authors, tags`,
		`testdata/arxiv.xml: "10.5555/3666122.3666801" is "neuro-modulated-hebbian-learning-for-fully-test-time-adaptation" from ../data/papers-page.txt (same DOI); filled url`,
		`testdata/arxiv.xml: "2310.04567" is "2310.04567" from testdata/pubs.bib (same arXiv id); filled abstract, url, pdf, tags`,
		`testdata/zotero.json: "2403.01234" is "neuro-modulated-hebbian-learning-for-fully-test-time-adaptation" from ../data/papers-page.txt (same arXiv id); nothing new`,
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
		"merged: testdata/zotero.json: \"2403.01234\" is",
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
			paper.Paper{ID: "shared", Title: "First of two"}),
		src("b.bib",
			paper.Paper{ID: "intro-b", Title: "introduction", DOI: "10.1/B"}, // same title, other DOI: another paper
			paper.Paper{ID: "y", Title: "uber worter -- A Study!", Tags: []string{"ignored"}, Venue: "V"},
			paper.Paper{ID: "shared", Title: "Second of two"},
			paper.Paper{ID: "z", Title: "Other", DOI: "10.1/A"}), // DOIs compare without case
	})
	var got []string
	for _, p := range l.Papers {
		got = append(got, p.ID+"|"+p.Venue+"|"+strings.Join(p.Tags, ","))
	}
	want := []string{"intro||", "x|V|kept", "shared||", "intro-b||", "shared-2||"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("papers %q, want %q", got, want)
	}
	wantNotes := []string{
		`b.bib: "y" is "x" from a.json (same title); filled venue`,
		`b.bib: "z" is "intro" from a.json (same DOI); nothing new`,
	}
	if !reflect.DeepEqual(report.Notes, wantNotes) {
		t.Errorf("notes %q, want %q", report.Notes, wantNotes)
	}
	if w := warningStrings(report.Warnings); len(w) != 1 || w[0] != `b.bib: id "shared" of "Second of two" is already used by a different paper; given "shared-2"` {
		t.Errorf("warnings %q", w)
	}
	if _, _, err := Import(nil, ""); err == nil {
		t.Error("Import of no files succeeded")
	}
}
