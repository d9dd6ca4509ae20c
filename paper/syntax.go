package paper

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// The general decoder reads JSON with this small checker and walker instead
// of encoding/json: its reflection, encoders and type data were 0.23 MB of
// app.wasm's code for the lists that have a problem. The checker names a
// syntax error in encoding/json's words, at the byte where encoding/json
// stops (paper's tests compare the two), so messages read as they always
// have.

// maxDepth is encoding/json's limit on nested arrays and objects.
const maxDepth = 10000

// checkSyntax returns the first syntax error in data as a *SyntaxError, or
// nil for a valid JSON document.
func checkSyntax(data []byte) error {
	s := scanner{data: data}
	s.ws()
	if !s.value(0) {
		return s.err
	}
	s.ws()
	if s.i < len(s.data) {
		s.fail("after top-level value")
		return s.err
	}
	return nil
}

// scanner steps over JSON values in data from i, recording the first syntax
// error in err.
type scanner struct {
	data []byte
	i    int
	err  error
}

func (s *scanner) ws() { s.i = skipSpace(s.data, s.i) }

// skipSpace returns the index of the first byte from i on that is not JSON
// white space; both readers step over it the same way.
func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

func (s *scanner) at(c byte) bool { return s.i < len(s.data) && s.data[s.i] == c }

func (s *scanner) digit() bool { return s.i < len(s.data) && '0' <= s.data[s.i] && s.data[s.i] <= '9' }

// fail records that the byte at i does not fit context (what the scanner
// was looking for), or that the document ended early.
func (s *scanner) fail(context string) bool {
	if s.i >= len(s.data) {
		s.err = syntaxAt(s.data, len(s.data), "unexpected end of JSON input")
		return false
	}
	s.err = syntaxAt(s.data, s.i+1, "invalid character "+quoteChar(s.data[s.i])+" "+context)
	return false
}

// failInToken is fail inside a number or literal, where encoding/json
// reads the end of the document as a space that does not fit.
func (s *scanner) failInToken(context string) bool {
	if s.i >= len(s.data) {
		s.err = syntaxAt(s.data, len(s.data), "invalid character ' ' "+context)
		return false
	}
	return s.fail(context)
}

// value steps over the value at i, nested in depth arrays and objects.
func (s *scanner) value(depth int) bool {
	if s.i >= len(s.data) {
		return s.fail("")
	}
	switch c := s.data[s.i]; {
	case c == '{' || c == '[':
		if depth >= maxDepth {
			return s.fail("exceeded max depth")
		}
		return s.container(depth + 1)
	case c == '"':
		return s.string()
	case c == '-' || '0' <= c && c <= '9':
		return s.number()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	}
	return s.fail("looking for beginning of value")
}

func (s *scanner) container(depth int) bool {
	object := s.data[s.i] == '{'
	end := byte(']')
	if object {
		end = '}'
	}
	s.i++
	s.ws()
	if s.at(end) {
		s.i++
		return true
	}
	for {
		if object {
			if !s.at('"') {
				return s.fail("looking for beginning of object key string")
			}
			if !s.string() {
				return false
			}
			s.ws()
			if !s.at(':') {
				return s.fail("after object key")
			}
			s.i++
			s.ws()
		}
		if !s.value(depth) {
			return false
		}
		s.ws()
		switch {
		case s.at(','):
			s.i++
			s.ws()
		case s.at(end):
			s.i++
			return true
		case object:
			return s.fail("after object key:value pair")
		default:
			return s.fail("after array element")
		}
	}
}

func (s *scanner) string() bool {
	for s.i++; s.i < len(s.data); s.i++ {
		switch c := s.data[s.i]; {
		case c == '"':
			s.i++
			return true
		case c < 0x20:
			return s.fail("in string literal")
		case c == '\\':
			// Cut short, an escape fails as a token does.
			switch s.i++; {
			case s.at('u'):
				for range 4 {
					if s.i++; s.i >= len(s.data) || !isHex(s.data[s.i]) {
						return s.failInToken(`in \u hexadecimal character escape`)
					}
				}
			case s.i >= len(s.data) || unescaped[s.data[s.i]] == 0:
				return s.failInToken("in string escape code")
			}
		}
	}
	return s.fail("")
}

func (s *scanner) number() bool {
	if s.at('-') {
		s.i++
		if !s.digit() {
			return s.failInToken("in numeric literal")
		}
	}
	if s.at('0') {
		s.i++
	} else {
		s.digits()
	}
	if s.at('.') {
		s.i++
		if !s.digit() {
			return s.failInToken("after decimal point in numeric literal")
		}
		s.digits()
	}
	if s.at('e') || s.at('E') {
		s.i++
		if s.at('+') || s.at('-') {
			s.i++
		}
		if !s.digit() {
			return s.failInToken("in exponent of numeric literal")
		}
		s.digits()
	}
	return true
}

func (s *scanner) digits() {
	for s.digit() {
		s.i++
	}
}

func (s *scanner) literal(word string) bool {
	for k := 1; k < len(word); k++ {
		if s.i++; !s.at(word[k]) {
			return s.failInToken("in literal " + word + " (expecting " + quoteChar(word[k]) + ")")
		}
	}
	s.i++
	return true
}

// quoteChar is encoding/json's way of quoting a byte in a message.
func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	q := strconv.Quote(string(rune(c)))
	return "'" + q[1:len(q)-1] + "'"
}

// syntaxAt locates the error msg that encoding/json would report at offset
// (the bytes read, the offending one included) by line and column.
func syntaxAt(data []byte, offset int, msg string) error {
	before := data[:min(offset, len(data))]
	line := bytes.Count(before, []byte("\n")) + 1
	col := max(utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]), 1)
	return &SyntaxError{Line: line, Column: col, Msg: msg}
}

// The general decoder reads checked documents with the rest.

// members calls f with each member of the object or each element of the
// array v (checked JSON), and the member's unescaped name ("" for
// elements).
func members(v []byte, f func(name string, value []byte)) {
	s := scanner{data: v, i: 1}
	object := v[0] == '{'
	for s.ws(); s.i < len(v)-1; s.ws() {
		var name string
		if object {
			start := s.i
			s.string()
			name = stringValue(v[start:s.i])
			s.ws()
			s.i++ // ':'
			s.ws()
		}
		start := s.i
		s.value(0)
		f(name, v[start:s.i])
		s.ws()
		if s.at(',') {
			s.i++
		}
	}
}

// topValue is the document's value without the space around it.
func topValue(data []byte) []byte {
	s := scanner{data: data}
	s.ws()
	start := s.i
	s.value(0)
	return data[start:s.i]
}

// stringValue unescapes the checked JSON string v (quotes included) into a
// new string, each byte of invalid UTF-8 becoming U+FFFD, as encoding/json
// reads it.
func stringValue(v []byte) string {
	b := bytes.Clone(v[1 : len(v)-1])
	b = b[:unescape(b)]
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		out = utf8.AppendRune(out, r)
		b = b[n:]
	}
	return string(out)
}
