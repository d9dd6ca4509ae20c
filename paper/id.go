package paper

import (
	"strings"
	"unicode"
)

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
		if b.Len() >= 80 {
			break
		}
	}
	if b.Len() == 0 {
		return "paper"
	}
	return b.String()
}
