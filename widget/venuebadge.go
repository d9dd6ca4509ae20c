package widget

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/internal/venue"
)

// venueBadge is the short name of where a paper appeared, as publication
// pages show it beside each entry ("NeurIPS", "JCP"); the full name follows
// it in the row's metadata when it differs. abbr, the list's own short
// name (al-folio's abbr), wins over the one made from the venue's name.
func venueBadge(name, abbr string) app.UI {
	short := abbr
	if short == "" {
		short = shortVenue(name)
	}
	badge := app.Span().Class("pw-badge").Attr("data-field", "venue").Text(short)
	// The full name's element is there, with its text, hidden when it
	// would repeat the badge: rows are reused for other papers as the
	// reader types, and a badge of one part in one paper and of three in
	// the next made go-app build and remove nodes where it now writes a
	// text. Its leading space stands where a text node of its own was.
	full := app.Span().Class("pw-venue-full").Text(" " + name)
	if short == name || name == "" {
		full = full.Hidden(true)
	}
	// Wrapped: the metadata line puts its separator before each of its
	// parts, which must not land in the badge.
	return app.Span().Class("pw-venue").Body(badge, full)
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
func shortVenue(name string) string {
	if short := venue.Short(name); short != nil {
		return short[0]
	}
	if open := strings.LastIndexByte(name, '('); open >= 0 && strings.HasSuffix(name, ")") {
		if inner := name[open+1 : len(name)-1]; inner != "" && !strings.ContainsAny(inner, " ,") && utf8.RuneCountInString(inner) <= 12 {
			return inner
		}
	}
	if utf8.RuneCountInString(name) <= shortVenueLen {
		return name
	}
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(w)
		if minorWords[strings.ToLower(w)] || !unicode.IsLetter(r) {
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	if b.Len() < 2 {
		return name
	}
	return b.String()
}
