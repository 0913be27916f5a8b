"""Cache and text benchmarks on the in-process timings of `gazette-bench` (issues 4 and 6).

Expected interfaces (each prints its median on stderr or stdout as `<name>_ms=<value>`, or JSON):
  gazette-bench query --cache D/cache.sqlite open-feed URL --runs N      open_ms=…
  gazette-bench query --cache D/cache.sqlite search WORD --runs N        search_ms=… matches=…
  gazette-bench render FILE --width 100 --runs N                         render_ms=… render_process_cpu_ms=…
When a subcommand is missing the Gazette column says "not available yet" with the reason; for
search, `gazette search WORD --json` timed as a whole process is used as a fallback (noted).
"""
import os
import re

import harness as H
import bench_tui as T
from results import Side, pick, row


def gazette_query(ctx, name, args, key):
    def run():
        c = ctx.gazette_cache(name)
        argv = [ctx.gazette.bench, "query", "--cache", os.path.join(c["data"], "cache.sqlite")] + args + ["--runs", "5"]
        ms, text = ctx.gazette.bench_ms(argv, key, "gazette-bench query %s … --runs N" % args[0])
        return {"ms": ms, "text": text}
    return run


def open_big_feed(ctx):
    """Opening the one 20,000-story feed (1,000 in QUICK): headline list drawn/paged."""
    corpus, man = ctx.corpus("big")
    url = ctx.server.base + "big/big.xml"
    nb = Side(T.open_big_feed_newsboat(ctx))
    gz = Side(gazette_query(ctx, "big", ["open-feed", url], "open_ms"))
    a, b = H.alternate(ctx.reps(5), nb, gz)
    return {"rows": [row("one feed of %d stories" % man["big_items"], "open the feed", "ms",
                         pick(b, "ms"), pick(a, "ms"), floor="≤ 30 ms",
                         gazette_note=gz.reason, baseline_note=nb.reason)],
            "baseline": "newsboat (after ANALYZE)",
            "notes": ["newsboat: Enter on the feed until its article list is on screen (tmux); "
                      "Gazette: `gazette-bench query open-feed`, in-process."]}


def search(ctx):
    """A search matching ~1,000 stories in the 100k cache (the 10k one in QUICK, ~100 matches)."""
    name = "c10k" if ctx.quick else "c100k"
    corpus, man = ctx.corpus(name)
    word = man["search_word"]
    nb = Side(T.search_newsboat(ctx, name, word))
    inproc = Side(gazette_query(ctx, name, ["search", word], "search_ms"))
    note = []

    def gazette():
        r = inproc()
        if r is not None:
            return r
        c = ctx.gazette_cache(name)
        argv = ctx.gazette.dirs(c["config"], c["data"]) + ["search", word, "--json"]
        m = H.run_measured(argv, env=ctx.env, timeout=120, log=os.path.join(ctx.work, "search.log"))
        if m["rc"] != 0:
            raise H.Skip("not available yet: `gazette-bench query search` (%s) nor `gazette search` "
                         "(exit %s: %s)" % (inproc.reason, m["rc"], H.squeeze(m["tail"], 120)))
        if not note:
            note.append("Gazette: `gazette search %s --json` timed as a whole process "
                        "(`gazette-bench query search` not available: %s)" % (word, inproc.reason))
        return {"ms": m["wall"] * 1000}

    gz = Side(gazette)
    a, b = H.alternate(ctx.reps(5), nb, gz)
    return {"rows": [row("%dk stories, ~%d matches" % (man["stories"] // 1000, man["search_matches"]),
                         "search", "ms", pick(b, "ms"), pick(a, "ms"), floor="≤ 50 ms",
                         gazette_note=gz.reason, baseline_note=nb.reason)],
            "baseline": "newsboat (after ANALYZE)",
            "notes": ["newsboat: `/`, the word, Enter on its feed list, until the result list is on "
                      "screen (tmux)."] + note}


def render_article(ctx):
    """Rendering the 1 MB HTML article to 100 columns (no baseline: Gazette alone)."""
    corpus, man = ctx.corpus("big")
    path = os.path.join(corpus, "article.html")

    def run():
        why = ctx.gazette.missing()
        if why:
            raise H.Skip(why)
        ms, text = ctx.gazette.bench_ms([ctx.gazette.bench, "render", path, "--width", "100",
                                         "--runs", "5"], "render_ms",
                                        "gazette-bench render FILE --width 100 --runs N")
        found = re.search(r"\brender_process_cpu_ms=([0-9.]+)", text)
        return {"ms": ms, "cpu": float(found.group(1)) if found else None}

    gz = Side(run)
    _, b = H.alternate(ctx.reps(5), None, gz)
    return {"rows": [row("1 MB article, 100 columns", "render and lay out", "ms", pick(b, "ms"),
                         None, floor="≤ 20 ms", gazette_note=gz.reason,
                         baseline_note="no baseline"),
                     row("1 MB article, 100 columns", "CPU, both threads", "ms", pick(b, "cpu"),
                         None, gazette_note=gz.reason, baseline_note="no baseline")],
            "baseline": "—",
            "notes": ["An article of 64 KB or more is read on the calling thread while a second thread "
                      "lays out the blocks already read; the first row is the time a reader waits, the "
                      "second the CPU time of both threads."]}
