package importer

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// CSL-JSON's prose fields are rich text: a few HTML tags (<i>, <b>, <sup>,
// <sub>, <sc>, <span class="nocase">, <span style="…">) and entities, as
// Zotero writes them. The widget shows plain text and escapes what it
// shows, so markup left in would be read as "<i>E. coli</i>". The tags go
// (super- and subscripts become Unicode ones where they all exist), the
// entities become their characters, and anything else that only looks like
// a tag ("a <b relation", "x<y") stays as written.

// markupTags are the tags CSL processors and Zotero write; text inside them
// is kept.
var markupTags = map[string]bool{
	"i": true, "b": true, "em": true, "strong": true, "sc": true, "span": true, "u": true,
	"s": true, "small": true, "cite": true, "a": true, "q": true, "abbr": true, "code": true,
	"sup": true, "sub": true, "br": true, "p": true, "div": true, "li": true, "ul": true, "ol": true,
}

// breakTags end a line or a block; they leave a space behind.
var breakTags = map[string]bool{"br": true, "p": true, "div": true, "li": true}

// richText returns the plain text of s.
func richText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var out []byte
	type script struct {
		start int
		table map[rune]rune
	}
	var scripts []script
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			// A "<" that opened no tag before the end: text after all.
			return string(append(out, z.Raw()...))
		case html.TextToken:
			out = append(out, z.Text()...)
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			raw := string(z.Raw())
			name, hasAttr := z.TagName()
			tag := string(name)
			switch {
			case !markupTags[tag] || !markupAttrs(z, hasAttr):
				out = append(out, raw...)
			case breakTags[tag]:
				out = append(out, ' ')
			case (tag == "sup" || tag == "sub") && tt == html.StartTagToken:
				table := superscripts
				if tag == "sub" {
					table = subscripts
				}
				scripts = append(scripts, script{len(out), table})
			case (tag == "sup" || tag == "sub") && tt == html.EndTagToken && len(scripts) > 0:
				sc := scripts[len(scripts)-1]
				if scripts = scripts[:len(scripts)-1]; len(scripts) == 0 {
					if raised, ok := toScript(out[sc.start:], sc.table); ok {
						out = append(out[:sc.start], raised...)
					}
				}
			}
		}
	}
}

// markupAttrs tells whether the tag being read has only the attributes
// markup has: "a <b relation>" is text with a bracket in it.
func markupAttrs(z *html.Tokenizer, more bool) bool {
	for more {
		var key, val []byte
		key, val, more = z.TagAttr()
		if !markupAttr[string(key)] || len(val) == 0 {
			return false
		}
	}
	return true
}

var markupAttr = map[string]bool{"class": true, "style": true, "href": true, "title": true, "lang": true, "dir": true}

// toScript returns text in raised or lowered characters, when all of them
// have such a form: a mix of raised and plain letters reads worse than
// plain text.
func toScript(text []byte, table map[rune]rune) ([]byte, bool) {
	out := make([]byte, 0, len(text)*3)
	for _, r := range string(text) {
		t, ok := table[r]
		if !ok {
			return nil, false
		}
		out = utf8.AppendRune(out, t)
	}
	return out, len(out) > 0
}

// anchorHref returns the address of the first link <a href="…"> in s, ""
// when there is none.
func anchorHref(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken:
			name, more := z.TagName()
			for string(name) == "a" && more {
				var key, val []byte
				key, val, more = z.TagAttr()
				if string(key) == "href" {
					return strings.TrimSpace(string(val))
				}
			}
		}
	}
}
