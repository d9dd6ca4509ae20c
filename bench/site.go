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

// generateLists writes the synthetic lists of sizes into tmp/lists, adds
// their sizes to rep and returns the directory and each list's JSON size.
func generateLists(rep *report, tmp string, sizes []int) (string, map[int]int, error) {
	seed, err := synth.Seed("data/papers.json")
	if err != nil {
		return "", nil, err
	}
	lists := filepath.Join(tmp, "lists")
	os.MkdirAll(lists, 0o755)
	jsonSize := map[int]int{}
	for _, n := range sizes {
		logf("generating %d papers ...", n)
		data, err := json.Marshal(synth.Generate(seed, n))
		if err != nil {
			return "", nil, err
		}
		name := filepath.Join(lists, fmt.Sprintf("papers-%d.json", n))
		r, err := writeCompressed(name, data)
		if err != nil {
			return "", nil, err
		}
		r.name = fmt.Sprintf("synthetic list, %d papers", n)
		rep.sizes = append(rep.sizes, r)
		jsonSize[n] = len(data)
	}
	return lists, jsonSize, nil
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
