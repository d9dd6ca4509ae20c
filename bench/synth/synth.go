// Package synth generates deterministic synthetic paper lists for the
// benchmarks: titles and abstracts drawn from the words of the bundled list,
// so common words stay common, the queries of the benchmark find papers and
// the dictionary grows with the list as real vocabularies do.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"

	"github.com/paperwidget/paperwidget/paper"
)

// Seed reads the list whose words the synthetic lists use: the bundled
// data/papers.json, at path from the caller's directory. A list with any
// problem is an error, so a benchmark never runs on a half-read seed.
func Seed(path string) ([]paper.Paper, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	l, problems, err := paper.Decode(data)
	if err == nil && len(problems) > 0 {
		err = fmt.Errorf("%d problems, the first: %v", len(problems), problems[0])
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return l.Papers, nil
}

// Generate returns n papers built from the words of seed with a fixed
// random source: the same seed and n give the same list, byte for byte.
func Generate(seed []paper.Paper, n int) paper.List {
	var titleWords, absWords []string
	for _, p := range seed {
		titleWords = append(titleWords, strings.Fields(p.Title)...)
		absWords = append(absWords, strings.Fields(p.Abstract)...)
	}
	r := rand.New(rand.NewPCG(1, 2))
	text := func(pool []string, words int) string {
		var sb strings.Builder
		for i := range words {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(pool[r.IntN(len(pool))])
			// One word in a hundred is glued to another: new words.
			if r.IntN(100) == 0 {
				sb.WriteString(strings.ToLower(pool[r.IntN(len(pool))]))
			}
		}
		return sb.String()
	}
	l := paper.List{Title: fmt.Sprintf("Synthetic list of %d papers", n), Papers: make([]paper.Paper, n)}
	for i := range l.Papers {
		l.Papers[i] = paper.Paper{
			ID:       fmt.Sprintf("p%06d", i),
			Title:    text(titleWords, 8+r.IntN(5)),
			Abstract: text(absWords, 150+r.IntN(51)),
			Date:     fmt.Sprintf("%d-%02d", 2015+r.IntN(11), 1+r.IntN(12)),
		}
	}
	return l
}
