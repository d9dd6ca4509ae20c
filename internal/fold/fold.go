// Package fold spells text the way search and ids compare it: lower case,
// Latin accents removed, anything but letters and digits a word break.
package fold

import (
	"unicode"
	"unicode/utf8"
)

// foldTable maps lower-case Latin letters with diacritics to their plain
// spelling. It is deliberately small (no golang.org/x/text): it covers the
// accents that occur in author names and loanwords of English papers.
var foldTable = func() map[rune]string {
	groups := []struct{ from, to string }{
		{"àáâãäåāăą", "a"}, {"çćĉċč", "c"}, {"ďđð", "d"}, {"èéêëēĕėęě", "e"},
		{"ĝğġģ", "g"}, {"ĥħ", "h"}, {"ìíîïĩīĭįı", "i"}, {"ĵ", "j"}, {"ķ", "k"},
		{"ĺļľŀł", "l"}, {"ñńņň", "n"}, {"òóôõöøōŏő", "o"}, {"ŕŗř", "r"},
		{"śŝşšș", "s"}, {"ţťŧț", "t"}, {"ùúûüũūŭůűų", "u"}, {"ŵ", "w"},
		{"ýÿŷ", "y"}, {"źżž", "z"}, {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"þ", "th"},
	}
	m := make(map[rune]string)
	for _, g := range groups {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}()

// AppendRune appends the folded form of r to dst. The second result is false
// when r separates words. Combining marks fold to nothing but do not split a
// word, so decomposed accents ("e\u0301") fold like precomposed ones.
func AppendRune(dst []byte, r rune) ([]byte, bool) {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return append(dst, byte(r)), true
		case 'A' <= r && r <= 'Z':
			return append(dst, byte(r+'a'-'A')), true
		}
		return dst, false
	}
	if unicode.Is(unicode.Mn, r) {
		return dst, true
	}
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return dst, false
	}
	r = unicode.ToLower(r)
	if s, ok := foldTable[r]; ok {
		return append(dst, s...), true
	}
	return utf8.AppendRune(dst, r), true
}
