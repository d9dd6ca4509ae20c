package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// go-app pre-renders false booleans as `selected="false"`, which browsers
// read as selected; after fixBooleans only the true ones remain, bare.
func TestFalseBooleansAreLeftOut(t *testing.T) {
	ui := app.Div().Body(
		app.Select().Body(
			app.Option().Value("newest").Selected(false).Text(`say selected="false"`),
			app.Option().Value("title").Selected(true).Text("Title"),
		),
		app.Div().Hidden(false).Title(`x selected="false"`).Text("shown"),
		app.Details().Open(false),
	)
	page := filepath.Join(t.TempDir(), "index.html")
	if err := os.WriteFile(page, []byte(app.HTMLString(ui)), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(page)
	if !strings.Contains(string(before), ` selected="false"`) {
		t.Fatalf("go-app no longer writes false booleans as values; is fixBooleans still needed?\n%s", before)
	}
	if err := fixBooleans(page); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(page)
	s := string(got)
	for _, gone := range []string{` selected="false"`, ` hidden="false"`, ` open="false"`} {
		if strings.Contains(s, gone) {
			t.Errorf("%s left in:\n%s", gone, s)
		}
	}
	// go-app writes attributes in map order.
	for _, tag := range regexp.MustCompile(`<option[^>]*>`).FindAllString(s, -1) {
		if selected := regexp.MustCompile(` selected[ >]`).MatchString(tag); selected != strings.Contains(tag, `"title"`) {
			t.Errorf("option %s: selected %v", tag, selected)
		}
	}
	for _, kept := range []string{`say selected=&#34;false&#34;`, `title="x selected=\"false\""`} {
		if !strings.Contains(s, kept) {
			t.Errorf("lost %s:\n%s", kept, s)
		}
	}
}
