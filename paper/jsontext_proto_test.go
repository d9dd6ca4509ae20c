//go:build jsontextproto

package paper

import (
	"os"
	"reflect"
	"testing"
)

// The list is bench/synth's realistic one, written by the measurement:
// PAPER_LIST=file.json go test -tags jsontextproto ./paper -bench Readers
func protoList(tb testing.TB) []byte {
	name := os.Getenv("PAPER_LIST")
	if name == "" {
		tb.Skip("PAPER_LIST not set")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func TestJSONTextReadsAsTheFastDecoder(t *testing.T) {
	data := protoList(t)
	want, problems, ok := decodeFast(append([]byte(nil), data...), func() {})
	if !ok || len(problems) > 0 {
		t.Fatalf("fast decoder: %v %v", ok, problems)
	}
	got, ok := DecodeJSONText(append([]byte(nil), data...))
	if !ok {
		t.Fatal("jsontext prototype failed")
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the readers disagree")
	}
}

func BenchmarkReaders(b *testing.B) {
	data := protoList(b)
	for _, r := range []struct {
		name string
		read func([]byte) bool
	}{
		{"handwritten", func(d []byte) bool { _, _, ok := decodeFast(d, func() {}); return ok }},
		{"jsontext", func(d []byte) bool { _, ok := DecodeJSONText(d); return ok }},
	} {
		b.Run(r.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			buf := make([]byte, len(data))
			for b.Loop() {
				b.StopTimer()
				copy(buf, data)
				b.StartTimer()
				if !r.read(buf) {
					b.Fatal("failed")
				}
			}
		})
	}
}
