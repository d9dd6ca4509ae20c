// Command wasmsize prints what app.wasm is made of, as Markdown tables: the
// bytes of code of each Go package and module (function bodies, named by
// the names section), and the size of each section. Run it from the
// module's root.
//
//	go run ./build/wasmsize [-wasm file] [-top 30]
//
// Without -wasm it compiles app.wasm as the site ships it, but with its
// function names kept (the names section, which the shipped file leaves
// out, is the only difference).
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/paperwidget/paperwidget/build/site"
)

func main() {
	file := flag.String("wasm", "", "app.wasm `file` to read (with its names section); compiled from ./wasm when empty")
	top := flag.Int("top", 30, "how many packages to list by name; the rest are summed")
	flag.Parse()
	if err := run(*file, *top, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

func run(file string, top int, w io.Writer) error {
	if file == "" {
		dir, err := os.MkdirTemp("", "wasmsize")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		file = filepath.Join(dir, "app.wasm")
		if err := site.CompileWasm(".", "", file, true, io.Discard); err != nil {
			return err
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	m, err := parse(data)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if len(m.names) == 0 {
		return fmt.Errorf("%s has no function names (built with -ldflags=-s?)", file)
	}
	pkgs, err := packages(".")
	if err != nil {
		return err
	}
	write(w, m, pkgs, top)
	return nil
}

// module is what the breakdown needs of a wasm module.
type module struct {
	// sections are the bytes of each section, by name: "code", "data",
	// a custom section's own name...
	sections map[string]int
	// bodies are the sizes of the function bodies, by function index.
	bodies map[uint32]int
	names  map[uint32]string
}

var sectionNames = map[byte]string{1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
	7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "data count"}

// parse reads the sections of a wasm binary, the function bodies of the
// code section and the function names of the "name" custom section.
func parse(data []byte) (*module, error) {
	if len(data) < 8 || !bytes.Equal(data[:4], []byte("\x00asm")) {
		return nil, errors.New("not a wasm module")
	}
	m := &module{sections: map[string]int{"header": 8}, bodies: map[uint32]int{}, names: map[uint32]string{}}
	r := &reader{b: data[8:]}
	var imported uint32
	for !r.done() {
		id := r.byte()
		size := r.u32()
		body := &reader{b: r.take(int(size))}
		if r.err != nil {
			return nil, r.err
		}
		name := sectionNames[id]
		switch id {
		case 0:
			name = "custom: " + string(body.take(int(body.u32())))
			if name == "custom: name" {
				m.readNames(body)
			}
		case 2:
			imported = importedFuncs(body)
		case 10:
			for i, n := uint32(0), body.u32(); i < n && body.err == nil; i++ {
				size := body.u32()
				body.take(int(size))
				m.bodies[imported+i] = int(size)
			}
		}
		if body.err != nil {
			return nil, fmt.Errorf("%s section: %w", name, body.err)
		}
		m.sections[name] += 1 + uleb128Len(size) + int(size)
	}
	return m, nil
}

// importedFuncs counts the functions the import section imports: they
// take the first function indices.
func importedFuncs(r *reader) uint32 {
	var funcs uint32
	for i, n := uint32(0), r.u32(); i < n && r.err == nil; i++ {
		r.take(int(r.u32())) // module
		r.take(int(r.u32())) // field
		switch r.byte() {
		case 0: // function: its type
			r.u32()
			funcs++
		case 1: // table: element type, limits
			r.byte()
			r.limits()
		case 2: // memory
			r.limits()
		case 3: // global: value type, mutability
			r.byte()
			r.byte()
		}
	}
	return funcs
}

func (m *module) readNames(r *reader) {
	for !r.done() && r.err == nil {
		id := r.byte()
		sub := &reader{b: r.take(int(r.u32()))}
		if id != 1 {
			continue
		}
		for i, n := uint32(0), sub.u32(); i < n && sub.err == nil; i++ {
			idx := sub.u32()
			m.names[idx] = string(sub.take(int(sub.u32())))
		}
	}
}

// packages maps the import path of each package of the program, as the
// linker writes it in function names, to the package's path and module
// ("std" for the standard library).
func packages(root string) (map[string][2]string, error) {
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{if .Module}}{{.Module.Path}}{{else}}std{{end}}", "./wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	pkgs := map[string][2]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, mod, _ := strings.Cut(line, " ")
		pkgs[linkerName.ReplaceAllString(path, "_")] = [2]string{path, mod}
	}
	return pkgs, nil
}

// linkerName is what Go's wasm linker replaces by "_" in the names it
// writes (cmd/link/internal/wasm).
var linkerName = regexp.MustCompile(`[^\w.]`)

// owner is the package and module of a function named fn: the package
// whose name, followed by a dot, is the longest start of fn.
func owner(fn string, pkgs map[string][2]string) (pkg, mod string) {
	best := ""
	for name := range pkgs {
		if len(name) > len(best) && strings.HasPrefix(fn, name+".") {
			best = name
		}
	}
	if best != "" {
		return pkgs[best][0], pkgs[best][1]
	}
	if strings.HasPrefix(fn, "type_.") {
		return "(equality and hash functions of types)", "std"
	}
	return "(other)", "(other)"
}

type row struct {
	name  string
	bytes int
}

func write(w io.Writer, m *module, pkgs map[string][2]string, top int) {
	total := 0
	for _, n := range m.sections {
		total += n
	}
	shipped := total
	for name, n := range m.sections {
		if strings.HasPrefix(name, "custom: ") {
			shipped -= n // the shipped app.wasm is built without them
		}
	}
	byPkg, byMod := map[string]int{}, map[string]int{}
	for idx, size := range m.bodies {
		pkg, mod := owner(m.names[idx], pkgs)
		byPkg[pkg] += size
		byMod[mod] += size
	}
	rows := sorted(byPkg)
	fmt.Fprintf(w, "app.wasm without its names section: %d bytes. Code by Go package (function bodies):\n\n", shipped)
	fmt.Fprintln(w, "| package | bytes | share of app.wasm |")
	fmt.Fprintln(w, "|---|---:|---:|")
	rest, others := 0, 0
	for i, r := range rows {
		if i < top {
			fmt.Fprintf(w, "| %s | %d | %.1f%% |\n", r.name, r.bytes, percent(r.bytes, shipped))
		} else {
			rest += r.bytes
			others++
		}
	}
	if others > 0 {
		fmt.Fprintf(w, "| %d other packages | %d | %.1f%% |\n", others, rest, percent(rest, shipped))
	}
	fmt.Fprintln(w, "\nCode by module:\n\n| module | bytes | share of app.wasm |\n|---|---:|---:|")
	for _, r := range sorted(byMod) {
		fmt.Fprintf(w, "| %s | %d | %.1f%% |\n", r.name, r.bytes, percent(r.bytes, shipped))
	}
	fmt.Fprintln(w, "\nSections (data: strings, type descriptors, function tables of every package):\n\n| section | bytes | share of app.wasm |\n|---|---:|---:|")
	for _, r := range sorted(m.sections) {
		if !strings.HasPrefix(r.name, "custom: ") {
			fmt.Fprintf(w, "| %s | %d | %.1f%% |\n", r.name, r.bytes, percent(r.bytes, shipped))
		}
	}
}

func sorted(sizes map[string]int) []row {
	var rows []row
	for name, n := range sizes {
		rows = append(rows, row{name, n})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].bytes != rows[j].bytes {
			return rows[i].bytes > rows[j].bytes
		}
		return rows[i].name < rows[j].name
	})
	return rows
}

func percent(n, of int) float64 { return 100 * float64(n) / float64(of) }

// reader reads a wasm binary; its first error sticks and later reads
// return zeros.
type reader struct {
	b   []byte
	err error
}

func (r *reader) done() bool { return len(r.b) == 0 || r.err != nil }

func (r *reader) byte() byte {
	b := r.take(1)
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

func (r *reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.err = io.ErrUnexpectedEOF
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *reader) u32() uint32 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > 1<<32-1 {
		r.err = errors.New("bad LEB128 number")
		return 0
	}
	r.b = r.b[n:]
	return uint32(v)
}

func (r *reader) limits() {
	if r.byte()&1 != 0 {
		r.u32()
	}
	r.u32()
}

func uleb128Len(v uint32) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}
