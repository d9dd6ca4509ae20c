package paper

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
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
	pauses := 0
	big := "[" + strings.Repeat(`{"id":"x","title":"T"},`, 5000) + `{"id":"y","title":"T"}]`
	l, _, err := DecodeShared([]byte(big), func() { pauses++ })
	if err != nil || len(l.Papers) != 2 || pauses == 0 {
		t.Fatalf("DecodeShared: %d papers, %d pauses, %v", len(l.Papers), pauses, err)
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
