package widget

import (
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

// load reads and indexes the list of size bytes in src. A list without
// problems is streamed (paper.Stream): wasm memory, which never shrinks,
// holds what Go makes of the list but not the list as sent, and a large
// list's abstracts compressed. Anything else is read whole and decoded by
// paper.DecodeShared, which names its problems.
func load(src io.ReaderAt, size int, pause func()) (paper.List, []paper.Problem, *search.Index, error) {
	b := search.NewBuilder(size)
	list, ok := paper.Stream(src, size, pause, b.Add)
	if ok {
		mark("paperwidget:decoded")
		if size > bigList {
			// Indexing is the memory's peak: start it with the heap as
			// small as it will be (at 10,000 papers, about 2 MB of
			// streaming's garbage).
			runtime.GC()
		}
		index := b.Index(list.Papers, pause)
		mark("paperwidget:indexed")
		return list, nil, index, nil
	}
	data := make([]byte, size)
	if n, err := src.ReadAt(data, 0); n < size {
		return paper.List{}, nil, nil, err
	}
	// The list's strings share data, which is never copied: the bytes are
	// held once.
	list, problems, err := paper.DecodeShared(data, pause)
	mark("paperwidget:decoded")
	index := search.Build(list.Papers, pause)
	mark("paperwidget:indexed")
	return list, problems, index, err
}

// jsBytes is a list as the browser fetched it: a Uint8Array outside wasm
// memory, which Go reads a window at a time and then lets go of.
type jsBytes struct {
	arr app.Value
	n   int
}

// release lets the page free the bytes now, once Go has read them, rather
// than once Go's collector has finalized every view of them it was handed.
func (b jsBytes) release() {
	if buf := b.arr.Get("buffer"); buf.Truthy() && buf.Get("transfer").Truthy() {
		buf.Call("transfer", 0)
	}
}

func (b jsBytes) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(b.n) {
		return 0, io.EOF
	}
	end := min(int(off)+len(p), b.n)
	n := app.CopyBytesToGo(p, b.arr.Call("subarray", int(off), end))
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// fetchList gets url through the browser's fetch: net/http would add
// megabytes to app.wasm for the same request.
func fetchList(url string) (jsBytes, error) {
	type result struct {
		body jsBytes
		err  error
	}
	done := make(chan result, 1)
	onFail := app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "network error"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		done <- result{err: fmt.Errorf("%s (offline, or the server does not allow this site to read it: see CORS in the README)", msg)}
		return nil
	})
	defer onFail.Release()
	onBody := app.FuncOf(func(this app.Value, args []app.Value) any {
		arr := app.Window().Get("Uint8Array").New(args[0])
		done <- result{body: jsBytes{arr: arr, n: arr.Get("length").Int()}}
		return nil
	})
	defer onBody.Release()
	onResponse := app.FuncOf(func(this app.Value, args []app.Value) any {
		resp := args[0]
		if !resp.Get("ok").Bool() {
			done <- result{err: fmt.Errorf("HTTP %d %s", resp.Get("status").Int(), resp.Get("statusText").String())}
			return nil
		}
		resp.Call("arrayBuffer").Call("then", onBody, onFail)
		return nil
	})
	defer onResponse.Release()

	if url == "" {
		return jsBytes{}, errors.New("no list URL")
	}
	app.Window().Call("fetch", url).Call("then", onResponse, onFail)
	r := <-done
	return r.body, r.err
}
