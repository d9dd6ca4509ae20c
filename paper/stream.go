package paper

import (
	"bytes"
	"io"
	"maps"
	"strings"
	"unsafe"
)

// Stream reads a list of size bytes from src a window at a time, for a
// caller that must not hold the whole list twice: a browser, whose wasm
// memory never shrinks, would otherwise keep a 10,000-paper list's 13 MB of
// JSON on top of everything made from it. Each paper's fields are copied out
// of the window but its abstract, most of a list's bytes, which is left in
// src for AbstractText to read back; each is called with every paper and its
// abstract, valid only during the call, so that the caller can index it.
// src must stay readable, and unchanged, until the returned Abstracts has
// compressed every abstract (see Compress).
//
// Stream takes only lists that decodeFast would read without a problem. On
// anything else (an error, a paper with a problem, a duplicate id, a list
// written unusually) it returns ok false having read part of the list, and
// the caller decodes the whole with DecodeShared, which names what is
// wrong.
func Stream(src io.ReaderAt, size int, pause func(), each func(p *Paper, abstract string)) (list List, abstracts *Abstracts, ok bool) {
	return stream(src, size, streamWindow, pause, each)
}

// stream is Stream with a first window of window bytes.
func stream(src io.ReaderAt, size, window int, pause func(), each func(p *Paper, abstract string)) (list List, abstracts *Abstracts, ok bool) {
	if pause == nil {
		pause = func() {}
	}
	if size <= 0 || size >= 1<<31 {
		return List{}, nil, false
	}
	s := &streamer{src: src, size: size, buf: make([]byte, min(size, window))}
	s.d.pause = func() {}
	s.store = &Abstracts{src: src, cached: -1, level: abstractLevel(size)}
	if !s.fill() {
		return List{}, nil, false
	}
	if bytes.HasPrefix(s.d.data, []byte("\xef\xbb\xbf")) {
		s.d.i = 3
	}
	if !s.list(&list, pause, each) {
		return List{}, nil, false
	}
	return list, s.store, true
}

// streamWindow is the size of the window Stream reads, which grows to hold
// a longer value.
const streamWindow = 256 << 10

// streamPause is how many papers Stream reads and hands to each between two
// calls of pause, which checks the clock. The first papers run code that V8
// compiles on its first call: every 256 papers, the first slice of a
// 10,000-paper list took 76-86 ms, every 32 about 55.
const streamPause = 32

// keyRoom is the longest object key (with the space around it) Stream reads.
const keyRoom = 1 << 10

// streamer runs a fastDecoder over a window of src: d.data is the window,
// which starts at base in src.
type streamer struct {
	d     fastDecoder
	src   io.ReaderAt
	size  int
	base  int
	buf   []byte
	store *Abstracts
}

// fill moves what is left of the window after d.i to its start and reads on
// from src, into a window twice as large when what is left fills it. It
// reports false when src has nothing more or fails.
func (s *streamer) fill() bool {
	if s.atEnd() {
		return false
	}
	rest := s.d.data[s.d.i:]
	if len(rest) == len(s.buf) {
		s.buf = make([]byte, 2*len(s.buf))
	}
	n := copy(s.buf, rest)
	s.base += s.d.i
	read := min(len(s.buf)-n, s.size-s.base-n)
	got, err := s.src.ReadAt(s.buf[n:n+read], int64(s.base+n))
	if got != read || err != nil && err != io.EOF {
		return false
	}
	s.d.data, s.d.i = s.buf[:n+read], 0
	return true
}

func (s *streamer) atEnd() bool { return s.base+len(s.d.data) >= s.size }

// ws skips white space, reading on at the window's end.
func (s *streamer) ws() bool {
	for {
		s.d.ws()
		if s.d.i < len(s.d.data) || s.atEnd() {
			return true
		}
		if !s.fill() {
			return false
		}
	}
}

// ensure makes at least n bytes from d.i readable, or all that src has left.
func (s *streamer) ensure(n int) bool {
	for len(s.d.data)-s.d.i < n && !s.atEnd() {
		if !s.fill() {
			return false
		}
	}
	return true
}

// complete makes the value at d.i readable whole and reports whether it is
// valid JSON. A value that ends at the window's end may go on (a number), so
// there must be a byte after it or nothing more to read.
func (s *streamer) complete() bool {
	for {
		start := s.d.i
		ok := s.d.skipValue(1)
		end := s.d.i
		s.d.i = start
		if ok && (end < len(s.d.data) || s.atEnd()) {
			return true
		}
		if !s.fill() {
			return false
		}
	}
}

// next reads what follows a container's element: a comma (more is true) or
// the container's end.
func (s *streamer) next(end byte) (more, ok bool) {
	if !s.ws() {
		return false, false
	}
	return s.d.next(end)
}

func (s *streamer) list(list *List, pause func(), each func(*Paper, string)) bool {
	if !s.ws() {
		return false
	}
	switch s.d.peek() {
	case '[':
		if !s.papers(list, pause, each) {
			return false
		}
	case '{':
		s.d.i++
		seenTitle, seenPapers := false, false
		for more := true; more; {
			if !s.ws() || !s.ensure(keyRoom) {
				return false
			}
			key, escaped, ok := s.d.key()
			if !ok || escaped || !s.ws() {
				return false
			}
			switch {
			case key == "title":
				if seenTitle || s.d.peek() != '"' || !s.complete() {
					return false
				}
				seenTitle = true
				title, ok := s.d.unquote()
				if !ok {
					return false
				}
				list.Title = strings.Clone(title)
			case key == "papers":
				if seenPapers || s.d.peek() != '[' {
					return false
				}
				seenPapers = true
				if !s.papers(list, pause, each) {
					return false
				}
			case strings.EqualFold(key, "title"), strings.EqualFold(key, "papers"), strings.EqualFold(key, "highlight"):
				// A highlight list is read by the general decoder too: the
				// lists that carry one are a lab's, far smaller than those
				// streamed.
				return false // encoding/json matches these; leave them to it
			default:
				if !s.complete() || !s.d.skipValue(1) {
					return false
				}
			}
			if more, ok = s.next('}'); !ok {
				return false
			}
		}
		if !seenPapers {
			return false
		}
	default:
		return false
	}
	return s.ws() && s.d.i == len(s.d.data) && s.atEnd()
}

// papers reads the array of papers at d.i.
func (s *streamer) papers(list *List, pause func(), each func(*Paper, string)) bool {
	s.d.i++
	if !s.ws() {
		return false
	}
	if s.d.peek() == ']' {
		s.d.i++
		list.Papers = []Paper{}
		return true
	}
	seen := map[string]bool{}
	start := s.base + s.d.i
	var p Paper
	for i := 0; ; i++ {
		if i%streamPause == streamPause-1 {
			pause()
		}
		if i == 64 {
			// Growing the slices and the id set by appending would leave
			// them up to twice the size needed, and garbage on the way:
			// size them from the papers read so far.
			read := s.base + s.d.i - start
			est := int(float64(s.size-start) / float64(read) * 64 * 1.05)
			list.Papers = append(make([]Paper, 0, est), list.Papers...)
			s.store.list = append(make([]abstract, 0, est), s.store.list...)
			sized := make(map[string]bool, est)
			maps.Copy(sized, seen)
			seen = sized
		}
		if !s.ws() || !s.read(&p) || seen[p.ID] {
			return false
		}
		abstract := p.Abstract
		s.own(&p)
		seen[p.ID] = true
		each(&p, abstract)
		list.Papers = append(list.Papers, p)
		more, ok := s.next(']')
		if !ok {
			return false
		}
		if !more {
			return true
		}
	}
}

// read reads the paper at d.i into p. Most papers lie whole in the window
// and are read in one pass; one that does not, or that the fast decoder
// refuses, is made readable whole (which checks it is valid JSON) and read
// again: checking every paper first read each abstract twice.
func (s *streamer) read(p *Paper) bool {
	s.d.keep()
	start := s.d.i
	if s.d.paper(p) {
		return true
	}
	s.d.revert()
	s.d.i = start
	return s.complete() && s.d.paper(p)
}

// own copies p's strings out of the window, except its abstract.
func (s *streamer) own(p *Paper) {
	for _, f := range []*string{&p.ID, &p.Title, &p.Date, &p.Venue, &p.Abbr, &p.URL, &p.PDF, &p.DOI, &p.Arxiv, &p.Code, &p.Bibtex} {
		*f = strings.Clone(*f)
	}
	for _, l := range [][]string{p.Authors, p.Tags} {
		for i := range l {
			l[i] = strings.Clone(l[i])
		}
	}
	if p.Abstract == "" {
		return
	}
	// An abstract with escapes was unescaped in place: what src holds is
	// the edited run, read back and unescaped again.
	at := int(uintptr(unsafe.Pointer(unsafe.StringData(p.Abstract))) - uintptr(unsafe.Pointer(&s.d.data[0])))
	e := abstract{off: uint32(s.base + at), n: uint32(len(p.Abstract)), block: -1}
	for i := 0; i < len(s.d.edits); i += 2 {
		if edit, n := s.d.edits[i], s.d.edits[i+1]; edit <= at && at < edit+n {
			e.off, e.n, e.escaped = uint32(s.base+edit), uint32(n), true
			break
		}
	}
	p.held = held{store: s.store, i: uint32(len(s.store.list))}
	s.store.list = append(s.store.list, e)
	p.Abstract = ""
}
