// Package importer turns the sources people keep their papers in into a
// paper.List. Every problem it finds is reported with the file and line it
// comes from; nothing is dropped without a word.
package importer

import (
	"bytes"
	"errors"
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

// Options steer an import; the zero value detects each source's format.
type Options struct {
	Format Format
	// PDFBase is the address that relative pdf fields are relative to:
	// al-folio's pdf = {paper.pdf} names a file of the site's /assets/pdf/,
	// so https://lab.example.org/assets/pdf/. Without it they are left out.
	PDFBase string
}

// File reads one source file; format "" means detect it.
func File(path string, format Format) (paper.List, []Warning, error) {
	return FileWith(path, Options{Format: format})
}

// FileWith reads one source file as opt says.
func FileWith(path string, opt Options) (paper.List, []Warning, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return paper.List{}, nil, err
	}
	return ParseWith(filepath.Base(path), data, opt)
}

// ImportWith reads the files in order as opt says and merges them, as
// Import does.
func ImportWith(paths []string, opt Options) (paper.List, Report, error) {
	sources := make([]Source, 0, len(paths))
	for _, p := range paths {
		list, warnings, err := FileWith(p, opt)
		if err != nil {
			return paper.List{}, Report{}, err
		}
		sources = append(sources, Source{Name: p, List: list, Warnings: warnings})
	}
	if len(sources) == 0 {
		return paper.List{}, Report{}, errors.New("no paper list given")
	}
	list, report := Merge(sources)
	return list, report, nil
}

// Parse imports data named name (used in messages) in the given format, or
// the detected one when format is "".
func Parse(name string, data []byte, format Format) (paper.List, []Warning, error) {
	return ParseWith(name, data, Options{Format: format})
}

// ParseWith imports data named name (used in messages) as opt says.
func ParseWith(name string, data []byte, opt Options) (paper.List, []Warning, error) {
	pdfBase, err := parsePDFBase(opt.PDFBase)
	if err != nil {
		return paper.List{}, nil, err
	}
	data, err = decodeText(name, data)
	if err != nil {
		return paper.List{}, nil, err
	}
	format := opt.Format
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
