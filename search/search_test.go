package search

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/paperwidget/paperwidget/paper"
)

// titles returns the titles of hits, best first.
func titles(papers []paper.Paper, hits []Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = papers[h.Paper].Title
	}
	return out
}

// hasPrefixes reports whether got starts with titles beginning with want, in
// any order when unordered.
func hasPrefixes(got, want []string, unordered bool) bool {
	if len(got) < len(want) {
		return false
	}
	head := slices.Clone(got[:len(want)])
	for i, w := range want {
		j := slices.IndexFunc(head, func(t string) bool { return strings.HasPrefix(t, w) })
		if j < 0 || (!unordered && j != i) {
			return false
		}
		head[j] = ""
	}
	return true
}

const (
	nhlPaper     = "Neuro-Modulated Hebbian Learning"
	projPaper    = "Hebbian Learning based Orthogonal Projection"
	forgetPaper  = "Does Continual Learning Equally Forget"
	lifelong     = "Continual Lifelong Learning"
	llmPaper     = "Wider and Deeper LLM Networks"
	surgicalSelf = "Multi-Modal Self-Supervised Learning for Surgical"
)

func TestSearchSeed(t *testing.T) {
	papers := loadSeed(t)
	if len(papers) != 70 {
		t.Fatalf("seed has %d papers, want 70", len(papers))
	}
	ix := New(papers)
	tests := []struct {
		kind, query string
		top         []string // expected first hits, by title prefix
		unordered   bool     // top may come in any order
	}{
		{"exact word", "hebbian", []string{nhlPaper, projPaper}, true},
		{"exact word, case", "HEBBIAN", []string{nhlPaper, projPaper}, true},
		{"prefix", "hebb", []string{nhlPaper, projPaper}, true},
		{"prefix", "neuromorph", []string{"Deep Neuromorphic Networks", "Spike-driven Transformer V2", "Bio-inspired computational memory"}, true},
		{"prefix of last term while typing", "spiking neur", []string{"Astrocyte-Enabled", projPaper, "Learning Delays in Spiking", "Spike-driven Transformer V2"}, true},
		{"typo, transposition", "hebbain", []string{nhlPaper, projPaper}, true},
		{"typo, two words", "contnual lerning", []string{forgetPaper, lifelong, projPaper}, true},
		{"typo, swapped letters", "transfromer", []string{"Circuit Component Reuse", "Small-scale proxies", "Spike-driven Transformer V2"}, true},
		{"typo, missing letter", "hipocampus", []string{"Bio-inspired computational memory"}, false},
		{"typo while typing", "contnu", []string{forgetPaper, lifelong, projPaper}, true},
		{"out of order", "projection hebbian", []string{projPaper}, false},
		{"out of order", "feedback surgical", []string{"Deep Multimodal Fusion for Surgical", surgicalSelf, "Automating Feedback Analysis"}, true},
		{"acronym defined in abstract", "nhl", []string{nhlPaper}, false},
		{"acronym in title beats scattered letters", "llm", []string{llmPaper}, false},
		{"acronym of title initials", "snn", []string{"Astrocyte-Enabled", projPaper, "Learning Delays in Spiking", "Spike-driven Transformer V2"}, true},
		{"acronym of hyphenated title words", "bci", []string{"HappyFeat", "Aggregating Intrinsic", "A Deep Neural Network for SSVEP", "RLEEGNet"}, true},
		{"punctuation and case", "multi modal self supervised", []string{surgicalSelf}, false},
		{"punctuation and case", "MULTI-MODAL, self-supervised!!", []string{surgicalSelf}, false},
		{"hyphenated word joined", "selfsupervised", []string{surgicalSelf}, false},
		{"subsequence within a word", "trnsfrmr", []string{"Circuit Component Reuse", "Small-scale proxies", "Spike-driven Transformer V2"}, true},
		{"short term is prefix only", "rl", []string{"Learning to Modulate pre-trained Models in RL", "Predictive auxiliary objectives in deep RL", "Assessing the Zero-Shot Capabilities"}, true},
		{"pasted full title", "RLEEGNet: Integrating Brain-Computer Interfaces with Adaptive AI for Intuitive Responsiveness and High-Accuracy Motor Imagery Classification", []string{"RLEEGNet"}, false},
		{"pasted full title", "Need is All You Need: Homeostatic Neural Networks Adapt to Concept Shift", []string{"Need is All You Need"}, false},
		{"pasted full title, sloppy", "end to end complex valued multidilated convolutional neural network for joint acoustic echo cancellation and noise suppression", []string{"End-to-End Complex-Valued"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.kind+"/"+tc.query, func(t *testing.T) {
			got := titles(papers, ix.Search(tc.query))
			if !hasPrefixes(got, tc.top, tc.unordered) {
				t.Errorf("Search(%q) top = %q\nwant %q (unordered %v)", tc.query, got[:min(len(got), len(tc.top)+2)], tc.top, tc.unordered)
			}
		})
	}
}

func TestSearchNothing(t *testing.T) {
	ix := New(loadSeed(t))
	for _, q := range []string{
		"xqzvbw",
		"zzzz qqqq",
		"hebbian xqzvbw", // every term must match
		"zq",             // short terms get no typo or subsequence leeway
		"lrnmdl",         // scattered over "Learning to Modulate": not a match
	} {
		if hits := ix.Search(q); len(hits) != 0 {
			t.Errorf("Search(%q) = %d hits, want none", q, len(hits))
		}
	}
}

func TestSearchBlank(t *testing.T) {
	papers := loadSeed(t)
	ix := New(papers)
	if ix.Len() != len(papers) {
		t.Fatalf("Len = %d, want %d", ix.Len(), len(papers))
	}
	for _, q := range []string{"", "   ", "\t\n", "!!! --"} {
		hits := ix.Search(q)
		if len(hits) != len(papers) {
			t.Fatalf("Search(%q) = %d hits, want all %d", q, len(hits), len(papers))
		}
		spans := ix.Spans(q, hits, nil)
		for i, h := range hits {
			if int(h.Paper) != i || spans[i].Title != nil || spans[i].Abstract != nil {
				t.Fatalf("Search(%q)[%d] = %+v with spans %+v, want paper %d without spans", q, i, h, spans[i], i)
			}
		}
	}
}

// TestShortTerms checks that a one- or two-letter term matches only words
// that start with it.
func TestShortTerms(t *testing.T) {
	papers := loadSeed(t)
	ix := New(papers)
	for _, q := range []string{"rl", "v2", "q"} {
		hits := ix.Search(q)
		if len(hits) == 0 {
			t.Fatalf("Search(%q) found nothing", q)
		}
		var tz tokenizer
		for _, h := range hits {
			p := papers[h.Paper]
			if !slices.ContainsFunc(tz.split(p.Title+" "+p.Abstract), func(tk token) bool {
				return strings.HasPrefix(string(tk.word), q)
			}) {
				t.Errorf("Search(%q) found %q, which has no word starting with it", q, p.Title)
			}
		}
	}
}

func TestFieldWeightsAndKinds(t *testing.T) {
	papers := []paper.Paper{
		{Title: "Spinnake trails"},                       // subsequence of "spike" from the word's start
		{Title: "Spice trade"},                           // one typo
		{Title: "Notes", Abstract: "We study a spike."},  // exact, abstract only
		{Title: "Spikelet circuits"},                     // prefix
		{Title: "Notes", Venue: "Spike Conference"},      // exact, venue
		{Title: "A spike train"},                         // exact, title
		{Title: "Notes", Authors: []string{"Ann Spike"}}, // exact, author
		{Title: "Notes", Tags: []string{"spike"}},        // exact, tag
	}
	ix := New(papers)
	got := titles(papers, ix.Search("spike"))
	want := []string{"A spike train", "Notes", "Notes", "Notes", "Spikelet circuits", "Spice trade", "Notes", "Spinnake trails"}
	if !slices.Equal(got, want) {
		t.Fatalf("Search(spike) = %q\nwant %q", got, want)
	}
	hits := ix.Search("spike")
	if order := []int32{hits[1].Paper, hits[2].Paper, hits[3].Paper}; !slices.Equal(order, []int32{4, 6, 7}) {
		t.Errorf("venue, author and tag hits = papers %v, want 4, 6, 7 (ties in list order)", order)
	}
	if hits[6].Paper != 2 {
		t.Errorf("abstract hit at %d, want after the title typo", hits[6].Paper)
	}
}

func TestAccents(t *testing.T) {
	papers := []paper.Paper{
		{Title: "Naïve Bayes for Über-Efficient Café Recommendation", Authors: []string{"José Müller"}},
		{Title: "A naive baseline", Abstract: "Cafe owners and uber drivers."},
		{Title: "Straße und Œuvre", Abstract: "Decomposed accents: cafe\u0301."},
	}
	ix := New(papers)
	for _, tc := range []struct {
		query string
		want  []int  // papers found, in any order
		hl    string // highlighted in the title of paper want[0]
	}{
		{"naive", []int{0, 1}, "Naïve"},
		{"NAÏVE", []int{0, 1}, "Naïve"},
		{"uber", []int{0, 1}, "Über"},
		{"uberefficient", []int{0}, "Über-Efficient"},
		{"cafe", []int{0, 1, 2}, "Café"},
		{"muller jose", []int{0}, ""},
		{"strasse", []int{2}, "Straße"},
		{"oeuvre", []int{2}, "Œuvre"},
	} {
		hits := ix.Search(tc.query)
		var got []int
		for _, h := range hits {
			got = append(got, int(h.Paper))
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Search(%q) = papers %v, want %v", tc.query, got, tc.want)
			continue
		}
		if tc.hl == "" {
			continue
		}
		i := slices.IndexFunc(hits, func(h Hit) bool { return int(h.Paper) == tc.want[0] })
		sp := ix.Spans(tc.query, hits[i:i+1], nil)[0]
		if m := matched(papers[hits[i].Paper].Title, sp.Title); !slices.Equal(m, []string{tc.hl}) {
			t.Errorf("Search(%q) highlights %q, want %q", tc.query, m, tc.hl)
		}
	}
}

// matched returns the highlighted parts of s.
func matched(s string, spans []Span) []string {
	var out []string
	for _, seg := range Split(s, spans) {
		if seg.Match {
			out = append(out, seg.Text)
		}
	}
	return out
}

func TestHighlights(t *testing.T) {
	papers := loadSeed(t)
	ix := New(papers)
	for _, tc := range []struct {
		query, title string
		title0       []string // highlighted parts of the first hit's title
		abstract0    string   // a part that must be highlighted in its abstract
	}{
		{"hebb", nhlPaper, []string{"Hebb"}, "Hebb"},
		{"multimodal", "Deep Multimodal Fusion", []string{"Multimodal"}, "multimodal"},
		{"multi modal self", surgicalSelf, []string{"Multi", "Modal", "Self"}, ""},
		{"nhl", nhlPaper, []string{"N", "H", "L"}, "NHL"},
		{"hebbain", nhlPaper, []string{"Hebbian"}, "Hebbian"},
		{"trnsfrmr", "Circuit Component Reuse", []string{"Tr", "nsf", "rm", "r"}, ""},
		{"llm", llmPaper, []string{"LLM", "LLM"}, "LLM"},
	} {
		hits := ix.Search(tc.query)
		if len(hits) == 0 || !strings.HasPrefix(papers[hits[0].Paper].Title, tc.title) {
			t.Errorf("Search(%q): first hit is not %q", tc.query, tc.title)
			continue
		}
		p := papers[hits[0].Paper]
		sp := ix.Spans(tc.query, hits[:1], nil)[0]
		if got := matched(p.Title, sp.Title); !slices.Equal(got, tc.title0) {
			t.Errorf("Search(%q) title highlights %q, want %q", tc.query, got, tc.title0)
		}
		if tc.abstract0 != "" && !slices.Contains(matched(p.Abstract, sp.Abstract), tc.abstract0) {
			t.Errorf("Search(%q) abstract highlights %q, want %q among them", tc.query, matched(p.Abstract, sp.Abstract), tc.abstract0)
		}
	}
}

// checkSpans fails unless spans are sorted, non-overlapping, non-adjacent,
// within s and on character boundaries.
func checkSpans(t testing.TB, s string, spans []Span) {
	t.Helper()
	end := -1
	for _, sp := range spans {
		if sp.Start <= end || sp.Start >= sp.End || sp.End > len(s) ||
			!utf8.RuneStart(s[sp.Start]) || (sp.End < len(s) && !utf8.RuneStart(s[sp.End])) {
			t.Fatalf("bad spans %v for %q", spans, s)
		}
		end = sp.End
	}
}

func TestSpansWellFormed(t *testing.T) {
	papers := loadSeed(t)
	ix := New(papers)
	for _, q := range []string{"hebbian", "neural network", "l", "llm", "multimodal learning", "trnsfrmr", "snn", "contnual lerning"} {
		hits := ix.Search(q)
		for i, sp := range ix.Spans(q, hits, nil) {
			checkSpans(t, papers[hits[i].Paper].Title, sp.Title)
			checkSpans(t, papers[hits[i].Paper].Abstract, sp.Abstract)
		}
	}
}

func TestDeterministicTies(t *testing.T) {
	papers := make([]paper.Paper, 0, 30)
	for i := range 30 {
		papers = append(papers, paper.Paper{Title: "Same title about spiking networks", Abstract: strings.Repeat("x ", i)})
	}
	ix := New(papers)
	for range 3 {
		hits := ix.Search("spiking")
		for i, h := range hits {
			if int(h.Paper) != i {
				t.Fatalf("tie %d is paper %d, want list order", i, h.Paper)
			}
		}
	}
}

// TestSpansOfAnyWindow checks that Spans highlights any window of the hits,
// one entry per hit, and leaves empty a hit that names no paper.
func TestSpansOfAnyWindow(t *testing.T) {
	papers := make([]paper.Paper, 40)
	for i := range papers {
		papers[i] = paper.Paper{Title: "Hebbian plasticity", Abstract: "A Hebbian rule."}
	}
	ix := New(papers)
	hits := ix.Search("hebbian")
	if len(hits) != len(papers) {
		t.Fatalf("%d hits, want %d", len(hits), len(papers))
	}
	window := append(slices.Clone(hits[25:]), Hit{Paper: -1}, Hit{Paper: int32(len(papers))})
	spans := ix.Spans("hebbian", window, nil)
	if len(spans) != len(window) {
		t.Fatalf("%d spans for %d hits", len(spans), len(window))
	}
	for _, sp := range spans[:len(spans)-2] {
		if !slices.Equal(sp.Title, []Span{{0, 7}}) || !slices.Equal(sp.Abstract, []Span{{2, 9}}) {
			t.Fatalf("Spans gave %v %v", sp.Title, sp.Abstract)
		}
	}
	for _, sp := range spans[len(spans)-2:] {
		if sp.Title != nil || sp.Abstract != nil {
			t.Fatalf("a hit outside the list has spans %+v", sp)
		}
	}
	if spans := ix.Spans("hebbian", nil, nil); len(spans) != 0 {
		t.Fatalf("Spans of no hits = %v", spans)
	}

	// Only the hits asked for get their abstracts highlighted (the widget
	// asks for expanded rows); every hit gets its title.
	odd := func(i int) bool { return i%2 == 1 }
	for i, sp := range ix.Spans("hebbian", hits[:6], odd) {
		if !slices.Equal(sp.Title, []Span{{0, 7}}) {
			t.Fatalf("hit %d: title spans %v", i, sp.Title)
		}
		if got := sp.Abstract != nil; got != odd(i) {
			t.Fatalf("hit %d: abstract spans %v, asked for: %v", i, sp.Abstract, odd(i))
		}
	}
}

// TestSpansAfterAnySearch checks that Spans gives the same whatever the
// scratch it gets last served: Search of the same query (whose matches it
// reuses), of another, or one that stopped at a term that matched nothing.
func TestSpansAfterAnySearch(t *testing.T) {
	papers := loadSeed(t)
	ix := New(papers)
	hits := ix.Search("learning")
	for _, q := range []string{"hebbian", "contnual lerning", "nhl", "llm", "trnsfrmr", "learning xqzvbw", "xqzvbw learning", "learning"} {
		want := New(papers).Spans(q, hits, nil)
		for _, before := range []string{q, "neural", "xqzvbw", ""} {
			ix.Search(before)
			if got := ix.Spans(q, hits, nil); !reflect.DeepEqual(got, want) {
				t.Fatalf("Spans(%q) after Search(%q) differs from a fresh index's", q, before)
			}
		}
		ix.Spans("hebbian", hits[:3], nil)
		if got := ix.Spans(q, hits, nil); !reflect.DeepEqual(got, want) {
			t.Fatalf("Spans(%q) after Spans(hebbian) differs from a fresh index's", q)
		}
	}
}

func TestHostileQueries(t *testing.T) {
	papers := loadSeed(t)
	ix := New(papers)
	long := strings.Repeat("hebbian ", 1250)
	for _, q := range []string{
		strings.Repeat("a", 10000),
		long,
		strings.Repeat("x", 9999) + " hebbian",
		strings.Repeat(papers[0].Title+" ", 80),
		"\xff\xfe\xfd hebbian \xc3",
		"🧠🔥 neural 🤖",
		`.*+?()[]{}|^$\ neural`,
		"شبكة عصبية neural עברית",
		"\x00\x00hebbian\x00",
		strings.Repeat(`"`, 10000),
		strings.Repeat(`"hebbian learning `, 1000),
		`"` + strings.Repeat("learning ", 2000),
	} {
		start := time.Now()
		hits := ix.Search(q)
		spans := ix.Spans(q, hits, nil)
		if d := time.Since(start); d > time.Second {
			t.Errorf("Search and Spans(%.20q...) took %v", q, d)
		}
		for i, sp := range spans {
			checkSpans(t, papers[hits[i].Paper].Title, sp.Title)
		}
	}
	if got, want := len(ix.Search(long)), len(ix.Search("hebbian")); got != want {
		t.Errorf("a repeated term should count once: %d hits, want %d", got, want)
	}
}

// TestASCIIAbstractSpans checks the abstract highlighter's shortcut for
// ASCII text against the tokenizer's spans.
func TestASCIIAbstractSpans(t *testing.T) {
	papers := append(loadSeed(t),
		paper.Paper{Title: "x", Abstract: "Multi-Modal self-supervised pre-training, multimodal; Self-Supervised-Learning x--y -z- LLMs"},
		paper.Paper{Title: "y", Abstract: "hebbian-like Hebb-ian HEBBIAN hebbians"})
	ix := New(papers)
	for _, q := range []string{"hebb", "hebbian", "multimo", "multimodal", "selfsup", "self supervised learning", "pretrain", "llm", "contnual lerning", "trnsfrmr", "spiking neur", "n", "x y z"} {
		sc := ix.scratch()
		ix.highlightKinds(sc, q)
		for _, p := range papers {
			from := len(sc.spans)
			if !ix.asciiSpans(sc, p.Abstract) {
				continue
			}
			got := slices.Clone(normalize(sc.spans[from:]))
			sc.spans = sc.spans[:from]
			ix.tokenSpans(sc, p.Abstract, false)
			want := slices.Clone(normalize(sc.spans[from:]))
			sc.spans = sc.spans[:from]
			if !slices.Equal(got, want) {
				t.Fatalf("%q in %.60q: shortcut %v, tokenizer %v", q, p.Abstract, got, want)
			}
		}
		ix.release(sc)
	}
}

// TestASCIIIndexing checks that indexing ASCII abstracts, authors, venues
// and identifiers without the tokenizer builds the same index.
func TestASCIIIndexing(t *testing.T) {
	papers := append(loadSeed(t),
		paper.Paper{Title: "x", Abstract: "Multi-Modal self-supervised pre-training, LLMs SeND NHL-based a-b-c -x- y--z 3D-CNN Über naïve",
			Authors: []string{"Jean-Luc Dupont-Moretti", "J. R. R. Tolkien", "Zoë Ångström", "O'Neil, Mary"}, Tags: []string{"spiking-nets", "RL", "über"},
			Venue: "NeurIPS 2023 (Spotlight)", Abbr: "NeurIPS", Date: "2023-12", DOI: "10.48550/arXiv.2306.01234", Arxiv: "2306.01234v2"},
		paper.Paper{Title: "y", Abstract: "hebbian-like Hebb-ian HEBBIAN hebbians RL-agents e.g. U-Net",
			Authors: []string{"Mei Chen"}, Venue: "Proc. of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)", DOI: "10.1109/CVPR52729.2023.00123"})
	fast := New(papers)
	asciiIndexing = false
	slow := New(papers)
	asciiIndexing = true
	if !slices.Equal(fast.words, slow.words) || !slices.Equal(fast.acro, slow.acro) {
		t.Fatalf("dictionaries differ: %d and %d words", len(fast.words), len(slow.words))
	}
	for f := range nFields {
		if !slices.Equal(fast.off[f], slow.off[f]) || !slices.Equal(fast.post[f], slow.post[f]) {
			t.Fatalf("postings of field %d differ", f)
		}
	}
}
