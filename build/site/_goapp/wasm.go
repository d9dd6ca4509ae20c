//go:build wasm
// +build wasm

package app

// Paper widget patch: go-app's wasm.go without GenerateStaticWebsite, whose
// *Handler comes from http.go, which the patch keeps out of wasm builds
// (with it, net/http and everything it imports).

func wasmExecJS() string {
	return ""
}
