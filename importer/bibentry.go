package importer

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/paperwidget/paperwidget/paper"
)

func parseBib(name string, data []byte, pdfBase *url.URL) (paper.List, []int, []Warning, error) {
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
	tex := &latexDoc{}
	for i, e := range entries {
		if containers[i] {
			continue
		}
		r, ws := bibRecord(name, e, tex)
		if msg := resolvePDF(&r.Paper, pdfBase); msg != "" {
			ws = append(ws, Warning{File: name, Line: r.line, Msg: r.label + ": " + msg})
		}
		recs = append(recs, r)
		warnings = append(warnings, ws...)
	}
	warnings = append(warnings, tex.warning(name)...)
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

func bibRecord(name string, e bibEntry, tex *latexDoc) (record, []Warning) {
	f := e.fields
	tex.line = e.line
	label := fmt.Sprintf("entry %q", e.key)
	r := record{line: e.line, label: label, key: e.key}
	var warnings []Warning
	warn := func(format string, args ...any) {
		warnings = append(warnings, Warning{File: name, Line: e.line, Msg: label + ": " + fmt.Sprintf(format, args...)})
	}

	r.Title = joinTitle(tex.prose(f["title"]), tex.prose(f["subtitle"]), tex.prose(f["titleaddon"]))
	r.Authors = bibNames(f["author"], tex)
	r.Date = bibDate(f, warn)
	r.Venue = tex.prose(first(f, "journal", "journaltitle", "booktitle", "school", "institution"))
	r.DOI = cleanDOI(plain(f["doi"]))
	var linkDOI string
	r.URL, linkDOI = bibLink(first(f, "url", "html"))
	if r.DOI == "" {
		r.DOI = linkDOI
	}
	r.PDF = plain(f["pdf"])
	// al-folio's own fields: the venue's badge, its "Selected publications"
	// and its code button.
	r.Abbr = tex.prose(f["abbr"])
	r.Code = plain(f["code"])
	r.Selected = strings.EqualFold(plain(f["selected"]), "true") || strings.EqualFold(plain(f["selected"]), "yes")
	r.Abstract = tex.prose(f["abstract"])
	r.Tags = splitTags(first(f, "keywords", "keyword"), tex.prose)
	r.Bibtex = cleanBibtex(e)

	prefix := strings.ToLower(plain(first(f, "archiveprefix", "eprinttype")))
	eprint := ""
	switch {
	case f["eprint"] != "" && prefix == "arxiv":
		eprint = plain(f["eprint"])
		if class := plain(first(f, "primaryclass", "eprintclass")); oldArxivNumber.MatchString(eprint) && class != "" {
			// An old id split in two: eprint = {0603845}, primaryClass =
			// {cond-mat.stat-mech} is cond-mat/0603845.
			archive, _, _ := strings.Cut(class, ".")
			eprint = archive + "/" + eprint
		}
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
		r.Arxiv = arxivInText(r.Venue + " " + tex.text(f["note"]))
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

// resolvePDF makes a relative pdf address absolute against base, or,
// without a base, leaves it out and says what to do.
func resolvePDF(p *paper.Paper, base *url.URL) string {
	rel, err := url.Parse(p.PDF)
	if p.PDF == "" || err != nil || rel.IsAbs() || rel.Host != "" {
		return "" // the widget's own check reports what is not an address
	}
	if base == nil {
		msg := fmt.Sprintf("relative pdf %q: pass -pdf-base, e.g. https://lab.example.org/assets/pdf/ (al-folio keeps pdfs there); left out", p.PDF)
		p.PDF = ""
		return msg
	}
	p.PDF = base.ResolveReference(rel).String()
	return ""
}

// bibLink reads a url field: an address, or what lab lists paste there, an
// HTML link (`doi:<a href="https://doi.org/10.1000/xyz">10.1000/xyz</a>`)
// whose href is the address. A DOI given as the address ("doi:10.1000/xyz",
// https://doi.org/10.1000/xyz) is returned as doi too.
func bibLink(raw string) (link, doi string) {
	link = plain(raw)
	if strings.Contains(strings.ToLower(link), "<a ") {
		link = anchorHref(link)
	}
	if doiPrefix.MatchString(link) {
		doi = cleanDOI(link)
		if strings.HasPrefix(strings.ToLower(link), "doi:") {
			link = ""
		}
	}
	return link, doi
}

var (
	doiPrefix = regexp.MustCompile(`(?i)^(https?://(dx\.)?doi\.org/|doi:\s*)`)
	// resolverDOI is a DOI behind another resolver's address, as older
	// exports write it: http://doi.acm.org/10.1145/1137627.1137631.
	resolverDOI = regexp.MustCompile(`(?i)^https?://[a-z.]*\bdoi\.[a-z.]+/(10\.\d{4,9}/\S+)$`)
)

func cleanDOI(s string) string {
	if m := resolverDOI.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return doiPrefix.ReplaceAllString(s, "")
}

// bibNames turns "Last, First and First Last and others" into display
// names ("First Last", ..., "et al.").
func bibNames(raw string, tex *latexDoc) []string {
	var names []string
	for _, n := range splitTopLevel(raw, isAnd) {
		n = strings.TrimSpace(n)
		switch {
		case n == "":
		case strings.EqualFold(n, "others"):
			names = append(names, "et al.")
		default:
			names = append(names, displayName(n, tex))
		}
	}
	return names
}

// displayName reorders BibTeX's "von Last, First" and "von Last, Jr,
// First" into reading order.
func displayName(n string, tex *latexDoc) string {
	parts := splitTopLevel(n, func(s string, i int) int {
		if s[i] == ',' {
			return 1
		}
		return 0
	})
	for i := range parts {
		parts[i] = tex.prose(parts[i])
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
	year, m, d, ok := looseDate(Latex(f["year"]), false)
	switch {
	case f["year"] == "":
		return ""
	case !ok || year == "":
		warn("year %q is not a year; no date", Latex(f["year"]))
		return ""
	}
	if month := Latex(f["month"]); month != "" && m == 0 {
		if _, m, d, ok = looseDate(month, true); !ok || m == 0 {
			warn("month %q is not a month; the date keeps the year only", month)
			return year
		}
	}
	if m == 0 {
		return year
	}
	if day, err := strconv.Atoi(Latex(f["day"])); err == nil && d == 0 {
		d = day
	}
	date := fmt.Sprintf("%s-%02d", year, m)
	if d >= 1 && d <= 31 {
		date += fmt.Sprintf("-%02d", d)
	}
	return date
}

// looseDate reads a date written in words, as exports put it in year and
// month fields: "1978", "January 1978", "August 13", "13th Aug.". A lone
// number is a month when inMonth. ok is false when anything is left over.
func looseDate(s string, inMonth bool) (year string, month, day int, ok bool) {
	if m := monthNumber(s); inMonth && m != 0 {
		return "", m, 0, true
	}
	if isoDate.MatchString(s) && !inMonth {
		y, rest, _ := strings.Cut(s, "-")
		m, d, _ := strings.Cut(rest, "-")
		month, _ = strconv.Atoi(m)
		day, _ = strconv.Atoi(d)
		return y, month, day, true
	}
	tokens := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '-' || r == '/' })
	for _, t := range tokens {
		if t[0] >= '0' && t[0] <= '9' {
			t = strings.TrimRight(t, "stndrh") // 13th, 1st, 2nd, 3rd
		}
		n, err := strconv.Atoi(t)
		switch {
		case err == nil && len(t) == 4 && year == "" && !inMonth:
			year = t
		case err == nil && len(t) <= 2 && n >= 1 && n <= 31 && day == 0:
			day = n
		case err != nil && month == 0 && monthNumber(t) != 0:
			month = monthNumber(t)
		default:
			return "", 0, 0, false
		}
	}
	return year, month, day, len(tokens) > 0
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

// splitTags splits keywords as exports write them: one a line (EndNote,
// whose keywords hold commas: "Rats, Wistar"), separated by semicolons
// (MEDLINE, whose keywords hold commas too: "Action Potentials, physiology;
// Animals") or else by commas, braces protecting a separator. A line break
// separates too, but for JabRef's, which wraps long fields with a line
// break and a tab. Each tag is cleaned (its LaTeX converted), then kept
// once.
func splitTags(s string, clean func(string) string) []string {
	sep := byte(',')
	switch {
	case strings.ContainsRune(s, ';'):
		sep = ';'
	case oneAline(s):
		sep = '\n'
	}
	if sep != '\n' {
		s = wrappedLine.ReplaceAllString(s, " ")
	}
	var tags []string
	seen := map[string]bool{}
	for _, t := range splitTopLevel(s, func(s string, i int) int {
		if s[i] == sep || s[i] == '\n' || s[i] == '\r' {
			return 1
		}
		return 0
	}) {
		t = words(clean(t))
		if t != "" && !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			tags = append(tags, t)
		}
	}
	return tags
}

var wrappedLine = regexp.MustCompile(`\r?\n\t[ \t]*`)

// oneAline tells a list of one keyword a line from a list with separators
// wrapped across lines, whose lines end (or start) with a comma or, in
// JabRef's files, go on after a tab.
func oneAline(s string) bool {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		if i > 0 && strings.HasPrefix(l, "\t") {
			return false
		}
		if l = strings.TrimSpace(l); strings.HasPrefix(l, ",") || strings.HasSuffix(l, ",") {
			return false
		}
	}
	return len(lines) > 1
}

// joinTitle joins a title with its subtitle ("Title: Subtitle") and its
// addon ("Title. Addon", biblatex's punctuation before a title addon).
func joinTitle(title, subtitle, addon string) string {
	return appendPart(appendPart(title, ":", subtitle), ".", addon)
}

// appendPart adds part to s after punct, unless s ends in punctuation
// already ("Why?", "Part I:").
func appendPart(s, punct, part string) string {
	switch {
	case part == "":
		return s
	case s == "":
		return part
	case strings.ContainsAny(s[len(s)-1:], ".?!:;"):
		return s + " " + part
	}
	return s + punct + " " + part
}
