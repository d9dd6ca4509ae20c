# Paper widget. `make serve` builds and serves the site; `make test` runs
# every test, browser tests included.
PORT   ?= 8080
BASE   ?= /
PAPERS ?= data/papers.json
# FORMAT=bibtex|csl-json|arxiv|papers-page|json forces the sources' format;
# STRICT=1 fails the build on any import warning. TITLE="Smith Lab:
# publications" names the list (heading, page title, installed app);
# HIGHLIGHT="Jane Doe; J. Doe" shows those authors in bold.
GO     ?= go

# Pinned: a new staticcheck release must not break `make test` by itself.
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: dist serve test vet race tools data clean bench

dist:
	$(GO) run ./build dist -o dist -base "$(BASE)" -papers "$(PAPERS)" $(if $(FORMAT),-format $(FORMAT)) $(if $(STRICT),-strict) $(if $(TITLE),-title "$(TITLE)") $(if $(HIGHLIGHT),-highlight "$(HIGHLIGHT)")

serve: dist
	$(GO) run ./build serve -dir dist -addr localhost:$(PORT)

# The bundled list is committed; regenerate it after editing the seed text.
data:
	$(GO) run ./build convert data/papers-page.txt > data/papers.json

test: tools e2e/node_modules vet race
	$(GO) test ./...

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
# inject axe-core from npm.
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

# axe-core, injected into pages by the accessibility tests.
e2e/node_modules: e2e/package.json e2e/package-lock.json | tools
	cd e2e && npm ci --no-audit --no-fund
	touch $@

# Go benchmarks of search/ (70, 10k, 100k papers), then the browser benchmark:
# the widget against Fuse.js on synthetic lists; writes docs/benchmarks.md.
bench: tools
	@[ -d bench/node_modules/fuse.js ] || (cd bench && npm ci --no-audit --no-fund)
	$(GO) run ./bench

clean:
	rm -rf dist build/site/_goapp/module-*
