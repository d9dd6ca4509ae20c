// Package paper is the widget's data model: a paper, a list of papers, and
// the JSON format that the build writes and the browser reads.
package paper

// Paper is one entry of a list. Only ID and Title are required; every other
// field is shown when present.
type Paper struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Abstract string   `json:"abstract,omitempty"`
	Authors  []string `json:"authors,omitempty"`
	// Date is YYYY, YYYY-MM or YYYY-MM-DD.
	Date  string `json:"date,omitempty"`
	Venue string `json:"venue,omitempty"`
	// Abbr is the venue's short name for the row's badge, as al-folio's
	// abbr = {NeurIPS} gives it; without it the widget shortens Venue.
	Abbr  string `json:"abbr,omitempty"`
	URL   string `json:"url,omitempty"`
	PDF   string `json:"pdf,omitempty"`
	DOI   string `json:"doi,omitempty"`
	Arxiv string `json:"arxiv,omitempty"`
	// Code is a link to the paper's code (a repository).
	Code   string   `json:"code,omitempty"`
	Tags   []string `json:"tags,omitempty"`
	Bibtex string   `json:"bibtex,omitempty"`
	// Selected marks the papers of a "Selected papers" view (al-folio's
	// selected = {true}).
	Selected bool `json:"selected,omitempty"`
	// held is where Stream left the abstract, Abstract being empty then.
	held held
}

// HasAbstract reports whether p has an abstract.
func (p *Paper) HasAbstract() bool { return p.Abstract != "" || p.held.store != nil }

// AbstractText returns p's abstract, reading it back from where Stream left
// it: call it for the papers shown, not for every paper of a list.
func (p *Paper) AbstractText() string {
	if p.held.store == nil {
		return p.Abstract
	}
	return p.held.store.text(p.held.i)
}

// List is a titled list of papers, the top-level object of the JSON format.
type List struct {
	Title string `json:"title,omitempty"`
	// Highlight names the authors to show in bold, the lab's members, as
	// they are written in the list ("Jane Doe", "J. Doe"): case, accents
	// and the dots of initials do not matter.
	Highlight []string `json:"highlight,omitempty"`
	Papers    []Paper  `json:"papers"`
}
