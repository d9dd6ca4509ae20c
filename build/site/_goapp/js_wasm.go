package app

import (
	"net/url"
	"strconv"
	"strings"
	"syscall/js"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/errors"
)

type value struct {
	jsValue
}

// paperwidget: every call into the page but the batched writes sends the
// writes waiting first, so the page sees every change in order.
func (v value) Call(m string, args ...any) Value {
	domWrites.flush()
	res := v.jsValue.Call(m, syscallJSArgs(args)...)
	return ValueOf(res)
}

func (v value) Delete(p string) {
	domWrites.flush()
	v.jsValue.Delete(p)
}

func (v value) Equal(w Value) bool {
	return v.jsValue.Equal(syscalJSValueOf(w))
}

func (v value) Get(p string) Value {
	domWrites.flush()
	return ValueOf(v.jsValue.Get(p))
}

func (v value) Set(p string, x any) {
	domWrites.flush()
	v.jsValue.Set(p, syscalJSValueOf(x))
}

func (v value) Index(i int) Value {
	domWrites.flush()
	return ValueOf(v.jsValue.Index(i))
}

func (v value) InstanceOf(t Value) bool {
	return v.jsValue.InstanceOf(syscalJSValueOf(t))
}

func (v value) Invoke(args ...any) Value {
	domWrites.flush()
	res := v.jsValue.Invoke(syscallJSArgs(args)...)
	return ValueOf(res)
}

func (v value) JSValue() Value {
	return v
}

func (v value) New(args ...any) Value {
	domWrites.flush()
	res := v.jsValue.New(syscallJSArgs(args)...)
	return ValueOf(res)
}

func (v value) Type() Type {
	return Type(v.jsValue.Type())
}

func (v value) Release() {
	if function, ok := v.jsValue.(jsFunc); ok {
		function.Release()
	}
}

func (v value) Then(f func(Value)) {
	release := func() {}

	then := FuncOf(func(this Value, args []Value) any {
		var arg Value
		if len(args) > 0 {
			arg = args[0]
		}

		f(arg)
		release()
		return nil
	})

	release = then.Release
	v.Call("then", then)
}

func (v value) getAttr(k string) string {
	return v.Call("getAttribute", k).String()
}

func (v value) setAttr(k, val string) {
	domWrites.add(v, writeAttr, k, val)
}

func (v value) delAttr(k string) {
	domWrites.add(v, writeDelAttr, k, "")
}

func (v value) firstChild() Value {
	return v.Get("firstChild")
}

func (v value) appendChild(c Wrapper) {
	domWrites.addNodes(writeAppend, v, c)
}

func (v value) replaceChild(new, old Wrapper) {
	domWrites.addNodes(writeReplace, v, new, old)
}

func (v value) removeChild(c Wrapper) {
	domWrites.addNodes(writeRemove, v, c)
}

func (v value) firstElementChild() Value {
	return v.Get("firstElementChild")
}

// paperwidget: listeners are added and removed, and nodes created, without
// sending the writes waiting first (see writeBatch): none of them reads
// the page.
func (v value) addEventListener(event string, fn Func, options map[string]any) {
	if len(options) == 0 {
		v.jsValue.Call("addEventListener", event, syscalJSValueOf(fn))
		return
	}
	v.jsValue.Call("addEventListener", event, syscalJSValueOf(fn), syscalJSValueOf(options))
}

func (v value) removeEventListener(event string, fn Func) {
	v.jsValue.Call("removeEventListener", event, syscalJSValueOf(fn))
}

func (v value) setNodeValue(val string) {
	domWrites.add(v, writeText, "", val)
}

func (v value) setInnerHTML(val string) {
	v.Set("innerHTML", val)
}

func (v value) setInnerText(val string) {
	v.Set("innerText", val)
}

func null() Value {
	return valueOf(js.Null())
}

func undefined() Value {
	return valueOf(js.Undefined())
}

func valueOf(v any) Value {
	switch v := v.(type) {
	case jsValue:
		return value{jsValue: v}

	case Wrapper:
		return v.JSValue()

	default:
		return value{jsValue: js.ValueOf(v)}
	}
}

func funcOf(function func(this Value, args []Value) any) Func {
	return value{
		jsValue: js.FuncOf(func(this js.Value, args []js.Value) any {
			goArgs := make([]Value, len(args))
			for i, arg := range args {
				goArgs[i] = ValueOf(arg)
			}

			return syscalJSValueOf(function(ValueOf(this), goArgs))
		}),
	}
}

type jsValue interface {
	Bool() bool
	Call(string, ...any) js.Value
	Delete(string)
	Equal(js.Value) bool
	Float() float64
	Get(string) js.Value
	Index(int) js.Value
	InstanceOf(js.Value) bool
	Int() int
	Invoke(...any) js.Value
	IsNaN() bool
	IsNull() bool
	IsUndefined() bool
	Length() int
	New(...any) js.Value
	Set(string, any)
	SetIndex(int, any)
	String() string
	Truthy() bool
	Type() js.Type
}

type jsFunc interface {
	jsValue
	Release()
}

type jsError interface {
	jsValue
	Error() string
}

func syscallJSArgs(v []any) []any {
	if len(v) == 0 {
		return nil
	}

	s := make([]any, len(v))
	for i, value := range v {
		s[i] = syscalJSValueOf(value)
	}
	return s
}

func syscalJSValueOf(v any) js.Value {
	switch v := v.(type) {
	case value:
		return syscalJSValueOf(v.jsValue)

	case Wrapper:
		return syscalJSValueOf(v.JSValue())

	case map[string]any:
		m := make(map[string]any, len(v))
		for key, value := range v {
			m[key] = syscalJSValueOf(value)
		}
		return js.ValueOf(m)

	case []any:
		s := make([]any, len(v))
		for i, value := range v {
			s[i] = syscalJSValueOf(value)
		}
		return js.ValueOf(s)

	default:
		return js.ValueOf(v)
	}
}

type browserWindow struct {
	value

	document js.Value // paperwidget: read once, not at every node made
	body     UI
	cursorX  int
	cursorY  int
}

func newBrowserWindow() *browserWindow {
	return &browserWindow{value: value{jsValue: js.Global()}}
}

func (w *browserWindow) URL() *url.URL {
	rawurl := w.
		Get("location").
		Get("href").
		String()

	u, _ := url.Parse(rawurl)
	return u
}

func (w *browserWindow) Size() (width int, height int) {
	getSize := func(axis string) int {
		size := w.Get("inner" + axis)
		if !size.Truthy() {
			size = w.
				Get("document").
				Get("documentElement").
				Get("client" + axis)
		}
		if !size.Truthy() {
			size = w.
				Get("document").
				Get("body").
				Get("client" + axis)
		}
		if size.Type() != TypeNumber {
			return 0
		}
		return size.Int()
	}

	return getSize("Width"), getSize("Height")
}

func (w *browserWindow) CursorPosition() (x, y int) {
	return w.cursorX, w.cursorY
}

func (w *browserWindow) setCursorPosition(x, y int) {
	w.cursorX = x
	w.cursorY = y
}

func (w *browserWindow) GetElementByID(id string) Value {
	return w.Get("document").Call("getElementById", id)
}

func (w *browserWindow) ScrollToID(id string) {
	if elem := w.GetElementByID(id); elem.Truthy() {
		elem.Call("scrollIntoView")
	}
}

func (w *browserWindow) setBody(body UI) {
	w.body = body
}

func (w *browserWindow) createElement(tag, xmlns string) (Value, error) {
	var element Value
	if xmlns == "" {
		element = ValueOf(w.doc().Call("createElement", tag))
	} else {
		element = ValueOf(w.doc().Call("createElementNS", xmlns, tag))
	}

	if !element.Truthy() {
		return nil, errors.New("creating javascript element failed").
			WithTag("tag", tag).
			WithTag("xmlns", xmlns)
	}
	return element, nil
}

func (w *browserWindow) createTextNode(v string) Value {
	return ValueOf(w.doc().Call("createTextNode", v))
}

func (w *browserWindow) doc() js.Value {
	if w.document.IsUndefined() {
		w.document = js.Global().Get("document")
	}
	return w.document
}

func (w *browserWindow) addHistory(u *url.URL) {
	u.Scheme = w.URL().Scheme
	u.Host = w.URL().Host
	w.Get("history").Call("pushState", nil, "", u.String())
}

func (w *browserWindow) replaceHistory(u *url.URL) {
	u.Scheme = w.URL().Scheme
	u.Host = w.URL().Host
	w.Get("history").Call("replaceState", nil, "", u.String())
}

func copyBytesToGo(dst []byte, src Value) int {
	return js.CopyBytesToGo(dst, syscalJSValueOf(src))
}

func copyBytesToJS(dst Value, src []byte) int {
	return js.CopyBytesToJS(syscalJSValueOf(dst), src)
}

// paperwidget: a keystroke that changes the shown rows makes a hundred or
// more text and attribute writes. Made one by one, each was a call into the
// page, with each string turned into a JavaScript value of its own (decoded
// apart, and tracked by a finalizer until collected). They are batched
// instead: the engine sends a render's writes in one call
// (goappApplyDOMWrites, which the build adds to app.js), and any other call
// into the page sends the writes waiting before it.
//
// Children are appended, replaced and removed in the same batch, in order
// with the writes: mounting a row's new parts made a call per node
// appended, each sending the writes made since the last.
const (
	writeText = iota
	writeAttr
	writeDelAttr
	writeAppend  // nodes: parent, child
	writeRemove  // nodes: parent, child
	writeReplace // nodes: parent, new child, old child
	writeFlag    // a boolean property (open, selected...): true when the value is "true"
	writeInsert  // nodes: parent, child, the child to put it before (null: the end)
)

var domWrites writeBatch

type writeBatch struct {
	apply   js.Value // goappApplyDOMWrites, if the page has it
	checked bool
	nodes   []any
	meta    []byte // "kind,name length,value length," per write
	text    []byte // '.', then each write's name and value
}

// batching reports whether the page applies batches.
func (b *writeBatch) batching() bool {
	if !b.checked {
		b.checked = true
		if f := js.Global().Get("goappApplyDOMWrites"); f.Type() == js.TypeFunction {
			b.apply = f
		}
	}
	return !b.apply.IsUndefined()
}

// insertChild puts child before next among parent's children, at the end
// when next is nil: keyed children moved into their new order (keyed.go).
func insertChild(parent Value, child, next Wrapper) {
	if p, ok := parent.(value); ok {
		domWrites.addNodes(writeInsert, p, child, next)
		return
	}
	parent.Call("insertBefore", child, next)
}

// addNodes adds a change of parent's children. A nil child (the end, for
// writeInsert) is sent as null.
func (b *writeBatch) addNodes(kind int, parent value, children ...Wrapper) {
	if !b.batching() {
		args := make([]any, len(children))
		for i, c := range children {
			args[i] = syscalJSValueOf(c)
		}
		parent.jsValue.Call([...]string{writeAppend: "appendChild", writeRemove: "removeChild", writeReplace: "replaceChild", writeInsert: "insertBefore"}[kind], args...)
		return
	}
	if len(b.text) == 0 {
		b.text = append(b.text, '.')
	}
	b.nodes = append(b.nodes, parent.jsValue)
	for _, c := range children {
		b.nodes = append(b.nodes, syscalJSValueOf(c))
	}
	b.meta = strconv.AppendInt(b.meta, int64(kind), 10)
	b.meta = append(b.meta, ",0,0,"...)
}

func (b *writeBatch) add(v value, kind int, name, val string) {
	if !b.batching() {
		switch kind {
		case writeText:
			v.jsValue.Set("nodeValue", val)
		case writeAttr:
			v.jsValue.Call("setAttribute", name, val)
		case writeFlag:
			v.jsValue.Set(name, val == "true")
		default:
			v.jsValue.Call("removeAttribute", name)
		}
		return
	}
	// The page decodes the batch's text as a whole and slices it by the
	// lengths counted here: invalid UTF-8 (a query from the address, say)
	// would decode to another number of units.
	if !utf8.ValidString(val) {
		val = strings.ToValidUTF8(val, "\uFFFD")
	}
	if len(b.text) == 0 {
		// The page's decoder drops a byte order mark that starts the text,
		// which a title may: the text starts with a character of its own.
		b.text = append(b.text, '.')
	}
	b.nodes = append(b.nodes, v.jsValue)
	for _, n := range [3]int{kind, jsLen(name), jsLen(val)} {
		b.meta = strconv.AppendInt(b.meta, int64(n), 10)
		b.meta = append(b.meta, ',')
	}
	b.text = append(append(b.text, name...), val...)
}

func (b *writeBatch) flush() {
	if len(b.nodes) == 0 {
		return
	}
	args := make([]any, 0, 2+len(b.nodes))
	args = append(append(args, string(b.meta), string(b.text)), b.nodes...)
	clear(b.nodes)
	b.nodes, b.meta, b.text = b.nodes[:0], b.meta[:0], b.text[:0]
	b.apply.Invoke(args...)
}

// jsLen is the length of s in JavaScript's string units (UTF-16), which
// the page slices the batch's text by.
func jsLen(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// setJSFlag sets a boolean property whose attribute is only its default,
// such as open or selected, in the batch: set apart, each sent the writes
// waiting before it.
func setJSFlag(e Value, name string, on bool) {
	if v, ok := e.(value); ok {
		domWrites.add(v, writeFlag, name, strconv.FormatBool(on))
		return
	}
	e.Set(name, on)
}

// flushDOMWrites sends the writes waiting. The engine calls it once it has
// rendered, before the browser can look at the page.
func flushDOMWrites() { domWrites.flush() }
