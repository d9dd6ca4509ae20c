package widget

import (
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

// A list that was read but holds no paper says so in every language; a list
// that could not be read shows only its alert.
func TestEmptyListSaysSo(t *testing.T) {
	for lang, want := range map[string]string{"en": "This list has no papers.", "de": "Diese Liste enthält keine Publikationen.", "fr": "Cette liste ne contient aucune publication."} {
		if html := render(t, New().List(paper.List{}).Lang(lang)); !strings.Contains(html, want) {
			t.Errorf("%s: an empty list does not say %q", lang, want)
		}
	}
	if html := render(t, New().LoadError("Could not read the paper list x.json: bad.")); strings.Contains(html, "This list has no papers") {
		t.Error("a list that could not be read is also called empty")
	}
}
