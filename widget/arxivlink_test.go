package widget

import (
	"strings"
	"testing"

	"github.com/paperwidget/paperwidget/paper"
)

// Old arXiv ids hold a slash (archive/number); the link keeps it as a path,
// which is where arXiv serves them.
func TestOldStyleArxivLink(t *testing.T) {
	l := paper.List{Papers: []paper.Paper{{ID: "cond-mat/0603845", Title: "Spin glass dynamics", Arxiv: "cond-mat/0603845"}}}
	if html := render(t, New().List(l)); !strings.Contains(html, `href="https://arxiv.org/abs/cond-mat/0603845"`) {
		t.Errorf("no arXiv link for an old-style id in\n%s", html)
	}
}
