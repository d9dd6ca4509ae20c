package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

func TestSplitPapers(t *testing.T) {
	for in, want := range map[string][]string{
		"data/papers.json":                  {"data/papers.json"},
		"a.bib  b.json":                     {"a.bib", "b.json"},
		"My Papers/lab.bib;extra.json":      {"My Papers/lab.bib", "extra.json"},
		"My Papers/lab.bib;":                {"My Papers/lab.bib"},
		" a b.bib ;\n c.json\n\nd e.txt\n":  {"a b.bib", "c.json", "d e.txt"},
		`C:\Users\me\papers.bib;x "y".json`: {`C:\Users\me\papers.bib`, `x "y".json`},
	} {
		if got := splitPapers(in); !reflect.DeepEqual(got, want) {
			t.Errorf("splitPapers(%q) = %q, want %q", in, got, want)
		}
	}
}

// -strict stops on a merge whose records disagree, and only then.
func TestConvertStrict(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	lab := write("our list.bib", `@article{lewis73, title = {Counterfactuals}, author = {Lewis, David}, year = 1973, publisher = {Blackwell}}
@article{ginsberg86, title = {Counterfactuals}, author = {Ginsberg, Matthew L.}, year = 1986, journal = {Artificial Intelligence}}`)
	agrees := write("agrees.json", `[{"id": "l", "title": "Counterfactuals", "authors": ["D. Lewis"], "date": "1973"}]`)
	disagrees := write("disagrees.json", `[{"id": "g", "title": "Counterfactuals", "authors": ["M. Ginsberg"], "date": "1986", "venue": "Artif. Intell."}]`)

	var out, log bytes.Buffer
	if err := convert([]string{"-strict", lab, agrees}, &out, &log); err != nil {
		t.Fatalf("an agreeing merge failed -strict: %v\n%s", err, log.String())
	}
	var l paper.List
	if err := json.Unmarshal(out.Bytes(), &l); err != nil || len(l.Papers) != 2 {
		t.Fatalf("%v: %s", err, out.String())
	}
	if !strings.Contains(log.String(), "merged: our list.bib:1 = agrees.json papers[0] (same title)") {
		t.Errorf("the merge is not reported with both places:\n%s", log.String())
	}

	out.Reset()
	log.Reset()
	err := convert([]string{"-strict", lab, disagrees}, &out, &log)
	if err == nil || err.Error() != "1 import warnings and -strict given" || out.Len() > 0 {
		t.Errorf("err = %v, output %q", err, out.String())
	}
	want := `warning: merged our list.bib:2 = disagrees.json papers[0] (same title), but they disagree: venue "Artificial Intelligence" / "Artif. Intell."; the first is kept`
	if !strings.Contains(log.String(), want) {
		t.Errorf("log lacks\n%s\n%s", want, log.String())
	}
	log.Reset()
	if err := convert([]string{lab, disagrees}, &out, &log); err != nil || !strings.Contains(log.String(), want) {
		t.Errorf("without -strict: %v\n%s", err, log.String())
	}
}

// make passes PAPERS, BASE and PDF_BASE to the build as they are: the shell
// reads none of their quotes, spaces or backslashes.
func TestMakeDistPassesPathsWhole(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("no make")
	}
	args := filepath.Join(t.TempDir(), "args")
	if err := os.WriteFile(args, []byte("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\000' \"$a\"; done\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("make", "-s", "-C", "..", "dist", "GO="+args, `PAPERS=My "Papers"/lab.bib;it's a (draft) &.json`,
		`BASE=/a\b/`, "PDF_BASE=https://lab.example.org/assets/pdf/", "STRICT=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	want := []string{"run", "./build", "dist", "-o", "dist", "-base", `/a\b/`, "-papers", `My "Papers"/lab.bib;it's a (draft) &.json`,
		"-strict", "-pdf-base", "https://lab.example.org/assets/pdf/"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("make dist ran\n%q\nwant\n%q", got, want)
	}
}
