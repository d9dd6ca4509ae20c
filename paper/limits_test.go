package paper

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile is a list with one paper over every limit, between two ordinary
// ones, as someone else's file may hold.
func hostile(t *testing.T) []byte {
	t.Helper()
	names := func(n int, prefix string) []string {
		l := make([]string, n)
		for i := range l {
			l[i] = prefix + strings.Repeat("x", i%3)
		}
		return l
	}
	long := Paper{
		ID:       "hostile",
		Title:    strings.Repeat("hebbian ", 1<<17), // 1 MB
		Abstract: strings.Repeat("plasticité ", 5000),
		Authors:  append(names(100_000, "Ada Lovelace"), strings.Repeat("Q", 1000)),
		Tags:     names(100_000, "tag"),
		Venue:    strings.Repeat("NeurIPS ", 200),
		URL:      "https://example.org/" + strings.Repeat("a", 3000),
		Bibtex:   "@article{x,\n" + strings.Repeat("  note = {n},\n", 5000) + "}",
	}
	list := List{Papers: []Paper{{ID: "a", Title: "Before"}, long, {ID: "b", Title: "After", Authors: []string{"B. Author"}}}}
	data, err := json.Marshal(list)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDecodeCutsFieldsOverTheLimits(t *testing.T) {
	l, problems, err := Decode(hostile(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Papers) != 3 {
		t.Fatalf("want the 3 papers kept, got %d", len(l.Papers))
	}
	p := l.Papers[1]
	for _, f := range []struct {
		name string
		s    string
		max  int
	}{{"title", p.Title, MaxTitle}, {"abstract", p.Abstract, MaxAbstract}, {"venue", p.Venue, MaxText}, {"bibtex", p.Bibtex, MaxBibtex}} {
		if n := utf8.RuneCountInString(f.s); n != f.max || !strings.HasSuffix(f.s, "…") {
			t.Errorf("%s: %d characters ending %q, want %d and …", f.name, n, f.s[len(f.s)-10:], f.max)
		}
	}
	if !strings.HasPrefix(p.Title, "hebbian hebbian") {
		t.Errorf("title cut from the wrong end: %.40q", p.Title)
	}
	if len(p.Authors) != MaxAuthors || len(p.Tags) != MaxTags {
		t.Errorf("%d authors and %d tags kept, want %d and %d", len(p.Authors), len(p.Tags), MaxAuthors, MaxTags)
	}
	if p.URL != "" {
		t.Errorf("a link of 3,000 bytes was kept")
	}
	want := map[string]string{
		"papers[1].title":    "papers[1].title: is 1048575 characters long: cut to 500",
		"papers[1].authors":  "papers[1].authors: has 100001 entries: only the first 100 are kept",
		"papers[1].tags":     "papers[1].tags: has 100000 entries: only the first 50 are kept",
		"papers[1].abstract": "papers[1].abstract: is 54999 characters long: cut to 20000",
	}
	for _, pr := range problems {
		if pr.Skipped || pr.Index != 1 {
			t.Errorf("unexpected problem %v", pr)
		}
		if len(pr.Error()) > 200 {
			t.Errorf("message of %d bytes: %.100q", len(pr.Error()), pr.Error())
		}
		key := "papers[1]." + pr.Field
		if w, ok := want[key]; ok && pr.Error() != w {
			t.Errorf("got %q, want %q", pr.Error(), w)
		}
		delete(want, key)
	}
	for _, w := range want {
		t.Errorf("no problem %q", w)
	}
	if l.Papers[2].Authors[0] != "B. Author" {
		t.Errorf("the paper after was changed: %+v", l.Papers[2])
	}
}

// The fast decoder leaves a paper over the limits to the general decoder's
// reading of that paper, which cuts it and says so; the streaming one
// leaves the whole list to them.
func TestFastAndStreamDecodersKeepTheLimits(t *testing.T) {
	data := hostile(t)
	l, problems, ok := decodeFast(data, func() {})
	if !ok || len(l.Papers) != 3 || len(problems) == 0 || len(l.Papers[1].Title) > 4*MaxTitle+3 {
		t.Errorf("fast decoder: ok %v, %d papers, %d problems, title of %d bytes", ok, len(l.Papers), len(problems), len(l.Papers[1].Title))
	}
	if _, _, ok := Stream(bytes.NewReader(data), len(data), func() {}, func(*Paper, string) {}); ok {
		t.Error("Stream read a paper over the limits itself")
	}
}

func TestMessagesQuoteAtMost80Bytes(t *testing.T) {
	date := strings.Repeat("2024-", 400_000) // 2 MB
	in := `[{"id": "a", "title": "A", "date": "` + date + `"}, {"id": "a", "title": "B"}, {"id": "c", "title": "C", "url": "javascript:` + strings.Repeat("é", 1000) + `"}]`
	_, problems, err := Decode([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 3 {
		t.Fatalf("want 3 problems, got %v", problems)
	}
	for _, p := range problems {
		msg := p.Error()
		if len(msg) > 200 || !utf8.ValidString(msg) {
			t.Errorf("message of %d bytes (valid UTF-8: %v): %.120q", len(msg), utf8.ValidString(msg), msg)
		}
	}
	if want := `papers[0].date: "2024-2024-2024-`; !strings.HasPrefix(problems[0].Error(), want) || !strings.Contains(problems[0].Error(), `…" is not a date`) {
		t.Errorf("got %q", problems[0].Error())
	}
}
