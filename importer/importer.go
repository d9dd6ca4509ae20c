// Package importer turns the sources people keep their papers in into a
// paper.List. Every problem it finds is reported with the file and line it
// comes from; nothing is dropped without a word.
package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/paperwidget/paperwidget/paper"
)

// Warning is a problem in a source that did not stop the import: a skipped
// entry or a dropped field, named by file and line so it can be fixed.
type Warning struct {
	File string
	Line int // 0 when the format has no useful line (JSON field problems)
	Msg  string
	// Skipped tells that a whole entry was left out, not just a field, so
	// the build can count what it did not publish.
	Skipped bool
}

func (w Warning) String() string {
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Msg)
	}
	return fmt.Sprintf("%s: %s", w.File, w.Msg)
}

// Format names a source format.
type Format string

const (
	JSON       Format = "json"
	PapersPage Format = "papers-page"
	BibTeX     Format = "bibtex"
	CSL        Format = "csl-json"
	Arxiv      Format = "arxiv"
)

// Formats lists every format, for help texts and flag checks.
var Formats = []Format{BibTeX, CSL, Arxiv, JSON, PapersPage}

// bibEntryLine is a line that opens a BibTeX entry; papers-page text has no
// reason to start a line with "@word{".
var bibEntryLine = regexp.MustCompile(`(?m)^[ \t]*@[A-Za-z]+[ \t]*[{(]`)

// Detect guesses the format from content, not from the file name, because
// exports are routinely saved as .txt or without an extension.
func Detect(data []byte) Format {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case len(trimmed) > 0 && trimmed[0] == '[' && isCSL(trimmed):
		return CSL
	case len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '['):
		return JSON
	case len(trimmed) > 0 && trimmed[0] == '<':
		return Arxiv
	case bibEntryLine.Match(data):
		return BibTeX
	}
	return PapersPage
}

// File reads one source file; format "" means detect it.
func File(path string, format Format) (paper.List, []Warning, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return paper.List{}, nil, err
	}
	return Parse(filepath.Base(path), data, format)
}

// Parse imports data named name (used in messages) in the given format, or
// the detected one when format is "".
func Parse(name string, data []byte, format Format) (paper.List, []Warning, error) {
	data, err := decodeText(name, data)
	if err != nil {
		return paper.List{}, nil, err
	}
	if format == "" {
		format = Detect(data)
	}
	switch format {
	case JSON:
		list, problems, err := paper.Decode(data)
		if err != nil {
			return paper.List{}, nil, fmt.Errorf("%s: %w", name, err)
		}
		warnings := make([]Warning, len(problems))
		for i, p := range problems {
			warnings[i] = Warning{File: name, Msg: p.Error(), Skipped: p.Skipped}
		}
		return list, warnings, nil
	case PapersPage:
		return parsePapersPage(name, data)
	case BibTeX:
		return parseBib(name, data)
	case CSL:
		return parseCSL(name, data)
	case Arxiv:
		return parseArxiv(name, data)
	default:
		return paper.List{}, nil, fmt.Errorf("%s: unknown format %q (want one of %s)", name, format, formatNames())
	}
}

func formatNames() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}
