package site

import (
	"os"
	"regexp"
)

// falseBoolean matches a boolean attribute that go-app's pre-renderer
// wrote with the value "false" (Selected(false), Hidden(false), Open(false)
// write `selected="false"`). HTML reads a boolean attribute by its
// presence, so the option would be selected and the element hidden or open:
// the pre-rendered sort menu showed "Title" over a list in another order.
// The live page is right, because go-app sets these as DOM properties. The
// names are those go-app's client sets as booleans (setJSAttribute).
//
// Only an attribute can match: go-app escapes text (`"` as &#34;) and
// quotes attribute values with strconv.Quote, so a value never holds a bare
// `"`.
var falseBoolean = regexp.MustCompile(` (?:async|autofocus|autoplay|checked|default|defer|disabled|hidden|ismap|loop|multiple|muted|open|readonly|required|reversed|selected)="false"`)

// fixBooleans rewrites the pre-rendered page's boolean attributes as HTML
// has them: present when true (go-app writes those bare), absent when
// false.
func fixBooleans(page string) error {
	data, err := os.ReadFile(page)
	if err != nil {
		return err
	}
	return os.WriteFile(page, falseBoolean.ReplaceAll(data, nil), 0o644)
}
