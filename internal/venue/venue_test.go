package venue

import (
	"slices"
	"testing"
)

func TestShort(t *testing.T) {
	for name, want := range map[string][]string{
		"Advances in Neural Information Processing Systems":                                       {"NeurIPS", "NIPS"},
		"Proceedings of the 42nd International Conference on Machine Learning":                    {"ICML"},
		"Findings of the North American Chapter of the Association for Computational Linguistics": {"NAACL"},
		"Annual Meeting of the Association for Computational Linguistics":                         {"ACL"},
		"IEEE Transactions on Pattern Analysis and Machine Intelligence":                          {"TPAMI", "PAMI"},
		"Journal of Computational Physics":                                                        nil,
		"NeurIPS 2024 Workshop":                                                                   nil,
	} {
		if got := Short(name); !slices.Equal(got, want) {
			t.Errorf("Short(%q) = %q, want %q", name, got, want)
		}
	}
}
