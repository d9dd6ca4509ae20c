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
// net/http would add megabytes to app.wasm for the same request. A failure
// is named for what it can be: a list on another origin may be refused by
// CORS, one on the page's own cannot. The list web/frame.js fetched while
// app.wasm loaded is taken when it is the same; else src is fetched now.
func fetchList(src string) (jsBytes, error) {
	if src == "" {
		return jsBytes{}, errors.New("no list URL")
	}
	if jsURL := app.Window().Get("URL"); jsURL.Get("canParse").Truthy() &&
		!jsURL.Call("canParse", src, app.Window().Get("location").Get("href")).Bool() {
		return jsBytes{}, errors.New("not a valid URL")
	}
	page := app.Window().URL()
	u, err := page.Parse(src)
	sameOrigin := err == nil && u.Scheme == page.Scheme && u.Host == page.Host
	f := &fetching{done: make(chan fetched, 1), sameOrigin: sameOrigin}
	onDone := app.FuncOf(func(this app.Value, args []app.Value) any {
		out := args[0]
		f.settle(outcome{fetchError: out.Get("fetchError"), response: out.Get("response"), bodyError: out.Get("bodyError"), chunks: out.Get("chunks")})
		return nil
	})
	defer onDone.Release()
	if pre := app.Window().Get(prefetchGlobal); pre.Truthy() {
		app.Window().Set(prefetchGlobal, app.Undefined()) // taken once
		if pre.Get("src").String() == src {
			pre.Get("result").Call("then", onDone)
			r := <-f.done
			return r.body, r.err
		}
	}
	// The same steps as web/frame.js's, with a call into Go per chunk.
	onFail := app.FuncOf(func(this app.Value, args []app.Value) any {
		f.settle(outcome{fetchError: arg(args)})
		return nil
	})
	defer onFail.Release()
	var response, reader app.Value
	onBodyFail := app.FuncOf(func(this app.Value, args []app.Value) any {
		f.settle(outcome{response: response, bodyError: arg(args)})
		return nil
	})
	defer onBodyFail.Release()
	var onChunk app.Func
	onChunk = app.FuncOf(func(this app.Value, args []app.Value) any {
		if args[0].Get("done").Bool() {
			f.settle(outcome{response: response})
			return nil
		}
		f.body.add(args[0].Get("value"))
		reader.Call("read").Call("then", onChunk, onBodyFail)
		return nil
	})
	defer onChunk.Release()
	onResponse := app.FuncOf(func(this app.Value, args []app.Value) any {
		response = args[0]
		if !response.Get("ok").Bool() || !response.Get("body").Truthy() {
			f.settle(outcome{response: response})
			return nil
		}
		reader = response.Get("body").Call("getReader")
		reader.Call("read").Call("then", onChunk, onBodyFail)
		return nil
	})
	defer onResponse.Release()
	app.Window().Call("fetch", src).Call("then", onResponse, onFail)
	r := <-f.done
	return r.body, r.err
}

// prefetchGlobal names what web/frame.js leaves for fetchList: the ?src=
// value it fetched (src) and a promise of the outcome (result), an object
// with fetchError when the request failed, else response, and chunks (the
// body read whole) or bodyError (the download broke off).
const prefetchGlobal = "paperwidgetPrefetch"

// fetching is a fetch of the list under way: its chunks so far, and where
// its outcome goes.
type fetching struct {
	body       jsBytes
	done       chan fetched
	sameOrigin bool
}

type fetched struct {
	body jsBytes
	err  error
}

// outcome is how a fetch ended, as web/frame.js describes it (see
// prefetchGlobal); chunks are the body's, when not already in fetching's.
type outcome struct {
	fetchError, response, bodyError, chunks app.Value
}

// settle sends the list or the error that out makes to f.done.
func (f *fetching) settle(out outcome) {
	response := out.response
	switch {
	case truthy(out.fetchError) || !truthy(response):
		why := "offline, or the server does not allow this site to read it: see CORS in the README"
		switch {
		case !app.Window().Get("navigator").Get("onLine").Bool():
			why = "offline"
		case f.sameOrigin:
			why = "offline, or the server could not be reached"
		}
		f.done <- fetched{err: fmt.Errorf("%s (%s)", reason(out.fetchError), why)}
	case !response.Get("ok").Bool():
		f.done <- fetched{err: fmt.Errorf("HTTP %d %s", response.Get("status").Int(), response.Get("statusText").String())}
	case truthy(out.bodyError):
		f.done <- fetched{err: fmt.Errorf("%s: the download broke off before the end of the list", reason(out.bodyError))}
	default:
		// No body: an empty list, named as such.
		if truthy(out.chunks) {
			for i := range out.chunks.Length() {
				f.body.add(out.chunks.Index(i))
			}
		}
		f.done <- fetched{body: f.body}
	}
}

// truthy is v.Truthy() for a v that may be nil (not set).
func truthy(v app.Value) bool { return v != nil && v.Truthy() }

// reason is a rejection's message.
func reason(err app.Value) string {
	if truthy(err) {
		return err.Call("toString").String()
	}
	return "network error"
}

// arg is a callback's first argument, or undefined.
func arg(args []app.Value) app.Value {
	if len(args) > 0 {
		return args[0]
	}
	return app.Undefined()
}
