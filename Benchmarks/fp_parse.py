#!/usr/bin/env python3
"""Time Python feedparser on files, in-process: the baseline of the parse benchmark.

    fp_parse.py FILE... [--runs N]

Runs inside the benchmark venv (.build/bench-venv). For every run, each file's bytes (read before
timing) go through feedparser.parse(bytes); prints one JSON line: the feedparser version, total
bytes, total items, and the time of each run in milliseconds (the sum over the files).
"""
import json
import sys
import time

import feedparser


def main(argv):
    runs = 1
    if "--runs" in argv:
        i = argv.index("--runs")
        runs = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    blobs = []
    for path in argv:
        with open(path, "rb") as f:
            blobs.append(f.read())
    times, items = [], 0
    for _ in range(runs):
        items = 0
        t0 = time.perf_counter()
        for b in blobs:
            items += len(feedparser.parse(b).entries)
        times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"version": feedparser.__version__, "bytes": sum(map(len, blobs)),
                      "items": items, "ms": times}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
