# Paper widget. `make serve` builds and serves the site; `make test` runs
# every test, browser tests included.
PORT   ?= 8080
BASE   ?= /
PAPERS ?= data/papers.json
GO     ?= go

.PHONY: dist serve test vet chromium data clean

dist:
	$(GO) run ./build dist -o dist -base "$(BASE)" -papers "$(PAPERS)"

serve: dist
	$(GO) run ./build serve -dir dist -addr localhost:$(PORT)

# The bundled list is committed; regenerate it after editing the seed text.
data:
	$(GO) run ./build convert data/papers-page.txt > data/papers.json

test: chromium vet
	$(GO) test ./...

vet:
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './dist/*')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted" >&2; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./widget ./wasm

# Browser tests drive Debian's Chromium; never a downloaded browser.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "Chromium is missing; install it with: sudo apt-get install -y chromium" >&2; exit 1; \
	  fi; \
	fi

clean:
	rm -rf dist
