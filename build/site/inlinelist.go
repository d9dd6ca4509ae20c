package site

import (
	"bytes"
	"fmt"
	"path/filepath"

	"github.com/paperwidget/paperwidget/widget"
)

// inlineList puts the bundled list into the pre-rendered page, in a data
// block at the end of the body that the widget reads instead of fetching
// web/papers.json. The page's rows already hold the list's titles and
// abstracts, so in one brotli stream the copy costs little: page and list
// were 38.5 KB and 35.1 KB apart, 40.1 KB together. A phone on a slow
// network waited for those 35 KB, and for a request of its own, before the
// list could be read.
func inlineList(out string, list []byte) error {
	// json.Marshal writes < as \u003c, so a list cannot end its block
	// early; a list from elsewhere is checked all the same.
	if bytes.Contains(list, []byte("<")) {
		return fmt.Errorf("web/%s cannot be inlined in the page: it contains <", listFile)
	}
	return rewrite(filepath.Join(out, "index.html"), replacement{"</body>",
		fmt.Sprintf(`<script type="application/json" id="%s">%s</script>`+"\n</body>", widget.ListElementID, list)})
}
