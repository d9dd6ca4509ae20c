package importer

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected files of testdata/merging from the importer's output (review the diff)")

// The files of testdata/merging are shaped like real exports (al-folio's
// _bibliography/papers.bib, Google Scholar, JabRef, Zotero Better BibTeX
// and CSL-JSON, DBLP), written for this project. Each case imports its
// files together; the list and what the merge said must be as expected
// (<case>.json, <case>.log).
func TestMergingCorpus(t *testing.T) {
	for _, c := range []struct {
		name  string
		files []string
		// how many papers each title must stay: different works that share
		// a title, a DOI or an eprint
		titles map[string]int
	}{
		{"alfolio", []string{"alfolio-papers.bib", "scholar.bib"}, map[string]int{
			"neuro modulated hebbian learning for fully test time adaptation": 1, // the same paper in both
			"spiking transformers for event cameras":                          1, // published (2024) and its preprint (2023)
			"synaptic plasticity for machine learners":                        2, // a 2022 book and a 2019 article
		}},
		{"distinct-works", []string{"jabref-library.bib", "zotero-bbt.bib", "dblp.bib", "zotero-csl.json"}, map[string]int{
			"counterfactuals": 2, // Lewis's 1973 book, Ginsberg's 1986 article
			"deep learning":   2, // LeCun et al. 2015 (Nature), Goodfellow et al. 2016 (book)
			"ian goodfellow yoshua bengio and aaron courville deep learning": 1, // a review of the book
			"origins of spike timing plasticity":                             1, // three chapters with their book's DOI
			"local learning rules":                                           1,
			"neuromorphic hardware":                                          1,
			"event driven sensing with memristive synapses":                  1, // two DOIs, one (mis-copied) eprint
			"phase coding in recurrent spiking networks":                     1,
			"attention is all you need":                                      1, // arXiv, CoRR and NeurIPS: one paper
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var paths []string
			for _, f := range c.files {
				paths = append(paths, filepath.Join("testdata/merging", f))
			}
			l, report, err := Import(paths, Options{})
			if err != nil {
				t.Fatal(err)
			}
			count := map[string]int{}
			for _, p := range l.Papers {
				count[normTitle(p.Title)]++
			}
			for title, n := range c.titles {
				if count[title] != n {
					t.Errorf("%d papers titled %q, want %d", count[title], title, n)
				}
			}

			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(l); err != nil {
				t.Fatal(err)
			}
			var log bytes.Buffer
			Report{Warnings: mergeWarnings(report.Warnings), Notes: report.Notes, Sources: report.Sources}.Log(&log)
			golden(t, filepath.Join("testdata/merging", c.name+".json"), got.Bytes())
			golden(t, filepath.Join("testdata/merging", c.name+".log"), log.Bytes())
		})
	}
}

// mergeWarnings keeps the merge's own warnings, which name two places: the
// sources' warnings about their fields are other tests' business.
func mergeWarnings(all []Warning) []Warning {
	var ws []Warning
	for _, w := range all {
		if w.File == "" {
			ws = append(ws, w)
		}
	}
	return ws
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Errorf("%s differs from line %d:\ngot  %s\nwant %s\n(go test ./importer -run TestRealWorld -update rewrites it)", path, i+1, gl[i], wl[i])
				return
			}
		}
		t.Errorf("%s: %d lines, want %d", path, len(gl), len(wl))
	}
}
