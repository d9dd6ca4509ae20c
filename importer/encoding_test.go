package importer

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xfeff}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// Every way a real file says how it is encoded is read: the title and
// author come out the same, whichever bytes carried them.
func TestEncodings(t *testing.T) {
	const bib = "@article{k,\n  title = {Caf\u00e9 \u2013 na\u00efve},\n  author = {M\u00fcller, J\u00f6rg},\n  year = 2001\n}\n"
	latin1 := func(s string) []byte {
		var b []byte
		for _, r := range s {
			b = append(b, byte(r))
		}
		return b
	}
	cp1252 := strings.ReplaceAll(bib, "\u2013", "\u0096") // 0x96 is the en dash in windows-1252
	cases := map[string][]byte{
		"UTF-8":                 []byte(bib),
		"UTF-8 with BOM":        append([]byte("\xef\xbb\xbf"), bib...),
		"UTF-16LE with BOM":     utf16Bytes(bib, false, true),
		"UTF-16BE with BOM":     utf16Bytes(bib, true, true),
		"UTF-16LE without BOM":  utf16Bytes("% Encoding: UTF-16LE\n"+bib, false, false),
		"JabRef windows-1252":   append([]byte("% This file was created with JabRef 2.10.\n% Encoding: windows-1252\n\n"), latin1(cp1252)...),
		"JabRef Cp1252":         append([]byte("% Encoding: Cp1252\n"), latin1(cp1252)...),
		"JabRef UTF-8":          []byte("% Encoding: UTF-8\n" + bib),
		"UTF-8 declared cp1252": []byte("% Encoding: windows-1252\n" + bib),
		"declared ISO-8859-1":   append([]byte("% Encoding: ISO-8859-1\n"), latin1(strings.ReplaceAll(bib, "\u2013", "-"))...),
		"declared latin1":       append([]byte("% Encoding: latin1\n"), latin1(strings.ReplaceAll(bib, "\u2013", "-"))...),
	}
	for name, data := range cases {
		l, ws, err := Parse("x.bib", data, "")
		if err != nil || len(l.Papers) != 1 || len(ws) != 0 {
			t.Errorf("%s: %v, %v, %+v", name, err, ws, l.Papers)
			continue
		}
		title := "Café – naïve"
		if strings.Contains(name, "ISO") || strings.Contains(name, "latin1") {
			title = "Café - naïve"
		}
		if p := l.Papers[0]; p.Title != title || len(p.Authors) != 1 || p.Authors[0] != "Jörg Müller" {
			t.Errorf("%s: got %q by %q", name, p.Title, p.Authors)
		}
	}

	atom := `<?xml version="1.0" encoding="ISO-8859-1"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>` +
		`<id>http://arxiv.org/abs/2401.00001v1</id><title>Caf` + "\xe9" + `</title></entry></feed>`
	if l, _, err := Parse("q.xml", []byte(atom), ""); err != nil || len(l.Papers) != 1 || l.Papers[0].Title != "Café" {
		t.Errorf("latin-1 Atom: %v %+v", err, l.Papers)
	}
	csl := utf16Bytes(`[{"id": "a", "type": "book", "title": "Caf`+"\u00e9"+`"}]`, false, true)
	if l, _, err := Parse("z.json", csl, ""); err != nil || len(l.Papers) != 1 || l.Papers[0].Title != "Café" {
		t.Errorf("UTF-16 CSL-JSON: %v %+v", err, l.Papers)
	}
}

func TestEncodingErrors(t *testing.T) {
	for name, c := range map[string]struct{ in, want string }{
		"undeclared":       {"@misc{a, title={ok}}\n\n@misc{b, title={M\xfcller}}", "x.bib:3: not UTF-8 text"},
		"declared UTF-8":   {"% Encoding: UTF-8\n@misc{b, title={M\xfcller}}", "x.bib:2: not UTF-8 text"},
		"unknown encoding": {"\n% Encoding: klingon-7\n@misc{b, title={M\xfcller}}", `x.bib:2: unknown encoding "klingon-7" declared`},
		"not UTF-8 JSON":   {`[{"id": "a", "title": "M` + "\xfc" + `ller"}]`, "x.bib:1: not UTF-8 text"},
	} {
		if _, _, err := Parse("x.bib", []byte(c.in), ""); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %s…", name, err, c.want)
		}
	}
}
