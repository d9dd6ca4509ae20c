package widget

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/paperwidget/paperwidget/bench/synth"
)

// BenchmarkLoad reads and indexes the realistic 10,000-paper list as the
// browser does from the fetched bytes (load): what lies between the list's
// arrival and the widget's first render.
func BenchmarkLoad(b *testing.B) {
	data, err := json.Marshal(synth.Realistic(10_000, 1))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, abstracts, _, _, err := load(bytes.NewReader(data), len(data), nil); err != nil || abstracts == nil {
			b.Fatalf("not streamed: %v", err)
		}
	}
}
