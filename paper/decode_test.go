package paper

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestDecodeAcceptsObjectAndBareArray(t *testing.T) {
	for name, in := range map[string]string{
		"object":      `{"title": "Lab", "papers": [{"id": "a", "title": "A"}, {"id": "b", "title": "B", "authors": ["X"], "date": "2024-03-11", "url": "https://x.org/b"}]}`,
		"bare array":  `[{"id": "a", "title": "A"}, {"id": "b", "title": "B", "authors": ["X"], "date": "2024-03-11", "url": "https://x.org/b"}]`,
		"with BOM":    "\xef\xbb\xbf" + `[{"id": "a", "title": "A"}, {"id": "b", "title": "B", "authors": ["X"], "date": "2024-03-11", "url": "https://x.org/b"}]`,
		"unknown key": `{"papers": [{"id": "a", "title": "A", "stars": 5}, {"id": "b", "title": "B", "authors": ["X"], "date": "2024-03-11", "url": "https://x.org/b"}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			l, problems, err := Decode([]byte(in))
			if err != nil || len(problems) > 0 {
				t.Fatalf("err %v, problems %v", err, problems)
			}
			if len(l.Papers) != 2 || l.Papers[1].Authors[0] != "X" || l.Papers[1].URL != "https://x.org/b" {
				t.Errorf("decoded %+v", l.Papers)
			}
		})
	}
}

func TestDecodeFatalErrorsSayWhere(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"empty", "  \n", "the list is empty"},
		{"syntax", "{\n  \"papers\": [\n    {\"id\": \"a\",, }\n  ]\n}", "line 3, column 16: invalid character ','"},
		{"truncated", `[{"id": "a"`, "unexpected end of JSON input"},
		{"wrong top level", `"papers"`, "want an object with \"papers\" or an array of papers, got a string"},
		{"no papers key", `{"items": []}`, `missing "papers"`},
		{"papers not array", `{"papers": {"id": "a"}}`, `"papers" must be an array, got an object`},
		{"title not string", `{"title": 3, "papers": []}`, `"title" must be a string, got a number`},
		{"invalid utf-8 outside strings", "[\n\xff]", "line 2, column 1: invalid character"},
		{"deep nesting", strings.Repeat("[", 20000) + strings.Repeat("]", 20000), "exceeded max depth"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Decode([]byte(c.in))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to contain %q", err, c.want)
			}
		})
	}
	_, _, err := Decode([]byte("[\n  1,\n  }"))
	var syn *SyntaxError
	if !errors.As(err, &syn) || syn.Line != 3 {
		t.Errorf("want a *SyntaxError on line 3, got %v", err)
	}
}

func TestDecodeNamesBadPapersAndKeepsTheRest(t *testing.T) {
	in := `[
	  {"id": "ok", "title": "Fine", "date": "2024"},
	  {"id": "no-title"},
	  {"id": "x", "title": 42},
	  "not an object",
	  {"id": "ok", "title": "Same id again"},
	  {"id": "bad-date", "title": "T", "date": "2024-13-01"},
	  {"id": "js-link", "title": "T", "url": "javascript:alert(1)", "pdf": "//evil.example/x.pdf"},
	  {"id": "types", "title": "T", "authors": "A. Author", "tags": [1, 2], "abstract": {"en": "x"}},
	  {"id": "with space", "title": "T"},
	  {"id": "quote\"id", "title": "T"},
	  {"id": "  ", "title": "T"},
	  {"id": "ok2", "title": "  Trimmed  ", "url": "https://example.org/a\"onmouseover=x"}
	]`
	l, problems, err := Decode([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range l.Papers {
		ids = append(ids, p.ID)
	}
	if got := strings.Join(ids, ","); got != "ok,bad-date,js-link,types,ok2" {
		t.Errorf("kept %s", got)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		"papers[1].title: missing (required)",
		"papers[2].title: must be a string, got a number",
		"papers[3]: want an object, got a string",
		`papers[4].id: duplicate id "ok" (first used by papers[0])`,
		`papers[5].date: "2024-13-01" is not a date (want YYYY, YYYY-MM or YYYY-MM-DD)`,
		`papers[6].url: "javascript:alert(1)" is not an http(s) link`,
		`papers[6].pdf: "//evil.example/x.pdf" is not an http(s) link`,
		"papers[7].authors: must be an array of strings, got a string",
		"papers[7].tags: must be an array of strings, got an array",
		"papers[7].abstract: must be a string, got an object",
		`papers[8].id: "with space" may not contain spaces`,
		`papers[9].id: "quote\"id" may not contain`,
		"papers[10].id: is empty (required)",
		`papers[11].url: "https://example.org/a\"onmouseover=x" is not a valid link`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q; got:\n%s", want, all)
		}
	}
	if l.Papers[1].Date != "" || l.Papers[2].URL != "" || l.Papers[3].Authors != nil {
		t.Error("invalid fields were kept")
	}
	if l.Papers[4].Title != "Trimmed" {
		t.Errorf("title %q not trimmed", l.Papers[4].Title)
	}
}

func TestInvalidUTF8IsNamedAndReplaced(t *testing.T) {
	l, problems, err := Decode([]byte("[{\"id\": \"a\", \"title\": \"Na\xefve\", \"abstract\": \"ok\"}, {\"id\": \"b\", \"title\": \"B\"}]"))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Papers) != 2 || l.Papers[0].Title != "Na\uFFFDve" {
		t.Errorf("papers %+v", l.Papers)
	}
	if len(problems) != 1 || problems[0].Error() != "papers[0].title: contains invalid UTF-8, shown as �" {
		t.Errorf("problems %v", problems)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Neuro-Modulated Hebbian Learning":     "neuro-modulated-hebbian-learning",
		"Fast & Slow Learning: Synthetic (v2)": "fast-slow-learning-synthetic-v2",
		"  ":                                   "paper",
		"Über Naïve Straße":                    "uber-naive-strasse",
		"Ελληνικά words":                       "words",
		"a Ελ Ελ b":                            "a-b",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Slug(strings.Repeat("word ", 50)); len(got) > 80 || strings.HasSuffix(got, "-") {
		t.Errorf("long slug %q", got)
	}
}

// Invisible characters in ids and links would reach index.html escaped
// ("\u200b"), so the pre-rendered permalinks and links would not be the
// live ones: they are refused, naming the paper, the field and the
// character.
func TestInvisibleCharactersInIDsAndLinks(t *testing.T) {
	in := `[
	  {"id": "zero\u200bwidth", "title": "T"},
	  {"id": "rlo\u202egnp", "title": "T"},
	  {"id": "ok", "title": "T", "url": "https://example.org/a\u200b", "pdf": "https://example.org/\u2066x.pdf"},
	  {"id": "café-2024", "title": "Accents are fine", "url": "https://example.org/café"}
	]`
	for name, decode := range map[string]func([]byte) (List, []Problem, error){"Decode": Decode, "DecodeShared": func(b []byte) (List, []Problem, error) { return DecodeShared(b, nil) }} {
		l, problems, err := decode([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, p := range l.Papers {
			ids = append(ids, p.ID)
		}
		if got := strings.Join(ids, ","); got != "ok,café-2024" {
			t.Errorf("%s kept %s", name, got)
		}
		if l.Papers[0].URL != "" || l.Papers[0].PDF != "" || l.Papers[1].URL == "" {
			t.Errorf("%s links kept: %+v", name, l.Papers)
		}
		var msgs []string
		for _, p := range problems {
			msgs = append(msgs, p.Error())
		}
		all := strings.Join(msgs, "\n")
		for _, want := range []string{
			`papers[0].id: "zero\u200bwidth" may not contain spaces, quotes, <, >, \, control or invisible characters (it contains U+200B, which is invisible)`,
			`papers[1].id: "rlo\u202egnp" may not contain`,
			`(it contains U+202E, which is invisible)`,
			`papers[2].url: "https://example.org/a\u200b" is not a valid link`,
			`papers[2].pdf: "https://example.org/\u2066x.pdf" is not a valid link`,
		} {
			if !strings.Contains(all, want) {
				t.Errorf("%s problems lack %q; got:\n%s", name, want, all)
			}
		}
	}
}

func TestSelectedAndCode(t *testing.T) {
	l, problems, err := Decode([]byte(`{"highlight": ["Jane Doe"], "papers": [
	  {"id": "a", "title": "A", "selected": true, "code": "https://example.org/a", "abbr": " NeurIPS "},
	  {"id": "b", "title": "B", "selected": "yes", "code": "git@example.org:b.git"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if !l.Papers[0].Selected || l.Papers[0].Code != "https://example.org/a" || l.Papers[0].Abbr != "NeurIPS" || l.Papers[1].Selected || l.Papers[1].Code != "" {
		t.Errorf("papers %+v", l.Papers)
	}
	if !slices.Equal(l.Highlight, []string{"Jane Doe"}) {
		t.Errorf("highlight %v", l.Highlight)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Error())
	}
	want := []string{`papers[1].code: "git@example.org:b.git" is not an http(s) link`, "papers[1].selected: must be true or false, got a string"}
	if !slices.Equal(msgs, want) {
		t.Errorf("problems %q, want %q", msgs, want)
	}
	if _, _, err := Decode([]byte(`{"highlight": "Jane Doe", "papers": []}`)); err == nil || err.Error() != `"highlight" must be an array of author names, got a string` {
		t.Errorf("a highlight that is not a list: %v", err)
	}
}
