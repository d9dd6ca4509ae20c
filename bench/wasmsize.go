package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// wasmBreakdown is what app.wasm is made of, by package and by section
// (go run ./build/wasmsize, which compiles it with its function names): the
// place to look for what to leave out next.
func wasmBreakdown() (string, error) {
	logf("app.wasm's size by package ...")
	cmd := exec.Command("go", "run", "./build/wasmsize", "-top", "30")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go run ./build/wasmsize: %v", err)
	}
	var b strings.Builder
	b.WriteString("\n## What app.wasm is made of\n\n")
	b.WriteString("From `go run ./build/wasmsize` (function bodies named by the names section, which the shipped file leaves out;\n" +
		"sizes are raw, before compression). Data holds strings, type descriptors and function tables of every package.\n\n")
	b.Write(out)
	return b.String(), nil
}
