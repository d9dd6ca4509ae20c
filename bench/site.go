package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/paperwidget/paperwidget/bench/synth"
	"github.com/paperwidget/paperwidget/build/site"
	"github.com/paperwidget/paperwidget/build/static"
)

// goBenchmarks runs the Go benchmarks of search/ and widget/ and returns
// their output.
func goBenchmarks() (string, error) {
	logf("running the Go benchmarks of search/ and widget/ ...")
	cmd := exec.Command("go", "test", "./search/", "./widget/", "-run", "^$", "-bench", ".", "-benchtime", "5x", "-benchmem")
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go benchmarks: %v", err)
	}
	os.Stderr.Write(b)
	return string(b), nil
}

// buildSite builds the site into tmp/dist and adds its files' sizes to rep.
func buildSite(rep *report, tmp string, symbols bool) (string, error) {
	logf("building the site ...")
	dist := filepath.Join(tmp, "dist")
	if err := site.Build(site.Options{Root: ".", Out: dist, Papers: []string{"data/papers.json"}, Base: "/", Log: os.Stderr, Symbols: symbols}); err != nil {
		return "", err
	}
	for _, f := range []string{"web/app.wasm", "web/papers.json"} {
		r, err := fileSizes(filepath.Join(dist, f))
		if err != nil {
			return "", err
		}
		r.name = f + " (70 papers)"
		if f == "web/app.wasm" {
			r.name = f
		}
		rep.sizes = append(rep.sizes, r)
	}
	return dist, nil
}

// The kinds of list measured.
const (
	// realistic lists have real lists' statistics (synth.Realistic): a
	// vocabulary that grows with the list, real venues, many authors.
	realistic = "realistic"
	// synthetic lists reuse the bundled papers' words (synth.Generate), a
	// few thousand distinct words at any size: the benchmark's lists
	// before issue 21, kept to compare with its earlier figures.
	synthetic = "synthetic"
)

// list is one list measured; json is its size in bytes once generated.
type list struct {
	kind   string
	papers int
	json   int
}

func (l list) file() string { return fmt.Sprintf("papers-%s-%d.json", l.kind, l.papers) }

func (l list) String() string { return fmt.Sprintf("%s %d", l.kind, l.papers) }

// generateLists writes lists into tmp/lists, sets their sizes and adds
// them to rep, and returns the directory.
func generateLists(rep *report, tmp string, lists []list) (string, error) {
	seed, err := synth.Seed("data/papers.json")
	if err != nil {
		return "", err
	}
	dir := filepath.Join(tmp, "lists")
	os.MkdirAll(dir, 0o755)
	for i, l := range lists {
		logf("generating the %s list of %d papers ...", l.kind, l.papers)
		pl := synth.Realistic(l.papers, 1)
		if l.kind == synthetic {
			pl = synth.Generate(seed, l.papers)
		}
		data, err := json.Marshal(pl)
		if err != nil {
			return "", err
		}
		r, err := writeCompressed(filepath.Join(dir, l.file()), data)
		if err != nil {
			return "", err
		}
		r.name = fmt.Sprintf("%s list, %d papers", l.kind, l.papers)
		rep.sizes = append(rep.sizes, r)
		lists[i].json = len(data)
	}
	return dir, nil
}

// serve serves the site at /, the lists at /lists/ and the Fuse.js page at
// /fuse/ on loopback, and returns the base URL.
func serve(dist, lists string) (base string, stop func() error, err error) {
	mux := http.NewServeMux()
	mux.Handle("/lists/", http.StripPrefix("/lists", static.Handler(lists)))
	mux.HandleFunc("/fuse/fuse.min.mjs", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeFile(w, r, "bench/node_modules/fuse.js/dist/fuse.min.mjs")
	})
	mux.Handle("/fuse/", http.StripPrefix("/fuse", http.FileServer(http.Dir("bench/fuse"))))
	mux.Handle("/", static.Handler(dist))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), srv.Close, nil
}
