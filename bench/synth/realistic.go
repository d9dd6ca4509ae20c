package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paperwidget/paperwidget/paper"
)

// Realistic returns n papers whose statistics follow those of real
// conference lists, the same for the same n and seed, byte for byte. Lists
// made from the bundled papers' words (Generate) hold a few thousand
// distinct words at any size; a real list of 10,000 papers holds about
// 52,800 (titles, abstracts, authors), and the cost of a keystroke follows
// the dictionary. What it matches:
//
//   - Vocabulary: titles and abstracts draw their content words from one
//     Simon process (each token is a new word, or a copy of a random earlier
//     token, which gives the Zipf distribution of real text), with new words
//     arriving as Heaps' law says, V = 10 * tokens^0.6. With the authors'
//     names that makes about 51,000 distinct words at 10,000 papers and
//     216,000 at 100,000 (TestRealisticVocabulary measures both), as real
//     lists have. The first few hundred words, hence the most frequent,
//     are real technical English (coreWords); later ones are made of
//     syllables so that they look like words ("plorantive").
//   - Lengths: titles of 8 to 12 words, often "Name: ..." with a method
//     name; abstracts of 150 to 250 words, about 45% function words, that
//     repeat title words as real abstracts do.
//   - Authors: 2 to 8 per paper, mostly 3 to 5, from a pool of 2.5 authors
//     per paper where a few are prolific; names from many places (Chinese,
//     Indian, Korean, Japanese, Vietnamese, Persian and Arabic, European
//     with their accents, a few in their own scripts), thousands of
//     surnames in all.
//   - Venues: real conferences and journals, written in full ("Advances in
//     Neural Information Processing Systems"), in short with the year
//     ("NeurIPS 2023") or as proceedings ("Proceedings of the 40th
//     International Conference on Machine Learning"); years 2015 to 2025,
//     most recent; DOIs shaped as each publisher's for a third (the papers of
//     venues whose publishers give DOIs), arXiv ids for 70%, one to three
//     topic tags, model names ("Llama-3-8B", "GPT-4o", "ResNet-50") in a
//     third of the abstracts, and a method's name ("Name: ...") in 30% of
//     the titles.
func Realistic(n int, seed int64) paper.List {
	g := newGen(n, seed)
	l := paper.List{Title: fmt.Sprintf("Realistic list of %d papers", n), Papers: make([]paper.Paper, n)}
	for i := range l.Papers {
		l.Papers[i] = g.paper(i)
	}
	return l
}

// Heaps' law for the content words of titles and abstracts, in tokens: K
// and beta give about 43,000 of them at 10,000 papers (1.1 million tokens)
// and 170,000 at 100,000; the authors' names bring the rest.
const (
	heapsK    = 10
	heapsBeta = 0.6
	// priorTokens is the size of the corpus the core words come from.
	priorTokens = 20_000
)

type gen struct {
	r       *rand.Rand
	words   []string // content words, in order of arrival
	seen    map[string]bool
	history []int32 // every content token so far, as an index into words
	tokens  int     // content tokens drawn, which Heaps' law counts
	nextNew int     // tokens at which the next new word arrives
	authors []string
}

func newGen(n int, seed int64) *gen {
	g := &gen{
		r:    rand.New(rand.NewPCG(uint64(seed), 0x5eed)),
		seen: make(map[string]bool, n*16),
	}
	for _, w := range functionWords {
		g.seen[w] = true
	}
	// The core words start as if a corpus of prior tokens had used them,
	// each as often as Zipf's law says for its rank. Copies keep a word's
	// share of the tokens (a Polya urn), so this prior is what keeps common
	// words common (three quarters of the content tokens at 10,000 papers
	// are core words), while words made up early would otherwise take
	// shares no real word has.
	harmonic := 0.0
	for i := range coreWords {
		harmonic += 1 / float64(i+1)
	}
	for i, w := range coreWords {
		g.seen[w] = true
		g.words = append(g.words, w)
		for range 1 + int(priorTokens/harmonic/float64(i+1)) {
			g.history = append(g.history, int32(i))
		}
	}
	g.nextNew = heapsTokens(len(g.words) + 1)
	g.r.Shuffle(len(g.history), func(i, j int) { g.history[i], g.history[j] = g.history[j], g.history[i] })
	g.authors = make([]string, max(500, n*5/2))
	for i := range g.authors {
		g.authors[i] = g.person()
	}
	return g
}

// heapsTokens inverts Heaps' law: the tokens after which the dictionary
// holds v words.
func heapsTokens(v int) int { return int(math.Pow(float64(v)/heapsK, 1/heapsBeta)) }

// word returns the next content word of the Simon process.
func (g *gen) word() string {
	n := len(g.history)
	g.tokens++
	if g.tokens >= g.nextNew {
		g.words = append(g.words, g.newWord())
		g.history = append(g.history, int32(len(g.words)-1))
		g.nextNew = heapsTokens(len(g.words) + 1)
		return g.words[len(g.words)-1]
	}
	w := g.history[g.r.IntN(n)]
	g.history = append(g.history, w)
	return g.words[w]
}

// newWord makes up a word the list does not have yet.
func (g *gen) newWord() string {
	for {
		w := g.syllables()
		if !g.seen[w] {
			g.seen[w] = true
			return w
		}
	}
}

var (
	onsets = strings.Fields("b c d f g h l m n p r s t v w br cr dr fr gr pr tr pl cl fl gl sp st sc sh ch th qu")
	vowels = strings.Fields("a e i o u a e i o u a e i o ai ea io ou ia")
	// codas inside a word are single letters, so that syllables join
	// without clusters no one could say.
	inner = []string{"", "", "", "", "n", "r", "l", "s", "m"}
	codas = []string{"", "", "", "n", "r", "s", "l", "m", "t", "x", "nt", "st", "ct", "rm", "rn", "nd", "ph", "ng"}
	ends  = []string{"", "", "", "", "ation", "ive", "ity", "ic", "al", "ous", "er", "ing", "ism", "ology", "ize", "ment", "ness", "ant", "ent", "ure", "oid", "ics", "former", "net", "ized", "ator", "ist"}
)

// syllables makes a word of one to three syllables, mostly two, and a
// usual ending.
func (g *gen) syllables() string {
	r := g.r
	var sb strings.Builder
	n := 1 + min(2, r.IntN(7)/3)
	for i := range n {
		if i == 0 || r.IntN(3) > 0 {
			sb.WriteString(pick(r, onsets))
		}
		sb.WriteString(pick(r, vowels))
		if i == n-1 {
			sb.WriteString(pick(r, codas))
		} else {
			sb.WriteString(pick(r, inner))
		}
	}
	sb.WriteString(pick(r, ends))
	if sb.Len() < 4 {
		sb.WriteString(pick(r, ends[4:]))
	}
	return sb.String()
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// capitalize upper-cases the first letter of w, unless w is an acronym
// already.
func capitalize(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// display writes a content word as papers do: acronyms in capitals.
func display(w string) string {
	if acronyms[w] {
		if len(w) > 3 && w[len(w)-1] == 's' {
			return strings.ToUpper(w[:len(w)-1]) + "s"
		}
		return strings.ToUpper(w)
	}
	return w
}

func (g *gen) paper(i int) paper.Paper {
	r := g.r
	year := 2025 - int(math.Floor(math.Abs(r.NormFloat64())*3))
	year = max(year, 2015)
	v := venues[weighted(r)]
	p := paper.Paper{ID: fmt.Sprintf("r%06d", i)}
	if r.IntN(3) > 0 {
		p.Date = fmt.Sprintf("%d-%02d", year, 1+r.IntN(12))
	} else {
		p.Date = fmt.Sprint(year)
	}

	var name string // the method the paper introduces, if any
	if r.IntN(10) < 3 {
		name = g.methodName()
	}
	var content []string
	p.Title, content = g.title(name)
	p.Abstract = g.abstract(name, content)
	p.Authors = g.paperAuthors()
	p.Venue = v.written(r, year)
	p.Tags = g.tags()
	if r.IntN(10) < 7 {
		p.Arxiv = fmt.Sprintf("%02d%02d.%05d", (year-1)%100+r.IntN(2), 1+r.IntN(12), r.IntN(30000))
		if r.IntN(4) == 0 {
			p.Arxiv += fmt.Sprintf("v%d", 2+r.IntN(3))
		}
		p.URL = "https://arxiv.org/abs/" + p.Arxiv
	}
	if v.doi != "" && r.IntN(10) < 8 {
		p.DOI = v.doiFor(r, year)
		p.URL = "https://doi.org/" + p.DOI
	}
	return p
}

// Words that join a title's content words.
var joiners = strings.Fields("for of with via in and on from under using through towards beyond without")

// title returns a title of 8 to 12 words and its content words.
func (g *gen) title(name string) (string, []string) {
	r := g.r
	var parts, content []string
	if name != "" {
		parts = append(parts, name+":")
	}
	switch r.IntN(6) {
	case 0:
		parts = append(parts, "Towards")
	case 1:
		parts = append(parts, "On", "the")
	case 2:
		parts = append(parts, "Learning")
	}
	run := 0
	for n := 8 + r.IntN(5); len(parts) < n; {
		if run >= 2 && len(parts) < n-1 && r.IntN(2) == 0 {
			parts = append(parts, pick(r, joiners))
			run = 0
			continue
		}
		w := g.word()
		content = append(content, w)
		parts = append(parts, display(w))
		run++
	}
	titleCase := r.IntN(5) < 3
	for j, w := range parts {
		if j == 0 || (titleCase && !slicesContains(joiners, w) && w != "the") {
			parts[j] = capitalize(w)
		}
	}
	return strings.Join(parts, " "), content
}

func slicesContains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// abstract writes sentences of function and content words, with the
// title's words and the paper's models among them.
func (g *gen) abstract(name string, content []string) string {
	r := g.r
	target := 150 + r.IntN(101)
	var mentions []string
	for _, w := range content {
		for range r.IntN(3) {
			mentions = append(mentions, display(w))
		}
	}
	if name != "" {
		mentions = append(mentions, name, name)
	}
	if r.IntN(3) == 0 {
		m := pick(r, models)
		mentions = append(mentions, m, m)
	}
	var sb strings.Builder
	words := 0
	for words < target {
		length := 12 + r.IntN(19)
		for j := 0; j < length && words < target; j++ {
			var w string
			switch {
			case len(mentions) > 0 && r.IntN(8) == 0:
				k := r.IntN(len(mentions))
				w = mentions[k]
				mentions = append(mentions[:k], mentions[k+1:]...)
			case r.IntN(100) < 45:
				w = functionWords[zipfIndex(r, len(functionWords))]
			default:
				w = display(g.word())
			}
			if j == 0 {
				if sb.Len() > 0 {
					sb.WriteByte(' ')
				}
				w = capitalize(w)
			} else {
				sb.WriteByte(' ')
			}
			sb.WriteString(w)
			words++
		}
		sb.WriteByte('.')
	}
	return sb.String()
}

// zipfIndex draws from 0..n-1 with a weight of 1/(i+1), roughly.
func zipfIndex(r *rand.Rand, n int) int {
	return min(n-1, int(math.Exp(r.Float64()*math.Log(float64(n+1))))-1)
}

// methodName makes a name as papers give their methods: a made-up or real
// stem and a usual ending ("Plorformer", "FlexNet-2", "DiffMoE").
func (g *gen) methodName() string {
	r := g.r
	stem := capitalize(g.syllables())
	if len(stem) > 7 {
		stem = stem[:4+r.IntN(3)]
	}
	return stem + pick(r, []string{"Net", "Former", "GPT", "MoE", "Diff", "-XL", "-2", "Bench", "Fusion", "LM", "GAN", "Seg", "++", "Zero", "Mamba"})
}

// models are names of models that abstracts mention.
var models = strings.Fields(`Llama-3-8B Llama-2-70B Llama-3.1 GPT-4 GPT-4o GPT-3.5 BERT-base BERT-large RoBERTa
	DeBERTa-v3 T5-XL Flan-T5 ResNet-50 ResNet-101 ViT-B/16 ViT-L/14 CLIP DINOv2 SAM Mistral-7B Mixtral-8x7B
	Qwen2.5-7B Gemma-2B Whisper-large Stable-Diffusion-XL U-Net YOLOv8 PaLM-2 Falcon-40B Phi-3 Swin-T
	ConvNeXt-L EfficientNet-B7 MobileNetV3 Mamba-1.4B GraphSAGE GCN PointNet++ NeRF wav2vec-2.0 AlphaFold2`)

func (g *gen) tags() []string {
	r := g.r
	var tags []string
	for range 1 + r.IntN(3) {
		t := pick(r, topics)
		if !slicesContains(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags
}

var topics = []string{"reinforcement learning", "computer vision", "natural language processing", "graph neural networks",
	"generative models", "optimization", "robotics", "speech", "interpretability", "fairness", "theory",
	"continual learning", "federated learning", "diffusion models", "large language models", "neuroscience",
	"healthcare", "multimodal", "efficient inference", "benchmarks", "safety", "causality"}

// paperAuthors draws 2 to 8 authors, mostly 3 to 5, prolific ones more
// often.
func (g *gen) paperAuthors() []string {
	r := g.r
	n := 2 + min(6, int(math.Abs(r.NormFloat64()*1.6)+r.Float64()*2.5))
	out := make([]string, 0, n)
	for len(out) < n {
		u := r.Float64()
		a := g.authors[int(u*u*float64(len(g.authors)))]
		if !slicesContains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

type venue struct {
	full, short string
	doi         string // the publisher's DOI prefix, "" when it gives none
	first       int    // the year of the first edition, for "Proceedings of the Nth"
	weight      int
	conference  bool
}

var venues = []venue{
	{"Advances in Neural Information Processing Systems", "NeurIPS", "", 1987, 20, true},
	{"International Conference on Machine Learning", "ICML", "", 1984, 16, true},
	{"International Conference on Learning Representations", "ICLR", "", 2013, 16, true},
	{"IEEE/CVF Conference on Computer Vision and Pattern Recognition", "CVPR", "10.1109/CVPR", 1983, 12, true},
	{"IEEE/CVF International Conference on Computer Vision", "ICCV", "10.1109/ICCV", 1987, 5, true},
	{"European Conference on Computer Vision", "ECCV", "10.1007/978-3-031", 1990, 5, true},
	{"Annual Meeting of the Association for Computational Linguistics", "ACL", "10.18653/v1", 1963, 6, true},
	{"Conference on Empirical Methods in Natural Language Processing", "EMNLP", "10.18653/v1", 1996, 5, true},
	{"Conference of the North American Chapter of the Association for Computational Linguistics", "NAACL", "10.18653/v1", 2000, 3, true},
	{"AAAI Conference on Artificial Intelligence", "AAAI", "10.1609/aaai", 1980, 6, true},
	{"International Joint Conference on Artificial Intelligence", "IJCAI", "10.24963/ijcai", 1969, 3, true},
	{"ACM SIGKDD Conference on Knowledge Discovery and Data Mining", "KDD", "10.1145/3580305", 1995, 3, true},
	{"International Conference on Robotics and Automation", "ICRA", "10.1109/ICRA", 1984, 3, true},
	{"Conference on Robot Learning", "CoRL", "", 2017, 2, true},
	{"International Conference on Artificial Intelligence and Statistics", "AISTATS", "", 1985, 2, true},
	{"Conference on Uncertainty in Artificial Intelligence", "UAI", "", 1985, 1, true},
	{"Nature Machine Intelligence", "Nat. Mach. Intell.", "10.1038/s42256", 0, 2, false},
	{"Transactions on Machine Learning Research", "TMLR", "", 0, 3, false},
	{"Journal of Machine Learning Research", "JMLR", "", 0, 2, false},
	{"IEEE Transactions on Pattern Analysis and Machine Intelligence", "TPAMI", "10.1109/TPAMI", 0, 2, false},
	{"Neural Computation", "Neural Comput.", "10.1162/neco", 0, 1, false},
	{"arXiv preprint", "arXiv", "", 0, 4, false},
}

var venueTotal = func() (t int) {
	for _, v := range venues {
		t += v.weight
	}
	return t
}()

func weighted(r *rand.Rand) int {
	x := r.IntN(venueTotal)
	for i, v := range venues {
		if x < v.weight {
			return i
		}
		x -= v.weight
	}
	return len(venues) - 1
}

// written is the venue as a list would give it: in full, in short with the
// year, or as the proceedings of an edition.
func (v venue) written(r *rand.Rand, year int) string {
	switch k := r.IntN(10); {
	case k < 5 || v.short == "arXiv":
		return v.full
	case k < 8 || !v.conference:
		return fmt.Sprintf("%s %d", v.short, year)
	default:
		return fmt.Sprintf("Proceedings of the %s %s", ordinal(year-v.first+1), v.full)
	}
}

func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprint(n, suffix)
}

// doiFor makes a DOI shaped as the venue's publisher shapes them.
func (v venue) doiFor(r *rand.Rand, year int) string {
	switch {
	case strings.HasPrefix(v.doi, "10.1038/"):
		return fmt.Sprintf("%s-%03d-%05d-%d", v.doi, year%1000, r.IntN(1000), r.IntN(10))
	case v.doi == "10.18653/v1":
		return fmt.Sprintf("%s/%d.%s-long.%d", v.doi, year, strings.ToLower(v.short), 1+r.IntN(900))
	case strings.HasPrefix(v.doi, "10.1109/"):
		return fmt.Sprintf("%s%d.%d.%05d", v.doi, 52000+r.IntN(1000), year, r.IntN(3000))
	}
	return fmt.Sprintf("%s.v%d.%d", v.doi, 30+year-2015, 10000+r.IntN(90000))
}
