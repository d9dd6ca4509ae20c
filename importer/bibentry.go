package importer

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/paperwidget/paperwidget/paper"
)

func parseBib(name string, data []byte) (paper.List, []int, []Warning, error) {
	if !utf8.Valid(data) {
		line := 1
		for i := 0; i < len(data); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				line += bytes.Count(data[:i], []byte("\n"))
				break
			}
			i += n
		}
		return paper.List{}, nil, nil, fmt.Errorf("%s:%d: not UTF-8 text (save the file as UTF-8; BibTeX's own accents such as {\\\"o} work too)", name, line)
	}
	budget := newExpansion(len(data))
	entries, warnings, err := parseBibTeX(name, data, budget)
	if err != nil {
		return paper.List{}, nil, nil, err
	}
	if len(entries) == 0 && len(warnings) == 0 {
		return paper.List{}, nil, nil, fmt.Errorf("%s: no BibTeX entries found", name)
	}
	containers, crossWarnings := resolveCrossrefs(name, entries, budget)
	if budget.err != nil {
		return paper.List{}, nil, nil, budget.err
	}
	warnings = append(warnings, crossWarnings...)

	var recs []record
	for i, e := range entries {
		if containers[i] {
			continue
		}
		r, ws := bibRecord(name, e)
		recs = append(recs, r)
		warnings = append(warnings, ws...)
	}
	list, lines, warnings := finish(name, recs, warnings)
	return list, lines, warnings, nil
}

// containerTypes hold papers rather than being one: named by another
// entry's crossref, such an entry is where that paper appeared, and is not
// listed itself. A @book nobody names is a paper (a lab's own monograph);
// an @article named by a crossref stays a paper.
var containerTypes = map[string]bool{
	"proceedings": true, "mvproceedings": true, "book": true, "mvbook": true, "collection": true,
	"mvcollection": true, "periodical": true, "reference": true, "mvreference": true,
}

// notInherited are the fields that describe a crossref'd entry itself,
// not the works in it: a chapter does not have its book's DOI, abstract,
// links or keywords. Biber's default inheritance copies them; for a list
// of papers it would give every paper of a volume the volume's DOI (and
// merge them) and copy a volume's abstract into each paper.
var notInherited = map[string]bool{
	"abstract": true, "doi": true, "eprint": true, "eprinttype": true, "eprintclass": true, "archiveprefix": true,
	"primaryclass": true, "arxiv": true, "url": true, "urldate": true, "pdf": true, "file": true, "keywords": true,
	"keyword": true, "ids": true, "crossref": true, "xref": true, "shorttitle": true, "sorttitle": true,
	"indextitle": true, "label": true, "shorthand": true, "sortkey": true, "entryset": true, "note": true,
}

// resolveCrossrefs copies into each entry with crossref the fields it
// lacks from the entry it names (itself resolved first, so a chapter gets
// its book's series from the book's own crossref). A container's title
// becomes the entry's booktitle (journaltitle for a periodical), its
// subtitle and titleaddon the book's. It returns the containers, which are
// not listed. A loop is reported and nothing is inherited along it.
func resolveCrossrefs(name string, entries []bibEntry, budget *expansion) (map[int]bool, []Warning) {
	byKey := map[string]int{}
	for i, e := range entries {
		if _, dup := byKey[strings.ToLower(e.key)]; !dup {
			byKey[strings.ToLower(e.key)] = i
		}
	}
	const (
		todo = iota
		visiting
		done
	)
	state := make([]int, len(entries))
	inLoop := map[int]bool{}
	containers := map[int]bool{}
	var warnings []Warning
	var stack []int
	var resolve func(i int)
	resolve = func(i int) {
		state[i] = visiting
		stack = append(stack, i)
		defer func() { state[i] = done; stack = stack[:len(stack)-1] }()
		e := entries[i]
		ref := plain(e.fields["crossref"])
		if ref == "" {
			return
		}
		j, ok := byKey[strings.ToLower(ref)]
		if !ok || j == i {
			warnings = append(warnings, Warning{File: name, Line: e.line,
				Msg: fmt.Sprintf("entry %q: crossref %q names no other entry of this file; nothing inherited", e.key, ref)})
			return
		}
		if state[j] == visiting {
			loop := stack[slices.Index(stack, j):]
			var keys []string
			for _, k := range loop {
				keys = append(keys, fmt.Sprintf("%q (line %d)", entries[k].key, entries[k].line))
				inLoop[k] = true
			}
			keys = append(keys, fmt.Sprintf("%q", entries[j].key))
			warnings = append(warnings, Warning{File: name, Line: entries[j].line,
				Msg: "crossref loop " + strings.Join(keys, " -> ") + ": nothing inherited along it; each is listed as a paper"})
			return
		}
		if state[j] == todo {
			resolve(j)
		}
		if inLoop[i] {
			return
		}
		if containerTypes[entries[j].typ] {
			containers[j] = true
		}
		inherit(&entries[i], entries[j], func(n int) bool {
			return budget.spend(n, name, e.line, fmt.Sprintf("entry %q: crossref %q", e.key, ref))
		})
	}
	for i := range entries {
		if state[i] == todo {
			resolve(i)
		}
		if budget.err != nil {
			break
		}
	}
	for i := range inLoop {
		delete(containers, i)
	}
	return containers, warnings
}

// inherit copies into e what it lacks of parent's fields, in parent's
// order, while spend allows their size.
func inherit(e *bibEntry, parent bibEntry, spend func(int) bool) {
	rename := map[string]string{}
	_, titled := parent.fields["title"]
	switch {
	case parent.typ == "periodical":
		rename = map[string]string{"title": "journaltitle", "subtitle": "journalsubtitle", "titleaddon": "journaltitleaddon"}
	case containerTypes[parent.typ]:
		rename = map[string]string{"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon"}
	}
	for _, k := range parent.order {
		target, renamed := rename[k]
		if !renamed {
			target = k
		}
		// A container's own booktitle or journal is where it appeared
		// (a volume's series), not where the paper did: its title is.
		ownVenue := !renamed && len(rename) > 0 && titled && (k == "booktitle" || k == "journaltitle" || k == "journal")
		if _, has := e.fields[target]; has || ownVenue || notInherited[k] || siteOnly(k) {
			continue
		}
		v := parent.fields[k]
		if !spend(len(v)) {
			return
		}
		e.fields[target] = v
		e.order = append(e.order, target)
	}
}

var arxivInText = regexp.MustCompile(`(?i)\barxiv:\s*([a-z.-]+/\d{7}|\d{4}\.\d{4,5})(v\d+)?\b`)

func bibRecord(name string, e bibEntry) (record, []Warning) {
	f := e.fields
	label := fmt.Sprintf("entry %q", e.key)
	r := record{line: e.line, label: label, key: e.key}
	var warnings []Warning
	warn := func(format string, args ...any) {
		warnings = append(warnings, Warning{File: name, Line: e.line, Msg: label + ": " + fmt.Sprintf(format, args...)})
	}

	r.Title = Latex(f["title"])
	r.Authors = bibNames(f["author"])
	r.Date = bibDate(f, warn)
	r.Venue = Latex(first(f, "journal", "journaltitle", "booktitle", "school", "institution"))
	r.DOI = cleanDOI(plain(f["doi"]))
	r.URL = plain(first(f, "url", "html"))
	r.PDF = plain(f["pdf"])
	r.Abstract = Latex(f["abstract"])
	r.Tags = splitTags(Latex(first(f, "keywords", "keyword")))
	r.Bibtex = cleanBibtex(e)

	prefix := strings.ToLower(plain(first(f, "archiveprefix", "eprinttype")))
	eprint := ""
	switch {
	case f["eprint"] != "" && prefix == "arxiv":
		eprint = plain(f["eprint"])
	case f["arxiv"] != "": // al-folio's field
		eprint = plain(f["arxiv"])
	}
	switch {
	case eprint != "":
		if r.Arxiv = arxivID(eprint); r.Arxiv == "" {
			warn("%q is not an arXiv id (2403.01234 or hep-th/9901001); left out", eprint)
		}
	default:
		// Google Scholar writes arXiv preprints as
		// journal={arXiv preprint arXiv:2403.01234}.
		if m := arxivInText.FindStringSubmatch(r.Venue + " " + Latex(f["note"])); m != nil {
			r.Arxiv = m[1]
		}
	}
	return r, warnings
}

func first(f map[string]string, names ...string) string {
	for _, n := range names {
		if v := strings.TrimSpace(f[n]); v != "" {
			return v
		}
	}
	return ""
}

// plain reads a field that is an identifier or an address, not prose: LaTeX
// there is only braces, \url{} and escaped punctuation ("10.1000/a\_b").
func plain(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, `\url`)
	s = strings.NewReplacer("{", "", "}", "", `\_`, "_", `\%`, "%", `\&`, "&", `\#`, "#", `\~`, "~", `\$`, "$").Replace(s)
	return strings.TrimSpace(s)
}

var doiPrefix = regexp.MustCompile(`(?i)^(https?://(dx\.)?doi\.org/|doi:\s*)`)

func cleanDOI(s string) string {
	return doiPrefix.ReplaceAllString(s, "")
}

// bibNames turns "Last, First and First Last and others" into display
// names ("First Last", ..., "et al.").
func bibNames(raw string) []string {
	var names []string
	for _, n := range splitTopLevel(raw, isAnd) {
		n = strings.TrimSpace(n)
		switch {
		case n == "":
		case strings.EqualFold(n, "others"):
			names = append(names, "et al.")
		default:
			names = append(names, displayName(n))
		}
	}
	return names
}

// displayName reorders BibTeX's "von Last, First" and "von Last, Jr,
// First" into reading order.
func displayName(n string) string {
	parts := splitTopLevel(n, func(s string, i int) int {
		if s[i] == ',' {
			return 1
		}
		return 0
	})
	for i := range parts {
		parts[i] = Latex(parts[i])
	}
	switch len(parts) {
	case 1:
		return parts[0]
	case 2:
		return words(parts[1] + " " + parts[0])
	default:
		return words(parts[2] + " " + parts[0] + " " + parts[1])
	}
}

// isAnd matches " and " (any case, any white space around it) at s[i],
// returning its length.
func isAnd(s string, i int) int {
	if !isSpace(s[i]) {
		return 0
	}
	j := i
	for j < len(s) && isSpace(s[j]) {
		j++
	}
	if j+4 > len(s) || !strings.EqualFold(s[j:j+3], "and") || !isSpace(s[j+3]) {
		return 0
	}
	return j + 4 - i
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// splitTopLevel splits s at separators outside braces, where braces protect
// a corporate name ("{Barnes and Noble}") or a comma.
func splitTopLevel(s string, sep func(s string, i int) int) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		default:
			if depth == 0 {
				if n := sep(s, i); n > 0 {
					parts = append(parts, s[start:i])
					start = i + n
					i += n - 1
				}
			}
		}
	}
	return append(parts, s[start:])
}

var isoDate = regexp.MustCompile(`^(\d{4})(-\d{2}(-\d{2})?)?$`)

// bibDate reads biblatex's date (a range keeps its start), else year, month
// and day; whatever is unreadable is reported and the rest kept.
func bibDate(f map[string]string, warn func(string, ...any)) string {
	if d := Latex(f["date"]); d != "" {
		start, _, _ := strings.Cut(d, "/")
		if isoDate.MatchString(start) {
			return start
		}
		warn("date %q is not YYYY, YYYY-MM or YYYY-MM-DD; using year and month", d)
	}
	year := Latex(f["year"])
	if year == "" {
		return ""
	}
	if !isoDate.MatchString(year) || len(year) != 4 {
		warn("year %q is not a year; no date", year)
		return ""
	}
	month := Latex(f["month"])
	if month == "" {
		return year
	}
	m := monthNumber(month)
	if m == 0 {
		warn("month %q is not a month; the date keeps the year only", month)
		return year
	}
	date := fmt.Sprintf("%s-%02d", year, m)
	if d, err := strconv.Atoi(Latex(f["day"])); err == nil && d >= 1 && d <= 31 {
		date += fmt.Sprintf("-%02d", d)
	}
	return date
}

func monthNumber(s string) int {
	s = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= 12 {
			return n
		}
		return 0
	}
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if len(s) >= 3 && strings.HasPrefix(strings.ToLower(monthMacros[m]), s) {
			return i + 1
		}
	}
	return 0
}

// splitTags splits keywords on commas and semicolons, the two separators
// exports use, keeping each tag once.
func splitTags(s string) []string {
	var tags []string
	seen := map[string]bool{}
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		t = words(t)
		if t != "" && !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			tags = append(tags, t)
		}
	}
	return tags
}
