package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/paperwidget/paperwidget/paper"
)

// CSL-JSON is what Zotero ("Export Library… > CSL JSON"), Pandoc and
// citation.js write: an array of items such as
//
//	{"id": "smith2020", "type": "article-journal", "title": "…",
//	 "author": [{"family": "Smith", "given": "Jane"}, {"literal": "The Lab"}],
//	 "issued": {"date-parts": [[2020, 3, 15]]}, "container-title": "Nature",
//	 "DOI": "10.1038/…", "URL": "https://…", "abstract": "…", "keyword": "a, b"}
//
// Exports disagree on details: numbers written as strings ("2020"), ids that
// are numbers, dates given as "raw" or "literal" text instead of date-parts,
// so each field is read leniently on its own and a field that cannot be read
// is reported and left out rather than failing the item.

// isCSL tells CSL-JSON from the widget's bare array by the first item's
// keys: the widget's papers have "authors" (strings), CSL items "author"
// (objects), "issued" and "type".
//
// Only the items up to the first object are read: a widget list can be
// large, and detection should not parse it twice.
func isCSL(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return false
	}
	for dec.More() {
		var it map[string]json.RawMessage
		if dec.Decode(&it) != nil {
			return false
		}
		if it == nil {
			continue
		}
		if _, widget := it["authors"]; widget {
			return false
		}
		for _, k := range []string{"type", "issued", "author", "container-title"} {
			if _, ok := it[k]; ok {
				return true
			}
		}
		return false
	}
	return false
}

type cslName struct {
	Family, Given, Literal, Suffix string
	Particle                       string `json:"non-dropping-particle"`
	DroppingParticle               string `json:"dropping-particle"`
}

func (n cslName) display() string {
	if n.Literal != "" {
		return n.Literal
	}
	return strings.Join([]string{n.Given, n.DroppingParticle, n.Particle, n.Family, n.Suffix}, " ")
}

func parseCSL(name string, data []byte) (paper.List, []int, []Warning, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return paper.List{}, nil, nil, fmt.Errorf("%s: CSL-JSON is an array of items ([{\"id\": …, \"title\": …}, …]); this is not one", name)
	}
	var recs []record
	var warnings []Warning
	counter := lineCounter{data: data, line: 1}
	tex := &latexDoc{keepTilde: true}
	for i := 0; dec.More(); i++ {
		start := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return paper.List{}, nil, nil, jsonError(name, data, err)
		}
		line := counter.at(start + int64(bytes.IndexAny(data[start:], "{[\"0123456789tfn-")))
		tex.line = line
		r, ws, ok := cslRecord(name, i, line, raw, tex)
		if ok {
			recs = append(recs, r)
		}
		warnings = append(warnings, ws...)
	}
	if _, err := dec.Token(); err != nil {
		return paper.List{}, nil, nil, jsonError(name, data, err)
	}
	warnings = append(warnings, tex.warning(name)...)
	list, lines, warnings := finish(name, recs, warnings)
	return list, lines, warnings, nil
}

func jsonError(name string, data []byte, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Errorf("%s:%d: %v", name, lineOf(data, syn.Offset), err)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: the JSON ends too early (a missing \"]\" or \"}\")", name)
	}
	return fmt.Errorf("%s: %v", name, err)
}

func lineOf(data []byte, offset int64) int {
	offset = max(0, min(offset, int64(len(data))))
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

var cslYear = regexp.MustCompile(`\b\d{4}\b`)

// cslRecord reads one item; ok is false when it is no item at all.
func cslRecord(name string, i, line int, raw json.RawMessage, tex *latexDoc) (r record, warnings []Warning, ok bool) {
	r = record{line: line, label: fmt.Sprintf("item %d", i+1)}
	warn := func(format string, args ...any) {
		warnings = append(warnings, Warning{File: name, Line: line, Msg: r.label + ": " + fmt.Sprintf(format, args...)})
	}
	var f map[string]json.RawMessage
	if json.Unmarshal(raw, &f) != nil {
		warnings = append(warnings, Warning{File: name, Line: line, Skipped: true, Msg: r.label + ": want an object; skipped"})
		return r, warnings, false
	}
	text := func(key string) string {
		v, ok := f[key]
		if !ok || string(v) == "null" {
			return ""
		}
		var s string
		if json.Unmarshal(v, &s) == nil {
			return strings.TrimSpace(s)
		}
		var n json.Number
		if json.Unmarshal(v, &n) == nil {
			return n.String()
		}
		warn("%s: want text, got %s; left out", key, firstLine(string(v)))
		return ""
	}

	r.key = text("id")
	if r.key != "" {
		r.label = fmt.Sprintf("item %d (%q)", i+1, r.key)
	}
	// Prose fields are rich text, and may hold LaTeX; identifiers and
	// addresses are neither ("&copy=1" in a URL is no entity).
	prose := func(key string) string { return tex.mixed(text(key)) }
	r.Title = joinTitle(prose("title"), prose("subtitle"), "")
	r.Abstract = prose("abstract")
	r.Venue = prose("container-title")
	if r.Venue == "" && strings.Contains(" thesis report ", " "+text("type")+" ") {
		r.Venue = prose("publisher") // the university or institute
	}
	r.DOI = cleanDOI(text("DOI"))
	r.URL = text("URL")
	r.Tags = splitTags(richText(text("keyword")), tex.mixed)
	r.Arxiv = arxivFromURL(r.URL)
	if r.Arxiv == "" {
		r.Arxiv = arxivInText(text("number") + " " + text("note") + " " + r.Venue)
	}

	if v, ok := f["author"]; ok {
		var names []cslName
		if json.Unmarshal(v, &names) != nil {
			warn("author: want a list of names ({\"family\": …, \"given\": …}); left out")
		}
		for _, n := range names {
			if d := tex.mixed(n.display()); d != "" {
				r.Authors = append(r.Authors, d)
			}
		}
	}
	if v, ok := f["issued"]; ok {
		r.Date = cslDate(v, warn)
	}
	return r, warnings, true
}

// cslDate reads "issued": date-parts first, then the raw or literal text.
func cslDate(v json.RawMessage, warn func(string, ...any)) string {
	var d struct {
		Parts   [][]json.RawMessage `json:"date-parts"`
		Raw     string              `json:"raw"`
		Literal string              `json:"literal"`
	}
	if json.Unmarshal(v, &d) != nil {
		warn("issued: want {\"date-parts\": [[year, month, day]]}; no date")
		return ""
	}
	if len(d.Parts) > 0 && len(d.Parts[0]) > 0 {
		var nums []int
		for _, p := range d.Parts[0] {
			var n int
			var s string
			if json.Unmarshal(p, &n) != nil {
				if json.Unmarshal(p, &s) != nil {
					break
				}
				var err error
				if n, err = strconv.Atoi(strings.TrimSpace(s)); err != nil {
					break
				}
			}
			nums = append(nums, n)
		}
		date, used := formatDate(nums)
		if used < len(d.Parts[0]) {
			kept := "no date"
			if date != "" {
				kept = "kept " + date
			}
			warn("issued: date-parts %s is not a valid date; %s", words(string(v)), kept)
		}
		return date
	}
	text := words(d.Raw + " " + d.Literal)
	if text == "" {
		return ""
	}
	if isoDate.MatchString(text) {
		return text
	}
	if y := cslYear.FindString(text); y != "" {
		warn("issued: date %q read as the year %s", text, y)
		return y
	}
	warn("issued: %q is not a date; no date", text)
	return ""
}

// formatDate writes year, month and day as far as they are valid, and
// says how many of nums it used.
func formatDate(nums []int) (string, int) {
	if len(nums) == 0 || nums[0] < 1000 || nums[0] > 9999 {
		return "", 0
	}
	date := strconv.Itoa(nums[0])
	if len(nums) < 2 || nums[1] < 1 || nums[1] > 12 {
		return date, 1
	}
	date += fmt.Sprintf("-%02d", nums[1])
	if len(nums) < 3 || nums[2] < 1 || nums[2] > 31 {
		return date, 2
	}
	return date + fmt.Sprintf("-%02d", nums[2]), 3
}
