package importer

import (
	"reflect"
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

func TestArxivFixture(t *testing.T) {
	l, warnings, err := File("testdata/arxiv.xml", "")
	if err != nil || len(warnings) > 0 {
		t.Fatal(err, warnings)
	}
	want := []paper.Paper{
		{
			ID:       "10.5555/3666122.3666801",
			Title:    "Neuro-Modulated Hebbian Learning for Fully Test-Time Adaptation",
			Abstract: "We adapt models at test time with a local Hebbian rule, no back-propagation, and reach 92% of the supervised accuracy on ImageNet-C without labels.",
			Authors:  []string{"Jörg Müller", "Ana García-López"},
			Date:     "2024-03-02",
			Venue:    "Advances in Neural Information Processing Systems 37 (2024)",
			URL:      "http://arxiv.org/abs/2403.01234v2",
			PDF:      "http://arxiv.org/pdf/2403.01234v2",
			DOI:      "10.5555/3666122.3666801",
			Arxiv:    "2403.01234",
			Tags:     []string{"cs.LG", "cs.NE", "q-bio.NC"},
		},
		{
			ID:       "2310.04567",
			Title:    "Spiking Transformers: A Survey",
			Abstract: "We survey spiking transformers & their training, from surrogate gradients to conversion.",
			Authors:  []string{"Wei Chen"},
			Date:     "2023-10-06",
			URL:      "http://arxiv.org/abs/2310.04567v1",
			PDF:      "http://arxiv.org/pdf/2310.04567v1",
			Arxiv:    "2310.04567",
			Tags:     []string{"cs.NE"},
		},
		{
			ID:       "hep-th/9901001",
			Title:    "Branes, Strings and Learning Machines",
			Abstract: "An old-style identifier, kept without its version.",
			Authors:  []string{"Pat Q. Physicist"},
			Date:     "1999-01-04",
			URL:      "http://arxiv.org/abs/hep-th/9901001v3",
			PDF:      "http://arxiv.org/pdf/hep-th/9901001v3",
			Arxiv:    "hep-th/9901001",
			Tags:     []string{"hep-th"},
		},
	}
	if !reflect.DeepEqual(l.Papers, want) {
		t.Errorf("got  %+v\nwant %+v", l.Papers, want)
	}
}

func TestArxivAPIErrorAndBadFeeds(t *testing.T) {
	apiError := `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>
    <title>Error</title>
    <summary>incorrect id format for 1234</summary>
  </entry>
</feed>`
	l, warnings, err := Parse("q.xml", []byte(apiError), "")
	if err != nil || len(l.Papers) != 0 {
		t.Fatal(err, l.Papers)
	}
	want := `q.xml:3: entry "http://arxiv.org/api/errors#incorrect_id_format_for_1234" is not an arXiv paper (incorrect id format for 1234); skipped`
	if got := warningStrings(warnings); len(got) != 1 || got[0] != want {
		t.Errorf("warnings %q, want %q", got, want)
	}

	for name, c := range map[string]struct{ in, want string }{
		"not a feed": {`<html><body>Rate exceeded.</body></html>`, "q.xml: not an Atom feed"},
		"broken":     {"<feed>\n<entry><id>x</id>\n</feed>", "q.xml:3: element <entry> closed by </feed>"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := Parse("q.xml", []byte(c.in), Arxiv)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("err = %v, want it to start with %q", err, c.want)
			}
		})
	}
}

func TestArxivIDs(t *testing.T) {
	for in, want := range map[string]string{
		"2403.01234":                                  "2403.01234",
		"arXiv:2403.01234v2":                          "2403.01234",
		"ARXIV: 1706.03762":                           "1706.03762",
		"hep-th/9901001v3":                            "hep-th/9901001",
		"math.GT/0309136":                             "math.GT/0309136",
		"https://arxiv.org/abs/2403.01234v1":          "2403.01234",
		"http://arxiv.org/pdf/2403.01234.pdf":         "2403.01234",
		"https://export.arxiv.org/abs/hep-th/9901001": "hep-th/9901001",
		"10.1000/x":                                   "",
		"2403.012":                                    "",
		"hal-012345":                                  "",
	} {
		if got := arxivID(in); got != want {
			t.Errorf("arxivID(%q) = %q, want %q", in, got, want)
		}
	}
}
