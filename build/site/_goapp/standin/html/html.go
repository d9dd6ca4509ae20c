// Package html stands in for the standard html package in go-app's
// node.go, for the paper widget's app.wasm (build/site/goapp.go). go-app
// only escapes text with it; html's package initialiser kept its table of
// 2,231 named character references, which unescaping needs, in app.wasm:
// 69 KB (13 KB brotli).
package html

import "strings"

// The standard EscapeString's replacements.
var escaper = strings.NewReplacer(`&`, "&amp;", `'`, "&#39;", `<`, "&lt;", `>`, "&gt;", `"`, "&#34;")

// EscapeString is html.EscapeString.
func EscapeString(s string) string { return escaper.Replace(s) }
