package search

import "strings"

// venueNames maps words of well-known venues' full names to the short
// forms people type: `neurips` finds a paper whose venue is spelled out
// "Advances in Neural Information Processing Systems", as al-folio's
// `abbr` would say, though the list format has no such field. Most specific
// first: a venue takes the short forms of the first entry it contains.
var venueNames = []struct{ full, short string }{
	{"neural information processing systems", "NeurIPS NIPS"},
	{"international conference on machine learning", "ICML"},
	{"international conference on learning representations", "ICLR"},
	{"computer vision and pattern recognition", "CVPR"},
	{"european conference on computer vision", "ECCV"},
	{"international conference on computer vision", "ICCV"},
	{"winter conference on applications of computer vision", "WACV"},
	{"north american chapter of the association for computational linguistics", "NAACL"},
	{"european chapter of the association for computational linguistics", "EACL"},
	{"empirical methods in natural language processing", "EMNLP"},
	{"association for computational linguistics", "ACL"},
	{"computational natural language learning", "CoNLL"},
	{"aaai conference on artificial intelligence", "AAAI"},
	{"international joint conference on artificial intelligence", "IJCAI"},
	{"artificial intelligence and statistics", "AISTATS"},
	{"uncertainty in artificial intelligence", "UAI"},
	{"conference on learning theory", "COLT"},
	{"knowledge discovery and data mining", "KDD"},
	{"research and development in information retrieval", "SIGIR"},
	{"the web conference", "WWW"},
	{"international world wide web conference", "WWW"},
	{"human factors in computing systems", "CHI"},
	{"international conference on robotics and automation", "ICRA"},
	{"intelligent robots and systems", "IROS"},
	{"conference on robot learning", "CoRL"},
	{"robotics: science and systems", "RSS"},
	{"acoustics, speech and signal processing", "ICASSP"},
	{"transactions on machine learning research", "TMLR"},
	{"journal of machine learning research", "JMLR"},
	{"transactions on pattern analysis and machine intelligence", "TPAMI PAMI"},
	{"nature machine intelligence", "NMI"},
	{"medical image computing and computer assisted intervention", "MICCAI"},
	{"medical image computing and computer-assisted intervention", "MICCAI"},
}

// venueShort returns the short forms of venue, or nil.
func (b *Builder) venueShort(venue string) []string {
	if venue == "" {
		return nil
	}
	if short, ok := b.venues[venue]; ok {
		return short
	}
	var short []string
	lower := strings.ToLower(venue)
	for _, v := range venueNames {
		if strings.Contains(lower, v.full) {
			short = strings.Fields(v.short)
			break
		}
	}
	if b.venues == nil {
		b.venues = map[string][]string{}
	}
	// A list of distinct venues (a year's proceedings each) must not
	// grow the cache without end.
	if len(b.venues) < 4096 {
		b.venues[venue] = short
	}
	return short
}

// year returns the year of a date written YYYY, YYYY-MM or YYYY-MM-DD, or
// "".
func year(date string) string {
	if len(date) < 4 {
		return ""
	}
	for _, c := range []byte(date[:4]) {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return date[:4]
}
