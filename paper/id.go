package paper

import (
	"strings"
	"unicode"
)

const maxSlug = 80

// Slug turns a title into a stable id: lowercase ASCII letters and digits
// joined by single hyphens, so ids survive copy-paste into URLs (#paper-<id>).
func Slug(title string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		default:
			hyphen = true
		}
	}
	slug := b.String()
	if len(slug) > maxSlug {
		// Cut at a word boundary so ids do not end in half a word.
		slug = slug[:maxSlug]
		if i := strings.LastIndexByte(slug, '-'); i > 0 {
			slug = slug[:i]
		}
	}
	if slug == "" {
		return "paper"
	}
	return slug
}
