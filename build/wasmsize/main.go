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
	"github.com/paperwidget/paperwidget/internal/wasmbin"
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
	sections, err := wasmbin.Sections(data)
	if err != nil {
		return nil, err
	}
	m := &module{sections: map[string]int{"header": 8}, bodies: map[uint32]int{}, names: map[uint32]string{}}
	var imported uint32
	for _, s := range sections {
		body := &wasmbin.Reader{B: s.Body}
		name := sectionNames[s.ID]
		switch s.ID {
		case 0:
			name = "custom: " + string(body.Take(int(body.U32())))
			if name == "custom: name" {
				m.readNames(body)
			}
		case 2:
			imported = importedFuncs(body)
		case 10:
			for i, n := uint32(0), body.U32(); i < n && body.Err == nil; i++ {
				size := body.U32()
				body.Take(int(size))
				m.bodies[imported+i] = int(size)
			}
		}
		if body.Err != nil {
			return nil, fmt.Errorf("%s section: %w", name, body.Err)
		}
		m.sections[name] += 1 + wasmbin.U32Len(uint32(len(s.Body))) + len(s.Body)
	}
	return m, nil
}

// importedFuncs counts the functions the import section imports: they
// take the first function indices.
func importedFuncs(r *wasmbin.Reader) uint32 {
	var funcs uint32
	for i, n := uint32(0), r.U32(); i < n && r.Err == nil; i++ {
		r.Take(int(r.U32())) // module
		r.Take(int(r.U32())) // field
		switch r.Byte() {
		case 0: // function: its type
			r.U32()
			funcs++
		case 1: // table: element type, limits
			r.Byte()
			r.Limits()
		case 2: // memory
			r.Limits()
		case 3: // global: value type, mutability
			r.Byte()
			r.Byte()
		}
	}
	return funcs
}

func (m *module) readNames(r *wasmbin.Reader) {
	for !r.Done() && r.Err == nil {
		id := r.Byte()
		sub := &wasmbin.Reader{B: r.Take(int(r.U32()))}
		if id != 1 {
			continue
		}
		for i, n := uint32(0), sub.U32(); i < n && sub.Err == nil; i++ {
			idx := sub.U32()
			m.names[idx] = string(sub.Take(int(sub.U32())))
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
