package widget

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/search"
)

// load reads and indexes the list of size bytes in src. A list over
// bigList without problems is streamed (paper.Stream): wasm memory, which
// never shrinks, then holds what Go makes of the list but not the list as
// sent, whose abstracts are read from src until compact has compressed
// them. Anything else is read whole and decoded by paper.DecodeShared,
// which names its problems; abstracts is nil then.
func load(src io.ReaderAt, size int, pause func()) (list paper.List, abstracts *paper.Abstracts, problems []paper.Problem, index *search.Index, err error) {
	if size > bigList {
		b := search.NewBuilder(size)
		var ok bool
		if list, abstracts, ok = paper.Stream(src, size, pause, b.Add); ok {
			mark("paperwidget:decoded")
			index = b.Index(list.Papers, pause)
			mark("paperwidget:indexed")
			return list, abstracts, nil, index, nil
		}
	}
	data := make([]byte, size)
	if n, err := src.ReadAt(data, 0); n < size {
		return paper.List{}, nil, nil, nil, err
	}
	// The list's strings share data, which is never copied: the bytes are
	// held once.
	list, problems, err = paper.DecodeShared(data, pause)
	mark("paperwidget:decoded")
	index = search.Build(list.Papers, pause)
	mark("paperwidget:indexed")
	return list, nil, problems, index, err
}

// compact compresses a streamed list's abstracts when the browser is idle,
// a few at a time, then lets the fetched bytes go. Compressing them while
// loading made a list of 10,000 papers ready 60-80% later; holding them as
// fetched kept the page's memory larger than when the list was copied.
func compact(abstracts *paper.Abstracts, body jsBytes) {
	deadlines := make(chan app.Value, 1)
	onIdle := app.FuncOf(func(_ app.Value, args []app.Value) any {
		var d app.Value
		if len(args) > 0 {
			d = args[0]
		}
		deadlines <- d
		return nil
	})
	defer onIdle.Release()
	// Idle periods come between keystrokes, or after 1 s at the latest,
	// for one block then. Safari has no requestIdleCallback: one block
	// every 50 ms. A key pressed during a slice waits for it: a slice ends
	// as soon as input is pending where the browser tells (Chromium), after
	// 3 ms elsewhere (at 100,000 papers, compressing then took minutes).
	request, _, arg := idleCallback(1000, 50)
	scheduling := app.Window().Get("navigator").Get("scheduling")
	inputPending := scheduling.Truthy() && scheduling.Get("isInputPending").Truthy()
	for {
		app.Window().Call(request, onIdle, arg)
		d := <-deadlines
		start := time.Now()
		more := func() bool {
			switch {
			case d == nil || !d.Truthy() || d.Call("timeRemaining").Float() <= 1:
				return false
			case inputPending:
				return !scheduling.Call("isInputPending").Bool()
			}
			return time.Since(start) < 3*time.Millisecond
		}
		if abstracts.Compress(more) {
			break
		}
	}
	body.release()
	mark("paperwidget:compacted")
}

// jsBytes is a list as the browser fetched it: the chunks its response's
// body arrived in, Uint8Arrays outside wasm memory, which Go reads a window
// at a time. Reading the body whole instead (arrayBuffer) copied a 17 MB
// list once more, on the page's thread, before Go could start.
type jsBytes struct {
	chunks []app.Value
	starts []int // offset in the list of each chunk's first byte
	n      int
}

// add appends the next chunk of the body.
func (b *jsBytes) add(chunk app.Value) {
	if n := chunk.Get("length").Int(); n > 0 {
		b.chunks = append(b.chunks, chunk)
		b.starts = append(b.starts, b.n)
		b.n += n
	}
}

// release lets the page free the bytes now, once Go has read them, rather
// than once Go's collector has finalized every view of them it was handed.
func (b jsBytes) release() {
	for _, c := range b.chunks {
		if buf := c.Get("buffer"); buf.Truthy() && buf.Get("transfer").Truthy() && !buf.Get("detached").Truthy() {
			buf.Call("transfer", 0)
		}
	}
}

func (b jsBytes) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(b.n) {
		return 0, io.EOF
	}
	at, read := int(off), 0
	for i := sort.SearchInts(b.starts, at+1) - 1; i < len(b.chunks) && read < len(p); i++ {
		end := b.n
		if i+1 < len(b.chunks) {
			end = b.starts[i+1]
		}
		from, to := at+read-b.starts[i], min(end, at+len(p))-b.starts[i]
		read += app.CopyBytesToGo(p[read:], b.chunks[i].Call("subarray", from, to))
	}
	if read < len(p) {
		return read, io.EOF
	}
	return read, nil
}

// ListElementID is the id of the data block holding the bundled list in
// the pre-rendered page (build/site/inlinelist.go).
const ListElementID = "paperwidget-list"

// bundledList takes the bundled list out of the page, where the build put
// it; with use false (another list, or the list fetched instead) it only
// drops it. The block goes either way: the page need not hold the list's
// text once Go has it, nor at all otherwise.
func bundledList(use bool) (body jsBytes, ok bool) {
	block := app.Window().Get("document").Call("getElementById", ListElementID)
	if !block.Truthy() {
		return body, false
	}
	if use {
		body.add(app.Window().Get("TextEncoder").New().Call("encode", block.Get("textContent")))
	}
	block.Call("remove")
	return body, use
}

// fetchList gets src, relative to the page, through the browser's fetch:
// net/http would add megabytes to app.wasm for the same request. The fetch
// and the reading of its body are web/frame.js's, which the page runs before
// the program: the list it fetched ahead is taken when it is src, else it
// fetches src now. A failure is named for what it can be: a list on another
// origin may be refused by CORS, one on the page's own cannot.
func fetchList(src string) (jsBytes, error) {
	if src == "" {
		return jsBytes{}, errors.New("no list URL")
	}
	if jsURL := app.Window().Get("URL"); jsURL.Get("canParse").Truthy() &&
		!jsURL.Call("canParse", src, app.Window().Get("location").Get("href")).Bool() {
		return jsBytes{}, errors.New("not a valid URL")
	}
	var result app.Value
	if pre := app.Window().Get(prefetchGlobal); pre.Truthy() {
		app.Window().Set(prefetchGlobal, app.Undefined()) // taken once
		if pre.Get("src").String() == src {
			result = pre.Get("result")
		}
	}
	if result == nil {
		fetch := app.Window().Get(fetchGlobal)
		if !fetch.Truthy() {
			return jsBytes{}, errors.New("the page's script web/frame.js, which fetches the list, did not run")
		}
		result = fetch.Invoke(src)
	}
	outcomes := make(chan app.Value, 1)
	onDone := app.FuncOf(func(this app.Value, args []app.Value) any {
		outcomes <- args[0]
		return nil
	})
	defer onDone.Release()
	result.Call("then", onDone)
	page := app.Window().URL()
	u, err := page.Parse(src)
	return listFetched(<-outcomes, err == nil && u.Scheme == page.Scheme && u.Host == page.Host)
}

// prefetchGlobal names what web/frame.js leaves for fetchList: the ?src=
// value it fetched (src) and the promise its fetchList returned (result).
// fetchGlobal names that function.
const (
	prefetchGlobal = "paperwidgetPrefetch"
	fetchGlobal    = "paperwidgetFetchList"
)

// listFetched reads the outcome of web/frame.js's fetchList: the list, or
// the error it names.
func listFetched(out app.Value, sameOrigin bool) (jsBytes, error) {
	response := out.Get("response")
	switch {
	case !response.Truthy():
		why := "offline, or the server does not allow this site to read it: see CORS in the README"
		switch {
		case !app.Window().Get("navigator").Get("onLine").Bool():
			why = "offline"
		case sameOrigin:
			why = "offline, or the server could not be reached"
		}
		return jsBytes{}, fmt.Errorf("%s (%s)", reason(out.Get("fetchError")), why)
	case !response.Get("ok").Bool():
		return jsBytes{}, fmt.Errorf("HTTP %d %s", response.Get("status").Int(), response.Get("statusText").String())
	case out.Get("bodyError").Truthy():
		return jsBytes{}, fmt.Errorf("%s: the download broke off before the end of the list", reason(out.Get("bodyError")))
	}
	// No body is no chunk: an empty list, named as such.
	var body jsBytes
	chunks := out.Get("chunks")
	for i := range chunks.Length() {
		body.add(chunks.Index(i))
	}
	return body, nil
}

// reason is a rejection's message.
func reason(err app.Value) string {
	if err.Truthy() {
		return err.Call("toString").String()
	}
	return "network error"
}
