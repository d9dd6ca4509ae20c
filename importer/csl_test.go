package importer

import (
	"reflect"
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

func TestCSLFixture(t *testing.T) {
	l, warnings, err := File("testdata/zotero.json", "")
	if err != nil {
		t.Fatal(err)
	}
	want := []paper.Paper{
		{
			ID:       "10.1038/s42256-024-00801-2",
			Title:    "Synaptic plasticity rules for continual learning",
			Abstract: "Biological synapses change on many time scales. We show which rules matter.",
			Authors:  []string{"Friedemann Zenke", "Anna van Beek"},
			Date:     "2024-03-11",
			Venue:    "Nature Machine Intelligence",
			URL:      "https://www.nature.com/articles/s42256-024-00801-2",
			DOI:      "10.1038/s42256-024-00801-2",
			Tags:     []string{"plasticity", "continual learning", "Hebbian learning"},
		},
		{
			ID:      "openworm2023",
			Title:   "A whole-animal model of C. elegans locomotion",
			Authors: []string{"OpenWorm Consortium", "Stephen D. Larson"},
			Date:    "2023-07",
			Venue:   "Proceedings of the Conference on Artificial Life",
		},
		{
			ID:      "ito2022thesis",
			Title:   "Energy-based models of cortical columns",
			Authors: []string{"Haruka Itō"},
			Date:    "2022-09-30",
			Venue:   "University of Tokyo",
		},
		{
			ID:      "techreport-17",
			Title:   "Benchmarking spiking simulators",
			Authors: []string{"Eilif Müller"},
			Date:    "2021",
			Venue:   "Jülich Supercomputing Centre",
		},
		{
			ID:      "2403.01234",
			Title:   "Neuro-modulated Hebbian learning for fully test-time adaptation",
			Authors: []string{"Jörg Müller"},
			Date:    "2024-03-02",
			Venue:   "arXiv",
			URL:     "http://arxiv.org/abs/2403.01234v1",
			Arxiv:   "2403.01234",
		},
		{
			ID:    "4711",
			Title: "Interactive demo of local learning rules",
			Date:  "2019",
		},
	}
	if len(l.Papers) != len(want) {
		t.Fatalf("%d papers, want %d: %+v", len(l.Papers), len(want), l.Papers)
	}
	for i := range want {
		if !reflect.DeepEqual(l.Papers[i], want[i]) {
			t.Errorf("paper %d:\ngot  %+v\nwant %+v", i, l.Papers[i], want[i])
		}
	}
	wantWarnings := []string{
		`zotero.json:74: item 4 ("techreport-17"): issued: date "Spring 2021" read as the year 2021`,
		`zotero.json:90: item 5 ("untitled-draft"): missing title; skipped`,
		`zotero.json:130: item 7 ("4711"): issued: date-parts { "date-parts": [ [ 2019, 13 ] ] } is not a valid date; kept 2019`,
		`zotero.json:130: item 7 ("4711"): url: "javascript:alert(1)" is not an http(s) link; field left out`,
	}
	if got := warningStrings(warnings); !reflect.DeepEqual(got, wantWarnings) {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantWarnings, "\n"))
	}
}

func TestCSLLenientFields(t *testing.T) {
	in := `[{"id": "a", "type": "book", "title": {"en": "T"}, "author": "Someone", "issued": {"date-parts": [["x"]]}},
	 {"type": "article", "title": "No id", "DOI": "doi:10.1/x", "keyword": ["not", "a string"]},
	 "not an item",
	 {"id": "b", "title": "Dates", "issued": "2020"}]`
	l, warnings, err := Parse("z.json", []byte(in), CSL)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range l.Papers {
		ids = append(ids, p.ID)
	}
	if want := []string{"10.1/x", "b"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("ids %q, want %q", ids, want)
	}
	want := []string{
		`z.json:1: item 1 ("a"): title: want text, got {"en": "T"}; left out`,
		`z.json:1: item 1 ("a"): author: want a list of names ({"family": …, "given": …}); left out`,
		`z.json:1: item 1 ("a"): issued: date-parts {"date-parts": [["x"]]} is not a valid date; no date`,
		`z.json:1: item 1 ("a"): missing title; skipped`,
		`z.json:2: item 2: keyword: want text, got ["not", "a string"]; left out`,
		`z.json:3: item 3: want an object; skipped`,
		`z.json:4: item 4 ("b"): issued: want {"date-parts": [[year, month, day]]}; no date`,
	}
	if got := warningStrings(warnings); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCSLErrorsSayWhere(t *testing.T) {
	for name, c := range map[string]struct{ in, want string }{
		"syntax":    {"[\n{\"id\": \"a\", \"type\": \"book\"},\n{\"id\": \"b\",, }\n]", "z.json:3: invalid character ','"},
		"truncated": {`[{"id": "a", "type": "book"}`, "z.json: the JSON ends too early"},
		"object":    {`{"id": "a", "type": "book"}`, "z.json: CSL-JSON is an array of items"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := Parse("z.json", []byte(c.in), CSL)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("err = %v, want it to start with %q", err, c.want)
			}
		})
	}
}
