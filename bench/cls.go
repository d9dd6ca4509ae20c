package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"

	"github.com/chromedp/chromedp"

	"github.com/paperwidget/paperwidget/internal/labpage"
)

// embedStability loads a lab page embedding the widget at widget (an
// origin) n times in each of a few ways (the README's snippet, opened at a
// section below it, with a query, and the bare script tag), taking turns,
// each in a browser context of its own, and
// returns the Markdown section of what the lab page's visitor saw: the
// layout shift (CLS) from load to labpage.Window after the widget was
// ready, and how often the iframe's height changed.
func embedStability(browser context.Context, widget string, n int) (string, error) {
	variants := []struct{ name, embed, at string }{
		{"README snippet (height reserved)", labpage.Snippet(widget, ""), ""},
		{"README snippet, opened at `#contact` below it", labpage.Snippet(widget, ""), "#contact"},
		{"README snippet, `data-query=\"spiking\"`", labpage.Snippet(widget, `data-query="spiking"`), ""},
		{"bare `<script>` tag", labpage.Tag(widget, ""), ""},
	}
	mux := http.NewServeMux()
	for i, v := range variants {
		html := labpage.HTML(v.embed)
		mux.HandleFunc(fmt.Sprintf("/%d/", i), func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, html)
		})
	}
	// localhost against the widget's 127.0.0.1: another site, as on the web.
	ln, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return "", err
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	defer srv.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	host := "http://localhost:" + port

	runs := make([][]labpage.Stability, len(variants))
	for round := range n {
		for i := range variants {
			logf("embedded in a host page, %s, load %d ...", variants[i].name, round+1)
			ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
			s, err := func() (labpage.Stability, error) {
				defer cancel()
				if err := labpage.Open(ctx, fmt.Sprintf("%s/%d/%s", host, i, variants[i].at), widget); err != nil {
					return labpage.Stability{}, err
				}
				return labpage.Measure(ctx)
			}()
			if err != nil {
				return "", fmt.Errorf("%s: %v", variants[i].name, err)
			}
			logf("  %s", s)
			runs[i] = append(runs[i], s)
		}
	}

	var b strings.Builder
	b.WriteString("\n## Embedded in a host page\n\n")
	fmt.Fprintf(&b, "A lab page (`internal/labpage`: header, introduction, the embed, two sections and a footer below it) on\n"+
		"localhost embeds the widget from 127.0.0.1, in a 1280x900 window; `embed.js` arrives %d ms\n"+
		"late (DevTools network conditions), after the page's first paint, as from another site. CLS is the page's\n"+
		"`layout-shift` entries without recent input, from its start to %d s after the widget said it was ready (target:\n"+
		"below 0.1). Height changes are the iframe's, counted after its first height. %d loads each, taking turns.\n\n",
		labpage.ScriptLatency.Milliseconds(), int(labpage.Window.Seconds()), n)
	b.WriteString("| embed | CLS median | CLS max | height changes before ready (max) | after ready (max) | ready median |\n")
	b.WriteString("|---|---|---|---|---|---|\n")
	for i, v := range variants {
		var cls, ready []float64
		before, after := 0, 0
		for _, s := range runs[i] {
			cls, ready = append(cls, s.CLS), append(ready, s.Ready)
			before, after = max(before, s.Before), max(after, s.After)
		}
		fmt.Fprintf(&b, "| %s | %.3f | %.3f | %d | %d | %s |\n", v.name, quantile(cls, 0.5), slices.Max(cls), before, after, ms(quantile(ready, 0.5)))
	}
	return b.String(), nil
}
