package importer

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/paperwidget/paperwidget/paper"
)

// A papers page copied as text (Hugging Face's daily papers, say) reads:
//
//	new / Get trending papers in your email inbox! / Subscribe / byAK ... / Mar 11
//	Title of the first paper
//	Its abstract, one long line.
//	Title of the second paper
//	...
//
// Blank lines carry no meaning. The header is the lines up to a date line
// ("Mar 11") within the first few lines; without one, there is no header.
// A line is an abstract when it follows a title and reads as prose (long, or
// ending in a full stop), so a paper without an abstract is just a title
// followed by the next title.

const maxHeaderLines = 8

var dayLine = regexp.MustCompile(`^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}(, \d{4})?$`)

type textLine struct {
	n    int
	text string
}

func parsePapersPage(name string, data []byte) (paper.List, []int, []Warning, error) {
	var lines []textLine
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for n := 1; sc.Scan(); n++ {
		if t := strings.Join(strings.Fields(sc.Text()), " "); t != "" {
			lines = append(lines, textLine{n, t})
		}
	}
	if err := sc.Err(); err != nil {
		return paper.List{}, nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	for i := 0; i < len(lines) && i < maxHeaderLines; i++ {
		if dayLine.MatchString(lines[i].text) {
			lines = lines[i+1:]
			break
		}
	}
	if len(lines) == 0 {
		return paper.List{}, nil, nil, fmt.Errorf("%s: no papers found", name)
	}

	var list paper.List
	var places []int
	var warnings []Warning
	ids := map[string]int{}
	for i := 0; i < len(lines); i++ {
		title := lines[i]
		p := paper.Paper{Title: title.text}
		if looksLikeProse(title.text) {
			warnings = append(warnings, Warning{File: name, Line: title.n, Msg: "reads like an abstract but follows no title; kept as a paper titled with it"})
		} else if i+1 < len(lines) && looksLikeProse(lines[i+1].text) {
			p.Abstract = lines[i+1].text
			i++
		}
		p.ID = uniqueID(paper.Slug(p.Title), ids)
		if p.ID != paper.Slug(p.Title) {
			warnings = append(warnings, Warning{File: name, Line: title.n, Msg: fmt.Sprintf("title repeats an earlier one; id %q given", p.ID)})
		}
		list.Papers = append(list.Papers, p)
		places = append(places, title.n)
	}
	return list, places, warnings, nil
}

func looksLikeProse(s string) bool {
	return len(s) > 300 || strings.HasSuffix(s, ".")
}

// uniqueID numbers a repeated id, passing over numbered ids already
// taken: the titles "A", "A" and "A 2" are "a", "a-2" and "a-2-2".
func uniqueID(id string, seen map[string]int) string {
	seen[id]++
	for n := seen[id]; n > 1; n++ {
		if numbered := fmt.Sprintf("%s-%d", id, n); seen[numbered] == 0 {
			seen[numbered]++
			return numbered
		}
	}
	return id
}
