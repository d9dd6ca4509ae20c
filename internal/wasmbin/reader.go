// Package wasmbin reads and rewrites WebAssembly binaries, section by
// section: what the build does to app.wasm after Go's linker, and what
// build/wasmsize reads of it.
package wasmbin

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
)

// Reader reads a wasm binary; its first error sticks and later reads
// return zeros.
type Reader struct {
	B   []byte
	Err error
}

// Done reports whether everything is read, or reading failed.
func (r *Reader) Done() bool { return len(r.B) == 0 || r.Err != nil }

func (r *Reader) Byte() byte {
	b := r.Take(1)
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

// Take returns the next n bytes.
func (r *Reader) Take(n int) []byte {
	if r.Err != nil {
		return nil
	}
	if n < 0 || n > len(r.B) {
		r.Err = io.ErrUnexpectedEOF
		return nil
	}
	b := r.B[:n]
	r.B = r.B[n:]
	return b
}

// U32 reads an unsigned LEB128 number.
func (r *Reader) U32() uint32 {
	if r.Err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.B)
	if n <= 0 || v > 1<<32-1 {
		r.Err = errors.New("bad LEB128 number")
		return 0
	}
	r.B = r.B[n:]
	return uint32(v)
}

// I32 reads a signed LEB128 number.
func (r *Reader) I32() int32 {
	var v int64
	for shift := 0; ; shift += 7 {
		c := r.Byte()
		if r.Err != nil || shift > 28 {
			if r.Err == nil {
				r.Err = errors.New("bad LEB128 number")
			}
			return 0
		}
		v |= int64(c&0x7f) << shift
		if c&0x80 == 0 {
			if c&0x40 != 0 {
				v |= -1 << (shift + 7)
			}
			return int32(v)
		}
	}
}

// Limits reads a table's or memory's limits.
func (r *Reader) Limits() {
	if r.Byte()&1 != 0 {
		r.U32()
	}
	r.U32()
}

// Section is one section of a module: its id, and its bytes after the
// size.
type Section struct {
	ID   byte
	Body []byte
}

// Sections splits a module into its sections.
func Sections(module []byte) ([]Section, error) {
	if len(module) < 8 || !bytes.Equal(module[:4], []byte("\x00asm")) {
		return nil, errors.New("not a wasm module")
	}
	var sections []Section
	r := &Reader{B: module[8:]}
	for !r.Done() {
		id := r.Byte()
		body := r.Take(int(r.U32()))
		if r.Err != nil {
			return nil, r.Err
		}
		sections = append(sections, Section{id, body})
	}
	return sections, nil
}

// AppendU32 appends v as an unsigned LEB128 number.
func AppendU32(b []byte, v uint32) []byte { return binary.AppendUvarint(b, uint64(v)) }

// AppendI32 appends v as a signed LEB128 number.
func AppendI32(b []byte, v int32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// U32Len is how many bytes v takes as an unsigned LEB128 number.
func U32Len(v uint32) int { return len(AppendU32(nil, v)) }
