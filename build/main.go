// Command build makes and serves the widget's static site.
//
//	go run ./build dist [-o dist] [-base /] [-papers "data/papers.json"] [-title T] [-highlight "A; B"] [-format F] [-strict] [-pdf-base URL] [-single]
//	go run ./build serve [-dir dist] [-addr localhost:8080]
//	go run ./build convert [-format F] [-strict] [-pdf-base URL] source... > list.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
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
		err = convert(args, os.Stdout, os.Stderr)
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
	papers := fs.String("papers", "data/papers.json", "paper list `files` to bundle, merged in order: separated by \";\" or line breaks\n"+
		"when the value has either (\"my papers.bib;extra.json\"), else by spaces")
	title := fs.String("title", "", "the list's `name`: heading, page title and installed app name (over a JSON list's own title)")
	single := fs.Bool("single", false, "also write "+site.SingleFile+", the widget in one file that works opened from a file, offline")
	highlight := fs.String("highlight", "", "`authors` to show in bold, separated by semicolons: \"Jane Doe; J. Doe\" (over a JSON list's own highlight)")
	imp := importFlags(fs)
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
		Papers:    splitPapers(*papers),
		Format:    importer.Format(*imp.format),
		Strict:    *imp.strict,
		PDFBase:   *imp.pdfBase,
		Base:      *base,
		Title:     *title,
		Single:    *single,
		Highlight: names,
		Log:       os.Stderr,
	})
}

// splitPapers splits -papers. Spaces separate files, as they always did,
// unless the value has ";" or a line break: then only those do, so that a
// path with spaces can be given ("My Papers/lab.bib;extra.json").
func splitPapers(s string) []string {
	if !strings.ContainsAny(s, ";\n") {
		return strings.Fields(s)
	}
	var paths []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" {
			paths = append(paths, p)
		}
	}
	return paths
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

// importArgs are the flags of every command that imports sources.
type importArgs struct {
	format, pdfBase *string
	strict          *bool
}

func importFlags(fs *flag.FlagSet) importArgs {
	var names []string
	for _, f := range importer.Formats {
		names = append(names, string(f))
	}
	return importArgs{
		format: fs.String("format", "", "`format` of every source ("+strings.Join(names, ", ")+"); detected from content when empty"),
		strict: fs.Bool("strict", false, "fail (exit status 1) on any import warning, a merge of records that disagree included"),
		pdfBase: fs.String("pdf-base", "", "`URL` that relative pdf fields (al-folio's pdf = {paper.pdf}) are resolved against,\n"+
			"e.g. https://lab.example.org/assets/pdf/"),
	}
}

func convert(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("convert", flag.ExitOnError)
	fs.SetOutput(stderr)
	imp := importFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: go run ./build convert [flags] source... > list.json\n\n"+
			"Imports the sources (merging duplicates) and prints the widget's JSON.\n\nflags:\n")
		fs.PrintDefaults()
	}
	fs.Parse(args)
	if fs.NArg() == 0 {
		return fmt.Errorf("convert: name at least one source file")
	}
	list, report, err := importer.Import(fs.Args(), importer.Options{Format: importer.Format(*imp.format), PDFBase: *imp.pdfBase})
	if err != nil {
		return err
	}
	report.Log(stderr)
	if *imp.strict && len(report.Warnings) > 0 {
		return fmt.Errorf("%d import warnings and -strict given", len(report.Warnings))
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(list)
}
