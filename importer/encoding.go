package importer

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
)

// Text comes in UTF-8 unless it says otherwise: a byte-order mark (UTF-8,
// UTF-16 as Windows tools write it), a UTF-16 file without one (every other
// byte zero), JabRef's first-line "% Encoding: windows-1252", or an XML
// declaration's encoding="ISO-8859-1". Bytes that are not UTF-8 in a file
// that declares nothing are an error naming their line: guessing would
// garble names silently.

// encodingDecl finds a declaration near the top: JabRef writes it first,
// after at most a "created with JabRef" line.
var encodingDecl = regexp.MustCompile(`(?im)^[ \t]*%[ \t]*Encoding:[ \t]*([A-Za-z0-9._:-]+)|\A<\?xml[^>]*\bencoding=["']([A-Za-z0-9._:-]+)["']`)

const declWindow = 1024

// decodeText returns data as UTF-8 text, or an error naming the file and
// line of the first byte that is not.
func decodeText(name string, data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		return transcode(name, data, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "UTF-16")
	case len(data) >= 2 && data[0] != 0 && data[1] == 0:
		return transcode(name, data, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "UTF-16LE")
	case len(data) >= 2 && data[0] == 0 && data[1] != 0:
		return transcode(name, data, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "UTF-16BE")
	}
	if m := encodingDecl.FindSubmatchIndex(data[:min(len(data), declWindow)]); m != nil {
		var label string
		if m[2] >= 0 {
			label = string(data[m[2]:m[3]])
		} else {
			label = string(data[m[4]:m[5]])
		}
		enc, err := lookupEncoding(label)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, lineOf(data, int64(m[0])), err)
		}
		// A file saved again as UTF-8 often keeps its old declaration;
		// text in a single-byte encoding is almost never valid UTF-8 once
		// it has a non-ASCII letter, so such text is read as UTF-8.
		if enc != nil && !(utf8.Valid(data) && !isASCII(data)) {
			return transcode(name, data, enc, label)
		}
	}
	if line := invalidLine(data); line > 0 {
		return nil, fmt.Errorf("%s:%d: not UTF-8 text (save the file as UTF-8, or declare its encoding in a first line such as %q; BibTeX's own accents such as {\\\"o} work too)",
			name, line, "% Encoding: windows-1252")
	}
	return data, nil
}

// lookupEncoding finds an encoding by any of its IANA or WHATWG names; nil
// means UTF-8, which needs no decoding but still its check.
func lookupEncoding(label string) (encoding.Encoding, error) {
	switch strings.ToLower(strings.ReplaceAll(label, "_", "-")) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return nil, nil
	}
	enc, err := ianaindex.IANA.Encoding(label)
	if err != nil || enc == nil {
		enc, err = htmlindex.Get(label)
	}
	if err != nil || enc == nil {
		return nil, fmt.Errorf("unknown encoding %q declared (want e.g. UTF-8, windows-1252, ISO-8859-1)", label)
	}
	return enc, nil
}

func transcode(name string, data []byte, enc encoding.Encoding, label string) ([]byte, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("%s: not %s text: %v", name, label, err)
	}
	return bytes.TrimPrefix(out, []byte("\xef\xbb\xbf")), nil
}

// invalidLine is the line of the first byte of data that is not UTF-8, 0
// when there is none.
func invalidLine(data []byte) int {
	if utf8.Valid(data) {
		return 0
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return lineOf(data, int64(i))
		}
		i += n
	}
	return 0
}

func isASCII(data []byte) bool {
	for _, b := range data {
		if b >= 0x80 {
			return false
		}
	}
	return true
}
