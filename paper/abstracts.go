package paper

import (
	"bytes"
	"compress/flate"
	"io"
	"sync"
)

// Abstracts is where Stream left a list's abstracts: in the list's bytes,
// which stay the caller's, until Compress has stored them compressed, a few
// to a block. They are most of a list's bytes and are read only for the
// rows that show them.
type Abstracts struct {
	mu     sync.Mutex
	src    io.ReaderAt // nil once every abstract is compressed
	list   []abstract
	blocks [][]byte
	done   int // list[:done] are compressed
	w      *flate.Writer
	level  int // flate's
	out    bytes.Buffer
	open   []byte // the abstracts of the block being compressed
	raw    []byte // bytes of src being read
	r      io.ReadCloser
	// The block read last, decompressed: a shown row's abstract is read
	// twice per render (its highlights, then its text).
	cached int
	cache  bytes.Buffer
}

// abstract locates one abstract: while block is -1, the value in src (the
// run between the quotes, when escaped), then the text in the block.
type abstract struct {
	off, n  uint32
	block   int32
	escaped bool
}

// held is a paper's abstract in its Abstracts.
type held struct {
	store *Abstracts
	i     uint32
}

// abstractBlock is about how many bytes of abstracts a block holds: small
// enough to decompress for a row in a few hundredths of a millisecond,
// large enough to share a compression table.
const abstractBlock = 8 << 10

// abstractLevel trades compression for speed. Huffman coding alone, on the
// synthetic abstracts: 1.77x in 80 ms for 12.7 MB natively; BestSpeed 2.04x
// in 190 ms. On the realistic 10,000-paper list BestSpeed keeps 1.8 MB less
// (0.11x its JSON, in a browser whose memory is its peak) for 2.6 times the
// idle time: it is used up to fastList bytes of list, above which
// compressing took 16-24 s of idle time already.
func abstractLevel(size int) int {
	if size <= fastList {
		return flate.BestSpeed
	}
	return flate.HuffmanOnly
}

// fastList is the largest list whose abstracts are compressed by LZ77 as
// well as Huffman coding.
const fastList = 32 << 20

// Compress stores abstracts compressed, a block at a time, while more
// reports true (at least one block per call), and reports whether it is
// finished: all are compressed, and the list's bytes are no longer read, so
// the caller may let them go. It is finished too, leaving the rest where
// they are, if the list's bytes can no longer be read.
// It is meant for the browser's idle time once the list is shown: done
// while loading, it made a list of 10,000 papers ready 60-80% later.
func (a *Abstracts) Compress(more func() bool) (all bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for a.done < len(a.list) {
		if a.w == nil {
			a.w, _ = flate.NewWriter(nil, a.level) // a valid level
		}
		if !a.seal() {
			return true
		}
		if !more() {
			break
		}
	}
	if a.done < len(a.list) {
		return false
	}
	a.src, a.w, a.out, a.open, a.raw = nil, nil, bytes.Buffer{}, nil, nil
	return true
}

// seal compresses the next block's abstracts, read from src in one piece,
// and reports whether src could be read.
func (a *Abstracts) seal() bool {
	first, end, size := a.done, a.done, 0
	for end < len(a.list) && (end == first || size+int(a.list[end].n) <= abstractBlock) {
		size += int(a.list[end].n)
		end++
	}
	lo, hi := a.list[first].off, a.list[end-1].off+a.list[end-1].n
	a.raw = append(a.raw[:0], make([]byte, hi-lo)...)
	if n, _ := a.src.ReadAt(a.raw, int64(lo)); n < len(a.raw) {
		return false
	}
	a.open = a.open[:0]
	for i := first; i < end; i++ {
		e := &a.list[i]
		text := textOf(a.raw[e.off-lo:e.off-lo+e.n], e.escaped)
		*e = abstract{off: uint32(len(a.open)), n: uint32(len(text)), block: int32(len(a.blocks))}
		a.open = append(a.open, text...)
	}
	a.out.Reset()
	a.w.Reset(&a.out)
	// Writing to a bytes.Buffer cannot fail.
	a.w.Write(a.open)
	a.w.Close()
	a.blocks = append(a.blocks, bytes.Clone(a.out.Bytes()))
	a.done = end
	return true
}

// textOf is an abstract's value from its bytes in the list, which it may
// overwrite.
func textOf(b []byte, escaped bool) []byte {
	if !escaped {
		return b
	}
	return bytes.TrimSpace(b[:unescape(b)])
}

func (a *Abstracts) text(i uint32) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	e := a.list[i]
	if e.block < 0 {
		b := make([]byte, e.n)
		if n, _ := a.src.ReadAt(b, int64(e.off)); n < len(b) {
			return ""
		}
		return string(textOf(b, e.escaped))
	}
	if a.cached != int(e.block) {
		a.cached = -1
		src := bytes.NewReader(a.blocks[e.block])
		if a.r == nil {
			a.r = flate.NewReader(src)
		} else if err := a.r.(flate.Resetter).Reset(src, nil); err != nil {
			return ""
		}
		a.cache.Reset()
		// Compress wrote every block: reading one cannot fail.
		if _, err := a.cache.ReadFrom(a.r); err != nil {
			return ""
		}
		a.cached = int(e.block)
	}
	return string(a.cache.Bytes()[e.off : e.off+e.n])
}
