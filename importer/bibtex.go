package importer

import (
	"fmt"
	"sort"
	"strings"
)

// BibTeX as real files are written (Google Scholar exports, jekyll-scholar
// and al-folio's _bibliography/papers.bib, JabRef, Zotero):
//
//	file     = [front-matter] { junk | comment | entry }
//	front-matter = "---" line ... "---" line      (Jekyll; only at the very top)
//	comment  = "%" ... end of line                 (outside values, as biber reads them)
//	junk     = any text without "@"                (ignored, as BibTeX does)
//	entry    = "@" type ( "{" body "}" | "(" body ")" )
//	body     = key "," [ field { "," field } ] [ "," ]      for paper types
//	         | name "=" value                              for @string
//	         | value                                       for @preamble (ignored)
//	         | balanced text                               for @comment (ignored)
//	field    = name "=" value
//	value    = part { "#" part }                   (parts are concatenated)
//	part     = "{" balanced text "}" | `"` text with balanced braces `"`
//	         | digits | macro
//
// Types, field names and macro names are case-insensitive. Macros are the
// @string definitions made earlier in the file and the month names jan..dec;
// an unknown macro is reported and kept as written. A field repeated in an
// entry keeps its first value, as BibTeX does. An entry with crossref
// inherits the fields it lacks from the entry it names (whose title becomes
// its booktitle); an entry named by a crossref is a container (proceedings,
// a book), not a paper, and is not listed itself.
//
// Errors skip one entry and never the rest of the file. An entry still open
// when a line starts a new entry ("@article{") is unterminated: real files
// lose a closing brace far more often than an abstract starts a line with
// "@type{", so the new entry is read and the broken one reported by the line
// it starts on.

var monthMacros = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April",
	"may": "May", "jun": "June", "jul": "July", "aug": "August",
	"sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

type bibEntry struct {
	typ, key string
	line     int
	fields   map[string]string // lower-case name -> raw LaTeX value
	order    []string          // the fields' names as written, then inherited ones
}

type bibParser struct {
	name       string
	src        string
	pos        int
	entryStart int // where the entry being read starts; resuming goes past it
	lineStarts []int
	macros     map[string]string
	warnings   []Warning
	budget     *expansion
}

// expansion is what is left of the text a file may produce beyond its own
// (see above).
type expansion struct {
	limit, left int
	err         error // set once, when the budget is exceeded
}

func newExpansion(size int) *expansion {
	limit := 4*size + 1<<20
	return &expansion{limit: limit, left: limit}
}

// spend takes n bytes of expansion for what line does, reporting whether
// they were left.
func (x *expansion) spend(n int, name string, line int, what string) bool {
	if x.err != nil {
		return false
	}
	if x.left -= n; x.left < 0 {
		x.err = fmt.Errorf("%s:%d: %s: the file's macros and crossrefs expand to more than %d bytes (four times the file plus 1 MB); refusing it",
			name, line, what, x.limit)
		return false
	}
	return true
}

// bibError is a syntax error at a position; the entry it occurs in is
// skipped.
type bibError struct {
	pos int
	msg string
	// resume is where parsing continues: the next entry, or the end.
	resume int
}

func parseBibTeX(name string, data []byte, budget *expansion) ([]bibEntry, []Warning, error) {
	p := &bibParser{name: name, src: string(data), macros: map[string]string{}, budget: budget}
	p.lineStarts = []int{0}
	for i := 0; i < len(p.src); i++ {
		if p.src[i] == '\n' {
			p.lineStarts = append(p.lineStarts, i+1)
		}
	}
	p.skipFrontMatter()
	var entries []bibEntry
	for p.nextEntry() {
		if e, ok := p.entry(); ok {
			entries = append(entries, e)
		}
		if budget.err != nil {
			return nil, nil, budget.err
		}
	}
	return entries, p.warnings, nil
}

func (p *bibParser) lineAt(pos int) int {
	return sort.Search(len(p.lineStarts), func(i int) bool { return p.lineStarts[i] > pos })
}

func (p *bibParser) warn(pos int, skipped bool, format string, args ...any) {
	p.warnings = append(p.warnings, Warning{File: p.name, Line: p.lineAt(pos), Msg: fmt.Sprintf(format, args...), Skipped: skipped})
}

func (p *bibParser) skipFrontMatter() {
	s := strings.TrimPrefix(p.src, "\xef\xbb\xbf")
	if !strings.HasPrefix(s, "---") || strings.TrimSpace(firstLine(s)) != "---" {
		return
	}
	for i := 1; i < len(p.lineStarts); i++ {
		if strings.TrimSpace(firstLine(p.src[p.lineStarts[i]:])) == "---" {
			p.pos = p.lineStarts[i]
			if i+1 < len(p.lineStarts) {
				p.pos = p.lineStarts[i+1]
			} else {
				p.pos = len(p.src)
			}
			return
		}
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// nextEntry moves to the next "@" outside comments, reporting whether there
// is one.
func (p *bibParser) nextEntry() bool {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case '@':
			return true
		case '%':
			p.skipLine()
		default:
			p.pos++
		}
	}
	return false
}

func (p *bibParser) skipLine() {
	if i := strings.IndexByte(p.src[p.pos:], '\n'); i >= 0 {
		p.pos += i + 1
	} else {
		p.pos = len(p.src)
	}
}

// entry reads the entry at p.pos (an "@"). It returns ok only for paper
// entries read without error.
func (p *bibParser) entry() (bibEntry, bool) {
	start := p.pos
	p.entryStart = start
	p.pos++
	typ := strings.ToLower(p.typeName())
	p.skipSpace()
	if typ == "" || p.pos >= len(p.src) || (p.src[p.pos] != '{' && p.src[p.pos] != '(') {
		// An "@" in free text (an e-mail address) is junk, as in BibTeX.
		p.pos = start + 1
		return bibEntry{}, false
	}
	closer := byte('}')
	if p.src[p.pos] == '(' {
		closer = ')'
	}
	p.pos++

	e := bibEntry{typ: typ, line: p.lineAt(start)}
	var err *bibError
	switch typ {
	case "comment":
		err = p.skipComment(closer)
	case "preamble":
		if _, err = p.value(&e, ""); err == nil {
			err = p.expect(closer)
		}
	case "string":
		err = p.stringMacro(&e, closer)
	default:
		err = p.fields(&e, closer)
	}
	if err != nil {
		what := "@" + typ
		if e.key != "" {
			what = fmt.Sprintf("entry %q", e.key)
		}
		if err.msg == "" {
			p.warn(start, true, "%s: unterminated (no closing %q before %s); skipped", what, closer, p.describe(err.resume))
		} else {
			p.warn(err.pos, true, "%s (line %d): %s; skipped", what, e.line, err.msg)
		}
		p.pos = err.resume
		return bibEntry{}, false
	}
	return e, typ != "comment" && typ != "preamble" && typ != "string"
}

func (p *bibParser) describe(pos int) string {
	if pos >= len(p.src) {
		return "the end of the file"
	}
	return fmt.Sprintf("the next entry on line %d", p.lineAt(pos))
}

func (p *bibParser) fields(e *bibEntry, closer byte) *bibError {
	p.skipSpace()
	keyStart := p.pos
	for p.pos < len(p.src) && !strings.ContainsRune(" \t\r\n,{}", rune(p.src[p.pos])) && p.src[p.pos] != closer {
		p.pos++
	}
	e.key = p.src[keyStart:p.pos]
	e.fields = map[string]string{}
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == closer {
		p.pos++
		return nil
	}
	if err := p.expect(','); err != nil {
		return err
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.src) || p.atNextEntry() {
			return p.unterminated()
		}
		if p.src[p.pos] == closer {
			p.pos++
			return nil
		}
		namePos := p.pos
		name := strings.ToLower(p.ident())
		if name == "" {
			return p.syntax(fmt.Sprintf("expected a field name, found %s", p.found()))
		}
		p.skipSpace()
		if err := p.expect('='); err != nil {
			return err
		}
		v, err := p.value(e, name)
		if err != nil {
			return err
		}
		if _, dup := e.fields[name]; dup {
			p.warn(namePos, false, "entry %q: field %s given twice; the first is kept", e.key, name)
		} else {
			e.fields[name] = v
			e.order = append(e.order, name)
		}
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == closer {
			continue
		}
		if err := p.expect(','); err != nil {
			return err
		}
	}
}

func (p *bibParser) stringMacro(e *bibEntry, closer byte) *bibError {
	p.skipSpace()
	name := strings.ToLower(p.ident())
	if name == "" {
		return p.syntax(fmt.Sprintf("expected a macro name, found %s", p.found()))
	}
	p.skipSpace()
	if err := p.expect('='); err != nil {
		return err
	}
	v, err := p.value(e, "")
	if err != nil {
		return err
	}
	p.skipSpace()
	if err := p.expect(closer); err != nil {
		return err
	}
	p.macros[name] = v
	return nil
}

// value reads parts joined by "#" and returns their concatenated raw text.
func (p *bibParser) value(e *bibEntry, field string) (string, *bibError) {
	var b strings.Builder
	for {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return "", p.unterminated()
		}
		switch c := p.src[p.pos]; {
		case c == '{':
			s, err := p.delimited('}')
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case c == '"':
			s, err := p.delimited('"')
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case '0' <= c && c <= '9':
			start := p.pos
			for p.pos < len(p.src) && '0' <= p.src[p.pos] && p.src[p.pos] <= '9' {
				p.pos++
			}
			b.WriteString(p.src[start:p.pos])
		default:
			pos := p.pos
			name := p.ident()
			if name == "" {
				return "", p.syntax(fmt.Sprintf("expected a value, found %s", p.found()))
			}
			if v, ok := p.macros[strings.ToLower(name)]; ok {
				if !p.budget.spend(len(v), p.name, p.lineAt(pos), fmt.Sprintf("macro %q", name)) {
					return "", p.syntax("expansion refused")
				}
				b.WriteString(v)
			} else if v, ok := monthMacros[strings.ToLower(name)]; ok {
				b.WriteString(v)
			} else {
				where := "@" + e.typ
				if e.key != "" {
					where = fmt.Sprintf("entry %q: field %s", e.key, field)
				}
				p.warn(pos, false, "%s: unknown macro %q (no @string defines it above); kept as written", where, name)
				b.WriteString(name)
			}
		}
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != '#' {
			return b.String(), nil
		}
		p.pos++
	}
}

// delimited reads a braced or quoted part starting at p.pos and returns its
// content. Braces inside must balance; a quote inside braces does not end a
// quoted part. As in BibTeX, a backslash escapes neither: "\{" counts.
func (p *bibParser) delimited(end byte) (string, *bibError) {
	start := p.pos + 1
	depth := 0
	if end == '}' {
		depth = 1
	}
	for i := start; i < len(p.src); i++ {
		switch c := p.src[i]; c {
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				p.pos = i
				return "", p.syntax(`unbalanced "}" in a quoted value`)
			}
			if depth == 0 && end == '}' {
				p.pos = i + 1
				return p.src[start:i], nil
			}
		case '"':
			if depth == 0 && end == '"' {
				p.pos = i + 1
				return p.src[start:i], nil
			}
		case '\n':
			if next := i + 1; p.entryStarts(next) {
				p.pos = next
				return "", p.unterminated()
			}
		}
	}
	p.pos = len(p.src)
	return "", p.unterminated()
}

// skipComment skips a @comment body, balanced like a braced value.
func (p *bibParser) skipComment(closer byte) *bibError {
	open := byte('{')
	if closer == ')' {
		open = '('
	}
	depth := 1
	for ; p.pos < len(p.src); p.pos++ {
		switch p.src[p.pos] {
		case open:
			depth++
		case closer:
			if depth--; depth == 0 {
				p.pos++
				return nil
			}
		case '\n':
			if p.entryStarts(p.pos + 1) {
				p.pos++
				return p.unterminated()
			}
		}
	}
	return p.unterminated()
}

// atNextEntry tells whether p.pos, between the tokens of an entry, is the
// start of the next one: the current one lacks its closing delimiter.
func (p *bibParser) atNextEntry() bool {
	return p.src[p.pos] == '@' && p.entryStarts(p.lineStarts[p.lineAt(p.pos)-1])
}

// entryStarts tells whether a line starting at pos opens an entry.
func (p *bibParser) entryStarts(pos int) bool {
	for pos < len(p.src) && (p.src[pos] == ' ' || p.src[pos] == '\t') {
		pos++
	}
	if pos >= len(p.src) || p.src[pos] != '@' {
		return false
	}
	pos++
	n := 0
	for pos < len(p.src) && isLetter(p.src[pos]) {
		pos++
		n++
	}
	for pos < len(p.src) && (p.src[pos] == ' ' || p.src[pos] == '\t') {
		pos++
	}
	return n > 0 && pos < len(p.src) && (p.src[pos] == '{' || p.src[pos] == '(')
}

// unterminated reports an entry cut off by the end of the file or by the
// next entry, resuming at whichever comes first from the line of p.pos.
func (p *bibParser) unterminated() *bibError {
	resume := len(p.src)
	for i := p.lineStarts[p.lineAt(p.pos)-1]; i < len(p.src); i = p.lineEnd(i) {
		if i > p.entryStart && p.entryStarts(i) {
			resume = i
			break
		}
	}
	return &bibError{pos: p.pos, resume: resume}
}

func (p *bibParser) lineEnd(i int) int {
	if j := strings.IndexByte(p.src[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(p.src)
}

// syntax reports an error at p.pos; parsing resumes at the next line that
// starts an entry.
func (p *bibParser) syntax(msg string) *bibError {
	err := p.unterminated()
	err.msg = msg
	return err
}

func (p *bibParser) expect(c byte) *bibError {
	p.skipSpace()
	if p.pos >= len(p.src) || p.atNextEntry() {
		return p.unterminated()
	}
	if p.src[p.pos] != c {
		return p.syntax(fmt.Sprintf("expected %q, found %s", c, p.found()))
	}
	p.pos++
	return nil
}

func (p *bibParser) found() string {
	if p.pos >= len(p.src) {
		return "the end of the file"
	}
	return fmt.Sprintf("%q", firstLine(p.src[p.pos:min(len(p.src), p.pos+12)]))
}

// typeName reads an entry's type. Unlike other names it ends at "@": junk
// such as "@a@a@a..." must be passed over once, not re-read from every "@".
func (p *bibParser) typeName() string {
	start := p.pos
	for p.pos < len(p.src) && isLetter(p.src[p.pos]) {
		p.pos++
	}
	return p.src[start:p.pos]
}

// ident reads a BibTeX name: anything printable but the characters that
// delimit values and fields.
func (p *bibParser) ident() string {
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c <= ' ' || strings.IndexByte(`"#%'(),={}`, c) >= 0 {
			break
		}
		p.pos++
	}
	return p.src[start:p.pos]
}

// skipSpace skips white space and, as biber does, "%" comments between the
// tokens of an entry.
func (p *bibParser) skipSpace() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\r', '\n':
			p.pos++
		case '%':
			p.skipLine()
		default:
			return
		}
	}
}
