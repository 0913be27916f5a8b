"""Parse throughput (issue 3): bytes → model values, Gazette vs Python feedparser, same files.

Both sides time only the parse, in-process: feedparser.parse(bytes) inside the venv, and Gazette's own
`gazette-bench parse FILE --runs N` timing of the path a refresh uses (not the JSON printing). Process
start and file reading are outside both timings.
"""
import json
import os
import subprocess

import harness as H
from results import Side, row

FLOOR_SPEED = "≥ 30× feedparser (≈ 60 MB/s)"


def feedparser_side(ctx, files):
    """One feedparser pass over files in the venv: dict(ms, items, bytes, version)."""
    def run():
        if not ctx.venv_python:
            raise H.Skip("feedparser venv missing (scripts/bench.sh creates .build/bench-venv)")
        r = subprocess.run([ctx.venv_python, os.path.join(H.HERE, "fp_parse.py")] + files +
                           ["--runs", "1"], capture_output=True, text=True, timeout=900)
        if r.returncode != 0:
            raise H.Skip("feedparser failed: %s" % H.squeeze(r.stderr, 200))
        out = json.loads(r.stdout.strip().splitlines()[-1])
        ctx.versions["feedparser"] = out["version"]
        ctx.log("    feedparser %.0f ms" % out["ms"][0])
        return {"ms": out["ms"][0], "items": out["items"], "bytes": out["bytes"]}
    return run


def gazette_side(ctx, files, runs):
    """One Gazette pass: the sum over files of each file's median in-process parse time."""
    scratch = H.fresh_dir(ctx.work, "parse-")

    def run():
        why = ctx.gazette.missing()
        if why:
            raise H.Skip(why)
        total, peak = 0.0, 0.0
        for f in files:
            ms, rss = ctx.gazette.parse_ms(f, runs, scratch)
            total += ms
            peak = max(peak, rss or 0)
        ctx.log("    gazette %.1f ms, peak %.0f MB" % (total, peak))
        return {"ms": total, "rss_mb": peak}
    return run


def measure(ctx, case, files, nbytes, nitems, gz_runs):
    """Alternate feedparser and Gazette passes; rows for MB/s, stories/s and peak RSS."""
    fp, gz = Side(feedparser_side(ctx, files)), Side(gazette_side(ctx, files, gz_runs))
    a, b = H.alternate(ctx.reps(5), fp, gz)
    mbs = lambda rs: [nbytes / 1e6 / (r["ms"] / 1000) if r else None for r in rs]
    ips = lambda rs: [nitems / (r["ms"] / 1000) if r else None for r in rs]
    rows = [row(case, "throughput", "MB/s", mbs(b), mbs(a), higher_is_better=True, floor=FLOOR_SPEED,
                gazette_note=gz.reason, baseline_note=fp.reason),
            row(case, "stories per second", "stories/s", ips(b), ips(a), higher_is_better=True,
                gazette_note=gz.reason, baseline_note=fp.reason),
            row(case, "Gazette peak RSS (whole process)", "MB",
                [r["rss_mb"] if r else None for r in b], None,
                floor="< 3× input = %.0f MB" % (3 * nbytes / 1e6) if len(files) == 1 else None,
                gazette_note=gz.reason)]
    return rows


def parse_big(ctx):
    """One big feed (20,000 stories, ≈ 70 MB; 1,000 in QUICK)."""
    corpus, man = ctx.corpus("big")
    path = os.path.join(corpus, "big.xml")
    case = "one feed, %d stories, %.0f MB" % (man["big_items"], man["bytes"] / 1e6)
    return {"rows": measure(ctx, case, [path], man["bytes"], man["big_items"], 1),
            "baseline": "feedparser"}


def parse_small(ctx):
    """Many small feeds (500 × 10 stories; 100 in QUICK), summed per pass."""
    corpus, man = ctx.corpus("small")
    files = [os.path.join(corpus, f["path"]) for f in man["files"]]
    case = "%d feeds × %d stories, %.0f MB" % (man["feeds"], man["items_per_feed"], man["bytes"] / 1e6)
    return {"rows": measure(ctx, case, files, man["bytes"], man["stories"], 3),
            "baseline": "feedparser",
            "notes": ["Gazette: one `gazette-bench parse F --runs 3` per file, sum of per-file medians; "
                      "feedparser: one process, sum over files of one parse each."]}
