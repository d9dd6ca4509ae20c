package importer

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

func TestSeedPageGivesSeventyPapers(t *testing.T) {
	l, warnings, err := File("../data/papers-page.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings on the seed: %v", warnings)
	}
	if len(l.Papers) != 70 {
		t.Fatalf("%d papers, want 70", len(l.Papers))
	}
	ids := map[string]bool{}
	for i, p := range l.Papers {
		if p.Abstract == "" || len(p.Abstract) < len(p.Title) {
			t.Errorf("paper %d %q: abstract %q", i, p.Title, p.Abstract)
		}
		if ids[p.ID] {
			t.Errorf("duplicate id %s", p.ID)
		}
		ids[p.ID] = true
	}
	if first := l.Papers[0].Title; first != "Neuro-Modulated Hebbian Learning for Fully Test-Time Adaptation" {
		t.Errorf("first title %q: the header was not skipped", first)
	}
}

// The committed JSON is what the site bundles: it must be the seed text's
// conversion, so editing one without the other fails here.
func TestCommittedListMatchesSeed(t *testing.T) {
	l, _, err := File("../data/papers-page.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../data/papers.json")
	if err != nil {
		t.Fatal(err)
	}
	var committed paper.List
	if err := json.Unmarshal(data, &committed); err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(l)
	got, _ := json.Marshal(committed)
	if string(want) != string(got) {
		t.Error("data/papers.json is stale: run `make data`")
	}
}

func TestPapersPageIsRobust(t *testing.T) {
	in := strings.Join([]string{
		"new", "", "Get trending papers in your email inbox!", "Subscribe", "byAK and the research community", "Mar 11",
		"", "", "First Paper Title", "", "", "An abstract that ends with a full stop.",
		"Second Paper Without Abstract",
		"Third   Paper\twith  spaces", "Its abstract.",
		"Second Paper Without Abstract", "A repeat gets its own id.",
	}, "\n")
	l, warnings, err := Parse("page.txt", []byte(in), PapersPage)
	if err != nil {
		t.Fatal(err)
	}
	want := []paper.Paper{
		{ID: "first-paper-title", Title: "First Paper Title", Abstract: "An abstract that ends with a full stop."},
		{ID: "second-paper-without-abstract", Title: "Second Paper Without Abstract"},
		{ID: "third-paper-with-spaces", Title: "Third Paper with spaces", Abstract: "Its abstract."},
		{ID: "second-paper-without-abstract-2", Title: "Second Paper Without Abstract", Abstract: "A repeat gets its own id."},
	}
	if len(l.Papers) != len(want) {
		t.Fatalf("got %d papers: %+v", len(l.Papers), l.Papers)
	}
	for i := range want {
		if l.Papers[i].ID != want[i].ID || l.Papers[i].Title != want[i].Title || l.Papers[i].Abstract != want[i].Abstract {
			t.Errorf("paper %d = %+v, want %+v", i, l.Papers[i], want[i])
		}
	}
	if len(warnings) != 1 || warnings[0].Line != 16 || !strings.Contains(warnings[0].String(), "page.txt:16: title repeats") {
		t.Errorf("warnings = %v, want one naming page.txt:16", warnings)
	}
}

func TestPapersPageWithoutHeader(t *testing.T) {
	l, _, err := Parse("list.txt", []byte("A Title\nIts abstract.\nAnother Title\n"), "")
	if err != nil || len(l.Papers) != 2 || l.Papers[0].Title != "A Title" {
		t.Fatalf("got %+v, %v", l.Papers, err)
	}
}

func TestPapersPageErrors(t *testing.T) {
	for name, in := range map[string]string{
		"empty":       "",
		"only header": "new\nSubscribe\nMar 11\n",
		"not utf-8":   "Title \xff\n",
	} {
		if _, _, err := Parse("x.txt", []byte(in), PapersPage); err == nil || !strings.HasPrefix(err.Error(), "x.txt:") {
			t.Errorf("%s: err = %v, want one naming x.txt", name, err)
		}
	}
}

func TestDetectAndJSONWarnings(t *testing.T) {
	if Detect([]byte("  \n[{}]")) != JSON || Detect([]byte("Title\nAbstract.")) != PapersPage {
		t.Error("format detection")
	}
	_, warnings, err := Parse("lab.json", []byte(`[{"id": "a", "title": "A", "date": "2024-13-01"}]`), "")
	if err != nil || len(warnings) != 1 || warnings[0].String() != `lab.json: papers[0].date: "2024-13-01" is not a date (want YYYY, YYYY-MM or YYYY-MM-DD)` {
		t.Errorf("warnings %v, err %v", warnings, err)
	}
	if _, _, err := Parse("lab.json", []byte(`{"papers": 3}`), ""); err == nil || !strings.HasPrefix(err.Error(), "lab.json: ") {
		t.Errorf("err = %v, want it to name lab.json", err)
	}
}
