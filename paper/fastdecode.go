package paper

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// decodeFast reads a valid list in one pass without encoding/json's
// reflection and intermediate copies: its strings share data's memory
// (data must not change afterwards). It gives up (ok false) on anything the
// general decoder would report as an error, so errors and their messages
// come from one place; a paper with anything unusual (a missing, null or
// mistyped field, an escape it cannot reuse, a duplicate key) is decoded by
// decodePaper from its raw bytes, so its problems read the same too.
func decodeFast(data []byte, pause func()) (list List, problems []Problem, ok bool) {
	if pause == nil {
		pause = func() {}
	}
	d := &fastDecoder{data: data, pause: pause}
	if list, problems, ok = d.list(); !ok {
		d.revert() // the general decoder reads data next
	}
	return list, problems, ok
}

func (d *fastDecoder) list() (list List, problems []Problem, ok bool) {
	// UTF-8 is checked inside strings, as they are read; outside them any
	// byte beyond ASCII is a syntax error.
	d.ws()
	var itemsAt, items int
	switch d.peek() {
	case '[':
		itemsAt = d.i
		if !d.skipValue(0) {
			return List{}, nil, false
		}
		items = d.values
	case '{':
		seenTitle, seenPapers := false, false
		for more := !d.enter('}'); more; {
			key, escaped, ok := d.key()
			if !ok || escaped {
				return List{}, nil, false
			}
			switch {
			case key == "title":
				if seenTitle {
					return List{}, nil, false
				}
				seenTitle = true
				if d.peek() != '"' {
					return List{}, nil, false
				}
				if list.Title, ok = d.unquote(); !ok {
					return List{}, nil, false
				}
			case key == "highlight":
				if list.Highlight != nil || !d.stringList(&list.Highlight) {
					return List{}, nil, false
				}
			case key == "papers":
				if seenPapers || d.peek() != '[' {
					return List{}, nil, false
				}
				seenPapers = true
				itemsAt = d.i
				if !d.skipValue(0) {
					return List{}, nil, false
				}
				items = d.values
			case bytes.EqualFold([]byte(key), []byte("title")), bytes.EqualFold([]byte(key), []byte("papers")), bytes.EqualFold([]byte(key), []byte("highlight")):
				return List{}, nil, false // encoding/json matches these; leave them to it
			default:
				if !d.skipValue(0) {
					return List{}, nil, false
				}
			}
			if more, ok = d.next('}'); !ok {
				return List{}, nil, false
			}
		}
		if !seenPapers {
			return List{}, nil, false
		}
	default:
		return List{}, nil, false
	}
	d.ws()
	if d.i != len(d.data) {
		return List{}, nil, false
	}

	// The document is valid JSON: read the papers. Nothing can send the
	// list to the general decoder any more, so the list title's unescaping
	// stays, whatever a paper's fallback reverts.
	d.keep()
	d.i = itemsAt + 1
	// Sized up front: appending 10,000 papers one by one allocates five
	// times the final slice on the way.
	list.Papers = make([]Paper, 0, items)
	c := collector{list: &list, seen: make(map[string]int, items)}
	var p Paper
	for i := 0; ; i++ {
		d.ws()
		if d.peek() == ']' {
			break
		}
		if i > 0 {
			d.i++ // ','
			d.ws()
		}
		if i%pauseEvery == pauseEvery-1 {
			d.pause()
		}
		start := d.i
		if d.paper(&p) {
			d.keep()
			c.add(i, &p, nil)
			continue
		}
		d.revert()
		d.i = start
		d.skipValue(0)
		slow, probs := decodePaper(i, d.data[start:d.i])
		c.add(i, slow, probs)
	}
	problems = c.problems
	if list.Papers == nil {
		list.Papers = []Paper{}
	}
	return list, problems, true
}

// pauseEvery is how many papers the decoder reads between two pauses.
const pauseEvery = 2000

type fastDecoder struct {
	data []byte
	i    int
	// values is how many values the last array or object skipValue(0)
	// read held.
	values int
	// pause lets the caller's event loop run, every pauseEvery papers
	// read or checked: checking 100,000 papers took the browser 400 ms.
	pause func()
	// Escaped strings are unescaped where they stand, which a string's
	// value always fits; edits and saved hold what they overwrote, so that
	// a paper (or list) handed to the general decoder reads its own bytes.
	edits []int // offset and length of each overwritten run
	saved []byte
}

func (d *fastDecoder) peek() byte {
	if d.i < len(d.data) {
		return d.data[d.i]
	}
	return 0
}

func (d *fastDecoder) ws() { d.i = skipSpace(d.data, d.i) }

// str reads a string token at d.i. It returns the bytes between the quotes
// as a string sharing data, and whether they hold escapes.
func (d *fastDecoder) str() (s string, escaped, ok bool) {
	if d.peek() != '"' {
		return "", false, false
	}
	start := d.i + 1
	for j := start; j < len(d.data); j++ {
		// Eight bytes at a time while none is a quote, a backslash or a
		// control character: abstracts are long plain runs.
		for j+8 <= len(d.data) && plain8(binary.LittleEndian.Uint64(d.data[j:])) {
			j += 8
		}
		if j >= len(d.data) {
			break
		}
		switch c := d.data[j]; {
		case c == '"':
			d.i = j + 1
			return unsafe.String(unsafe.SliceData(d.data[start:]), j-start), escaped, true
		case c == '\\':
			escaped = true
			j++
			if j >= len(d.data) {
				return "", false, false
			}
			switch d.data[j] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if j+4 >= len(d.data) {
					return "", false, false
				}
				for _, h := range d.data[j+1 : j+5] {
					if !isHex(h) {
						return "", false, false
					}
				}
				j += 4
			default:
				return "", false, false
			}
		case c < 0x20:
			return "", false, false
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(d.data[j:])
			if r == utf8.RuneError && n == 1 {
				return "", false, false
			}
			j += n - 1
		}
	}
	return "", false, false
}

// unquote reads a string value. An escaped one is unescaped in place, so
// that its value shares data like any other: lists often escape a quote,
// a backslash of LaTeX or (encoding/json) every "<" and "&".
func (d *fastDecoder) unquote() (string, bool) {
	start := d.i + 1
	s, escaped, ok := d.str()
	if !ok || !escaped {
		return s, ok
	}
	raw := d.data[start : d.i-1]
	d.edits = append(d.edits, start, len(raw))
	d.saved = append(d.saved, raw...)
	n := unescape(raw)
	return unsafe.String(unsafe.SliceData(raw), n), true
}

// keep forgets the edits made so far: what they overwrote is no longer
// needed.
func (d *fastDecoder) keep() { d.edits, d.saved = d.edits[:0], d.saved[:0] }

// revert puts back the bytes every edit since keep overwrote.
func (d *fastDecoder) revert() {
	saved := d.saved
	for i := 0; i < len(d.edits); i += 2 {
		at, n := d.edits[i], d.edits[i+1]
		copy(d.data[at:at+n], saved[:n])
		saved = saved[n:]
	}
	d.keep()
}

// unescape rewrites s, the bytes between a string's quotes that str has
// checked, as the string's value at the start of s and returns its length.
// Each escape is at least as long as what it stands for, so writing never
// overtakes reading. Escapes mean exactly what they mean to encoding/json,
// down to a lone surrogate becoming U+FFFD.
func unescape(s []byte) int {
	w := 0
	for r := 0; r < len(s); {
		if s[r] != '\\' {
			s[w] = s[r]
			w++
			r++
			continue
		}
		if s[r+1] != 'u' {
			s[w] = unescaped[s[r+1]]
			w++
			r += 2
			continue
		}
		c := hex4(s[r+2:])
		r += 6
		if utf16.IsSurrogate(c) {
			next := rune(-1)
			if r+6 <= len(s) && s[r] == '\\' && s[r+1] == 'u' {
				next = hex4(s[r+2:])
			}
			if pair := utf16.DecodeRune(c, next); pair != utf8.RuneError {
				w += utf8.EncodeRune(s[w:], pair)
				r += 6
				continue
			}
			c = utf8.RuneError
		}
		w += utf8.EncodeRune(s[w:], c)
	}
	return w
}

var unescaped = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// hex4 reads the four hex digits that str has checked.
func hex4(h []byte) rune {
	var r rune
	for _, c := range h[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c <= 'F':
			c -= 'A' - 10
		default:
			c -= 'a' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// plain8 reports whether the eight bytes in x are all ASCII and none is
// '"', '\\' or below 0x20 (the classic "has a zero byte" test on x with each
// of them removed).
func plain8(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	hasZero := func(v uint64) uint64 { return (v - ones) & ^v & highs }
	return x&highs|hasZero(x^(ones*'"'))|hasZero(x^(ones*'\\'))|((x-ones*0x20) & ^x & highs) == 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// enter consumes the opening bracket at d.i and reports whether the
// container is empty, its closing bracket end consumed as well.
func (d *fastDecoder) enter(end byte) (empty bool) {
	d.i++
	d.ws()
	if d.peek() == end {
		d.i++
		return true
	}
	return false
}

// next follows an element of a container: it consumes a comma (more
// elements) or the closing bracket end, and reports !ok for anything else.
func (d *fastDecoder) next(end byte) (more, ok bool) {
	d.ws()
	switch d.peek() {
	case ',':
		d.i++
		return true, true
	case end:
		d.i++
		return false, true
	}
	return false, false
}

// key reads an object member's name and its colon, with the space around
// them, leaving d at the value.
func (d *fastDecoder) key() (name string, escaped, ok bool) {
	d.ws()
	if name, escaped, ok = d.str(); !ok {
		return "", false, false
	}
	d.ws()
	if d.peek() != ':' {
		return "", false, false
	}
	d.i++
	d.ws()
	return name, escaped, true
}

// skipValue skips one valid JSON value.
func (d *fastDecoder) skipValue(depth int) bool {
	if depth > 1000 {
		return false
	}
	switch c := d.peek(); {
	case c == '"':
		_, _, ok := d.str()
		return ok
	case c == '{' || c == '[':
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		if depth == 0 {
			d.values = 0
		}
		for more := !d.enter(end); more; {
			if c == '{' {
				if _, _, ok := d.key(); !ok {
					return false
				}
			}
			d.ws()
			if !d.skipValue(depth + 1) {
				return false
			}
			if depth == 0 {
				if d.values++; d.values%pauseEvery == 0 {
					d.pause()
				}
			}
			var ok bool
			if more, ok = d.next(end); !ok {
				return false
			}
		}
		return true
	}
	// A number or literal, stepped over by the syntax checker (anything
	// else fails there too).
	sc := scanner{data: d.data, i: d.i}
	ok := sc.value(depth)
	d.i = sc.i
	return ok
}

// paper reads one paper object into p when it has no problems at all;
// anything else (including a paper decodePaper would report) returns false,
// for the general decoder, which names the problem.
func (d *fastDecoder) paper(p *Paper) bool {
	*p = Paper{}
	if d.peek() != '{' {
		return false
	}
	var have uint16
	for more := !d.enter('}'); more; {
		key, escaped, ok := d.key()
		if !ok || escaped {
			return false
		}
		var dst *string
		var list *[]string
		var bit uint16
		var check func(string) string
		switch key {
		case "id":
			dst, bit = &p.ID, 1
		case "title":
			dst, bit = &p.Title, 2
		case "abstract":
			dst, bit = &p.Abstract, 4
		case "date":
			dst, bit, check = &p.Date, 8, checkDate
		case "venue":
			dst, bit = &p.Venue, 16
		case "url":
			dst, bit, check = &p.URL, 32, checkLinkFast
		case "pdf":
			dst, bit, check = &p.PDF, 64, checkLinkFast
		case "doi":
			dst, bit = &p.DOI, 128
		case "arxiv":
			dst, bit = &p.Arxiv, 256
		case "bibtex":
			dst, bit = &p.Bibtex, 512
		case "code":
			dst, bit, check = &p.Code, 4096, checkLinkFast
		case "abbr":
			dst, bit = &p.Abbr, 16384
		case "selected":
			bit = 8192
			// true or false; anything else is the general decoder's to
			// name.
			c := d.peek()
			if c != 't' && c != 'f' || !d.skipValue(0) {
				return false
			}
			p.Selected = c == 't'
		case "authors":
			list, bit = &p.Authors, 1024
		case "tags":
			list, bit = &p.Tags, 2048
		default:
			if !d.skipValue(0) {
				return false
			}
		}
		if bit != 0 {
			if have&bit != 0 {
				return false // duplicate key: the last one wins there
			}
			have |= bit
		}
		switch {
		case dst != nil:
			if d.peek() != '"' {
				return false
			}
			s, ok := d.unquote()
			if !ok {
				return false
			}
			s = strings.TrimSpace(s)
			if check != nil && check(s) != "" {
				return false
			}
			*dst = s
		case list != nil:
			if !d.stringList(list) {
				return false
			}
		}
		if more, ok = d.next('}'); !ok {
			return false
		}
	}
	if p.ID == "" || p.Title == "" || checkID(p.ID) != "" || overLimits(p) {
		return false
	}
	return true
}

// stringList reads an array of strings (not trimmed, as encoding/json leaves
// them).
func (d *fastDecoder) stringList(dst *[]string) bool {
	if d.peek() != '[' {
		return false
	}
	out := []string{}
	for more := !d.enter(']'); more; {
		d.ws()
		if d.peek() != '"' {
			return false
		}
		s, ok := d.unquote()
		if !ok {
			return false
		}
		out = append(out, s)
		if more, ok = d.next(']'); !ok {
			return false
		}
	}
	*dst = out
	return true
}

// checkLinkFast is checkLink for the fast decoder: a link written plainly
// (http or https, a host of letters, digits, dots and hyphens, then only
// characters that need no escaping and no percent escapes) is one that
// net/url parses with that scheme and host, and is passed without parsing
// it, which took a tenth of reading a 10,000-paper list in the browser.
// Anything else is checkLink's to judge.
func checkLinkFast(s string) string {
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "http://"); !ok {
			return checkLink(s)
		}
	}
	host := 0
	for host < len(rest) && hostByte[rest[host]] {
		host++
	}
	if host == 0 || host < len(rest) && rest[host] != '/' {
		return checkLink(s)
	}
	for i := host; i < len(rest); i++ {
		if !pathByte[rest[i]] {
			return checkLink(s)
		}
	}
	return ""
}

var hostByte, pathByte = func() (host, path [256]bool) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		host[c] = 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '.' || b == '-'
		path[c] = host[c] || strings.IndexByte("_~/?#=&+:,;@!$*()", b) >= 0
	}
	return host, path
}()
