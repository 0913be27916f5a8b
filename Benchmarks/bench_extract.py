#!/usr/bin/env python3
"""Reader-mode extraction speed: Gazette's extractor against trafilatura on the same pages, same run.

    bench_extract.py --bench-bin .build/release/gazette-bench --pages DIR [--runs 9] [--no-trafilatura]

DIR holds saved news pages (*.html or *.html.gz), for instance a checkout of the article-extraction
benchmark's html/ folder. A generated 1 MB page (a news layout: menus, a long article, related links,
comments) is timed besides. Gazette is timed in process by `gazette-bench extract` (page in memory, parse
included); trafilatura (if importable) by `trafilatura.extract` in this process. Medians are printed.
Benchmarks are not tests: nothing fails for being slow.
"""
import argparse
import glob
import gzip
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

WORDS = ("the council said on monday that its plans for the harbour would go ahead after a vote, "
         "although residents, fishermen and two local firms had asked for more time to study the report "
         "which runs to several hundred pages and covers traffic, noise, water quality and costs").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def generated_page(size=1_000_000, seed=7):
    """A news page of about `size` bytes: navigation, a long article, a sidebar, related links, comments."""
    rng = random.Random(seed)
    head = ["<!doctype html><html><head><title>Harbour plan</title>",
            '<meta property="og:title" content="Harbour plan approved">',
            "</head><body><header class='site-header'><nav class='menu'><ul>"]
    head += [f"<li><a href='/section/{i}'>Section {i}</a></li>" for i in range(40)]
    head.append("</ul></nav></header><main><article class='story'><h1>Harbour plan approved</h1>"
                "<div class='byline'>By A. Writer</div><div class='story-body'>")
    tail = ["</div></article><aside class='sidebar'><h3>Most read</h3><ul>"]
    tail += [f"<li><a href='/story/{i}'>{sentence(rng, 8)}</a></li>" for i in range(30)]
    tail.append("</ul></aside><section class='comments'>")
    tail += [f"<div class='comment'><p>{sentence(rng, 20)}</p></div>" for i in range(50)]
    tail.append("</section></main><footer>Copyright</footer></body></html>")
    body = []
    fixed = sum(len(x) for x in head + tail)
    while fixed + sum(len(x) for x in body) < size:
        body.append("<p>" + " ".join(sentence(rng, rng.randint(8, 25)) for _ in range(4)) + "</p>")
        if len(body) % 12 == 0:
            body.append("<div class='advert'>Advertisement</div><h2>" + sentence(rng, 5) + "</h2>")
    return "".join(head + body + tail)


def gazette_times(binary, pages, runs):
    out = subprocess.run([binary, "extract", "--runs", str(runs)] + pages, check=True, capture_output=True,
                         text=True).stdout
    times = {}
    for line in out.splitlines():
        fields = line.split("\t")
        if len(fields) == 4:
            times[fields[3]] = (float(fields[0]), float(fields[1]))
    return times


def read(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return f.read().decode("utf-8", "replace")


def trafilatura_times(pages, runs):
    """(wall, thread CPU) medians in ms of trafilatura.extract on each page, in this process."""
    try:
        import trafilatura
    except ImportError:
        return None
    times = {}
    for path in pages:
        html = read(path)
        walls, cpus = [], []
        for _ in range(runs):
            start, cpu = time.perf_counter(), time.thread_time()
            trafilatura.extract(html)
            walls.append((time.perf_counter() - start) * 1000)
            cpus.append((time.thread_time() - cpu) * 1000)
        times[path] = (statistics.median(walls), statistics.median(cpus))
    return times


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bench-bin", default=".build/release/gazette-bench")
    p.add_argument("--pages", required=True, help="folder of saved pages (*.html, *.html.gz)")
    p.add_argument("--runs", type=int, default=9)
    p.add_argument("--no-trafilatura", action="store_true")
    a = p.parse_args()
    pages = sorted(glob.glob(os.path.join(a.pages, "*.html")) + glob.glob(os.path.join(a.pages, "*.html.gz")))
    if not pages:
        sys.exit(f"no pages in {a.pages}")
    with tempfile.TemporaryDirectory() as work:
        big = os.path.join(work, "generated-1mb.html")
        with open(big, "w", encoding="utf-8") as f:
            f.write(generated_page())
        gazette = gazette_times(a.bench_bin, pages + [big], a.runs)
        other = None if a.no_trafilatura else trafilatura_times(pages + [big], max(3, a.runs // 3))
    print(f"pages: {len(pages)}, runs per page: {a.runs}; wall time (thread CPU time) in ms, medians")
    for name, times in (("gazette", gazette), ("trafilatura", other)):
        if not times:
            continue
        wall = statistics.median([times[p][0] for p in pages])
        cpu = statistics.median([times[p][1] for p in pages])
        print(f"{name:12} per page {wall:7.2f} ({cpu:6.2f})   1 MB page {times[big][0]:7.2f} ({times[big][1]:6.2f})")
    if not other:
        print("trafilatura  not installed (pip install trafilatura) or --no-trafilatura")


if __name__ == "__main__":
    main()
