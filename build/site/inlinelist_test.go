package site

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

func TestListGoesInsideThePage(t *testing.T) {
	out := t.TempDir()
	page := "<!DOCTYPE html><html><head></head><body><div>rows</div></body></html>"
	if err := os.WriteFile(filepath.Join(out, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	// A title that would end the block and run a script, were it written
	// as it reads.
	list := paper.List{Papers: []paper.Paper{{ID: "a", Title: `</script><script>alert(1)</script> <!-- x`}}}
	data, err := json.Marshal(list)
	if err != nil {
		t.Fatal(err)
	}
	if err := inlineList(out, data); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(out, "index.html"))
	html := string(got)
	start := `<script type="application/json" id="paperwidget-list">`
	i := strings.Index(html, start)
	if i < 0 || !strings.HasSuffix(html, "</script>\n</body></html>") {
		t.Fatalf("no data block at the end of the body:\n%s", html)
	}
	block := strings.TrimSuffix(html[i+len(start):], "</script>\n</body></html>")
	if strings.Contains(block, "<") {
		t.Errorf("the block holds a <, which could end it: %s", block)
	}
	var back paper.List
	if err := json.Unmarshal([]byte(block), &back); err != nil || back.Papers[0].Title != list.Papers[0].Title {
		t.Errorf("the block reads back as %+v (%v), want the list", back, err)
	}

	if err := inlineList(out, []byte(`{"title":"</script>"}`)); err == nil || !strings.Contains(err.Error(), "contains <") {
		t.Errorf("a list with a bare < was inlined: %v", err)
	}
}
