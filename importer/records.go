package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/paperwidget/paperwidget/paper"
)

// record is a paper read from a structured source, with what messages need
// to name it and its own key (a citation key, a CSL id), an id candidate.
type record struct {
	paper.Paper
	line  int
	label string // `entry "smith2020"`, `item 3 ("smith2020")`
	key   string
}

// finish gives records stable, unique ids and checks them by the widget's
// own rules, so that what an import returns always loads: a record without a
// title is skipped, a field the widget would refuse (a non-http link, a bad
// date) is dropped, each with a warning naming the record. The lines are
// where each listed paper starts. A record repeated whole (same key, same
// fields: a file pasted into itself) is listed once, without a word.
func finish(name string, recs []record, warnings []Warning) (paper.List, []int, []Warning) {
	papers := make([]paper.Paper, 0, len(recs))
	kept := make([]record, 0, len(recs))
	used := map[string]int{}
	byKey := map[string]paper.Paper{}
	for _, r := range recs {
		if r.Title == "" {
			warnings = append(warnings, Warning{File: name, Line: r.line, Msg: r.label + ": missing title; skipped", Skipped: true})
			continue
		}
		if r.key != "" {
			if earlier, seen := byKey[r.key]; seen && reflect.DeepEqual(earlier, r.Paper) {
				continue
			}
			byKey[r.key] = r.Paper
		}
		r.ID = stableID(r, used)
		if line, dup := used[r.ID]; dup {
			id := r.ID
			for n := 2; ; n++ {
				if r.ID = fmt.Sprintf("%s-%d", id, n); !validID(r.ID) {
					r.ID = fmt.Sprintf("%s-%d", paper.Slug(r.Title), n)
				}
				if _, taken := used[r.ID]; !taken {
					break
				}
			}
			warnings = append(warnings, Warning{File: name, Line: r.line,
				Msg: fmt.Sprintf("%s: id %q is already used by the paper on line %d; given %q", r.label, id, line, r.ID)})
		}
		used[r.ID] = r.line
		papers = append(papers, r.Paper)
		kept = append(kept, r)
	}

	data, err := json.Marshal(paper.List{Papers: papers})
	if err != nil {
		panic(err) // a list of strings always marshals
	}
	list, problems, err := paper.Decode(data)
	if err != nil {
		panic(err) // what json.Marshal writes always parses
	}
	skipped := map[int]bool{}
	for _, p := range problems {
		r := kept[p.Index]
		what := "field left out"
		if p.Skipped {
			what = "skipped"
			skipped[p.Index] = true
		}
		warnings = append(warnings, Warning{File: name, Line: r.line, Skipped: p.Skipped,
			Msg: fmt.Sprintf("%s: %s: %s; %s", r.label, p.Field, p.Msg, what)})
	}
	// Reading order is the order to fix things in.
	sort.SliceStable(warnings, func(i, j int) bool { return warnings[i].Line < warnings[j].Line })
	lines := make([]int, 0, len(list.Papers))
	for i, r := range kept {
		if !skipped[i] {
			lines = append(lines, r.line)
		}
	}
	return list, lines, warnings
}

// stableID prefers identifiers that name the paper anywhere (DOI, arXiv id)
// over those that name it in one file (the citation key), so that the same
// paper keeps its id, and shared links keep working, whatever source it
// comes from. A DOI or arXiv id taken by an earlier record (the chapters
// of a book given the book's DOI) is passed over; a key taken is returned,
// for the caller to rename and report: BibTeX itself reports a repeated
// key.
func stableID(r record, used map[string]int) string {
	for _, id := range []string{r.DOI, r.Arxiv} {
		if _, taken := used[id]; validID(id) && !taken {
			return id
		}
	}
	if validID(r.key) {
		return r.key
	}
	return paper.Slug(r.Title)
}

// validID asks the widget's decoder itself, so that the importer cannot
// drift from the rules ids are checked by (paper does not export them).
func validID(id string) bool {
	if id == "" || id != strings.TrimSpace(id) {
		return false
	}
	data, err := json.Marshal([]paper.Paper{{ID: id, Title: "t"}})
	if err != nil {
		return false
	}
	_, problems, err := paper.Decode(data)
	return err == nil && len(problems) == 0
}

// words joins s's words with single spaces: feeds and exports wrap lines.
func words(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// lineCounter numbers the lines of increasing offsets in data, counting
// each byte once: counting from the start for every record of a large file
// took time quadratic in its size.
type lineCounter struct {
	data []byte
	off  int64
	line int
}

func (c *lineCounter) at(offset int64) int {
	offset = max(c.off, min(offset, int64(len(c.data))))
	c.line += bytes.Count(c.data[c.off:offset], []byte("\n"))
	c.off = offset
	return c.line
}
