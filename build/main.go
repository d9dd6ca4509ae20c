// Command build makes and serves the widget's static site.
//
//	go run ./build dist [-o dist] [-base /] [-papers "data/papers.json"] [-title T] [-highlight "A; B"] [-format F] [-strict]
//	go run ./build serve [-dir dist] [-addr localhost:8080]
//	go run ./build convert [-format F] [-strict] source... > list.json
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
	papers := fs.String("papers", "data/papers.json", "space-separated paper list `files` to bundle, merged in order")
	title := fs.String("title", "", "the list's `name`: heading, page title and installed app name (over a JSON list's own title)")
	highlight := fs.String("highlight", "", "`authors` to show in bold, separated by semicolons: \"Jane Doe; J. Doe\" (over a JSON list's own highlight)")
	format, strict := importFlags(fs)
	fs.Parse(args)
	var names []string
	for _, n := range strings.Split(*highlight, ";") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return site.Build(site.Options{
		Root:      ".",
		Out:       *out,
		Papers:    strings.Fields(*papers),
		Format:    importer.Format(*format),
		Strict:    *strict,
		Base:      *base,
		Title:     *title,
		Highlight: names,
		Log:       os.Stderr,
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

// importFlags are the flags of every command that imports sources.
func importFlags(fs *flag.FlagSet) (format *string, strict *bool) {
	var names []string
	for _, f := range importer.Formats {
		names = append(names, string(f))
	}
	format = fs.String("format", "", "`format` of every source ("+strings.Join(names, ", ")+"); detected from content when empty")
	strict = fs.Bool("strict", false, "fail (exit status 1) on any import warning")
	return format, strict
}

func convert(args []string) error {
	fs := flag.NewFlagSet("convert", flag.ExitOnError)
	format, strict := importFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: go run ./build convert [flags] source... > list.json\n\n"+
			"Imports the sources (merging duplicates) and prints the widget's JSON.\n\nflags:\n")
		fs.PrintDefaults()
	}
	fs.Parse(args)
	if fs.NArg() == 0 {
		return fmt.Errorf("convert: name at least one source file")
	}
	list, report, err := importer.Import(fs.Args(), importer.Format(*format))
	if err != nil {
		return err
	}
	report.Log(os.Stderr)
	if *strict && len(report.Warnings) > 0 {
		return fmt.Errorf("%d import warnings and -strict given", len(report.Warnings))
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(list)
}
