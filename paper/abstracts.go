package paper

import (
	"bytes"
	"compress/flate"
	"io"
	"sync"
)

// abstractStore keeps the abstracts of a streamed list compressed, a few
// to a block. They are most of a list's bytes and are read only for the
// rows that show them; held as sent, a list of 10,000 papers kept 13 MB of
// them in the browser's wasm memory, which never shrinks.
type abstractStore struct {
	blocks [][]byte // compressed
	open   []byte   // the abstracts of the block being filled
	w      *flate.Writer
	out    bytes.Buffer

	mu sync.Mutex
	r  io.ReadCloser
	// The block read last, decompressed: a shown row's abstract is read
	// twice per render (its highlights, then its text).
	cached int
	cache  bytes.Buffer
}

// held locates an abstract in its store.
type held struct {
	store         *abstractStore
	block, off, n uint32
}

// abstractBlock is about how many bytes of abstracts a block holds: small
// enough to decompress for a row in a few hundredths of a millisecond,
// large enough for abstracts to share a compression table.
const abstractBlock = 8 << 10

// abstractLevel trades compression for speed. Huffman coding alone, on
// the synthetic abstracts: 1.77x in 80 ms for 12.7 MB natively; BestSpeed
// 2.04x in 190 ms.
const abstractLevel = flate.HuffmanOnly

func newAbstractStore() *abstractStore {
	w, err := flate.NewWriter(nil, abstractLevel)
	if err != nil {
		panic(err) // abstractLevel is valid
	}
	return &abstractStore{w: w, cached: -1}
}

// add stores text; the store must be finished before it is read.
func (s *abstractStore) add(text string) held {
	if len(s.open) > 0 && len(s.open)+len(text) > abstractBlock {
		s.seal()
	}
	h := held{store: s, block: uint32(len(s.blocks)), off: uint32(len(s.open)), n: uint32(len(text))}
	s.open = append(s.open, text...)
	return h
}

// seal compresses the open block.
func (s *abstractStore) seal() {
	s.out.Reset()
	s.w.Reset(&s.out)
	// Writing to a bytes.Buffer cannot fail.
	s.w.Write(s.open)
	s.w.Close()
	s.blocks = append(s.blocks, bytes.Clone(s.out.Bytes()))
	s.open = s.open[:0]
}

// finish seals the last block and lets go of what compressing needed.
func (s *abstractStore) finish() {
	if len(s.open) > 0 {
		s.seal()
	}
	s.open, s.w, s.out = nil, nil, bytes.Buffer{}
}

func (s *abstractStore) text(h held) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cached != int(h.block) {
		s.cached = -1
		src := bytes.NewReader(s.blocks[h.block])
		if s.r == nil {
			s.r = flate.NewReader(src)
		} else if err := s.r.(flate.Resetter).Reset(src, nil); err != nil {
			return ""
		}
		s.cache.Reset()
		// The store wrote every block itself: reading one cannot fail
		// short of memory corruption.
		if _, err := s.cache.ReadFrom(s.r); err != nil {
			return ""
		}
		s.cached = int(h.block)
	}
	return string(s.cache.Bytes()[h.off : h.off+h.n])
}
