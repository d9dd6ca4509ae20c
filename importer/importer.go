// Package importer turns the sources people keep their papers in into a
// paper.List. Every problem it finds is reported with the file and line it
// comes from; nothing is dropped without a word.
package importer

import (
	"bytes"
	"fmt"
	"net/url"
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

// Options say how to read sources.
type Options struct {
	// Format is the format of every source; "" detects each one's.
	Format Format
	// PDFBase is the URL relative pdf fields (al-folio's pdf = {paper.pdf})
	// are resolved against, such as https://lab.example.org/assets/pdf/.
	PDFBase string
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
	return ParseWith(name, data, Options{Format: format})
}

// ParseWith imports data named name (used in messages) as o says.
func ParseWith(name string, data []byte, o Options) (paper.List, []Warning, error) {
	pdfBase, err := parsePDFBase(o.PDFBase)
	if err != nil {
		return paper.List{}, nil, err
	}
	data, err = decodeText(name, data)
	if err != nil {
		return paper.List{}, nil, err
	}
	format := o.Format
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
		return parseBib(name, data, pdfBase)
	case CSL:
		return parseCSL(name, data)
	case Arxiv:
		return parseArxiv(name, data)
	default:
		return paper.List{}, nil, fmt.Errorf("%s: unknown format %q (want one of %s)", name, format, formatNames())
	}
}

// parsePDFBase checks an Options.PDFBase: an http(s) address, read as a
// directory whether or not it ends in "/".
func parsePDFBase(s string) (*url.URL, error) {
	if s == "" {
		return nil, nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("pdf base %q is not an http(s) address such as https://lab.example.org/assets/pdf/", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u, nil
}

func formatNames() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}
