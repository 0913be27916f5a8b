"""How the benchmarks drive the `gazette` binary, and how they read its timing output.

Every Gazette command a benchmark needs is probed by running it for real on a tiny input the first
time; a command that is missing or answers in an unexpected shape raises Skip with a
"not available yet: <reason>" message, so no number is ever made up.

Timing output is read tolerantly, because the bench subcommands are written by other people: any of
  parse_ms=12.5        median_ms: 12.5        {"parse_ms": 12.5}        {"median_ms": 12.5}
  parse_s=0.0125       {"seconds": 0.0125}    median 12.5 ms
on stderr or stdout is understood (a key named after the benchmark, e.g. `render_ms`, first).
"""
import json
import os
import re

import harness as H

CONCURRENCY = 8  # fetches in flight for both readers (newsboat: reload-threads)


def extract_ms(text, key=None):
    """The timing (milliseconds) reported in text, or None. Prefers `key`, then generic names."""
    keys = ([key] if key else []) + ["median_ms", "parse_ms", "ms", "time_ms", "elapsed_ms"]
    skeys = ["median_s", "parse_s", "seconds", "elapsed_s", "time_s"]
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                for k in keys:
                    if isinstance(obj.get(k), (int, float)):
                        return float(obj[k])
                for k in skeys:
                    if isinstance(obj.get(k), (int, float)):
                        return float(obj[k]) * 1000
    for k in keys:
        m = re.search(r"\b%s\"?\s*[=:]\s*([0-9]+(?:\.[0-9]+)?)" % re.escape(k), text)
        if m:
            return float(m.group(1))
    for k in skeys:
        m = re.search(r"\b%s\"?\s*[=:]\s*([0-9]+(?:\.[0-9]+)?)" % re.escape(k), text)
        if m:
            return float(m.group(1)) * 1000
    m = re.search(r"median\D{0,12}?([0-9]+(?:\.[0-9]+)?)\s*ms\b", text)
    if m:
        return float(m.group(1))
    return None


def extract_int(text, key):
    """An integer field such as `matches=1012` or {"matches": 1012}, or None."""
    m = re.search(r"\b%s\"?\s*[=:]\s*([0-9]+)" % re.escape(key), text)
    return int(m.group(1)) if m else None


def head_tail(path, size=8192):
    """First and last few KB of a (possibly huge) output file: where a timing line can be."""
    with open(path, "rb") as f:
        data = f.read(size)
        f.seek(0, os.SEEK_END)
        end = f.tell()
        if end > size:
            f.seek(max(size, end - size))
            data += b"\n" + f.read()
    return data.decode("utf-8", "replace")


def unavailable(what, rc, out, err):
    """The Skip for a command that did not answer as the benchmark expects."""
    reason = (err or out or "").strip().splitlines()
    first = reason[0][:160] if reason else "no output"
    return H.Skip("not available yet: `%s` (exit %s: %s)" % (what, rc, first))


class Gazette:
    """The release binary plus the folders one benchmark run gives it."""

    def __init__(self, binary):
        self.binary = binary
        # The in-process timings live in `gazette-bench`, built beside `gazette` and never installed.
        self.bench = os.environ.get("GAZETTE_BENCH_BIN") or os.path.join(os.path.dirname(binary or "."), "gazette-bench")

    def missing(self):
        """Why the binary cannot be used at all, or None."""
        if not self.binary or not os.access(self.binary, os.X_OK):
            return "no gazette binary at %s (run `make release`)" % self.binary
        return None

    def dirs(self, config_dir, data_dir):
        return [self.binary, "--config-dir", config_dir, "--data-dir", data_dir]

    @staticmethod
    def write_config(config_dir, urls_file, max_mb=128):
        """The subscription list and settings of one run (same concurrency as newsboat)."""
        os.makedirs(config_dir, exist_ok=True)
        with open(urls_file, encoding="utf-8") as src, \
                open(os.path.join(config_dir, "urls"), "w", encoding="utf-8") as dst:
            dst.write(src.read())
        with open(os.path.join(config_dir, "config.toml"), "w", encoding="utf-8") as f:
            f.write("[refresh]\njobs = %d\nper-host = %d\nmax-feed-size-mb = %d\n"
                    % (CONCURRENCY, CONCURRENCY, max_mb))

    def refresh_argv(self, config_dir, data_dir):
        return self.dirs(config_dir, data_dir) + ["refresh", "--quiet"]

    def reader_argv(self, config_dir, data_dir):
        return self.dirs(config_dir, data_dir)

    def parse_ms(self, path, runs, scratch):
        """In-process bytes→model time of one file (median of `runs`) from `gazette-bench parse`,
        and the process's peak RSS in MB. Stdout (the JSON, if printed) goes to a scratch file."""
        out = os.path.join(scratch, "parse.out")
        # The size limit is lifted: the big corpus feed (~70 MB) is over the 32 MB default on purpose.
        r = H.run_measured([self.bench, "parse", path, "--runs", str(runs),
                            "--max-size", str(1 << 30)], env=None,
                           timeout=600, log=out, split_stderr=True)
        with open(out + ".err", encoding="utf-8", errors="replace") as f:
            err_text = f.read()
        ms = extract_ms(err_text, "parse_ms")
        if ms is None:
            ms = extract_ms(head_tail(out), "parse_ms")
        if r["rc"] != 0 or ms is None:
            raise unavailable("gazette-bench parse FILE --runs N", r["rc"], "", err_text)
        return ms, r["rss_mb"]

    def bench_ms(self, argv, key, what, timeout=600):
        """Run one hidden bench subcommand; returns (ms, full text) or raises Skip naming `what`."""
        rc, out, err = H.run_capture(argv, timeout=timeout)
        ms = extract_ms(err + "\n" + out, key)
        if rc != 0 or ms is None:
            raise unavailable(what, rc, out, err)
        return ms, err + "\n" + out
