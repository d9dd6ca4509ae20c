package importer

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

// testdata/realworld holds files shaped like what people export (JabRef,
// Zotero Better BibTeX and CSL-JSON, Google Scholar, DBLP, EndNote,
// MEDLINE-style keywords, al-folio lab lists, the arXiv API), written for
// this project. Each <case>.<ext> has its expected import in
// <case>.want.json: the papers and the warnings. go test -run TestRealWorld
// -update rewrites them; read the diff before committing it.

var update = flag.Bool("update", false, "rewrite testdata/realworld/*.want.json from the importer's output")

const realWorldDir = "testdata/realworld"

// realWorldOptions are what a case is imported with, as its owner would.
var realWorldOptions = map[string]Options{
	"alfolio.bib": {PDFBase: "https://lab.example.org/assets/pdf/"},
}

type realWorldResult struct {
	Papers   []paper.Paper `json:"papers"`
	Warnings []string      `json:"warnings,omitempty"`
}

func realWorldInputs(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(realWorldDir)
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".want.json") {
			inputs = append(inputs, e.Name())
		}
	}
	if len(inputs) < 9 {
		t.Fatalf("only %d real-world cases in %s", len(inputs), realWorldDir)
	}
	return inputs
}

func importRealWorld(t *testing.T, name string, data []byte) realWorldResult {
	t.Helper()
	opt := realWorldOptions[name]
	l, ws, err := ParseWith(name, data, opt)
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, l)
	res := realWorldResult{Papers: l.Papers}
	for i := range res.Papers {
		// What "Copy BibTeX" copies has tests of its own; the raw entry
		// would only repeat the input here.
		res.Papers[i].Bibtex = ""
	}
	for _, w := range ws {
		res.Warnings = append(res.Warnings, w.String())
	}
	return res
}

func wantPath(input string) string {
	return filepath.Join(realWorldDir, strings.TrimSuffix(input, filepath.Ext(input))+".want.json")
}

func TestRealWorld(t *testing.T) {
	for _, name := range realWorldInputs(t) {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(realWorldDir, name))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			enc := json.NewEncoder(&out)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(importRealWorld(t, name, data)); err != nil {
				t.Fatal(err)
			}
			got := out.Bytes()
			if *update {
				if err := os.WriteFile(wantPath(name), got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(wantPath(name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("import of %s differs from %s:\n%s", name, wantPath(name), got)
			}
		})
	}
}

// A UTF-16 export (Windows tools write one with a byte-order mark) reads as
// the UTF-8 file it encodes.
func TestRealWorldUTF16(t *testing.T) {
	const name = "zotero-bbt.bib"
	data, err := os.ReadFile(filepath.Join(realWorldDir, name))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(importRealWorld(t, name, data))
	for _, bigEndian := range []bool{false, true} {
		got, _ := json.Marshal(importRealWorld(t, name, utf16Bytes(string(data), bigEndian, true)))
		if !bytes.Equal(got, want) {
			t.Errorf("UTF-16 (big endian %v) import differs:\n%s\nwant\n%s", bigEndian, got, want)
		}
	}
}

var (
	htmlTag    = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	htmlEntity = regexp.MustCompile(`&([a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);`)
	texCommand = regexp.MustCompile(`\\([a-zA-Z]+)`)
)

// What readers see holds no LaTeX or markup: no backslash, brace, dollar or
// caret, no tag or entity, and no name of a command the source used glued
// to the text around it ("scAdl", "textsuperscriptrd").
func TestRealWorldNoResidue(t *testing.T) {
	for _, name := range realWorldInputs(t) {
		data, err := os.ReadFile(filepath.Join(realWorldDir, name))
		if err != nil {
			t.Fatal(err)
		}
		res := importRealWorld(t, name, data)
		src, err := decodeText(name, data)
		if err != nil {
			t.Fatal(err)
		}
		var commands []string
		bare := texCommand.ReplaceAllString(string(src), " ")
		for _, m := range texCommand.FindAllStringSubmatch(string(src), -1) {
			// \log writes "log": its name is its text.
			if !strings.Contains(bare, m[1]) && letterCommands[m[1]] != m[1] {
				commands = append(commands, m[1])
			}
		}
		for _, p := range res.Papers {
			fields := map[string][]string{"title": {p.Title}, "authors": p.Authors, "venue": {p.Venue}, "tags": p.Tags, "abstract": {p.Abstract}}
			for field, values := range fields {
				for _, v := range values {
					var residue []string
					if i := strings.IndexAny(v, `\{}$^`); i >= 0 {
						residue = append(residue, v[i:i+1])
					}
					residue = append(residue, htmlTag.FindAllString(v, -1)...)
					residue = append(residue, htmlEntity.FindAllString(v, -1)...)
					for _, c := range commands {
						if strings.Contains(v, c) {
							residue = append(residue, c)
						}
					}
					if len(residue) > 0 {
						t.Errorf("%s: %s %q: %s has %q", name, p.ID, p.Title, field, residue)
					}
				}
			}
		}
	}
}

// ImportWith is what the build calls: the pdf base reaches every source.
func TestImportWithPDFBase(t *testing.T) {
	paths := []string{filepath.Join(realWorldDir, "alfolio.bib"), filepath.Join(realWorldDir, "dblp.bib")}
	l, report, err := ImportWith(paths, Options{PDFBase: "https://lab.example.org/assets/pdf/"})
	if err != nil || len(l.Papers) != 7 || len(report.Sources) != 2 {
		t.Fatalf("%v: %d papers, %+v", err, len(l.Papers), report.Sources)
	}
	if pdf := l.Papers[0].PDF; pdf != "https://lab.example.org/assets/pdf/mehta2023adl.pdf" {
		t.Errorf("pdf = %q", pdf)
	}
	if _, _, err := ImportWith(paths, Options{PDFBase: "lab.example.org/pdf"}); err == nil || !strings.Contains(err.Error(), `pdf base "lab.example.org/pdf" is not an http(s) address`) {
		t.Errorf("a bad pdf base: err = %v", err)
	}
	if _, _, err := ImportWith(nil, Options{}); err == nil {
		t.Error("no sources: no error")
	}
}
