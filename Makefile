# tollcharts: `make` builds every report, `make test` runs the tests.
GO      ?= go
BIN     := bin/tollcharts
REPORTS := $(basename $(notdir $(wildcard reports/*.yaml)))
SOURCES := $(shell find cmd charts -name '*.go' -not -name '*_test.go') $(shell find charts -path '*/testdata' -prune -o -type f \( -name '*.csv' -o -name '*.json' -o -name '*.geojson' -o -name '*.yaml' -o -name '*.tmpl' -o -name '*.css' -o -name '*.js' \) -print) go.mod go.sum
NODE    := node_modules/.package-lock.json
THEMES  := $(shell find themes -type f -not -name '*.md' 2>/dev/null)
FUZZTIME ?= 30s
BENCHTIME ?= 2x
ADDR    ?= 127.0.0.1:8080
SERVEFLAGS ?=

.PHONY: all check test bench serve fuzz clean $(addprefix report-,$(REPORTS))

all: $(addprefix report-,$(REPORTS))

$(BIN): $(SOURCES)
	$(GO) build -o $@ ./cmd/tollcharts

# echarts for the HTML pages, pinned in package-lock.json.
$(NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# One target per report; make skips a report whose inputs are older than
# its manifest. A report depends on its spec, on every dataset and on every
# theme file, font and logo (specs may name any of them).
$(addprefix report-,$(REPORTS)): report-%: output/%/manifest.json

output/%/manifest.json: reports/%.yaml $(wildcard datasets/*.csv datasets/*.xlsx datasets/*.meta.yaml) $(THEMES) $(BIN) $(NODE)
	$(BIN) build -q $<
	@touch $@

check: $(BIN)
	$(BIN) check reports/*.yaml datasets/*.csv $(wildcard datasets/*.xlsx themes/*.yaml)

test: $(NODE)
	$(GO) test -timeout 30m ./...

# The charts benchmarks render 200 synthetic charts an operation: a fixed
# count of operations (BENCHTIME) keeps runs comparable; GovernorateBars
# ends with its figures set against the targets. PeakMemory renders 200,
# 2,000 and 10,000 charts once each (about a minute). StoryVideo prints the
# CPU seconds of a 6 s story video (stat card, bars), drawing and encoding
# apart, against the 2 s target. Then the others.
bench: $(NODE)
	$(GO) test -run '^$$' -bench 'GovernorateBars|NoopRebuild|PNGCompression' -benchtime $(BENCHTIME) -benchmem ./charts
	$(GO) test -run '^$$' -bench 'PeakMemory' -benchtime 1x -timeout 30m ./charts
	$(GO) test -run '^$$' -bench 'ChartPage' -benchtime 2x ./charts
	$(GO) test -run '^$$' -bench 'StoryVideo' -benchtime 3x ./charts/video
	$(GO) test -run '^$$' -bench . -benchmem $$($(GO) list ./... | grep -v -e '/charts$$' -e '/charts/video$$')

# Builds every report, serves output/ at ADDR (loopback) and rebuilds and
# reloads open pages as reports/, datasets/ and themes/ change; Ctrl-C stops.
# SERVEFLAGS='-format svg,html' makes rebuilds quick while editing.
serve: $(BIN) $(NODE)
	$(BIN) serve -addr $(ADDR) $(SERVEFLAGS)

fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./charts/dataset
	$(GO) test -run '^$$' -fuzz '^FuzzParseCount$$' -fuzztime $(FUZZTIME) ./charts/dataset
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./charts/spec
	$(GO) test -run '^$$' -fuzz '^FuzzShape$$' -fuzztime $(FUZZTIME) ./charts/text
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./charts/theme
	$(GO) test -run '^$$' -fuzz '^FuzzEncode$$' -fuzztime $(FUZZTIME) ./charts/internal/pngenc

clean:
	rm -rf output bin
