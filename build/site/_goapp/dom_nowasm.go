//go:build !wasm

package app

// paperwidget: outside the browser there are no DOM writes to batch.
func flushDOMWrites() {}
