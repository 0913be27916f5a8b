# Gazette's two commands: `make run` and `make test`. Everything else here serves them (or `make bench`).
SWIFT ?= swift
RELEASE_BIN := .build/release/gazette
BENCH_BIN := .build/release/gazette-bench
# On Linux the release binary carries the Swift runtime and Foundation inside it: loading them as shared
# libraries was a third of the time to the first frame (see DECISIONS.md). macOS ships them with the OS.
ifeq ($(shell uname -s),Linux)
RELEASE_FLAGS := --static-swift-stdlib
endif
ARGS ?=

.PHONY: run test deps build release release-tools debug bench clean

## Install missing system packages, build in release mode, start the reader.
run: deps release
	$(RELEASE_BIN) $(ARGS)

## The same set-up, then every test: unit, integration (real SQLite, loopback HTTP) and end-to-end (tmux).
test: deps release release-tools
	GAZETTE_BIN=$(abspath $(RELEASE_BIN)) GAZETTE_BENCH_BIN=$(abspath $(BENCH_BIN)) $(SWIFT) test

deps:
	@scripts/ensure-deps.sh

release:
	$(SWIFT) build -c release --product gazette $(RELEASE_FLAGS)

## gazette-bench: benchmark timings and the durability test's writer; never installed.
release-tools:
	$(SWIFT) build -c release --product gazette-bench $(RELEASE_FLAGS)

debug build:
	$(SWIFT) build

## Benchmarks: not tests; see BENCHMARKS.md. QUICK=1 runs a reduced set.
bench: deps release release-tools
	QUICK=$(QUICK) GAZETTE_BENCH_BIN=$(abspath $(BENCH_BIN)) scripts/bench.sh

clean:
	rm -rf .build
