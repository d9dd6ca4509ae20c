package e2e

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/paperwidget/paperwidget/internal/labpage"
)

// Item 6 of issue 18: the snippet works on the sites the README names.
// Each test builds a small site with the real generator and the shipped
// shortcode or include, serves it on localhost (another origin than the
// widget's), and waits for the widget to be ready in it.

// writeFiles writes files (path relative to dir -> content).
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// serveDir serves dir on a localhost origin and returns that origin.
func serveDir(t *testing.T, dir string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	return "http://localhost:" + port
}

// checkEmbedded opens url and checks the widget shows there, ready, with
// the query the page asked for, and that no markup shows as text.
func checkEmbedded(t *testing.T, url string) {
	t.Helper()
	p := newPage(t)
	p.run(chromedp.Navigate(url))
	f := frame(t, p, "q=spiking")
	if n := f.count(); n == 0 || n >= 70 {
		t.Errorf("the widget shows %d papers for spiking", n)
	}
	if eval[bool](f, `!!document.querySelector('[role="alert"]')`) {
		t.Errorf("the widget shows an alert: %s", f.text(`[role="alert"]`))
	}
	if title := eval[string](p, `document.querySelector('iframe').title`); title != "Lab papers" {
		t.Errorf("iframe title %q", title)
	}
	if text := eval[string](p, `document.body.innerText`); strings.Contains(text, "<") || strings.Contains(text, "Browse the papers") {
		t.Errorf("the page shows markup or the no-JavaScript link as text:\n%s", text)
	}
	waitSized(t, p, f, "iframe")
	p.noConsoleErrors()
}

func TestEmbedHugoShortcode(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo is missing (apt-get install --no-install-recommends hugo; make tools does): the Hugo shortcode is not tested")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"hugo.toml": "baseURL = \"http://localhost/\"\ntitle = \"Lab\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n" +
			"[params.paperwidget]\nbase = \"" + serverURL + "/\"\n",
		"layouts/_default/single.html":        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>`,
		"layouts/shortcodes/paperwidget.html": readFile(t, "../integrations/hugo/layouts/shortcodes/paperwidget.html"),
		"content/publications.md": "---\ntitle: Publications\n---\n\nOur papers, newest first.\n\n" +
			`{{< paperwidget query="spiking" title="Lab papers" >}}` + "\n\nWrite to us for preprints.\n",
	})
	out := filepath.Join(dir, "public")
	if msg, err := exec.Command(hugo, "--source", dir, "--destination", out, "--quiet").CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, msg)
	}
	checkEmbedded(t, serveDir(t, out)+"/publications/")

	// Without base anywhere the build fails and says where and what to set.
	writeFiles(t, dir, map[string]string{"hugo.toml": "baseURL = \"http://localhost/\"\ntitle = \"Lab\"\n"})
	msg, err := exec.Command(hugo, "--source", dir, "--destination", out).CombinedOutput()
	if err == nil || !regexp.MustCompile(`publications\.md:\d+.*base=`).Match(msg) {
		t.Errorf("hugo without base: %v\n%s", err, msg)
	}
}

func TestEmbedJekyllInclude(t *testing.T) {
	jekyll, err := exec.LookPath("jekyll")
	if err != nil {
		t.Skip("jekyll is missing (apt-get install --no-install-recommends jekyll; make tools does): the Jekyll include is not tested")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	writeFiles(t, src, map[string]string{
		"_config.yml":                "title: Lab\nmarkdown: kramdown\npaperwidget:\n  base: " + serverURL + "/\n",
		"_layouts/default.html":      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ page.title }}</title></head><body><main>{{ content }}</main></body></html>`,
		"_includes/paperwidget.html": readFile(t, "../integrations/jekyll/_includes/paperwidget.html"),
		"publications.md": "---\nlayout: default\ntitle: Publications\n---\n\nOur papers, newest first.\n\n" +
			`{% include paperwidget.html query="spiking" title="Lab papers" %}` + "\n\nWrite to us for preprints.\n",
	})
	out := filepath.Join(dir, "out")
	cmd := exec.Command(jekyll, "build", "--source", src, "--destination", out, "--quiet")
	cmd.Env = append(os.Environ(), "JEKYLL_ENV=production")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("jekyll: %v\n%s", err, msg)
	}
	checkEmbedded(t, serveDir(t, out)+"/publications.html")
}

// The README's snippet, pasted as it is (a WordPress Custom HTML block, a
// plain page) with the README's address replaced by the test widget's.
func TestEmbedReadmeSnippet(t *testing.T) {
	readme := readFile(t, "../README.md")
	section := readme[strings.Index(readme, "## Embed it in any page"):]
	m := regexp.MustCompile("(?s)```html\n(.*?)```").FindStringSubmatch(section)
	if m == nil {
		t.Fatal("no HTML snippet in the README's embed section")
	}
	const published = "https://lab.example.org/papers/"
	if !strings.Contains(m[1], published+"embed.js") {
		t.Fatalf("the README's snippet does not load %sembed.js:\n%s", published, m[1])
	}
	html := strings.ReplaceAll(m[1], published, serverURL+"/")
	html = strings.Replace(html, "<script ", `<script data-query="spiking" data-title="Lab papers" `, 1)
	host := serveLab(t, map[string]string{"/": labpage.HTML(html)})
	checkEmbedded(t, host+"/")
}
