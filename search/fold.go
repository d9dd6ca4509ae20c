package search

import (
	"unicode"
	"unicode/utf8"

	"github.com/paperwidget/paperwidget/internal/fold"
)

// token is one word of a field: its folded spelling and where it sits in the
// original text. A compound token spans a hyphenated chain ("Multi-Modal" as
// "multimodal") and is emitted after the chain's parts.
type token struct {
	word       []byte
	start, end int  // bytes of the original text
	ws, we     int  // bytes of the folded buffer
	upper      int  // upper-case letters in the original, to spot acronyms
	compound   bool // spans a whole hyphen chain, after its parts
	joined     bool // follows the previous word across a single hyphen
}

// tokenizer splits text into folded words without allocating once its
// buffers have grown.
type tokenizer struct {
	buf  []byte
	toks []token
}

// split returns the tokens of s. The returned slice and the words in it are
// only valid until the next call.
func (tz *tokenizer) split(s string) []token {
	tz.buf, tz.toks = tz.buf[:0], tz.toks[:0]
	var cur token
	in := false
	chainFrom := 0 // first token of the current hyphen chain
	for i := 0; i < len(s); {
		at, n := i, len(tz.buf)
		ok, upper := true, false
		// ASCII inline: abstracts are mostly ASCII and this loop is hot.
		if c := s[i]; c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				tz.buf = append(tz.buf, c)
			case 'A' <= c && c <= 'Z':
				tz.buf = append(tz.buf, c+'a'-'A')
				upper = true
			default:
				ok = false
			}
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			tz.buf, ok = fold.AppendRune(tz.buf, r)
			upper = unicode.IsUpper(r)
			i += size
		}
		if ok {
			if !in {
				in = true
				cur = token{start: at, ws: n}
			}
			if upper {
				cur.upper++
			}
			continue
		}
		if in {
			in = false
			chainFrom = tz.push(s, cur, at, chainFrom)
		}
	}
	if in {
		chainFrom = tz.push(s, cur, len(s), chainFrom)
	}
	tz.closeChain(chainFrom)
	for i := range tz.toks {
		t := &tz.toks[i]
		t.word = tz.buf[t.ws:t.we:t.we]
	}
	return tz.toks
}

func (tz *tokenizer) push(s string, t token, end, chainFrom int) int {
	t.end = end
	t.we = len(tz.buf)
	if t.we == t.ws {
		return chainFrom // only combining marks
	}
	prev := len(tz.toks) - 1
	joined := prev >= chainFrom && t.start > 0 && isHyphenAt(s, t.start-1) &&
		tz.toks[prev].end == t.start-hyphenLen(s, t.start-1)
	if !joined {
		tz.closeChain(chainFrom)
		chainFrom = len(tz.toks)
	}
	t.joined = joined
	tz.toks = append(tz.toks, t)
	return chainFrom
}

// closeChain appends the compound token of toks[from:] when it is a hyphen
// chain of two or more words.
func (tz *tokenizer) closeChain(from int) {
	if len(tz.toks)-from < 2 {
		return
	}
	first, last := tz.toks[from], tz.toks[len(tz.toks)-1]
	upper := 0
	for _, t := range tz.toks[from:] {
		upper += t.upper
	}
	tz.toks = append(tz.toks, token{
		start: first.start, end: last.end, ws: first.ws, we: last.we, upper: upper, compound: true,
	})
}

func isHyphenAt(s string, i int) bool {
	if s[i] == '-' {
		return true
	}
	// U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN end with 0x90/0x91.
	return i >= 2 && s[i-2] == 0xe2 && s[i-1] == 0x80 && (s[i] == 0x90 || s[i] == 0x91)
}

func hyphenLen(s string, i int) int {
	if s[i] == '-' {
		return 1
	}
	return 3
}

// origOffset returns the byte offset in orig, the original text of one token,
// after which the folded spelling has reached n bytes. It maps highlights of
// prefixes and single letters back through folding, which may change lengths.
func origOffset(orig string, n int) int {
	var buf [8]byte
	got := 0
	for i, r := range orig {
		if got >= n {
			return i
		}
		b, _ := fold.AppendRune(buf[:0], r)
		got += len(b)
	}
	return len(orig)
}
