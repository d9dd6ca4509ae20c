package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/paperwidget/paperwidget/build/site"
)

// wasmBudget is the most app.wasm may weigh brotli-compressed (level 11, as
// the build writes it): 1,147,793 bytes measured on 2026-11-27 with Go 1.26,
// once go-app's server side (net/http) and regexp routes were left out (see
// build/site/goapp.go), plus about 5%; 1,159,545 bytes since go-app's DOM
// writes are batched; 1,205,660 bytes since large lists' abstracts are kept
// compressed (compress/flate, 46 KB), plus about 4%; 1,181,481 bytes since
// go-app's encryption and google/uuid were left out (build/site/goapp.go);
// 1,221,387 bytes with the publication rows, filters and dates of issue 19;
// 1,039,892 bytes once encoding/json, go-app's states and html's entity
// table were left out and go-app, fmt, time and syscall/js compiled
// without inlining (issue 20); 966,692 bytes once its data segments were
// merged (internal/wasmbin). Every byte is downloaded before the widget
// starts, about 0.5 s per 100 KB on a phone's 1.6 Mbit/s, where issue 20
// wants the widget ready within 6 s: it was ready at 5.88 s (median of 3
// fresh browsers in the mobile profile), so about 24 KB more would have
// taken it past 6 s. Raise the budget knowingly.
const wasmBudget = 990_000

// TestWasmSizeBudget compiles app.wasm as the build does and fails when it
// grows past the budget. Sizes are deterministic for a given toolchain.
func TestWasmSizeBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles app.wasm")
	}
	out := filepath.Join(t.TempDir(), "app.wasm")
	if err := site.CompileWasm("..", "", out, false, io.Discard); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var br bytes.Buffer
	w := brotli.NewWriterLevel(&br, brotli.BestCompression)
	w.Write(data)
	w.Close()
	t.Logf("app.wasm: %d bytes raw, %d brotli (budget %d)", len(data), br.Len(), wasmBudget)
	if br.Len() > wasmBudget {
		t.Errorf("app.wasm is %d bytes brotli-compressed, over the budget of %d: what grew it? (GOOS=js GOARCH=wasm go list -deps ./wasm shows new dependencies)", br.Len(), wasmBudget)
	}
}
