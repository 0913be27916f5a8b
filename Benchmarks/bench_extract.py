#!/usr/bin/env python3
"""Reader-mode extraction speed: Gazette's extractor against trafilatura on the same pages, same run.

    bench_extract.py --bench-bin .build/release/gazette-bench [--pages DIR] [--runs 9] [--no-trafilatura]

DIR holds saved news pages (*.html or *.html.gz), for instance a checkout of the article-extraction
benchmark's html/ folder. A generated 1 MB page (a news layout: menus, a long article, related links,
comments) is timed besides. Gazette is timed in process by `gazette-bench extract` (page in memory, parse
included); trafilatura (if importable) by `trafilatura.extract` in this process. Medians are printed.
Benchmarks are not tests: nothing fails for being slow.

In `make bench` (bench.py's "extract"), the pages are the generated 1 MB page, the HTML pages among the
repository's test fixtures, and the saved pages of the folder named by the environment variable
GAZETTE_EXTRACT_PAGES (optional); trafilatura runs in the bench environment's Python when it is installed
there (scripts/bench.sh tries `pip install trafilatura`).
"""
import argparse
import glob
import gzip
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

# The folder of saved pages `make bench` also times (optional).
PAGES_VARIABLE = "GAZETTE_EXTRACT_PAGES"
REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

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


def saved_pages(folder):
    """The saved pages of a folder (*.html, *.html.gz), sorted."""
    return sorted(glob.glob(os.path.join(folder, "*.html")) + glob.glob(os.path.join(folder, "*.html.gz")))


def fixture_pages():
    """The HTML pages among the repository's test fixtures."""
    found = []
    for root, _, files in os.walk(os.path.join(REPOSITORY, "Tests")):
        found += [os.path.join(root, f) for f in files if f.endswith((".html", ".html.gz"))]
    return sorted(found)


def baseline_times(python, pages, runs):
    """trafilatura's times in the bench environment's Python (where scripts/bench.sh installs it): a
    dictionary like trafilatura_times', or None when it is not installed there."""
    if not python:
        return None
    probe = subprocess.run([python, "-c", "import trafilatura"], capture_output=True)
    if probe.returncode != 0:
        return None
    out = subprocess.run([python, os.path.abspath(__file__), "--trafilatura-json", "--runs", str(runs)] + pages,
                         capture_output=True, text=True, timeout=1800)
    if out.returncode != 0:
        raise H.Skip("trafilatura failed: " + (out.stderr or out.stdout)[-300:])
    return {path: tuple(times) for path, times in json.loads(out.stdout).items()}


def extract(ctx):
    """Reader-mode extraction time per page (gumbo's parse included, plain text out) on the generated 1 MB
    news page, the repository's fixture pages and the pages of $GAZETTE_EXTRACT_PAGES; trafilatura on the
    same pages when it is installed in the bench environment."""
    from results import row
    binary = ctx.gazette.bench
    if not os.path.exists(binary):
        raise H.Skip("gazette-bench not built (%s)" % binary)
    big = os.path.join(ctx.work, "generated-1mb.html")
    with open(big, "w", encoding="utf-8") as f:
        f.write(generated_page())
    fixtures = fixture_pages()
    folder = os.environ.get(PAGES_VARIABLE, "")
    corpus = saved_pages(folder) if folder else []
    notes = ["`gazette-bench extract PAGE… --runs N` (in process, page in memory, gumbo's parse included, "
             "plain text out); per-page medians, then the median over the pages."]
    if folder and not corpus:
        notes.append("%s=%s holds no *.html or *.html.gz pages" % (PAGES_VARIABLE, folder))
    elif not folder:
        notes.append("no saved-page folder: set %s to a folder of *.html(.gz) pages (e.g. the article-"
                     "extraction benchmark's html/) to time those too" % PAGES_VARIABLE)
    runs = 5 if ctx.quick else 9
    pages = [big] + fixtures + corpus
    reps = ctx.reps(3)
    ours = [gazette_times(binary, pages, runs) for _ in range(reps)]
    theirs = None
    try:
        theirs = baseline_times(ctx.venv_python, pages, max(3, runs // 3))
    except (H.Skip, subprocess.TimeoutExpired, ValueError) as e:
        notes.append("trafilatura not timed: %s" % e)
    if theirs is None:
        print("  note: trafilatura is not installed in the bench environment; extraction has no baseline",
              flush=True)
        notes.append("trafilatura not installed in the bench environment (scripts/bench.sh tries "
                     "`pip install trafilatura`): no baseline")
    base_note = None if theirs else "trafilatura not installed"

    def per_page(times, group):
        return statistics.median([times[p][0] for p in group]) if group else None

    rows = [row("generated 1 MB news page", "extract", "ms", [t[big][0] for t in ours],
                [theirs[big][0]] if theirs else None, floor="≤ 60 ms", baseline_note=base_note)]
    for label, group in (("%d fixture pages, median per page" % len(fixtures), fixtures),
                         ("%d pages of $%s, median per page" % (len(corpus), PAGES_VARIABLE), corpus)):
        if group:
            rows.append(row(label, "extract", "ms", [per_page(t, group) for t in ours],
                            [per_page(theirs, group)] if theirs else None,
                            floor="≤ 15 ms" if group is corpus else None, baseline_note=base_note))
    return {"rows": rows, "baseline": "trafilatura", "notes": notes}


def trafilatura_json(pages, runs):
    """`--trafilatura-json`: trafilatura's times as JSON on stdout, for `extract` in another Python."""
    times = trafilatura_times(pages, runs)
    if times is None:
        sys.exit("trafilatura is not installed")
    json.dump(times, sys.stdout)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bench-bin", default=".build/release/gazette-bench")
    p.add_argument("--pages", default=os.environ.get(PAGES_VARIABLE),
                   help="folder of saved pages (*.html, *.html.gz); default $" + PAGES_VARIABLE)
    p.add_argument("--runs", type=int, default=9)
    p.add_argument("--no-trafilatura", action="store_true")
    p.add_argument("--trafilatura-json", nargs="*", metavar="PAGE", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.trafilatura_json is not None:
        return trafilatura_json(a.trafilatura_json, a.runs)
    pages = (saved_pages(a.pages) if a.pages else []) + fixture_pages()
    if not pages:
        sys.exit("no pages: give --pages DIR or set " + PAGES_VARIABLE)
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
