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

// testdata/exports holds files shaped like what people export (JabRef,
// Zotero Better BibTeX and CSL-JSON, Google Scholar, DBLP, EndNote,
// MEDLINE-style keywords, al-folio lab lists, the arXiv API), written for
// this project, one source at a time: what its text becomes. Each
// <case>.<ext> has its expected import in <case>.want.json: the papers and
// the warnings. go test -run TestExports -update-exports rewrites them;
// read the diff before committing it.

var updateExports = flag.Bool("update-exports", false, "rewrite testdata/exports/*.want.json from the importer's output")

const exportsDir = "testdata/exports"

// exportOptions are what a case is imported with, as its owner would.
var exportOptions = map[string]Options{
	"alfolio.bib": {PDFBase: "https://lab.example.org/assets/pdf/"},
}

type exportResult struct {
	Papers   []paper.Paper `json:"papers"`
	Warnings []string      `json:"warnings,omitempty"`
}

func exportInputs(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(exportsDir)
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
		t.Fatalf("only %d export cases in %s", len(inputs), exportsDir)
	}
	return inputs
}

func importExport(t *testing.T, name string, data []byte) exportResult {
	t.Helper()
	opt := exportOptions[name]
	l, ws, err := ParseWith(name, data, opt)
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, l)
	res := exportResult{Papers: l.Papers}
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
	return filepath.Join(exportsDir, strings.TrimSuffix(input, filepath.Ext(input))+".want.json")
}

func TestExports(t *testing.T) {
	for _, name := range exportInputs(t) {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(exportsDir, name))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			enc := json.NewEncoder(&out)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(importExport(t, name, data)); err != nil {
				t.Fatal(err)
			}
			got := out.Bytes()
			if *updateExports {
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
func TestExportsUTF16(t *testing.T) {
	const name = "zotero-bbt.bib"
	data, err := os.ReadFile(filepath.Join(exportsDir, name))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(importExport(t, name, data))
	for _, bigEndian := range []bool{false, true} {
		got, _ := json.Marshal(importExport(t, name, utf16Bytes(string(data), bigEndian, true)))
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
func TestExportsNoResidue(t *testing.T) {
	for _, name := range exportInputs(t) {
		data, err := os.ReadFile(filepath.Join(exportsDir, name))
		if err != nil {
			t.Fatal(err)
		}
		res := importExport(t, name, data)
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
