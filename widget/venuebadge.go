package widget

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// venueBadge is the short name of where a paper appeared, as publication
// pages show it beside each entry ("NeurIPS", "JCP"); the full name follows
// it in the row's metadata when it differs. abbr, the list's own short
// name (al-folio's abbr), wins over the one made from venue.
func venueBadge(venue, abbr string) app.UI {
	short := abbr
	if short == "" {
		short = shortVenue(venue)
	}
	badge := app.Span().Class("pw-badge").Attr("data-field", "venue").Text(short)
	if short == venue || venue == "" {
		// Wrapped all the same: the metadata line puts its separator
		// before each of its parts, which must not land in the badge.
		return app.Span().Class("pw-venue").Body(badge)
	}
	return app.Span().Class("pw-venue").Body(badge, app.Text(" "), app.Span().Class("pw-venue-full").Text(venue))
}

// knownVenues are the names the field uses for its large venues, looked up
// by a fragment of the spelled-out name. Longer fragments come first where
// one contains another (NAACL's name contains ACL's).
var knownVenues = []struct{ fragment, short string }{
	{"neural information processing systems", "NeurIPS"},
	{"international conference on machine learning", "ICML"},
	{"international conference on learning representations", "ICLR"},
	{"computer vision and pattern recognition", "CVPR"},
	{"international conference on computer vision", "ICCV"},
	{"european conference on computer vision", "ECCV"},
	{"north american chapter of the association for computational linguistics", "NAACL"},
	{"empirical methods in natural language processing", "EMNLP"},
	{"association for computational linguistics", "ACL"},
	{"aaai conference on artificial intelligence", "AAAI"},
	{"international joint conference on artificial intelligence", "IJCAI"},
	{"knowledge discovery and data mining", "KDD"},
	{"artificial intelligence and statistics", "AISTATS"},
	{"uncertainty in artificial intelligence", "UAI"},
	{"conference on robot learning", "CoRL"},
	{"transactions on machine learning research", "TMLR"},
	{"journal of machine learning research", "JMLR"},
	{"proceedings of the national academy of sciences", "PNAS"},
}

// shortVenueLen is the longest venue shown as it is; longer names are
// shortened.
const shortVenueLen = 24

// minorWords are left out of an acronym.
var minorWords = map[string]bool{"of": true, "on": true, "in": true, "and": true, "the": true, "for": true, "&": true, "at": true}

// shortVenue is a badge-sized name for venue: the field's usual name for a
// known venue, an acronym the venue gives in parentheses ("... (CoNLL)"),
// a short venue as it is, else the initials of its words ("Journal of
// Computational Physics": "JCP").
func shortVenue(venue string) string {
	lower := strings.ToLower(venue)
	for _, k := range knownVenues {
		if strings.Contains(lower, k.fragment) {
			return k.short
		}
	}
	if open := strings.LastIndexByte(venue, '('); open >= 0 && strings.HasSuffix(venue, ")") {
		if inner := venue[open+1 : len(venue)-1]; inner != "" && !strings.ContainsAny(inner, " ,") && utf8.RuneCountInString(inner) <= 12 {
			return inner
		}
	}
	if utf8.RuneCountInString(venue) <= shortVenueLen {
		return venue
	}
	var b strings.Builder
	for _, w := range strings.Fields(venue) {
		r, _ := utf8.DecodeRuneInString(w)
		if minorWords[strings.ToLower(w)] || !unicode.IsLetter(r) {
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	if b.Len() < 2 {
		return venue
	}
	return b.String()
}
