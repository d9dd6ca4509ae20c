// Command build makes and serves the widget's static site.
//
//	go run ./build dist [-o dist] [-base /] [-papers "data/papers.json"]
//	go run ./build serve [-dir dist] [-addr localhost:8080]
//	go run ./build convert [-format F] source... > list.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"

	"github.com/paperwidget/paperwidget/build/site"
	"github.com/paperwidget/paperwidget/build/static"
	"github.com/paperwidget/paperwidget/importer"
	"github.com/paperwidget/paperwidget/paper"
)

const usage = `usage: go run ./build <command> [flags]

commands:
  dist     build the static site (index.html, app.wasm, the list, compressed variants)
  serve    serve a built site on localhost with the right types and encodings
  convert  import paper sources and print the widget's JSON on stdout

Run a command with -h for its flags.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "dist":
		err = dist(args)
	case "serve":
		err = serve(args)
	case "convert":
		err = convert(args)
	case "-h", "-help", "--help", "help":
		fmt.Print(usage)
	default:
		fmt.Fprintf(os.Stderr, "unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func dist(args []string) error {
	fs := flag.NewFlagSet("dist", flag.ExitOnError)
	out := fs.String("o", "dist", "output `directory` (replaced)")
	base := fs.String("base", "/", "URL `path` the site is served under, e.g. /lab/papers/")
	papers := fs.String("papers", "data/papers.json", "space-separated paper list `files` to bundle")
	fs.Parse(args)
	return site.Build(site.Options{
		Root:   ".",
		Out:    *out,
		Papers: strings.Fields(*papers),
		Base:   *base,
		Log:    os.Stderr,
	})
}

func serve(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	dir := fs.String("dir", "dist", "built site `directory`")
	addr := fs.String("addr", "localhost:8080", "listen `address`")
	fs.Parse(args)
	if _, err := os.Stat(*dir + "/index.html"); err != nil {
		return fmt.Errorf("%s has no index.html: run make dist first", *dir)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "serving %s at http://%s/\n", *dir, ln.Addr())
	return http.Serve(ln, static.Handler(*dir))
}

func convert(args []string) error {
	fs := flag.NewFlagSet("convert", flag.ExitOnError)
	format := fs.String("format", "", "source `format` (json, papers-page); detected from content when empty")
	fs.Parse(args)
	if fs.NArg() == 0 {
		return fmt.Errorf("convert: name at least one source file")
	}
	var all paper.List
	for _, src := range fs.Args() {
		list, warnings, err := importer.File(src, importer.Format(*format))
		if err != nil {
			return err
		}
		for _, w := range warnings {
			fmt.Fprintln(os.Stderr, "warning:", w)
		}
		if all.Title == "" {
			all.Title = list.Title
		}
		all.Papers = append(all.Papers, list.Papers...)
		fmt.Fprintf(os.Stderr, "read %d papers from %s\n", len(list.Papers), src)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(all)
}
