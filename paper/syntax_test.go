package paper

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// syntaxCases are broken (and a few valid) documents: each place where
// encoding/json stops has its own wording.
var syntaxCases = []string{
	`{"papers": [{"id": "a",, }]}`, `[{"id": "a"`, `[1,]`, `[1 2]`, `{"a" 1}`, `{"a":1 "b":2}`, `{1:2}`, `{"a":1,}`, `[01]`,
	`[1.]`, `[1.e5]`, `[1e]`, `[1e+]`, `[-]`, `[-x]`, `-`, `1.`, `1e`, `tru`, `[tru]`, `[nul`, `[fals]`, `[true x]`,
	"[\"a\x01\"]", `["\x"]`, `["\u12g4"]`, `["\u12`, `["\`, `"abc`, `[] []`, `[]x`, "[\n\xff]", "\xff", `'a'`, `["a"]]`,
	`{"a":{"b":[}}`, `{]`, `[}`, `{"a":1}}`, "  \n  [\n  1,\n  }", `[1,2,3`, `{"a"`, `{"a":`, `{`, `[`, `[1e5, -0.25, 0, -0]`,
	`{"papers": [], "x": [true, false, null, {"y": "\u00e9\ud83e\udde0\/"}]}`, "[\"caf\xc3\xa9 \xff\"]",
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000), strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat(`{"a":`, 10001) + "1" + strings.Repeat("}", 10001),
}

// TestSyntaxErrorsReadAsEncodingJSON checks the general decoder's syntax
// errors against encoding/json's: same words, same line and column.
func TestSyntaxErrorsReadAsEncodingJSON(t *testing.T) {
	for _, c := range append(syntaxCases, fastCases...) {
		compareSyntax(t, c)
	}
}

func compareSyntax(t *testing.T, c string) {
	t.Helper()
	var want error
	var raw json.RawMessage
	if err := json.Unmarshal([]byte(c), &raw); err != nil {
		var syn *json.SyntaxError
		if !errors.As(err, &syn) {
			t.Fatalf("%.80q: encoding/json: %v", c, err)
		}
		want = syntaxAt([]byte(c), int(syn.Offset), syn.Error())
	}
	if got := checkSyntax([]byte(c)); !reflect.DeepEqual(got, want) {
		t.Fatalf("%.80q: got %v, encoding/json %v", c, got, want)
	}
	if want != nil {
		return
	}
	// Strings read as encoding/json reads them, invalid UTF-8 and lone
	// surrogates included.
	var walk func(v []byte)
	walk = func(v []byte) {
		switch v[0] {
		case '"':
			var s string
			if err := json.Unmarshal(v, &s); err != nil || stringValue(v) != s {
				t.Fatalf("%.80q: string %q read as %q, encoding/json %q (%v)", c, v, stringValue(v), s, err)
			}
		case '[', '{':
			var names map[string]json.RawMessage
			if v[0] == '{' && json.Unmarshal(v, &names) != nil {
				t.Fatalf("%.80q: encoding/json cannot read %q", c, v)
			}
			members(v, func(name string, e []byte) {
				if _, ok := names[name]; v[0] == '{' && !ok {
					t.Fatalf("%.80q: member %q, encoding/json has %v", c, name, reflect.ValueOf(names).MapKeys())
				}
				walk(e)
			})
		}
	}
	walk(topValue([]byte(c)))
}

func FuzzSyntax(f *testing.F) {
	for _, c := range append(syntaxCases, fastCases...) {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, c string) { compareSyntax(t, c) })
}
