package importer

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/paperwidget/paperwidget/paper"
)

// An arXiv API response (export.arxiv.org/api/query?search_query=…, saved
// to a file) is an Atom feed with one entry per paper:
//
//	<entry>
//	  <id>http://arxiv.org/abs/2403.01234v2</id>
//	  <published>2024-03-02T17:59:59Z</published>
//	  <title>…</title> <summary>…</summary>
//	  <author><name>…</name></author>
//	  <arxiv:doi>…</arxiv:doi> <arxiv:journal_ref>…</arxiv:journal_ref>
//	  <link rel="alternate" href="http://arxiv.org/abs/2403.01234v2"/>
//	  <link title="pdf" href="http://arxiv.org/pdf/2403.01234v2"/>
//	  <category term="cs.LG"/>
//	</entry>
//
// The feed wraps titles and summaries at fixed columns, so their white
// space is normalised. Ids drop the version: the widget lists a paper, not
// one revision of it.

type atomEntry struct {
	ID         string   `xml:"id"`
	Published  string   `xml:"published"`
	Title      string   `xml:"title"`
	Summary    string   `xml:"summary"`
	Authors    []string `xml:"author>name"`
	DOI        string   `xml:"http://arxiv.org/schemas/atom doi"`
	JournalRef string   `xml:"http://arxiv.org/schemas/atom journal_ref"`
	Primary    struct {
		Term string `xml:"term,attr"`
	} `xml:"http://arxiv.org/schemas/atom primary_category"`
	Categories []struct {
		Term string `xml:"term,attr"`
	} `xml:"category"`
	Links []struct {
		Href  string `xml:"href,attr"`
		Rel   string `xml:"rel,attr"`
		Title string `xml:"title,attr"`
	} `xml:"link"`
}

func parseArxiv(name string, data []byte) (paper.List, []int, []Warning, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	// Parse has made the text UTF-8 already, whatever its declaration says.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var recs []record
	var warnings []Warning
	tex := &latexDoc{keepTilde: true}
	sawFeed := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return paper.List{}, nil, nil, xmlError(name, dec, err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if start.Name.Local == "feed" {
			sawFeed = true
			continue
		}
		if start.Name.Local != "entry" {
			if err := dec.Skip(); err != nil {
				return paper.List{}, nil, nil, xmlError(name, dec, err)
			}
			continue
		}
		line, _ := dec.InputPos()
		var e atomEntry
		if err := dec.DecodeElement(&e, &start); err != nil {
			return paper.List{}, nil, nil, xmlError(name, dec, err)
		}
		tex.line = line
		r, ws := arxivRecord(name, line, e, tex)
		warnings = append(warnings, ws...)
		if ws == nil || !ws[0].Skipped {
			recs = append(recs, r)
		}
	}
	if !sawFeed {
		return paper.List{}, nil, nil, fmt.Errorf("%s: not an Atom feed (want a saved export.arxiv.org/api/query response)", name)
	}
	warnings = append(warnings, tex.warning(name)...)
	list, lines, warnings := finish(name, recs, warnings)
	return list, lines, warnings, nil
}

func xmlError(name string, dec *xml.Decoder, err error) error {
	var syn *xml.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Errorf("%s:%d: %s", name, syn.Line, syn.Msg)
	}
	line, _ := dec.InputPos()
	return fmt.Errorf("%s:%d: %v", name, line, err)
}

func arxivRecord(name string, line int, e atomEntry, tex *latexDoc) (record, []Warning) {
	id := arxivFromURL(e.ID)
	r := record{line: line, label: fmt.Sprintf("entry %q", words(e.ID)), Paper: paper.Paper{Arxiv: id}}
	if id == "" {
		// The API reports a bad query as an entry whose id is an error page.
		return r, []Warning{{File: name, Line: line, Skipped: true,
			Msg: fmt.Sprintf("%s is not an arXiv paper (%s); skipped", r.label, words(e.Summary))}}
	}
	r.label = fmt.Sprintf("entry %q", id)
	r.Title = tex.mixed(e.Title)
	r.Abstract = tex.mixed(e.Summary)
	for _, a := range e.Authors {
		if a = tex.mixed(a); a != "" {
			r.Authors = append(r.Authors, a)
		}
	}
	if d := strings.TrimSpace(e.Published); len(d) >= 10 && isoDate.MatchString(d[:10]) {
		r.Date = d[:10]
	}
	r.DOI = cleanDOI(strings.TrimSpace(e.DOI))
	r.Venue = tex.mixed(e.JournalRef)
	terms := []string{e.Primary.Term}
	for _, c := range e.Categories {
		terms = append(terms, c.Term)
	}
	r.Tags = splitTags(strings.Join(terms, ","), strings.TrimSpace)
	for _, l := range e.Links {
		switch {
		case l.Title == "pdf" && r.PDF == "":
			r.PDF = strings.TrimSpace(l.Href)
		case l.Rel == "alternate" && r.URL == "":
			r.URL = strings.TrimSpace(l.Href)
		}
	}
	if r.URL == "" {
		r.URL = strings.TrimSpace(e.ID)
	}
	return r, nil
}

var (
	arxivNew  = `\d{4}\.\d{4,5}`
	arxivOld  = `[a-z][a-z-]*(?:\.[A-Za-z]{2})?/\d{7}`
	arxivIDRE = regexp.MustCompile(`(?i)^(?:arxiv:\s*)?(` + arxivNew + `|` + arxivOld + `)(?:v\d+)?$`)
	arxivURL  = regexp.MustCompile(`(?i)^https?://(?:export\.|www\.)?arxiv\.org/(?:abs|pdf)/(` + arxivNew + `|` + arxivOld + `)(?:v\d+)?(?:\.pdf)?/?$`)
)

var (
	// Google Scholar writes "arXiv preprint arXiv:2403.01234" and "arXiv
	// preprint cond-mat/0603845", arXiv itself "arXiv:cond-mat/0603845v2".
	arxivNamed = regexp.MustCompile(`(?i)\barxiv(?:\s+preprint)?(?:\s*:\s*|\s+)(?:arxiv:\s*)?(` + arxivNew + `|` + arxivOld + `)(?:v\d+)?\b`)
	// Listings write old ids as "0603845 [cond-mat]", new ones as
	// "2403.01234 [cs.LG]".
	arxivClassed   = regexp.MustCompile(`\b(\d{7}|` + arxivNew + `)(?:v\d+)?\s*\[([a-z][a-z-]*)(?:\.[A-Za-z-]+)?\]`)
	oldArxivNumber = regexp.MustCompile(`^\d{7}$`)
)

// arxivInText finds an arXiv id that a note or venue mentions; "" when none
// does.
func arxivInText(s string) string {
	if m := arxivNamed.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	if m := arxivClassed.FindStringSubmatch(s); m != nil {
		if oldArxivNumber.MatchString(m[1]) {
			return m[2] + "/" + m[1]
		}
		return m[1]
	}
	return ""
}

// arxivID normalises an eprint field ("arXiv:2403.01234v2", or an abs
// address) to the bare id; "" when it is no arXiv id.
func arxivID(s string) string {
	s = strings.TrimSpace(s)
	if m := arxivIDRE.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	if id := arxivFromURL(s); id != "" {
		return id
	}
	if m := arxivClassed.FindStringSubmatch(s); m != nil && m[0] == s {
		return arxivInText(s)
	}
	return ""
}

// arxivFromURL reads the id out of an abs or pdf address; "" when s is not
// one.
func arxivFromURL(s string) string {
	if m := arxivURL.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		return m[1]
	}
	return ""
}
