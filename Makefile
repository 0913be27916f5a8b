# Gazette's two commands: `make run` and `make test`. Everything else here serves them (or `make bench`).
SWIFT ?= swift
RELEASE_BIN := .build/release/gazette
BENCH_BIN := .build/release/gazette-bench
# On Linux the release binary carries the Swift runtime and Foundation inside it: loading them as shared
# libraries was a third of the time to the first frame (see DECISIONS.md). macOS ships them with the OS.
ifeq ($(shell uname -s),Linux)
RELEASE_FLAGS := --static-swift-stdlib
# Linked by lld with packed relative relocations (DT_RELR) where the C library reads them (glibc 2.36 and
# later): the binary's 91,000 relocations take 38 KB instead of 2.2 MB, which every start read whole
# (2.7 MB less resident at the first frame; DECISIONS.md). lld comes with the Swift toolchain.
GLIBC_HAS_RELR := $(shell getconf GNU_LIBC_VERSION 2>/dev/null | awk '{ split($$2, v, "."); if (v[1] > 2 || (v[1] == 2 && v[2] >= 36)) print "yes" }')
SWIFT_HAS_LLD := $(shell test -x "$$(dirname "$$(readlink -f "$$(command -v $(SWIFT))")")/ld.lld" && echo yes)
ifeq ($(GLIBC_HAS_RELR)$(SWIFT_HAS_LLD),yesyes)
RELEASE_FLAGS += -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs
# Every function in a section of its own, and the functions a refresh and the reader's start run placed
# together first (scripts/gazette.order, made by scripts/order-file.py): the kernel maps code 64 KB (or a
# whole large folio) around each page a process touches, so the same functions scattered over 20 MB of
# code kept ~12.5 MB resident during a refresh, ~6 MB placed together (DECISIONS.md). A name the file lists that no longer exists is skipped; the order only moves code.
RELEASE_FLAGS += -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections -Xcxx -ffunction-sections \
	-Xlinker --symbol-ordering-file=$(CURDIR)/scripts/gazette.order -Xlinker --no-warn-symbol-ordering
endif
endif
ARGS ?=
# `make install PREFIX=~/.local` (default /usr/local); DESTDIR is prepended for packaging.
PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
THEMEDIR = $(DESTDIR)$(PREFIX)/share/gazette/themes
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
MANPAGE := .build/man/gazette.1

.PHONY: run test soak sanitize deps build release release-tools debug bench clean themes man install uninstall

## Install missing system packages, build in release mode, start the reader.
run: deps release
	$(RELEASE_BIN) $(ARGS)

## The same set-up, then every test: unit, integration (real SQLite, loopback HTTP) and end-to-end (tmux).
## The import check makes an import that Package.swift does not declare a build error (ARCHITECTURE.md).
## Then a one-minute soak, on its own so that its frames are timed on a machine not running other suites;
## a hang there is a frame later than 3 s (CI machines are shared), `make soak` holds frames to 1 s. In one
## minute the reader's bounded caches (parsed article bodies, laid-out threads) are still filling, so only a
## runaway leak (24 MB/min) fails it there; `make soak`'s ten minutes hold the slope to 4 MB/min.
test: deps release release-tools
	GAZETTE_BIN=$(abspath $(RELEASE_BIN)) GAZETTE_BENCH_BIN=$(abspath $(BENCH_BIN)) $(SWIFT) test \
		--explicit-target-dependency-import-check error
	SOAK_SECONDS=60 SOAK_FRAME_SECONDS=3 SOAK_MAX_SLOPE_KB_PER_MIN=24576 SOAK_SEED=$(SOAK_SEED) \
		GAZETTE_BIN=$(abspath $(RELEASE_BIN)) \
		GAZETTE_BENCH_BIN=$(abspath $(BENCH_BIN)) $(SWIFT) test --explicit-target-dependency-import-check error \
		--filter 'EndToEndTests.SoakTests'

## The soak: the release reader in tmux for SOAK_SECONDS (600) against a server of faults and hostile feeds,
## with random keys, resizes and refreshes beside it; then SOAK_KILLS (50) SIGKILLs during refresh, vacuum
## and marks. Each prints its seed; SOAK_SEED=N replays a run's keys.
SOAK_SECONDS ?= 600
SOAK_KILLS ?= 50
## The two run one after the other, so that the kills do not slow the soak's frames.
soak: deps release release-tools
	SOAK_SECONDS=$(SOAK_SECONDS) SOAK_SEED=$(SOAK_SEED) GAZETTE_BIN=$(abspath $(RELEASE_BIN)) \
		GAZETTE_BENCH_BIN=$(abspath $(BENCH_BIN)) $(SWIFT) test --filter 'EndToEndTests.SoakTests'
	SOAK_KILLS=$(SOAK_KILLS) SOAK_SEED=$(SOAK_SEED) GAZETTE_BIN=$(abspath $(RELEASE_BIN)) \
		GAZETTE_BENCH_BIN=$(abspath $(BENCH_BIN)) $(SWIFT) test --filter 'EndToEndTests.KillTests'

## The unit and integration suites under AddressSanitizer, then ThreadSanitizer; not part of `make test`.
## Each builds in a folder of its own; the end-to-end suites, which drive the release binary, are left out.
## The durability test kills the sanitized build's own gazette-bench. A report fails the run (exit 66); no
## report needs suppressing today (ThreadSanitizer intercepts Dispatch, and Foundation's and libcurl's
## threads hand over through pthread locks it sees), so a new one is a race to fix, not to hide.
SANITIZERS ?= address thread
sanitize: deps
	for sanitizer in $(SANITIZERS); do \
		$(SWIFT) build --build-tests --sanitize=$$sanitizer --scratch-path .build/sanitize-$$sanitizer && \
		GAZETTE_BENCH_BIN=$(abspath .build)/sanitize-$$sanitizer/debug/gazette-bench $(SWIFT) test --skip-build \
			--sanitize=$$sanitizer --scratch-path .build/sanitize-$$sanitizer --skip EndToEndTests || exit 1; \
	done

deps:
	@scripts/ensure-deps.sh

release:
	@# SwiftPM does not know the order file: a binary older than it is linked again.
	@if [ $(RELEASE_BIN) -ot scripts/gazette.order ]; then rm -f $(RELEASE_BIN); fi
	$(SWIFT) build -c release --product gazette $(RELEASE_FLAGS)

## gazette-bench: benchmark timings and the durability test's writer; never installed.
release-tools:
	$(SWIFT) build -c release --product gazette-bench $(RELEASE_FLAGS)

debug build:
	$(SWIFT) build

## Regenerate the compiled-in copies of Themes/*.toml after editing one (a test fails until you do).
themes:
	scripts/embed-themes.sh

## The man page, generated from the help texts by swift-argument-parser's generate-manual tool.
man: release
	$(SWIFT) build --product generate-manual
	mkdir -p $(dir $(MANPAGE))
	.build/debug/generate-manual $(RELEASE_BIN) --output-directory $(dir $(MANPAGE))

## Install the binary, the theme files (for reading and copying: the themes are compiled in) and the man page.
install: release man
	install -d $(BINDIR) $(THEMEDIR) $(MANDIR)
	install -m 755 $(RELEASE_BIN) $(BINDIR)/gazette
	install -m 644 Themes/*.toml $(THEMEDIR)/
	install -m 644 $(MANPAGE) $(MANDIR)/gazette.1

## Remove exactly what install put there (and the themes folder if it is then empty).
uninstall:
	rm -f $(BINDIR)/gazette $(MANDIR)/gazette.1 $(addprefix $(THEMEDIR)/,$(notdir $(wildcard Themes/*.toml)))
	-rmdir $(THEMEDIR) $(dir $(THEMEDIR)) 2>/dev/null

## Benchmarks: not tests; see BENCHMARKS.md. QUICK=1 runs a reduced set.
bench: deps release release-tools
	QUICK=$(QUICK) GAZETTE_BENCH_BIN=$(abspath $(BENCH_BIN)) scripts/bench.sh

clean:
	rm -rf .build
