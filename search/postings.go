package search

import "encoding/binary"

// Posting lists are varint gaps: each is one more than the distance from
// the previous paper (the first, from paper -1), so a word found in most
// papers costs a byte each, and rare words two or three.

func gapLen(g uint32) int {
	n := 1
	for ; g >= 0x80; g >>= 7 {
		n++
	}
	return n
}

func putGap(b []byte, g uint32) int { return binary.PutUvarint(b, uint64(g)) }

// raise lifts best[p] to at least q for every paper p of list, plus the
// paper's bonus[p] when bonus is not nil (titles: short titles rank higher).
func raise(best []uint16, list []byte, q uint16, bonus []uint8) {
	p := uint32(0) // one past the paper
	for i := 0; i < len(list); {
		g := uint32(list[i])
		i++
		if g >= 0x80 {
			g, i = longGap(list, i, g)
		}
		p += g
		v := q
		if bonus != nil {
			v += uint16(bonus[p-1])
		}
		best[p-1] = max(best[p-1], v)
	}
}

// longGap finishes reading a gap of more than one byte, whose first byte,
// read before i, was b.
func longGap(list []byte, i int, b uint32) (uint32, int) {
	g := b & 0x7f
	for s := 7; ; s += 7 {
		c := list[i]
		i++
		g |= uint32(c&0x7f) << s
		if c < 0x80 {
			return g, i
		}
	}
}
