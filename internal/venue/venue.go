// Package venue knows the short names people use for the field's large
// venues: search finds a paper by them (`neurips` finds "Advances in Neural
// Information Processing Systems") and the widget shows them as badges.
package venue

import "strings"

// known maps a fragment of a venue's spelled-out name, in lower case, to
// its short names, the usual one first. Most specific first: a venue takes
// the short names of the first fragment it contains (NAACL's name contains
// ACL's).
var known = []struct {
	fragment string
	short    []string
}{
	{"neural information processing systems", []string{"NeurIPS", "NIPS"}},
	{"international conference on machine learning", []string{"ICML"}},
	{"international conference on learning representations", []string{"ICLR"}},
	{"computer vision and pattern recognition", []string{"CVPR"}},
	{"european conference on computer vision", []string{"ECCV"}},
	{"international conference on computer vision", []string{"ICCV"}},
	{"winter conference on applications of computer vision", []string{"WACV"}},
	{"north american chapter of the association for computational linguistics", []string{"NAACL"}},
	{"european chapter of the association for computational linguistics", []string{"EACL"}},
	{"empirical methods in natural language processing", []string{"EMNLP"}},
	{"association for computational linguistics", []string{"ACL"}},
	{"computational natural language learning", []string{"CoNLL"}},
	{"aaai conference on artificial intelligence", []string{"AAAI"}},
	{"international joint conference on artificial intelligence", []string{"IJCAI"}},
	{"artificial intelligence and statistics", []string{"AISTATS"}},
	{"uncertainty in artificial intelligence", []string{"UAI"}},
	{"conference on learning theory", []string{"COLT"}},
	{"knowledge discovery and data mining", []string{"KDD"}},
	{"research and development in information retrieval", []string{"SIGIR"}},
	{"the web conference", []string{"WWW"}},
	{"international world wide web conference", []string{"WWW"}},
	{"human factors in computing systems", []string{"CHI"}},
	{"international conference on robotics and automation", []string{"ICRA"}},
	{"intelligent robots and systems", []string{"IROS"}},
	{"conference on robot learning", []string{"CoRL"}},
	{"robotics: science and systems", []string{"RSS"}},
	{"acoustics, speech and signal processing", []string{"ICASSP"}},
	{"transactions on machine learning research", []string{"TMLR"}},
	{"journal of machine learning research", []string{"JMLR"}},
	{"transactions on pattern analysis and machine intelligence", []string{"TPAMI", "PAMI"}},
	{"nature machine intelligence", []string{"NMI"}},
	{"medical image computing and computer assisted intervention", []string{"MICCAI"}},
	{"medical image computing and computer-assisted intervention", []string{"MICCAI"}},
	{"proceedings of the national academy of sciences", []string{"PNAS"}},
}

// Short returns the short names of a well-known venue, the usual one
// first, or nil for any other venue. The slice is shared: do not change it.
func Short(name string) []string {
	lower := strings.ToLower(name)
	for _, k := range known {
		if strings.Contains(lower, k.fragment) {
			return k.short
		}
	}
	return nil
}
