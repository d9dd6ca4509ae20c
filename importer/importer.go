// Package importer turns the sources people keep their papers in into a
// paper.List. Every problem it finds is reported with the file and line it
// comes from; nothing is dropped without a word.
package importer

import (
	"bytes"
	"fmt"
	"io"
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
	File string // "" for a merge's warnings, which name two files
	Line int    // 0 when the format has no useful line (JSON field problems)
	Msg  string
	// Skipped tells that a whole entry was left out, not just a field, so
	// the build can count what it did not publish.
	Skipped bool
}

func (w Warning) String() string {
	if w.File == "" {
		return w.Msg // a merge's, which names its two places itself
	}
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

// MaxInput is the largest source read, far above real bibliographies (a
// list of 100,000 papers with abstracts is about 150 MB of JSON), so that a
// wrong path (a device, a disk image) fails at once instead of filling
// memory.
const MaxInput = 256 << 20

// File reads one source file; format "" means detect it.
func File(path string, format Format) (paper.List, []Warning, error) {
	src, err := readSource(path, Options{Format: format}, MaxInput)
	return src.List, src.Warnings, err
}

func readSource(path string, o Options, limit int64) (Source, error) {
	data, err := readLimited(path, limit)
	if err != nil {
		return Source{}, err
	}
	return parse(filepath.Base(path), data, o)
}

// readLimited reads at most limit bytes: a regular file is measured before
// reading, anything else (a pipe, /dev/zero) is cut at the limit.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tooLarge := fmt.Errorf("%s: larger than %d MB, more than any paper list; is it the right file?", path, limit>>20)
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > limit {
		return nil, tooLarge
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge
	}
	return data, nil
}

// Parse imports data named name (used in messages) in the given format, or
// the detected one when format is "".
func Parse(name string, data []byte, format Format) (paper.List, []Warning, error) {
	return ParseWith(name, data, Options{Format: format})
}

// ParseWith imports data named name (used in messages) as o says.
func ParseWith(name string, data []byte, o Options) (paper.List, []Warning, error) {
	src, err := parse(name, data, o)
	return src.List, src.Warnings, err
}

func parse(name string, data []byte, o Options) (Source, error) {
	pdfBase, err := parsePDFBase(o.PDFBase)
	if err != nil {
		return Source{}, err
	}
	data, err = decodeText(name, data)
	if err != nil {
		return Source{}, err
	}
	format := o.Format
	if format == "" {
		format = Detect(data)
	}
	var list paper.List
	var lines []int
	var warnings []Warning
	switch format {
	case JSON:
		return parseJSON(name, data)
	case PapersPage:
		list, lines, warnings, err = parsePapersPage(name, data)
	case BibTeX:
		list, lines, warnings, err = parseBib(name, data, pdfBase)
	case CSL:
		list, lines, warnings, err = parseCSL(name, data)
	case Arxiv:
		list, lines, warnings, err = parseArxiv(name, data)
	default:
		err = fmt.Errorf("%s: unknown format %q (want one of %s)", name, format, formatNames())
	}
	if err != nil {
		return Source{}, err
	}
	places := make([]string, len(lines))
	for i, line := range lines {
		places[i] = fmt.Sprintf("%s:%d", name, line)
	}
	return Source{Name: name, List: list, Places: places, Warnings: warnings}, nil
}

func parseJSON(name string, data []byte) (Source, error) {
	list, problems, err := paper.Decode(data)
	if err != nil {
		return Source{}, fmt.Errorf("%s: %w", name, err)
	}
	warnings := make([]Warning, len(problems))
	skipped := map[int]bool{}
	for i, p := range problems {
		warnings[i] = Warning{File: name, Msg: p.Error(), Skipped: p.Skipped}
		if p.Skipped {
			skipped[p.Index] = true
		}
	}
	places := make([]string, 0, len(list.Papers))
	for i := 0; len(places) < len(list.Papers); i++ {
		if !skipped[i] {
			places = append(places, fmt.Sprintf("%s papers[%d]", name, i))
		}
	}
	return Source{Name: name, List: list, Places: places, Warnings: warnings}, nil
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
