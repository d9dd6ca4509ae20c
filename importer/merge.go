package importer

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/paperwidget/paperwidget/internal/fold"
	"github.com/paperwidget/paperwidget/paper"
)

// Source is one imported file, as File returns it.
type Source struct {
	Name     string
	List     paper.List
	Warnings []Warning
}

// Count is what became of one source's papers: Read were valid, Skipped
// were entries left out with a warning, Merged were duplicates of papers
// listed before them, so Read-Merged of them are published as their own.
type Count struct {
	Name                  string
	Read, Skipped, Merged int
}

// Report says what Merge did, for the build to print.
type Report struct {
	Sources  []Count
	Warnings []Warning // the sources' own, then the merge's
	Notes    []string  // one per merged duplicate: what filled what
}

// Import reads the files in order (format "" detects each one's) and merges
// them.
func Import(paths []string, format Format) (paper.List, Report, error) {
	if len(paths) == 0 {
		return paper.List{}, Report{}, errors.New("no paper list given")
	}
	sources := make([]Source, 0, len(paths))
	for _, p := range paths {
		list, warnings, err := File(p, format)
		if err != nil {
			return paper.List{}, Report{}, err
		}
		sources = append(sources, Source{Name: p, List: list, Warnings: warnings})
	}
	list, report := Merge(sources)
	return list, report, nil
}

// Merge joins sources in order. A paper with the DOI, the arXiv id or the
// title (compared as search compares words) of one listed before it is the
// same paper: the earlier keeps its id and place, and its empty fields are
// filled from the later one, so a BibTeX file can add venues and DOIs to a
// hand-written list. Titles alone do not merge papers whose DOIs or arXiv
// ids differ ("Introduction" is a common title). Different papers that
// happen to share an id keep both, the later renamed.
func Merge(sources []Source) (paper.List, Report) {
	var list paper.List
	var report Report
	var from []string // the source each listed paper came from
	keys := map[string]int{}
	ids := map[string]bool{}
	index := func(i int) {
		for _, k := range matchKeys(list.Papers[i]) {
			if _, taken := keys[k]; !taken {
				keys[k] = i
			}
		}
	}

	for _, src := range sources {
		report.Warnings = append(report.Warnings, src.Warnings...)
		count := Count{Name: src.Name, Read: len(src.List.Papers)}
		for _, w := range src.Warnings {
			if w.Skipped {
				count.Skipped++
			}
		}
		if list.Title == "" {
			list.Title = src.List.Title
		}
		for _, p := range src.List.Papers {
			if i, why := findSame(list.Papers, keys, p); i >= 0 {
				filled := fill(&list.Papers[i], p)
				index(i)
				count.Merged++
				what := "nothing new"
				if len(filled) > 0 {
					what = "filled " + strings.Join(filled, ", ")
				}
				report.Notes = append(report.Notes, fmt.Sprintf("%s: %q is %q from %s (same %s); %s",
					src.Name, p.ID, list.Papers[i].ID, from[i], why, what))
				continue
			}
			if ids[p.ID] {
				id := p.ID
				for n := 2; ids[p.ID]; n++ {
					if p.ID = fmt.Sprintf("%s-%d", id, n); !validID(p.ID) {
						p.ID = fmt.Sprintf("%s-%d", paper.Slug(p.Title), n)
					}
				}
				report.Warnings = append(report.Warnings, Warning{File: src.Name,
					Msg: fmt.Sprintf("id %q of %q is already used by a different paper; given %q", id, p.Title, p.ID)})
			}
			ids[p.ID] = true
			list.Papers = append(list.Papers, p)
			from = append(from, src.Name)
			index(len(list.Papers) - 1)
		}
		report.Sources = append(report.Sources, count)
	}
	if list.Papers == nil {
		list.Papers = []paper.Paper{}
	}
	return list, report
}

// matchKeys are the keys under which a paper is found again, prefixed by
// kind.
func matchKeys(p paper.Paper) []string {
	var keys []string
	if p.DOI != "" {
		keys = append(keys, "doi:"+strings.ToLower(p.DOI))
	}
	if p.Arxiv != "" {
		keys = append(keys, "arxiv:"+strings.ToLower(p.Arxiv))
	}
	if t := normTitle(p.Title); t != "" {
		keys = append(keys, "title:"+t)
	}
	return keys
}

func findSame(papers []paper.Paper, keys map[string]int, p paper.Paper) (int, string) {
	if i, ok := keys["doi:"+strings.ToLower(p.DOI)]; ok && p.DOI != "" {
		return i, "DOI"
	}
	if i, ok := keys["arxiv:"+strings.ToLower(p.Arxiv)]; ok && p.Arxiv != "" {
		return i, "arXiv id"
	}
	if i, ok := keys["title:"+normTitle(p.Title)]; ok {
		q := papers[i]
		differ := func(a, b string) bool { return a != "" && b != "" && !strings.EqualFold(a, b) }
		if !differ(p.DOI, q.DOI) && !differ(p.Arxiv, q.Arxiv) {
			return i, "title"
		}
	}
	return -1, ""
}

// fill copies into dst the fields it lacks from src and names them.
func fill(dst *paper.Paper, src paper.Paper) []string {
	var filled []string
	strs := []struct {
		name     string
		dst, src *string
	}{
		{"abstract", &dst.Abstract, &src.Abstract}, {"date", &dst.Date, &src.Date},
		{"venue", &dst.Venue, &src.Venue}, {"url", &dst.URL, &src.URL}, {"pdf", &dst.PDF, &src.PDF},
		{"doi", &dst.DOI, &src.DOI}, {"arxiv", &dst.Arxiv, &src.Arxiv}, {"bibtex", &dst.Bibtex, &src.Bibtex},
	}
	for _, f := range strs {
		if *f.dst == "" && *f.src != "" {
			*f.dst = *f.src
			filled = append(filled, f.name)
		}
	}
	if len(dst.Authors) == 0 && len(src.Authors) > 0 {
		dst.Authors = src.Authors
		filled = append(filled, "authors")
	}
	if len(dst.Tags) == 0 && len(src.Tags) > 0 {
		dst.Tags = src.Tags
		filled = append(filled, "tags")
	}
	return filled
}

// normTitle spells a title as search compares it: case, accents, LaTeX
// leftovers and punctuation do not tell two titles apart.
func normTitle(title string) string {
	var words []string
	var word []byte
	for _, r := range title {
		var isWord bool
		if word, isWord = fold.AppendRune(word, r); !isWord && len(word) > 0 {
			words = append(words, string(word))
			word = word[:0]
		}
	}
	if len(word) > 0 {
		words = append(words, string(word))
	}
	return strings.Join(words, " ")
}

// Log writes the warnings, what was merged and the count per source, one a
// line.
func (r Report) Log(w io.Writer) {
	for _, warning := range r.Warnings {
		fmt.Fprintf(w, "warning: %s\n", warning)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "merged: %s\n", n)
	}
	for _, c := range r.Sources {
		fmt.Fprintf(w, "%s: read %d papers, skipped %d, merged %d into papers listed before\n", c.Name, c.Read, c.Skipped, c.Merged)
	}
}
