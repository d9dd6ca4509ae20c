package paper

import (
	"fmt"
	"unicode/utf8"
)

// Limits on what one paper may bring into the page. A list is other
// people's file: a 1 MB title was 130,000 highlights and seconds of layout
// per keystroke, 100,000 authors blocked the page for seconds, and
// twenty-five 1 MB titles ran app.wasm out of memory. Longer text is cut
// (and ends in "…"), longer lists of names are shortened, longer links are
// dropped, each with a problem naming the paper and the field; what is cut
// is neither shown nor searched. Real papers stay far below them.
const (
	MaxTitle    = 500    // characters
	MaxAbstract = 20_000 // characters
	MaxBibtex   = 20_000 // characters
	MaxText     = 500    // characters of a venue, DOI, arXiv id, author or tag
	MaxLink     = 2_000  // bytes of a url or pdf link
	MaxAuthors  = 100
	MaxTags     = 50
)

// overLimits reports whether p has any field limit would change: the fast
// decoders leave such a paper to the general one, which says what it cut.
func overLimits(p *Paper) bool {
	for _, f := range textLimits(p) {
		if long(*f.s, f.max) {
			return true
		}
	}
	if len(p.URL) > MaxLink || len(p.PDF) > MaxLink || len(p.Authors) > MaxAuthors || len(p.Tags) > MaxTags {
		return true
	}
	for _, l := range [][]string{p.Authors, p.Tags} {
		for _, s := range l {
			if long(s, MaxText) {
				return true
			}
		}
	}
	return false
}

type textLimit struct {
	name string
	s    *string
	max  int
}

func textLimits(p *Paper) []textLimit {
	return []textLimit{{"title", &p.Title, MaxTitle}, {"abstract", &p.Abstract, MaxAbstract},
		{"bibtex", &p.Bibtex, MaxBibtex}, {"venue", &p.Venue, MaxText}, {"abbr", &p.Abbr, MaxText}, {"doi", &p.DOI, MaxText}, {"arxiv", &p.Arxiv, MaxText}}
}

// limit cuts p's fields to the limits, and says what it cut in problems
// about papers[i].
func limit(i int, p *Paper) []Problem {
	var problems []Problem
	cut := func(field, msg string, args ...any) {
		problems = append(problems, Problem{Index: i, Field: field, Msg: fmt.Sprintf(msg, args...)})
	}
	for _, f := range textLimits(p) {
		if long(*f.s, f.max) {
			cut(f.name, "is %d characters long: cut to %d", utf8.RuneCountInString(*f.s), f.max)
			*f.s = clip(*f.s, f.max)
		}
	}
	for _, f := range []struct {
		name string
		s    *string
	}{{"url", &p.URL}, {"pdf", &p.PDF}} {
		if len(*f.s) > MaxLink {
			cut(f.name, "%q is longer than %d bytes: dropped", truncate(*f.s, 80), MaxLink)
			*f.s = ""
		}
	}
	for _, f := range []struct {
		name string
		l    *[]string
		max  int
	}{{"authors", &p.Authors, MaxAuthors}, {"tags", &p.Tags, MaxTags}} {
		if len(*f.l) > f.max {
			cut(f.name, "has %d entries: only the first %d are kept", len(*f.l), f.max)
			*f.l = (*f.l)[:f.max:f.max]
		}
		for j, s := range *f.l {
			if long(s, MaxText) {
				cut(fmt.Sprintf("%s[%d]", f.name, j), "is %d characters long: cut to %d", utf8.RuneCountInString(s), MaxText)
				(*f.l)[j] = clip(s, MaxText)
			}
		}
	}
	return problems
}

// long reports whether s has more than n characters, counting them only
// when its length in bytes allows it.
func long(s string, n int) bool {
	return len(s) > n && utf8.RuneCountInString(s) > n
}

// clip returns the first n-1 characters of s followed by "…": n in all,
// so that a list written out after the cut reads back without a cut.
func clip(s string, n int) string {
	i := 0
	for range n - 1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}
