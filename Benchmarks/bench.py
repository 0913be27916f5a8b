#!/usr/bin/env python3
"""The benchmark driver: runs every registered benchmark and writes the results.

    bench.py --gazette .build/release/gazette --venv-python .build/bench-venv/bin/python
             [--quick] [--only NAME,…] [--json OUT.json] [--markdown BENCHMARKS.md] [--work DIR]

Each benchmark is ONE function in BENCHMARKS below, taking the shared Context and returning
{"rows": [...], "baseline": name, "notes": [...]} (see results.row). A benchmark that cannot run
raises harness.Skip; a missing Gazette command only blanks Gazette's column, with the reason. To add a
benchmark (comment threads, article extraction, …), write the function and add one line here.

Benchmarks are not tests: nothing here fails for being slow. Traffic goes to 127.0.0.1 only.
"""
import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_cache  # noqa: E402
import bench_comments  # noqa: E402
import bench_extract  # noqa: E402
import bench_parse  # noqa: E402
import bench_refresh  # noqa: E402
import bench_sync  # noqa: E402
import bench_tui  # noqa: E402
import harness as H  # noqa: E402
import machine  # noqa: E402
import report  # noqa: E402
from context import Context  # noqa: E402

# (name, title, function, issue)
BENCHMARKS = [
    ("parse-big", "Parse throughput: one big feed", bench_parse.parse_big, 3),
    ("parse-small", "Parse throughput: many small feeds", bench_parse.parse_small, 3),
    ("refresh", "Headless refresh, cold and warm", bench_refresh.refresh, 5),
    ("first-frame", "Time to first frame and peak memory by cache size", bench_tui.first_frame, 4),
    ("open-feed", "Opening the biggest feed", bench_cache.open_big_feed, 4),
    ("search", "Search", bench_cache.search, 4),
    ("frame-time", "Reader frame time", bench_tui.frame_time, 4),
    ("frame-bytes", "Bytes written to the terminal per key", bench_tui.frame_bytes, 17),
    ("render", "Rendering a 1 MB article", bench_cache.render_article, 6),
    ("comments", "Comment threads: layout and Hacker News fetch", bench_comments.comments, 12),
    ("sync", "Syncing from a Google Reader API server", bench_sync.sync, 19),
    ("extract", "Reader-mode article extraction", bench_extract.extract, 13),
]


def merge_previous(a, results):
    """With --only, keep the other benchmarks' entries from the previous results file of the same set,
    so BENCHMARKS.md still shows every benchmark (each entry says when it was measured)."""
    if not a.only or not a.json or not os.path.exists(a.json):
        return results
    try:
        with open(a.json, encoding="utf-8") as f:
            old = json.load(f)
    except ValueError:
        return results
    if old.get("quick") != a.quick:
        return results
    fresh = {e["name"]: e for e in results}
    order = [b[0] for b in BENCHMARKS]
    merged = {e["name"]: e for e in old.get("benchmarks", [])}
    merged.update(fresh)
    return [merged[n] for n in order if n in merged]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gazette", default=".build/release/gazette")
    ap.add_argument("--venv-python", default=".build/bench-venv/bin/python")
    ap.add_argument("--quick", action="store_true", help="reduced corpora (< 3 minutes)")
    ap.add_argument("--only", default="", help="comma-separated benchmark names")
    ap.add_argument("--json", help="write all results here")
    ap.add_argument("--markdown", help="regenerate the marked part of this file (BENCHMARKS.md)")
    ap.add_argument("--work", help="work folder (default: a new temporary folder, removed after)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    a = ap.parse_args(argv)

    # SIGTERM unwinds like Ctrl-C, so the server and the work folder are cleaned up.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    chosen = [b for b in BENCHMARKS if not a.only or b[0] in a.only.split(",")]
    work = a.work or tempfile.mkdtemp(prefix="gazette-bench-")
    os.makedirs(os.path.join(work, "www"), exist_ok=True)
    venv_python = a.venv_python if os.path.exists(a.venv_python) else None
    log = lambda s: print(s, flush=True)
    started = time.time()
    info = machine.describe(os.path.abspath(a.gazette))
    log("gazette-bench: %s set, work folder %s" % ("QUICK" if a.quick else "full", work))
    log("  machine: %s" % machine.one_line(info))
    ctx = Context(work, os.path.abspath(a.gazette), venv_python, a.quick, log)
    ctx.versions = info["versions"]
    results = []
    try:
        for name, title, fn, issue in chosen:
            log("[%s] %s" % (name, title))
            t0 = time.perf_counter()
            entry = {"name": name, "title": title, "issue": issue, "doc": (fn.__doc__ or "").strip(),
                     "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                     "load": machine.load(), "quick": a.quick}
            try:
                entry.update(fn(ctx))
            except H.Skip as e:
                entry["skipped"] = str(e)
            except Exception as e:  # a broken benchmark must not hide the others' figures
                entry["skipped"] = "error: %s" % e
                traceback.print_exc()
            entry["seconds"] = time.perf_counter() - t0
            for line in report.text_lines(entry):
                log("  " + line)
            results.append(entry)
    finally:
        ctx.close()
        if not a.keep and not a.work:
            shutil.rmtree(work, ignore_errors=True)
    results = merge_previous(a, results)
    doc = {"quick": a.quick, "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(started)),
           "minutes": (time.time() - started) / 60, "machine": info, "benchmarks": results}
    if a.json:
        os.makedirs(os.path.dirname(os.path.abspath(a.json)), exist_ok=True)
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1, ensure_ascii=False)
    if a.markdown:
        report.update_markdown(a.markdown, doc)
    log("gazette-bench: done in %.1f min" % doc["minutes"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
