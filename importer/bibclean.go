package importer

import (
	"strings"
)

// The "copy BibTeX" button gives a visitor an entry to paste into their
// own file, so it must stand alone and hold only bibliographic data. The
// entry is rewritten from its fields: @string macros expanded, the fields
// of its crossref inlined (and crossref dropped), and these dropped:
//
//   - al-folio and jekyll-scholar's site fields: links to the lab's pages
//     and files (pdf when it is a relative path), badges, selection flags;
//   - reference managers' housekeeping: JabRef, Zotero (Better BibTeX),
//     Mendeley, BibDesk and DBLP record who filed the entry, when, where
//     its PDF is on their disk and where the record came from.
//
// Values stay LaTeX, as BibTeX reads them.

// siteFields are al-folio's documented fields (its _bibliography/papers.bib
// and CUSTOMIZE.md) and jekyll-scholar's link fields.
var siteFields = map[string]bool{
	"abbr": true, "selected": true, "bibtex_show": true, "preview": true, "html": true, "code": true,
	"altmetric": true, "dimensions": true, "google_scholar_id": true, "inspirehep_id": true, "website": true,
	"slides": true, "poster": true, "video": true, "blog": true, "supp": true, "award": true, "award_name": true,
	"annotation": true, "additional_info": true,
}

// housekeepingFields are written by reference managers for themselves.
var housekeepingFields = map[string]bool{
	// JabRef
	"timestamp": true, "owner": true, "file": true, "groups": true, "ranking": true, "readstatus": true,
	"printed": true, "qualityassured": true, "priority": true, "relevance": true, "creationdate": true,
	"modificationdate": true, "__markedentry": true, "comment": true,
	// DBLP
	"biburl": true, "bibsource": true,
	// BibDesk
	"date-added": true, "date-modified": true,
	// Mendeley and Papers
	"mendeley-groups": true, "mendeley-tags": true, "read": true, "rating": true,
}

// siteOnly tells whether a field is one of the above: BibDesk's numbered
// bdsk-url-1 and bdsk-file-1 and JabRef's comment-<user> included.
func siteOnly(field string) bool {
	return siteFields[field] || housekeepingFields[field] ||
		strings.HasPrefix(field, "bdsk-") || strings.HasPrefix(field, "comment-") || strings.HasPrefix(field, "mendeley-")
}

// cleanBibtex writes e as
//
//	@type{key,
//	  field = {value},
//	}
//
// in its fields' order, white space in values collapsed to single spaces.
// A month that is a month name is written as BibTeX's own macro (jan..dec),
// which every style knows; al-folio's arxiv field becomes eprint and
// archiveprefix when the entry has no eprint.
func cleanBibtex(e bibEntry) string {
	var b strings.Builder
	b.WriteString("@" + e.typ + "{" + e.key + ",\n")
	field := func(name, value string) {
		b.WriteString("  " + name + " = " + value + ",\n")
	}
	for _, name := range e.order {
		v := strings.Join(strings.Fields(e.fields[name]), " ")
		switch {
		case name == "crossref" || siteOnly(name):
		case name == "pdf" && !strings.HasPrefix(plain(v), "http://") && !strings.HasPrefix(plain(v), "https://"):
			// al-folio's pdf = {paper.pdf} is a file on the lab's site.
		case name == "arxiv":
			if _, has := e.fields["eprint"]; !has && v != "" {
				field("eprint", "{"+v+"}")
				field("archiveprefix", "{arXiv}")
			}
		case name == "month" && monthMacro(v) != "":
			field(name, monthMacro(v))
		default:
			field(name, "{"+v+"}")
		}
	}
	b.WriteString("}")
	return b.String()
}

// monthMacro is the macro (jan..dec) for a month's full name, or "".
func monthMacro(v string) string {
	for macro, month := range monthMacros {
		if strings.EqualFold(v, month) {
			return macro
		}
	}
	return ""
}
