package wasmbin

import (
	"bytes"
	"strings"
	"testing"
)

// module builds a module of a memory section, an optional data count
// section and a data section of active segments at the given addresses.
func module(count bool, segs ...segment) []byte {
	m := []byte("\x00asm\x01\x00\x00\x00")
	m = append(m, 5, 3, 1, 0, 1) // one memory of one page
	if count {
		m = append(m, dataCountSection, 1, byte(len(segs)))
	}
	data := appendSegments(nil, segs)
	m = append(m, dataSection)
	m = AppendU32(m, uint32(len(data)))
	return append(m, data...)
}

// memory is what a module's data segments write into its first page, and
// how many segments it has.
func memory(t *testing.T, m []byte) ([]byte, int) {
	t.Helper()
	sections, err := Sections(m)
	if err != nil {
		t.Fatal(err)
	}
	mem := make([]byte, 1<<16)
	n := 0
	for _, s := range sections {
		if s.ID != dataSection {
			continue
		}
		r := &Reader{B: s.Body}
		for i := r.U32(); i > 0; i-- {
			r.U32()
			r.Byte()
			at := r.I32()
			r.Byte()
			copy(mem[at:], r.Take(int(r.U32())))
			n++
		}
		if r.Err != nil || !r.Done() {
			t.Fatalf("data section unreadable: %v, %d bytes left", r.Err, len(r.B))
		}
	}
	return mem, n
}

func TestPackDataWritesTheSameMemoryInFewerSegments(t *testing.T) {
	segs := []segment{
		{8, []byte("runtime")},
		{24, []byte{1, 2, 3}},     // 9 zeros after the first
		{60, []byte("x")},         // 33 after
		{200, []byte("types")},    // 139 after: over the gap, a segment of its own
		{205, []byte("adjacent")}, // no zeros between
		{300, []byte{0x80, 0x40}},
		{9000, []byte("far")}, // an address of two LEB128 bytes
	}
	for _, count := range []bool{false, true} {
		orig := module(count, segs...)
		packed, err := PackData(orig, 100)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := memory(t, orig)
		got, n := memory(t, packed)
		if !bytes.Equal(got, want) {
			t.Fatal("the packed module's data writes other memory")
		}
		// {8..60}, {200..301}, {9000}
		if n != 3 {
			t.Errorf("%d segments after packing, want 3", n)
		}
		if count {
			sections, _ := Sections(packed)
			for _, s := range sections {
				if s.ID == dataCountSection && !bytes.Equal(s.Body, []byte{3}) {
					t.Errorf("data count section says %v, want 3", s.Body)
				}
			}
		}
	}
}

func TestPackDataRefusesSegmentsItCannotMerge(t *testing.T) {
	passive := []byte("\x00asm\x01\x00\x00\x00")
	passive = append(passive, dataSection, 4, 1, 1, 1, 'x')
	truncated := module(false, segment{8, []byte("abc")})
	truncated = truncated[:len(truncated)-1]
	for name, tc := range map[string]struct {
		m    []byte
		want string
	}{
		"passive":   {passive, "segment 0 is of kind 1"},
		"truncated": {truncated, "unexpected EOF"},
		"not wasm":  {[]byte("<html>"), "not a wasm module"},
	} {
		if _, err := PackData(tc.m, 100); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error saying %q", name, err, tc.want)
		}
	}
}
