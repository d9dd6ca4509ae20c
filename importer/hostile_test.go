package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// parseWithin parses data as BibTeX, failing the test if that takes longer
// than a minute: the inputs below took hours or all memory before their
// caps, and take milliseconds now, so the bound only catches a regression.
func parseWithin(t *testing.T, data []byte) (int, []Warning, error) {
	t.Helper()
	type result struct {
		n        int
		warnings []Warning
		err      error
	}
	done := make(chan result, 1)
	go func() {
		l, warnings, err := Parse("hostile.bib", data, BibTeX)
		done <- result{len(l.Papers), warnings, err}
	}()
	select {
	case r := <-done:
		return r.n, r.warnings, r.err
	case <-time.After(time.Minute):
		t.Fatalf("parsing %d bytes still running after a minute", len(data))
		return 0, nil, nil
	}
}

// 40 lines of 20 bytes asked for 2^40 bytes.
func TestMacroThatDoublesItselfIsRefused(t *testing.T) {
	var in strings.Builder
	in.WriteString("@string{a = {x}}\n")
	for range 40 {
		in.WriteString("@string{a = a # a}\n")
	}
	in.WriteString("@misc{k, title = a}\n")
	_, _, err := parseWithin(t, []byte(in.String()))
	// Line n has spent 2^n - 2 bytes: past 1 MB on line 21.
	want := fmt.Sprintf(`hostile.bib:21: macro "a": the file's macros and crossrefs expand to more than %d bytes (four times the file plus 1 MB); refusing it`, 4*in.Len()+1<<20)
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

// A macro used by many entries is what macros are for, and stays well
// inside the cap.
func TestMacrosUsedByEveryEntryAreFine(t *testing.T) {
	var in strings.Builder
	in.WriteString("@string{nips = {Advances in Neural Information Processing Systems}}\n")
	for i := range 5000 {
		fmt.Fprintf(&in, "@inproceedings{k%d, title = {Paper %d}, booktitle = nips, year = 2020}\n", i, i)
	}
	n, warnings, err := parseWithin(t, []byte(in.String()))
	if err != nil || n != 5000 || len(warnings) > 0 {
		t.Errorf("%d papers, %v, %v", n, warnings, err)
	}
}

// 20,000 entries naming one with a megabyte in it reached 6 GB.
func TestCrossrefThatMultipliesTextIsRefused(t *testing.T) {
	big := strings.Repeat("word ", 200_000)
	for _, c := range []struct {
		field   string
		papers  int
		wantErr string
	}{
		// A volume's abstract is not its papers': nothing to copy.
		{"abstract", 20_000, ""},
		// Its publisher is: copied until the cap (four times this 2 MB
		// file plus 1 MB: nine copies), then the file is refused.
		{"publisher", 0, `hostile.bib:11: entry "p9": crossref "vol": the file's macros and crossrefs expand to more than %d bytes (four times the file plus 1 MB); refusing it`},
	} {
		t.Run(c.field, func(t *testing.T) {
			var in bytes.Buffer
			fmt.Fprintf(&in, "@proceedings{vol, title = {Volume}, %s = {%s}}\n", c.field, big)
			for i := range 20_000 {
				fmt.Fprintf(&in, "@inproceedings{p%d, title = {P%d}, crossref = {vol}}\n", i, i)
			}
			n, _, err := parseWithin(t, in.Bytes())
			if c.wantErr != "" {
				c.wantErr = fmt.Sprintf(c.wantErr, 4*in.Len()+1<<20)
			}
			if msg := fmt.Sprint(err); (c.wantErr == "" && err != nil) || (c.wantErr != "" && msg != c.wantErr) || n != c.papers {
				t.Errorf("%d papers, err %v\nwant %d, %s", n, err, c.papers, c.wantErr)
			}
		})
	}
}

// Every "@" of "@a@a@a..." used to start a scan to the end of the input.
func TestJunkAtSignsAreReadOnce(t *testing.T) {
	in := []byte(strings.Repeat("@a", 1_000_000) + "\n@misc{k, title = {T}}")
	if n, _, err := parseWithin(t, in); n != 1 || err != nil {
		t.Errorf("%d papers, %v", n, err)
	}
}

func TestInputIsCapped(t *testing.T) {
	if _, err := readLimited("/dev/zero", 1<<20); err == nil || err.Error() != "/dev/zero: larger than 1 MB, more than any paper list; is it the right file?" {
		t.Errorf("reading /dev/zero: %v", err)
	}
	// A regular file is measured, not read: this one takes no disk.
	huge := filepath.Join(t.TempDir(), "disk.img")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, MaxInput+1); err != nil {
		t.Skip("no sparse files here:", err)
	}
	_, _, err := Import([]string{huge}, Options{})
	if want := huge + ": larger than 256 MB, more than any paper list; is it the right file?"; err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

// CSL items are numbered by line counting on from the last item, not from
// the file's start for each (quadratic: 40,000 items took 8 times as long as
// 10,000).
func TestLineCounter(t *testing.T) {
	data := []byte("a\nbb\n\nccc\nd")
	c := lineCounter{data: data, line: 1}
	for _, step := range []struct {
		off  int64
		line int
	}{{0, 1}, {1, 1}, {2, 2}, {6, 4}, {6, 4}, {100, 5}} {
		if got := c.at(step.off); got != step.line {
			t.Errorf("line at %d = %d, want %d", step.off, got, step.line)
		}
	}
}
