# Paper widget. `make serve` builds and serves the site; `make test` runs
# every test, browser tests included.
PORT   ?= 8080
BASE   ?= /
PAPERS ?= data/papers.json
# FORMAT=bibtex|csl-json|arxiv|papers-page|json forces the sources' format;
# STRICT=1 fails the build on any import warning; PDF_BASE=URL resolves
# relative pdf fields. PAPERS is split on ";" or line breaks when it has
# either (PAPERS="My Papers/lab.bib;extra.json"), else on spaces.
# TITLE="Smith Lab: publications" names the list (heading, page title,
# installed app).
# SINGLE=1 also writes dist/papers.html, the widget in one file that works
# from file://.
# HIGHLIGHT="Jane Doe; J. Doe" shows those authors in bold.
GO     ?= go
# Paths and the base reach the build through the environment, so that no
# quote, space or backslash in them is read by the shell.
export PAPERS BASE PDF_BASE TITLE HIGHLIGHT

# Pinned: a new staticcheck release must not break `make test` by itself.
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: dist serve test vet race tools data clean bench

dist:
	$(GO) run ./build dist -o dist -base "$$BASE" -papers "$$PAPERS" $(if $(FORMAT),-format $(FORMAT)) $(if $(STRICT),-strict) $(if $(PDF_BASE),-pdf-base "$$PDF_BASE") $(if $(TITLE),-title "$$TITLE") $(if $(SINGLE),-single) $(if $(HIGHLIGHT),-highlight "$$HIGHLIGHT")

serve: dist
	$(GO) run ./build serve -dir dist -addr localhost:$(PORT)

# The bundled list is committed; regenerate it after editing the seed text.
data:
	$(GO) run ./build convert data/papers-page.txt > data/papers.json

# The browser tests (e2e) get a timeout of their own: on a busy machine they
# ran past go test's default of 10 minutes. They run three at a time, each
# test in a tab of its own. The duration of the whole target is printed.
E2E_TIMEOUT ?= 20m
E2E_PARALLEL ?= 3

test: tools e2e/node_modules search/testdata/node_modules
	@start=$$(date +%s); \
	  $(MAKE) --no-print-directory vet race && \
	  $(GO) test $$($(GO) list ./... | grep -v /e2e$$) && \
	  $(GO) test -timeout $(E2E_TIMEOUT) -parallel $(E2E_PARALLEL) ./e2e; \
	  status=$$?; elapsed=$$(( $$(date +%s) - start )); \
	  echo "make test: $$(( elapsed / 60 )) min $$(( elapsed % 60 )) s"; exit $$status

# The race detector over every package but those driving Chromium (e2e,
# and bench, whose only test compiles app.wasm): their time is spent in
# the browser and the compiler, not in Go code of ours.
race:
	$(GO) test -race $$($(GO) list ./... | grep -v -e /e2e$$ -e /bench$$)

vet:
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './dist/*' -not -path './build/site/_goapp/module-*')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted" >&2; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./widget ./wasm
	$(GO) run $(STATICCHECK) ./...

# Browser tests drive Debian's Chromium (never a downloaded browser) and
# inject axe-core from npm; the embed tests build sites with Debian's hugo
# and jekyll, without their recommends (hugo's pull in an old golang-go).
tools:
	@missing=""; \
	  [ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	  command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	    else \
	      echo "Missing:$$missing; install with: sudo apt-get install -y$$missing" >&2; exit 1; \
	    fi; \
	  fi
	@missing=""; \
	  command -v hugo >/dev/null || missing="$$missing hugo"; \
	  command -v jekyll >/dev/null || missing="$$missing jekyll"; \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	    else \
	      echo "Missing:$$missing; install with: sudo apt-get install -y --no-install-recommends$$missing" >&2; exit 1; \
	    fi; \
	  fi

# axe-core, injected into pages by the accessibility tests.
e2e/node_modules: e2e/package.json e2e/package-lock.json | tools
	cd e2e && npm ci --no-audit --no-fund
	touch $@

# MiniSearch, which the known-item relevance test runs beside the widget's search.
search/testdata/node_modules: search/testdata/package.json search/testdata/package-lock.json | tools
	cd search/testdata && npm ci --no-audit --no-fund
	touch $@

# Go benchmarks of search/ (70, 10k, 100k papers), then the browser benchmark:
# the widget against Fuse.js on realistic and synthetic lists; writes
# docs/benchmarks.md. BENCH=-quick: a run of a few minutes (10k only).
bench: tools
	@[ -d bench/node_modules/fuse.js ] || (cd bench && npm ci --no-audit --no-fund)
	$(GO) run ./bench $(BENCH)

clean:
	rm -rf dist build/site/_goapp/module-*
