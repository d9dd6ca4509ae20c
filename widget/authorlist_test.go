package widget

import (
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestAuthorKeyIgnoresCaseAccentsAndDots(t *testing.T) {
	keys := authorKeys([]string{"Jane Doe", "J. Doe", " ", "Tomás Álvarez"})
	for name, want := range map[string]bool{
		"Jane Doe": true, "jane  DOE": true, "Jane Doé": true, "J. Doe": true, "J Doe": true, "J.Doe": true,
		"Tomas Alvarez": true, "TOMÁS ÁLVAREZ": true,
		"Jane Does": false, "John Doe": false, "Doe": false, "": false, "Jane M. Doe": false,
	} {
		if got := keys[authorKey(name)]; got != want {
			t.Errorf("%q highlighted: %v, want %v", name, got, want)
		}
	}
	if authorKeys(nil) != nil || authorKeys([]string{" ; "}) != nil {
		t.Error("no names, yet keys")
	}
}

func TestShortVenue(t *testing.T) {
	for venue, want := range map[string]string{
		"Advances in Neural Information Processing Systems":                                       "NeurIPS",
		"Proceedings of the 41st International Conference on Machine Learning":                    "ICML",
		"Findings of the North American Chapter of the Association for Computational Linguistics": "NAACL",
		"Annual Meeting of the Association for Computational Linguistics":                         "ACL",
		"Journal of Computational Physics":                                                        "JCP",
		"Conference on Computational Natural Language Learning (CoNLL)":                           "CoNLL",
		"Nature Neuroscience":   "Nature Neuroscience",
		"eLife":                 "eLife",
		"NeurIPS 2024 Workshop": "NeurIPS 2024 Workshop",
	} {
		if got := shortVenue(venue); got != want {
			t.Errorf("shortVenue(%q) = %q, want %q", venue, got, want)
		}
	}
}

// The list's own short name (al-folio's abbr) is the badge, the venue
// follows it; a badge without a venue stands alone.
func TestVenueBadgeTakesTheListsAbbr(t *testing.T) {
	for _, tc := range []struct{ venue, abbr, badge, full string }{
		{"Computational and Systems Neuroscience", "Cosyne", "Cosyne", "Computational and Systems Neuroscience"},
		{"Advances in Neural Information Processing Systems", "", "NeurIPS", "Advances in Neural Information Processing Systems"},
		{"", "Cosyne", "Cosyne", ""},
	} {
		got := app.HTMLString(venueBadge(tc.venue, tc.abbr))
		// go-app writes attributes in any order.
		badge := regexp.MustCompile(`<span [^>]*data-field="venue"[^>]*>` + regexp.QuoteMeta(tc.badge) + `</span>`)
		full := regexp.MustCompile(`<span ([^>]*class="pw-venue-full"[^>]*)>([^<]*)</span>`).FindStringSubmatch(got)
		if !badge.MatchString(got) || full == nil || regexp.MustCompile(`\bhidden\b`).MatchString(full[1]) != (tc.full == "") || tc.full != "" && strings.TrimSpace(full[2]) != tc.full {
			t.Errorf("venueBadge(%q, %q) = %s, want the badge %q and the full name %q", tc.venue, tc.abbr, got, tc.badge, tc.full)
		}
	}
}
