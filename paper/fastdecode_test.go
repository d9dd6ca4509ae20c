package paper

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unsafe"
)

var fastCases = []string{
	`[]`, `{"papers":[]}`, `{"title":"T","papers":[]}`, `{"papers":null}`, `{"Papers":[]}`, `{"title":null,"papers":[]}`,
	`[{"id":"a","title":"A"}]`,
	`{"x":[1,{"y":null},-0.5e+3,true,false],"papers":[{"id":"a","title":"  A  ","abstract":" x ","authors":[],"tags":["t"," u "]}]}`,
	`[{"id":"a","title":"A\u00e9\n\"q\"","abstract":"\ud83e\udde0"}]`,
	`[{"id":"a","title":"A","date":"2024-13-01"},{"id":"b","title":"B","url":"javascript:x"}]`,
	`[{"id":"a","title":"A"},{"id":"a","title":"again"}]`,
	`[{"id":"a b","title":"A"},{"title":"B"},{"id":"c","title":""},{"id":"d","title":5},3,null,"x"]`,
	`[{"id":"a","title":"A","authors":"x"},{"id":"b","title":"B","tags":[1]},{"id":"c","title":"C","authors":[null]}]`,
	`[{"id":"a","title":"A","id":"b"}]`, `[{"id":"a","title":"A","abstract":null,"venue":7}]`,
	`[{"id":"a","title":"A"},]`, `[{"id":"a","title":"A"}] x`, `[01]`, `[1.]`, `[tru]`, `{"papers":[],}`, `[{"id":"a\x01","title":"A"}]`,
	`{"papers":[{"id":"a","title":"A"}],"papers":[]}`, `{"tit\u006ce":"x","papers":[]}`, `{"papers":{}}`, `"x"`, `  [ { "id" : "a" , "title" : "A" } ]  `,
	"[{\"id\":\"a\",\"title\":\"Na\xc3\xafve \xff\"}]", "[{\"id\":\"a\",\"title\":\"\xed\xa0\x80 x\"}]", "[{\"id\":\"a\",\"title\":\"\xc3\"}]",
	// Escapes unescaped in place, then a problem later in the same paper or
	// list: the general decoder must read the original bytes.
	`[{"id":"a","title":"A \"q\" \\alpha \u003c\/b\u003e","abstract":"\ud83e\udde0 \ud800 \ud800\u0041 \udc00\ud800 \t","authors":["\u00c9mile"]}]`,
	`[{"id":"a","title":"A \"q\"","authors":["\u00c9mile"],"date":"2024-13"},{"id":"b","title":"\u0042","url":"javascript:x"}]`,
	`{"title":"L \"x\"","papers":[{"id":"a","title":"\"A\""}],"x":tru}`, `{"title":"L \"x\"","papers":{}}`,
	`{"title":"L \"x\" \u00e9","papers":[{"id":"a","title":"A","date":"bad"},{"id":"b","title":"B"}]}`,
	`[{"id":"a","title":"\"A\"","tags":["\u0074",1]}]`, `[{"id":"a","title":"\"A\"","id":"b"}]`,
	`{"title":"Lab","highlight":["Jane Doe","J. Do\u00e9"],"papers":[{"id":"a","title":"A","code":"https://example.org/code"},{"id":"b","title":"B","code":"ftp://x"}]}`,
	`{"highlight":[],"papers":[]}`, `{"highlight":null,"papers":[]}`, `{"highlight":"Jane","papers":[]}`, `{"highlight":["a"],"highlight":["b"],"papers":[]}`,
	`{"Highlight":["a"],"papers":[]}`, `[{"id":"a","title":"A","selected":true},{"id":"b","title":"B","selected":false},{"id":"c","title":"C","selected":"yes"},{"id":"d","title":"D","selected":null}]`,
	`[{"id":"a","title":"A","venue":"Advances in Neural Information Processing Systems","abbr":"NeurIPS"},{"id":"b","title":"B","abbr":7}]`,
	`[{"id":"a","title":"A","selected":true,"selected":false}]`, `[{"id":"a","title":"A","selected":tru}]`, `[{"id":"a","title":"A","code":"https://example.org/\u200b"}]`,
	"[{\"id\":\"a\",\"title\":\"Über naïve 🧠 café, long enough to span words\"}]\xc3\xa9", "\xef\xbb\xbf[]",
}

// TestFastMatchesGeneral checks that the fast decoder, when it answers,
// answers exactly what the general decoder does.
func TestFastMatchesGeneral(t *testing.T) {
	cases := fastCases
	for _, f := range []string{"../data/papers.json", "../e2e/testdata/good.json", "../e2e/testdata/invalid.json"} {
		if b, err := os.ReadFile(f); err == nil {
			cases = append(cases, string(b))
		}
	}
	for _, c := range cases {
		compareDecoders(t, c)
	}
}

func compareDecoders(t *testing.T, c string) {
	t.Helper()
	fl, fp, ok := decodeFast([]byte(c), nil)
	sl, sp, serr := decodeSlow([]byte(c))
	// DecodeShared unescapes in place before it may give up on a paper or
	// the list: the general decoder must still read what was sent.
	if doc, err := document([]byte(c)); err == nil {
		gl, gp, gerr := decodeSlow(doc)
		if dl, dp, derr := DecodeShared([]byte(c), nil); !reflect.DeepEqual(dl, gl) || !reflect.DeepEqual(dp, gp) || fmt.Sprint(derr) != fmt.Sprint(gerr) {
			t.Fatalf("%.80q:\nshared  %+v %+v %v\ngeneral %+v %+v %v", c, dl, dp, derr, gl, gp, gerr)
		}
	}
	if !ok {
		return
	}
	if serr != nil {
		t.Fatalf("%.80q: fast decoder accepted what the general one rejects: %v", c, serr)
	}
	if !reflect.DeepEqual(fl, sl) || !reflect.DeepEqual(fp, sp) {
		t.Fatalf("%.80q:\nfast    %+v %+v\ngeneral %+v %+v", c, fl, fp, sl, sp)
	}
}

func TestFastDecoderIsUsed(t *testing.T) {
	b, err := os.ReadFile("../data/papers.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := decodeFast(b, nil); !ok {
		t.Fatal("the bundled list falls back to the general decoder")
	}
	// Both passes over 5,001 papers pause twice: checking the document
	// (400 ms at 100,000 papers in the browser) as well as reading it.
	pauses := 0
	big := "[" + strings.Repeat(`{"id":"x","title":"T"},`, 5000) + `{"id":"y","title":"T"}]`
	l, _, err := DecodeShared([]byte(big), func() { pauses++ })
	if err != nil || len(l.Papers) != 2 || pauses != 4 {
		t.Fatalf("DecodeShared: %d papers, %d pauses (want 4), %v", len(l.Papers), pauses, err)
	}
}

// TestEscapedStringsShareData checks that DecodeShared keeps escaped
// strings in the caller's bytes too: copying them would hold a quarter of a
// typical list twice (encoding/json escapes every "<" and "&").
func TestEscapedStringsShareData(t *testing.T) {
	data := []byte(`[{"id":"a","title":"Spikes \u003c 5 \u0026 \"LTP\"","abstract":"\\alpha\tx","authors":["Jos\u00e9"]}]`)
	l, problems, err := DecodeShared(data, nil)
	if err != nil || len(problems) > 0 || len(l.Papers) != 1 {
		t.Fatalf("decoded %+v, %v, %v", l, problems, err)
	}
	p := l.Papers[0]
	inData := func(s string) bool {
		at := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		start := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
		return at >= start && at+uintptr(len(s)) <= start+uintptr(len(data))
	}
	for _, s := range []string{p.Title, p.Abstract, p.Authors[0]} {
		if !inData(s) {
			t.Errorf("%q was copied out of the fetched bytes", s)
		}
	}
	if p.Title != `Spikes < 5 & "LTP"` || p.Abstract != "\\alpha\tx" || p.Authors[0] != "José" {
		t.Errorf("unescaped %q, %q, %q", p.Title, p.Abstract, p.Authors[0])
	}
}

func FuzzFastDecoder(f *testing.F) {
	for _, c := range fastCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, c string) { compareDecoders(t, c) })
}

// TestCheckDateMatchesPattern compares checkDate with the pattern it
// replaced.
func TestCheckDateMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`)
	ref := func(s string) bool {
		m := re.FindStringSubmatch(s)
		return m != nil && (m[2] == "" || m[2] >= "01" && m[2] <= "12") && (m[3] == "" || m[3] >= "01" && m[3] <= "31")
	}
	for _, s := range []string{"", "2024", "2024-", "2024-1", "2024-01", "2024-00", "2024-12", "2024-13", "2024-01-01",
		"2024-01-00", "2024-01-31", "2024-01-32", "2024-1-01", "2024/01/01", "20x4", "2024-01-01 ", " 2024", "２０２４",
		"2024-01-01T00", "12345", "2024-99-99", "0000-01-01", "2024-0a"} {
		if got := checkDate(s) == ""; got != ref(s) {
			t.Errorf("checkDate(%q) accepts: %v, pattern: %v", s, got, ref(s))
		}
	}
}

// TestCheckLinkFastAgreesWithCheckLink checks the shortcut for plain links
// against checkLink on links plain and not: it may only pass what
// checkLink passes, and must refuse what it refuses.
func TestCheckLinkFastAgreesWithCheckLink(t *testing.T) {
	for _, s := range []string{
		"https://arxiv.org/abs/2403.01234", "http://example.org", "https://example.org/", "https://Example.ORG/a_b~c/d?x=1&y=2#top",
		"https://a-b.example/p(1)/q;r,s:t@u!v$w*x+y'z", "https://doi.org/10.1000/xyz%20abc", "https://doi.org/%zz",
		"https:///nohost", "https://", "http://", "https://host:8080/x", "https://host:port/x", "https://user@host/x",
		"https://host?x", "https://host#f", "https://[::1]/x", "ftp://example.org/x", "javascript:alert(1)", "HTTPS://example.org/x",
		"https://exa mple.org/", "https://example.org/a b", `https://example.org/"`, "https://example.org/<x>", "https://example.org/\\",
		"https://example.org/é", "https://ex\u200bample.org/", "https://example.org/a%2", "https://-/", "https://../x", "//example.org/x",
	} {
		if got, want := checkLinkFast(s), checkLink(s); got != want {
			t.Errorf("checkLinkFast(%q) = %q, checkLink says %q", s, got, want)
		}
	}
}
