package main

import (
	"bytes"
	"strings"
	"testing"
)

// section is one section of a hand-made module: id, then its payload's
// length and the payload (short enough for one-byte lengths).
func section(id byte, payload ...byte) []byte {
	return append([]byte{id, byte(len(payload))}, payload...)
}

func vec(s string) []byte { return append([]byte{byte(len(s))}, s...) }

// tinyModule imports one function (index 0) and defines two, whose bodies
// are 4 and 6 bytes, named by a names section as Go's linker names them.
func tinyModule() []byte {
	m := []byte("\x00asm\x01\x00\x00\x00")
	m = append(m, section(1, 1, 0x60, 0, 0)...) // one type: () -> ()
	imp := append([]byte{1}, vec("go")...)
	imp = append(imp, vec("debug")...)
	m = append(m, section(2, append(imp, 0, 0)...)...) // import func type 0
	m = append(m, section(3, 2, 0, 0)...)              // two functions
	code := []byte{2, 4, 0, 0x01, 0x01, 0x0b, 6, 0, 0x01, 0x01, 0x01, 0x01, 0x0b}
	m = append(m, section(10, code...)...)
	fn := append([]byte{2, 1}, vec("github.com_a_b_c.__T_.M")...)
	fn = append(fn, 2)
	fn = append(fn, vec("runtime.g")...)
	sub := append([]byte{1, byte(len(fn))}, fn...)
	m = append(m, section(0, append(vec("name"), sub...)...)...)
	return m
}

func TestParseAttributesBodiesToNamedFunctions(t *testing.T) {
	data := tinyModule()
	m, err := parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if m.bodies[1] != 4 || m.bodies[2] != 6 || len(m.bodies) != 2 {
		t.Errorf("bodies %v, want 1:4 2:6 (the imported function is index 0)", m.bodies)
	}
	if m.names[1] != "github.com_a_b_c.__T_.M" || m.names[2] != "runtime.g" {
		t.Errorf("names %v", m.names)
	}
	total := 0
	for _, n := range m.sections {
		total += n
	}
	if total != len(data) {
		t.Errorf("sections add up to %d bytes, the module has %d: %v", total, len(data), m.sections)
	}

	pkgs := map[string][2]string{
		"github.com_a_b":   {"github.com/a/b", "github.com/a/b"},
		"github.com_a_b_c": {"github.com/a/b-c", "github.com/a/b"},
		"runtime":          {"runtime", "std"},
	}
	var out bytes.Buffer
	write(&out, m, pkgs, 10)
	for _, want := range []string{"| github.com/a/b-c | 4 |", "| runtime | 6 |", "| github.com/a/b | 4 |", "| std | 6 |", "| code | 15 |"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("breakdown lacks %q:\n%s", want, out.String())
		}
	}
}

func TestParseRefusesTruncatedModules(t *testing.T) {
	data := tinyModule()
	if _, err := parse(data[:len(data)-3]); err == nil {
		t.Error("a truncated module parsed without error")
	}
	if _, err := parse([]byte("<html>")); err == nil {
		t.Error("HTML parsed as a module")
	}
}
