#!/usr/bin/env bash
# `make bench`: installs the baselines when missing (newsboat from Debian's packages, feedparser and
# trafilatura from PyPI into .build/bench-venv), then runs Benchmarks/bench.py, which generates the corpora into a
# temporary folder, serves them on 127.0.0.1 and runs every benchmark, Gazette and baseline
# alternately. Results: .build/bench/results.json and the generated part of BENCHMARKS.md.
#   QUICK=1   reduced corpora (under 3 minutes); otherwise the full set (under 20 minutes on 2 cores)
#   ONLY=a,b  run only these benchmarks (names in Benchmarks/bench.py)
set -euo pipefail
cd "$(dirname "$0")/.."

GAZETTE_BIN=${GAZETTE_BIN:-.build/release/gazette}
VENV=.build/bench-venv
quick=()
case "${QUICK:-}" in ""|0|no|false) ;; *) quick=(--quick) ;; esac

# Root, or sudo without a password: then we may install system packages; otherwise say how.
if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n); else sudo=(none); fi
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1 || [ "${sudo[*]}" = none ]; then
    echo "bench: $1 is missing; install it (e.g. sudo apt-get install -y $1) or its benchmarks are skipped" >&2
    return 0
  fi
  echo "bench: installing $1" >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$1" >/dev/null ||
    { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$1" >/dev/null; } ||
    echo "bench: could not install $1; its benchmarks are skipped" >&2
}
command -v newsboat >/dev/null 2>&1 || apt_install newsboat
command -v sqlite3 >/dev/null 2>&1 || apt_install sqlite3   # ANALYZE on newsboat's cache (Python's sqlite3 is the fallback)
command -v tmux >/dev/null 2>&1 || apt_install tmux

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import feedparser' 2>/dev/null; then
  echo "bench: installing feedparser into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check 'feedparser>=6,<7' ||
    echo "bench: could not install feedparser; the parse baselines are skipped" >&2
fi

# The extraction baseline; optional (the extraction benchmark prints a note and runs without it).
# lxml_html_clean: recent lxml releases moved the module trafilatura's justext imports out of lxml.
if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c 'import trafilatura' 2>/dev/null; then
  echo "bench: installing trafilatura into $VENV" >&2
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check trafilatura lxml_html_clean ||
    echo "bench: could not install trafilatura; the extraction benchmark runs without a baseline" >&2
fi

mkdir -p .build/bench
out=.build/bench/results${quick:+-quick}.json
exec python3 Benchmarks/bench.py --gazette "$GAZETTE_BIN" --venv-python "$VENV/bin/python" \
  "${quick[@]}" ${ONLY:+--only "$ONLY"} --json "$out" --markdown BENCHMARKS.md
