package paper

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Problem is one thing wrong with a list, located precisely enough for the
// list's author to fix it: "papers[7].date: "2024-13-01" is not a date".
type Problem struct {
	Index int    // position in the papers array, -1 for the whole list
	Field string // JSON field name, empty for the whole paper
	Msg   string
	// Skipped tells whether the paper was left out of the list; otherwise
	// only the offending field was dropped.
	Skipped bool
}

func (p Problem) Error() string {
	where := "list"
	if p.Index >= 0 {
		where = fmt.Sprintf("papers[%d]", p.Index)
		if p.Field != "" {
			where += "." + p.Field
		}
	}
	return where + ": " + p.Msg
}

// SyntaxError is a list that is not JSON at all, with the 1-based line and
// column where parsing stopped.
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// Decode reads a list in the widget's JSON format: an object with "papers",
// or a bare array of papers. An error means nothing could be read; problems
// name papers or fields that were dropped while the rest of the list was kept.
func Decode(data []byte) (List, []Problem, error) {
	return decode(bytes.Clone(data), nil)
}

// DecodeShared is Decode for a caller that hands data over, such as a
// browser that fetched a list of 100,000 papers: the strings of the list
// share data's memory instead of copying it, so data must not change
// afterwards. pause, when not nil, is called between slices of the work,
// so that the caller can let its event loop run.
func DecodeShared(data []byte, pause func()) (List, []Problem, error) {
	return decode(data, pause)
}

func decode(data []byte, pause func()) (List, []Problem, error) {
	data, err := document(data)
	if err != nil {
		return List{}, nil, err
	}
	if list, problems, ok := decodeFast(data, pause); ok {
		return list, problems, nil
	}
	return decodeSlow(data)
}

// document is data without the byte order mark some editors write, or an
// error when nothing is left.
func document(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("the list is empty (no JSON at all)")
	}
	return data, nil
}

// decodeSlow is the general decoder: the one that names every error.
func decodeSlow(data []byte) (List, []Problem, error) {
	if err := checkSyntax(data); err != nil {
		return List{}, nil, err
	}
	raw := topValue(data)
	var list List
	items := raw
	switch raw[0] {
	case '[':
	case '{':
		// Names match whatever their case, and the last of a name wins, as
		// they do for encoding/json.
		var title, highlight []byte
		items = nil
		members(raw, func(name string, v []byte) {
			switch {
			case strings.EqualFold(name, "title"):
				title = v
			case strings.EqualFold(name, "highlight"):
				highlight = v
			case strings.EqualFold(name, "papers"):
				items = v
			}
		})
		if title != nil && !isNull(title) {
			if title[0] != '"' {
				return List{}, nil, fmt.Errorf(`"title" must be a string, got %s`, kind(title))
			}
			list.Title = stringValue(title)
		}
		if highlight != nil && !isNull(highlight) {
			var ok bool
			if list.Highlight, ok = stringList(highlight); !ok {
				return List{}, nil, fmt.Errorf(`"highlight" must be an array of author names, got %s`, kind(highlight))
			}
		}
		if items == nil {
			return List{}, nil, errors.New(`missing "papers": want {"papers": [...]} or a bare array of papers`)
		}
		if items[0] != '[' && !isNull(items) {
			return List{}, nil, fmt.Errorf(`"papers" must be an array, got %s`, kind(items))
		}
	default:
		return List{}, nil, fmt.Errorf("want an object with \"papers\" or an array of papers, got %s", kind(raw))
	}

	list.Papers = []Paper{}
	c := collector{list: &list}
	if !isNull(items) {
		i := 0
		members(items, func(_ string, item []byte) {
			p, probs := decodePaper(i, item)
			c.add(i, p, probs)
			i++
		})
	}
	return list, c.problems, nil
}

func isNull(v []byte) bool { return string(v) == "null" }

// stringList reads a checked JSON array of strings, a null element as "".
func stringList(v []byte) ([]string, bool) {
	if v[0] != '[' {
		return nil, false
	}
	out, ok := []string{}, true
	members(v, func(_ string, e []byte) {
		switch {
		case e[0] == '"':
			out = append(out, stringValue(e))
		case isNull(e):
			out = append(out, "")
		default:
			ok = false
		}
	})
	if !ok {
		return nil, false
	}
	return out, true
}

// collector gathers decoded papers into a list, both decoders' way: the
// problems of each paper, and a later paper reusing an id left out.
type collector struct {
	list     *List
	seen     map[string]int
	problems []Problem
}

// add records papers[i]: p is nil when the paper was left out.
func (c *collector) add(i int, p *Paper, problems []Problem) {
	c.problems = append(c.problems, problems...)
	if p == nil {
		return
	}
	if c.seen == nil {
		c.seen = map[string]int{}
	}
	if first, dup := c.seen[p.ID]; dup {
		c.problems = append(c.problems, Problem{Index: i, Field: "id", Skipped: true,
			Msg: fmt.Sprintf("duplicate id %q (first used by papers[%d])", truncate(p.ID, 80), first)})
		return
	}
	c.seen[p.ID] = i
	c.list.Papers = append(c.list.Papers, *p)
}

// decodePaper checks each known field on its own so that one bad field is
// named precisely instead of failing the whole paper with a generic message.
// item is checked JSON.
func decodePaper(i int, item []byte) (*Paper, []Problem) {
	if item[0] != '{' {
		return nil, []Problem{{Index: i, Skipped: true, Msg: "want an object, got " + kind(item)}}
	}
	fields := map[string][]byte{}
	members(item, func(name string, v []byte) { fields[name] = v })
	var p Paper
	var problems []Problem
	// Invalid UTF-8 inside strings reads as U+FFFD: keep the paper, and say
	// which field lost bytes.
	if !utf8.Valid(item) {
		var bad []string
		for name, v := range fields {
			if !utf8.Valid(v) {
				bad = append(bad, name)
			}
		}
		slices.Sort(bad) // a sort of Problems by field was 19 KB of app.wasm
		for _, name := range bad {
			problems = append(problems, Problem{Index: i, Field: truncate(name, 80), Msg: "contains invalid UTF-8, shown as �"})
		}
	}
	skip := func(field, msg string) {
		problems = append(problems, Problem{Index: i, Field: field, Msg: msg, Skipped: true})
	}
	drop := func(field, msg string) {
		problems = append(problems, Problem{Index: i, Field: field, Msg: msg})
	}

	required := []struct {
		name string
		dst  *string
	}{{"id", &p.ID}, {"title", &p.Title}}
	for _, f := range required {
		v, ok := fields[f.name]
		switch {
		case !ok || isNull(v):
			skip(f.name, "missing (required)")
		case v[0] != '"':
			skip(f.name, "must be a string, got "+kind(v))
		default:
			if *f.dst = stringValue(v); strings.TrimSpace(*f.dst) == "" {
				skip(f.name, "is empty (required)")
			}
		}
	}
	if slices.ContainsFunc(problems, func(p Problem) bool { return p.Skipped }) {
		return nil, problems
	}
	p.ID = strings.TrimSpace(p.ID)
	p.Title = strings.TrimSpace(p.Title)
	if msg := checkID(p.ID); msg != "" {
		skip("id", msg)
		return nil, problems
	}

	strs := []struct {
		name  string
		dst   *string
		check func(string) string
	}{
		{"abstract", &p.Abstract, nil},
		{"date", &p.Date, checkDate},
		{"venue", &p.Venue, nil},
		{"abbr", &p.Abbr, nil},
		{"url", &p.URL, checkLink},
		{"pdf", &p.PDF, checkLink},
		{"doi", &p.DOI, nil},
		{"arxiv", &p.Arxiv, nil},
		{"code", &p.Code, checkLink},
		{"bibtex", &p.Bibtex, nil},
	}
	for _, f := range strs {
		v, ok := fields[f.name]
		if !ok || isNull(v) {
			continue
		}
		if v[0] != '"' {
			drop(f.name, "must be a string, got "+kind(v))
			continue
		}
		s := strings.TrimSpace(stringValue(v))
		if f.check != nil {
			if msg := f.check(s); msg != "" {
				drop(f.name, msg)
				continue
			}
		}
		*f.dst = s
	}

	if v, ok := fields["selected"]; ok && !isNull(v) {
		if p.Selected = string(v) == "true"; !p.Selected && string(v) != "false" {
			drop("selected", "must be true or false, got "+kind(v))
		}
	}

	lists := []struct {
		name string
		dst  *[]string
	}{{"authors", &p.Authors}, {"tags", &p.Tags}}
	for _, f := range lists {
		v, ok := fields[f.name]
		if !ok || isNull(v) {
			continue
		}
		if *f.dst, ok = stringList(v); !ok {
			drop(f.name, "must be an array of strings, got "+kind(v))
		}
	}
	return &p, append(problems, limit(i, &p)...)
}

// checkDate accepts YYYY, YYYY-MM and YYYY-MM-DD (ASCII digits, month 01-12,
// day 01-31). It runs for every paper of a list, so it avoids regexp and
// formats a message only for a bad date.
func checkDate(s string) string {
	ok := len(s) == 4 || len(s) == 7 || len(s) == 10
	for i := 0; ok && i < len(s); i++ {
		if i == 4 || i == 7 {
			ok = s[i] == '-'
		} else {
			ok = '0' <= s[i] && s[i] <= '9'
		}
	}
	if ok && len(s) >= 7 {
		ok = s[5:7] >= "01" && s[5:7] <= "12"
	}
	if ok && len(s) == 10 {
		ok = s[8:10] >= "01" && s[8:10] <= "31"
	}
	if ok {
		return ""
	}
	return fmt.Sprintf("%q is not a date (want YYYY, YYYY-MM or YYYY-MM-DD)", truncate(s, 80))
}

// unsafeChar finds the first character that may not appear in ids or
// links: ids end up in element ids and URL fragments, and go-app quotes
// attribute values with strconv.Quote, which HTML does not read as
// escaping. Quotes and angle brackets would end the attribute; characters
// strconv.Quote escapes (invisible ones: zero-width spaces, bidi controls
// such as U+202E, soft hyphens) reach index.html as "\u200b", so the
// pre-rendered page's permalinks and links would differ from the live ones.
func unsafeChar(s string) (rune, bool) {
	i := strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || !strconv.IsPrint(r) || strings.ContainsRune("\"'<>\\`", r)
	})
	if i < 0 {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r, true
}

// invisible names an unsafe character that the reader cannot see in the
// message's quoted value, or is "".
func invisible(r rune) string {
	if r == ' ' || strconv.IsPrint(r) && !unicode.IsSpace(r) {
		return ""
	}
	return fmt.Sprintf(" (it contains U+%04X, which is invisible)", r)
}

func checkID(id string) string {
	if len(id) > 200 {
		return fmt.Sprintf("%q is longer than 200 bytes", truncate(id, 40))
	}
	if r, bad := unsafeChar(id); bad {
		return fmt.Sprintf("%q may not contain spaces, quotes, <, >, \\, control or invisible characters%s", truncate(id, 80), invisible(r))
	}
	return ""
}

// checkLink allows only absolute http(s) URLs: anything else (javascript:,
// data:, protocol-relative) could run script or leave the page silently.
func checkLink(s string) string {
	if r, bad := unsafeChar(s); bad {
		return fmt.Sprintf("%q is not a valid link (spaces, quotes, <, >, \\ and invisible characters must be percent-encoded)%s", truncate(s, 80), invisible(r))
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Sprintf("%q is not an http(s) link", truncate(s, 80))
	}
	return ""
}

func kind(v []byte) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "nothing"
	}
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}

// truncate shortens s to n bytes or a little less, ending on a whole
// character, for quoting in a message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
