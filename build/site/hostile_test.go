package site

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
	"github.com/paperwidget/paperwidget/widget"
)

// go-app writes the page title into <meta content="..."> attributes with
// strconv.Quote, which HTML does not read as escaping: a list title must
// not be able to end the attribute and add markup to the head.
func TestListTitleStaysText(t *testing.T) {
	for _, title := range []string{
		`x"><script>__pwned(1)</script>`,
		`x\"><script>__pwned(2)</script>`,
		`</title><script>__pwned(3)</script>`,
		"\" onload=\"__pwned(4)\" x=\"\u202e",
	} {
		h := handler(paper.List{Title: title}, "/", "v1", 1)
		widget.Route(func() *widget.Widget { return widget.New() })
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
		body := rec.Body.String()
		if !strings.Contains(body, "<title>") {
			t.Fatalf("no page rendered:\n%.500s", body)
		}
		head := body[:strings.Index(body, "</head>")]
		if attr := brokenAttribute(head); attr != "" {
			t.Errorf("title %q ends an attribute early (HTML reads %s):\n%s", title, attr, head)
		}
	}
}

// brokenAttribute finds a quoted attribute value that HTML ends at a quote
// go-app meant as escaped: HTML has no backslash escapes, so a value
// ending in an odd number of backslashes was cut at strconv.Quote's \".
func brokenAttribute(html string) string {
	for rest := html; ; {
		i := strings.Index(rest, `="`)
		if i < 0 {
			return ""
		}
		rest = rest[i+2:]
		j := strings.IndexByte(rest, '"')
		if j < 0 {
			return ""
		}
		value := rest[:j]
		if n := len(value) - len(strings.TrimRight(value, `\`)); n%2 == 1 {
			return `"` + value + `"`
		}
		rest = rest[j+1:]
	}
}
