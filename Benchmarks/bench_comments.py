#!/usr/bin/env python3
"""Comment-thread benchmarks (issue 12), on `gazette-bench` (in-process timings, not in `gazette`):

  gazette-bench comments-layout --comments 5000 --width 60 --runs N        layout_ms=…
  gazette-bench comments-fetch --api URL/v0/ --item ID --concurrency 8     fetch_ms=…
  gazette-bench page-comments --comments 1000 --runs N                     extract_ms=…

The fetch benchmark serves a 500-comment Hacker News thread as Firebase item files (`v0/item/ID.json`)
from the loopback server, with no Algolia tree, so the client takes its item-by-item fallback.

Also runnable alone:  bench_comments.py --bench .build/release/gazette-bench [--runs 9]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402


def write_thread(root, story_id=9000000, comments=500):
    """A 500-comment thread as Firebase items under root/v0/item/: 100 top-level comments, each with a
    chain of replies four deep. Returns the story id."""
    items = os.path.join(root, "v0", "item")
    os.makedirs(items, exist_ok=True)
    top = comments // 5
    kids = {story_id: []}
    next_id = story_id + 1
    for t in range(top):
        parent = story_id
        for level in range(5):
            kids.setdefault(parent, []).append(next_id)
            kids[next_id] = []
            parent = next_id
            next_id += 1
    parents = {kid: p for p, ks in kids.items() for kid in ks}
    for item_id, children in kids.items():
        if item_id == story_id:
            obj = {"id": item_id, "type": "story", "by": "pat", "time": 1790000000, "title": "Bench thread",
                   "kids": children, "descendants": comments, "score": 100}
        else:
            obj = {"id": item_id, "type": "comment", "by": "user%d" % (item_id % 97), "time": 1790000000 + item_id % 5000,
                   "parent": parents[item_id],
                   "text": "A comment of some length about looms and terminals, number %d.<p>Second paragraph "
                           "with a <a href=\"https://example.org/\">link</a>." % item_id}
            if children:
                obj["kids"] = children
        with open(os.path.join(items, "%d.json" % item_id), "w") as f:
            json.dump(obj, f)
    return story_id


def measure(argv, key, timeout=600):
    out = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    found = re.search(r"\b%s=([0-9.]+)" % key, out.stdout + out.stderr)
    if out.returncode != 0 or not found:
        raise H.Skip("%s failed (status %d): %s" % (" ".join(argv[:2]), out.returncode, (out.stderr or out.stdout)[-300:]))
    return float(found.group(1))


def comments(ctx):
    """Laying out a 5,000-comment thread for a 60-column pane; fetching a 500-comment HN thread item by item."""
    from results import Side, row
    binary = ctx.gazette.bench
    if not os.path.exists(binary):
        raise H.Skip("gazette-bench not built (%s)" % binary)
    story = write_thread(os.path.join(ctx.work, "www", "hn"))
    api = ctx.server.base + "hn/v0/"
    layout = Side(lambda: measure([binary, "comments-layout", "--comments", "5000", "--width", "60",
                                   "--runs", "9"], "layout_ms"))
    fetch = Side(lambda: measure([binary, "comments-fetch", "--api", api, "--item", str(story),
                                  "--concurrency", "8", "--runs", "3"], "fetch_ms"))
    page = Side(lambda: measure([binary, "page-comments", "--comments", "1000", "--runs", "5"], "extract_ms"))
    reps = ctx.reps(3)
    return {"rows": [row("5,000 comments, 60 columns", "build and lay out", "ms", [layout() for _ in range(reps)],
                         None, floor="≤ 50 ms", gazette_note=layout.reason, baseline_note="no baseline"),
                     row("500-comment HN thread, Firebase fallback, 8 at a time", "fetch", "ms",
                         [fetch() for _ in range(reps)], None, gazette_note=fetch.reason, baseline_note="no baseline"),
                     row("story page with 1,000 comments (MercoPress-like markup)", "find by structure", "ms",
                         [page() for _ in range(reps)], None, gazette_note=page.reason, baseline_note="no baseline")],
            "baseline": "—",
            "notes": ["`gazette-bench comments-layout` and `comments-fetch`, in-process medians; the thread is "
                      "served as Firebase item files by the loopback server."]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=".build/release/gazette-bench")
    ap.add_argument("--runs", type=int, default=9)
    a = ap.parse_args()
    print("page-comments:", measure([a.bench, "page-comments", "--comments", "1000", "--runs", str(a.runs)],
                                     "extract_ms"), "ms (median)")
    print("comments-layout:", measure([a.bench, "comments-layout", "--comments", "5000", "--width", "60",
                                       "--runs", str(a.runs)], "layout_ms"), "ms (median)")
    with tempfile.TemporaryDirectory(prefix="gazette-bench-comments-") as root:
        story = write_thread(root)
        server = H.Server(root, lifetime=600)
        try:
            print("comments-fetch:", measure([a.bench, "comments-fetch", "--api", server.base + "v0/",
                                              "--item", str(story), "--concurrency", "8",
                                              "--runs", str(max(3, a.runs // 3))], "fetch_ms"), "ms (median)")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
