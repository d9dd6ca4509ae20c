package paper

import (
	"strings"

	"github.com/paperwidget/paperwidget/internal/fold"
)

const maxSlug = 80

// Slug turns a title into a stable id: folded ASCII letters and digits joined
// by single hyphens, so ids survive copy-paste into URLs (#paper-<id>).
func Slug(title string) string {
	var b strings.Builder
	var folded []byte
	hyphen := false
	for _, r := range title {
		var isWord bool
		if folded, isWord = fold.AppendRune(folded[:0], r); !isWord {
			hyphen = true
			continue
		}
		for _, c := range folded {
			if c >= 0x80 {
				continue // scripts without an ASCII spelling: ids stay URL-plain
			}
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteByte(c)
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
