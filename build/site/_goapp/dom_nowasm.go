//go:build !wasm

package app

// paperwidget: outside the browser there are no DOM writes to batch.
func flushDOMWrites() {}

func setJSFlag(e Value, name string, on bool) { e.Set(name, on) }

func insertChild(parent Value, child, next Wrapper) { parent.Call("insertBefore", child, next) }
