//go:build jsontextproto

package paper

import (
	"bytes"
	"strings"
	"unsafe"

	"github.com/go-json-experiment/json/jsontext"
)

// DecodeJSONText is a prototype of decodeFast on jsontext (issue 21): a
// list without problems, its strings sharing data's bytes where they have
// no escapes; false for anything else, which the general decoder names.
func DecodeJSONText(data []byte) (List, bool) {
	dec := jsontext.NewDecoder(bytes.NewBuffer(data))
	var list List
	switch dec.PeekKind() {
	case '[':
		if !jtPapers(dec, &list) {
			return List{}, false
		}
	case '{':
		if _, err := dec.ReadToken(); err != nil {
			return List{}, false
		}
		seen := false
		for dec.PeekKind() != '}' {
			k, err := dec.ReadValue()
			if err != nil {
				return List{}, false
			}
			switch string(k) {
			case `"title"`:
				v, err := dec.ReadValue()
				if err != nil || v.Kind() != '"' {
					return List{}, false
				}
				if list.Title, err = jtString(v); err != nil {
					return List{}, false
				}
			case `"papers"`:
				if seen || !jtPapers(dec, &list) {
					return List{}, false
				}
				seen = true
			default:
				if dec.SkipValue() != nil {
					return List{}, false
				}
			}
		}
		if _, err := dec.ReadToken(); err != nil || !seen {
			return List{}, false
		}
	default:
		return List{}, false
	}
	if _, err := dec.ReadToken(); err == nil {
		return List{}, false // more after the list
	}
	return list, true
}

func jtPapers(dec *jsontext.Decoder, list *List) bool {
	if t, err := dec.ReadToken(); err != nil || t.Kind() != '[' {
		return false
	}
	seen := map[string]bool{}
	list.Papers = []Paper{}
	start := dec.InputOffset()
	for dec.PeekKind() != ']' {
		if len(list.Papers) == 64 {
			// Sized from the papers read so far, as Stream does.
			est := int(float64(dec.InputOffset()+int64(len(dec.UnreadBuffer()))-start) / float64(dec.InputOffset()-start) * 64 * 1.05)
			list.Papers = append(make([]Paper, 0, est), list.Papers...)
			sized := make(map[string]bool, est)
			for k := range seen {
				sized[k] = true
			}
			seen = sized
		}
		var p Paper
		if !jtPaper(dec, &p) || seen[p.ID] {
			return false
		}
		seen[p.ID] = true
		list.Papers = append(list.Papers, p)
	}
	_, err := dec.ReadToken()
	return err == nil
}

func jtPaper(dec *jsontext.Decoder, p *Paper) bool {
	if t, err := dec.ReadToken(); err != nil || t.Kind() != '{' {
		return false
	}
	for dec.PeekKind() != '}' {
		k, err := dec.ReadValue()
		if err != nil {
			return false
		}
		var dst *string
		var list *[]string
		var check func(string) string
		switch string(k) {
		case `"id"`:
			dst = &p.ID
		case `"title"`:
			dst = &p.Title
		case `"abstract"`:
			dst = &p.Abstract
		case `"date"`:
			dst, check = &p.Date, checkDate
		case `"venue"`:
			dst = &p.Venue
		case `"url"`:
			dst, check = &p.URL, checkLink
		case `"pdf"`:
			dst, check = &p.PDF, checkLink
		case `"doi"`:
			dst = &p.DOI
		case `"arxiv"`:
			dst = &p.Arxiv
		case `"bibtex"`:
			dst = &p.Bibtex
		case `"authors"`:
			list = &p.Authors
		case `"tags"`:
			list = &p.Tags
		default:
			if dec.SkipValue() != nil {
				return false
			}
			continue
		}
		if list != nil {
			if t, err := dec.ReadToken(); err != nil || t.Kind() != '[' {
				return false
			}
			out := []string{}
			for dec.PeekKind() != ']' {
				v, err := dec.ReadValue()
				if err != nil || v.Kind() != '"' {
					return false
				}
				s, err := jtString(v)
				if err != nil {
					return false
				}
				out = append(out, s)
			}
			if _, err := dec.ReadToken(); err != nil {
				return false
			}
			*list = out
			continue
		}
		v, err := dec.ReadValue()
		if err != nil || v.Kind() != '"' {
			return false
		}
		s, err := jtString(v)
		if err != nil {
			return false
		}
		s = strings.TrimSpace(s)
		if check != nil && check(s) != "" {
			return false
		}
		*dst = s
	}
	if _, err := dec.ReadToken(); err != nil {
		return false
	}
	return p.ID != "" && p.Title != "" && checkID(p.ID) == "" && !overLimits(p)
}

// jtString is v's string, sharing v's bytes when it has no escapes.
func jtString(v jsontext.Value) (string, error) {
	if bytes.IndexByte(v, '\\') < 0 {
		if len(v) == 2 {
			return "", nil
		}
		return unsafe.String(&v[1], len(v)-2), nil
	}
	b, err := jsontext.AppendUnquote(nil, v)
	return string(b), err
}

// DecodeGeneral is the general decoder alone, for measuring app.wasm's size
// without the hand-written readers.
func DecodeGeneral(data []byte) (List, []Problem, error) { return decodeSlow(data) }
