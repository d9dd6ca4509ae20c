package importer

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/paperwidget/paperwidget/internal/fold"
	"github.com/paperwidget/paperwidget/paper"
)

// Source is one imported file, as File returns it.
type Source struct {
	Name string
	List paper.List
	// Places say where each paper of List is written ("a.bib:12",
	// "b.json papers[3]"), for the messages that name two of them; when
	// empty, papers are named by their index in List.
	Places   []string
	Warnings []Warning
}

func (s Source) place(i int) string {
	if i < len(s.Places) {
		return s.Places[i]
	}
	return fmt.Sprintf("%s papers[%d]", s.Name, i)
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
	Sources []Count
	// Warnings are the sources' own, then the merge's: merged records that
	// disagree (a year, a venue, the authors) and records kept apart
	// although they share a DOI or an arXiv id.
	Warnings []Warning
	Notes    []string // one per merge: both places and what was filled
}

// Import reads the files in order and merges them.
func Import(paths []string, o Options) (paper.List, Report, error) {
	if len(paths) == 0 {
		return paper.List{}, Report{}, errors.New("no paper list given")
	}
	sources := make([]Source, 0, len(paths))
	for _, p := range paths {
		src, err := readSource(p, o, MaxInput)
		if err != nil {
			return paper.List{}, Report{}, err
		}
		src.Name = p // the path as given: the summary names it
		sources = append(sources, src)
	}
	list, report := Merge(sources)
	return list, report, nil
}

// Merge joins sources in order. Two records are the same work, and merged,
// when they have
//
//   - the same DOI, or
//   - the same arXiv id and no two different DOIs (a preprint and its
//     published version), or
//   - the same title (compared as search compares words), no two different
//     DOIs or arXiv ids, the same year (or one without a date, or one year
//     apart when one is a preprint: arXiv first, the journal the year
//     after), and the same first author's surname (or one without
//     authors).
//
// Even with the same DOI or arXiv id, records whose titles differ (neither
// is the other with a subtitle) are kept apart with a warning: the
// chapters of a book are often given the book's DOI, and an eprint is
// easily copied into the wrong entry. "Counterfactuals" (a 1973 book) and
// "Counterfactuals" (a 1986 article) stay two works.
//
// The earlier record keeps its id and place, and its empty fields are
// filled from the later one, so a BibTeX file can add venues and DOIs to a
// hand-written list. Every merge is a note naming both places; one whose
// records disagree (year, venue, authors) is a warning too, so that
// -strict stops on it. Different papers that happen to share an id keep
// both, the later renamed.
func Merge(sources []Source) (paper.List, Report) {
	var list paper.List
	var report Report
	var places []string // where each listed paper came from
	m := merger{keys: map[string][]int{}}
	ids := map[string]bool{}

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
		for n, p := range src.List.Papers {
			i, why, apart := m.find(list.Papers, p)
			// One warning per record, naming the first it was kept apart
			// from: a book's twenty chapters are not 190 problems.
			if i < 0 && len(apart) > 0 {
				j := apart[0]
				report.Warnings = append(report.Warnings, Warning{Msg: fmt.Sprintf(
					"%s %q and %s %q share %s but are different works (%s): kept as two papers",
					places[j], list.Papers[j].Title, src.place(n), p.Title, sharedID(list.Papers[j], p), otherWork(list.Papers[j], p))})
			}
			if i >= 0 {
				both := fmt.Sprintf("%s = %s (same %s)", places[i], src.place(n), why)
				if diffs := disagree(list.Papers[i], p); len(diffs) > 0 {
					report.Warnings = append(report.Warnings, Warning{
						Msg: fmt.Sprintf("merged %s, but they disagree: %s; the first is kept", both, strings.Join(diffs, "; "))})
				}
				filled := fill(&list.Papers[i], p)
				m.index(list.Papers, i)
				count.Merged++
				what := "nothing new"
				if len(filled) > 0 {
					what = "filled " + strings.Join(filled, ", ")
				}
				report.Notes = append(report.Notes, fmt.Sprintf("%s %q; %s", both, list.Papers[i].Title, what))
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
			places = append(places, src.place(n))
			m.index(list.Papers, len(list.Papers)-1)
		}
		report.Sources = append(report.Sources, count)
	}
	if list.Papers == nil {
		list.Papers = []paper.Paper{}
	}
	return list, report
}

// maxCandidates bounds the papers compared under one key: a list of
// thousands of different papers titled "Introduction" must not make the
// merge quadratic. Real lists have a handful of records per title.
const maxCandidates = 32

// merger finds listed papers by DOI, arXiv id and title.
type merger struct {
	keys map[string][]int // "doi:...", "arxiv:...", "title:..." -> listed papers
}

func (m *merger) index(papers []paper.Paper, i int) {
	for _, k := range matchKeys(papers[i]) {
		if c := m.keys[k]; len(c) < maxCandidates && !slices.Contains(c, i) {
			m.keys[k] = append(c, i)
		}
	}
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

// find returns the listed paper p is the same work as (-1 for none) and
// why, and the listed papers that share p's DOI or arXiv id but are other
// works.
func (m *merger) find(papers []paper.Paper, p paper.Paper) (int, string, []int) {
	var apart []int
	if p.DOI != "" {
		for _, i := range m.keys["doi:"+strings.ToLower(p.DOI)] {
			if sameTitle(papers[i].Title, p.Title) {
				return i, "DOI", nil
			}
			apart = append(apart, i)
		}
	}
	if p.Arxiv != "" {
		for _, i := range m.keys["arxiv:"+strings.ToLower(p.Arxiv)] {
			q := papers[i]
			if slices.Contains(apart, i) {
				continue
			}
			if !differ(p.DOI, q.DOI) && sameTitle(q.Title, p.Title) {
				return i, "arXiv id", nil
			}
			apart = append(apart, i)
		}
	}
	for _, i := range m.keys["title:"+normTitle(p.Title)] {
		q := papers[i]
		if !differ(p.DOI, q.DOI) && !differ(p.Arxiv, q.Arxiv) && sameYear(p, q) && sameFirstAuthor(p, q) {
			return i, "title", nil
		}
	}
	return -1, "", apart
}

// differ tells whether two identifiers are both given and different.
func differ(a, b string) bool {
	return a != "" && b != "" && !strings.EqualFold(a, b)
}

func sharedID(p, q paper.Paper) string {
	if p.DOI != "" && strings.EqualFold(p.DOI, q.DOI) {
		return "DOI " + p.DOI
	}
	return "arXiv id " + p.Arxiv
}

func otherWork(p, q paper.Paper) string {
	if differ(p.DOI, q.DOI) {
		return "DOIs " + p.DOI + " and " + q.DOI
	}
	return "other titles"
}

// sameTitle compares titles of records that share an identifier: the same
// words, or one the other with a subtitle or a title addition
// ("Deep learning" and "Deep learning: methods and applications").
func sameTitle(a, b string) bool {
	a, b = normTitle(a), normTitle(b)
	if len(a) > len(b) {
		a, b = b, a
	}
	return a == b || (a != "" && strings.HasPrefix(b, a+" "))
}

func year(p paper.Paper) int {
	if len(p.Date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(p.Date[:4])
	if err != nil {
		return 0
	}
	return y
}

func sameYear(p, q paper.Paper) bool {
	a, b := year(p), year(q)
	switch {
	case a == 0 || b == 0 || a == b:
		return true
	case a-b == 1 || b-a == 1:
		return isPreprint(p) != isPreprint(q)
	}
	return false
}

// isPreprint tells an arXiv preprint from its published version: a venue
// that says so (Google Scholar's "arXiv preprint arXiv:...", DBLP's CoRR,
// bioRxiv), arXiv's own DOI (10.48550/arXiv...), or an arXiv id with no
// venue and no other DOI.
func isPreprint(p paper.Paper) bool {
	v := " " + normTitle(p.Venue) + " "
	for _, server := range []string{" arxiv ", " corr ", " biorxiv ", " medrxiv ", " preprint "} {
		if strings.Contains(v, server) {
			return true
		}
	}
	return strings.HasPrefix(p.DOI, "10.48550/") || (p.Arxiv != "" && p.DOI == "" && p.Venue == "")
}

func sameFirstAuthor(p, q paper.Paper) bool {
	a, b := surnames(p.Authors), surnames(q.Authors)
	return len(a) == 0 || len(b) == 0 || a[0] == b[0]
}

// surnames are the authors' last names, folded, up to "et al.": what two
// sources spell alike whatever their style ("Lewis, David K." in a
// hand-written list, "D. Lewis" from BibTeX).
func surnames(authors []string) []string {
	var names []string
	for _, a := range authors {
		if last, _, comma := strings.Cut(a, ","); comma {
			a = last
		}
		w := strings.Fields(normTitle(a))
		for len(w) > 1 && nameSuffix[w[len(w)-1]] {
			w = w[:len(w)-1]
		}
		if len(w) == 0 || (len(w) == 2 && w[0] == "et" && w[1] == "al") {
			break
		}
		names = append(names, w[len(w)-1])
	}
	return names
}

var nameSuffix = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// disagree lists the fields two merged records give differently: another
// year, another venue, other authors in the same place (a shorter list is
// an abridged one). A preprint and its published version are expected to
// differ in venue and year.
func disagree(p, q paper.Paper) []string {
	var diffs []string
	if !isPreprint(p) && !isPreprint(q) {
		if a, b := year(p), year(q); a != 0 && b != 0 && a != b {
			diffs = append(diffs, fmt.Sprintf("year %d / %d", a, b))
		}
		if !sameVenue(p.Venue, q.Venue) {
			diffs = append(diffs, fmt.Sprintf("venue %q / %q", p.Venue, q.Venue))
		}
	}
	a, b := surnames(p.Authors), surnames(q.Authors)
	for k := 0; k < min(len(a), len(b)); k++ {
		if a[k] != b[k] {
			diffs = append(diffs, fmt.Sprintf("authors %s / %s", strings.Join(p.Authors, ", "), strings.Join(q.Authors, ", ")))
			break
		}
	}
	if differ(p.Arxiv, q.Arxiv) {
		diffs = append(diffs, fmt.Sprintf("arXiv id %s / %s", p.Arxiv, q.Arxiv))
	}
	return diffs
}

// venueFiller are the words sources add to or drop from a venue's name.
var venueFiller = map[string]bool{"proc": true, "proceedings": true, "of": true, "the": true, "in": true,
	"on": true, "and": true, "annual": true, "conference": true, "international": true}

// sameVenue tells whether two venues name the same one as far as words
// tell: "Proc. Advances in Neural Information Processing Systems" and
// "Advances in Neural Information Processing Systems 37 (2024)" do,
// "NeurIPS" and the latter do not.
func sameVenue(a, b string) bool {
	words := func(v string) []string {
		var w []string
		for _, x := range strings.Fields(normTitle(v)) {
			if _, err := strconv.Atoi(x); err != nil && !venueFiller[x] {
				w = append(w, x)
			}
		}
		return w
	}
	x, y := words(a), words(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) == 0 {
		return true
	}
	for _, w := range x {
		if !slices.Contains(y, w) {
			return false
		}
	}
	return true
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
		{"code", &dst.Code, &src.Code}, {"abbr", &dst.Abbr, &src.Abbr},
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
	if !dst.Selected && src.Selected {
		dst.Selected = true
		filled = append(filled, "selected")
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
