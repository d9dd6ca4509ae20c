package search

import (
	"slices"
	"testing"
)

// TestGapLists writes posting lists as Build does and reads them back as a
// search does, with gaps of one to four bytes: lists of 100,000 papers and
// more have gaps past two bytes, which the 10,000-paper comparisons never
// reach.
func TestGapLists(t *testing.T) {
	for _, papers := range [][]uint32{
		{0},
		{0, 1, 2, 3},
		{5, 127, 128, 255, 16_383, 16_384, 16_511},
		{2_097_151, 2_097_152, 2_097_153, 9_999_999},
		{126, 127},
	} {
		var list []byte
		last := uint32(0)
		for _, p := range papers {
			g := p + 1 - last
			buf := make([]byte, gapLen(g))
			if n := putGap(buf, g); n != len(buf) {
				t.Fatalf("gap %d: gapLen %d, written %d", g, len(buf), n)
			}
			list = append(list, buf...)
			last = p + 1
		}
		best := make([]uint16, papers[len(papers)-1]+1)
		raise(best, list, 7, nil)
		bonus := make([]uint8, len(best))
		for _, p := range papers {
			bonus[p] = 2
		}
		titles := make([]uint16, len(best))
		raise(titles, list, 7, bonus)
		var got, gotTitles []uint32
		for p := range best {
			if best[p] == 7 {
				got = append(got, uint32(p))
			}
			if titles[p] == 9 {
				gotTitles = append(gotTitles, uint32(p))
			}
		}
		if !slices.Equal(got, papers) || !slices.Equal(gotTitles, papers) {
			t.Errorf("wrote %v, read back %v and %v", papers, got, gotTitles)
		}
	}
}
