"""Cold and warm headless refresh (issue 5): `gazette refresh` vs `newsboat -x reload`.

Each repetition starts from empty folders: a cold refresh (every feed downloaded and stored), then a
warm one (every feed answers 304). newsboat gets its faster case: `ANALYZE` on its cache after the
cold run, and, because newsboat 2.21 stores validators only from its second fetch on, untimed
priming runs until the server answers it with 304 only. Gazette's first warm run is timed as is.
Same concurrency for both (8 fetches in flight); wall time and peak RSS of the process.
"""
import os
import shutil

import harness as H
import newsboat_cli as NB
from gazette_cli import Gazette
from results import Side, pick, row


def all_304(stats):
    return set(stats) == {"304"}


def newsboat_run(ctx, corpus, log):
    def run():
        why = NB.available()
        if why:
            raise H.Skip(why)
        d = H.fresh_dir(ctx.work, "nb-refresh-")
        urls, cache, config = (os.path.join(d, n) for n in ("urls", "cache.db", "config"))
        with open(os.path.join(corpus, "urls"), encoding="utf-8") as s, open(urls, "w") as t:
            t.write(s.read())
        NB.write_config(config)
        argv = NB.refresh_argv(urls, cache, config)
        ctx.server.stats(reset=True)
        cold = H.run_measured(argv, env=ctx.env, cwd=d, timeout=600, log=os.path.join(d, "cold.log"))
        if cold["rc"] != 0:
            raise H.Skip("newsboat cold refresh failed: %s" % H.squeeze(cold["tail"]))
        NB.analyze(cache)
        for attempt in range(3):
            ctx.server.stats(reset=True)
            warm = H.run_measured(argv, env=ctx.env, cwd=d, timeout=600,
                                  log=os.path.join(d, "warm.log"))
            if all_304(ctx.server.stats()):
                break
        warm["primed"] = attempt
        shutil.rmtree(d, ignore_errors=True)
        log("    newsboat cold %.2f s %.0f MB, warm %.2f s %.0f MB (%d priming runs)" % (
            cold["wall"], cold["rss_mb"], warm["wall"], warm["rss_mb"], attempt))
        return {"cold": cold, "warm": warm}
    return run


def gazette_run(ctx, corpus, log):
    def run():
        why = ctx.gazette.missing()
        if why:
            raise H.Skip(why)
        d = H.fresh_dir(ctx.work, "gz-refresh-")
        conf, data = os.path.join(d, "config"), os.path.join(d, "data")
        os.makedirs(data)
        Gazette.write_config(conf, os.path.join(corpus, "urls"))
        argv = ctx.gazette.refresh_argv(conf, data)
        cold = H.run_measured(argv, env=ctx.env, cwd=d, timeout=600, log=os.path.join(d, "cold.log"))
        if cold["rc"] != 0:
            raise H.Skip("not available yet: `gazette refresh` (exit %s: %s)" % (
                cold["rc"], H.first_line(cold["tail"])))
        ctx.server.stats(reset=True)
        warm = H.run_measured(argv, env=ctx.env, cwd=d, timeout=600, log=os.path.join(d, "warm.log"))
        warm["answers"] = ctx.server.stats()
        shutil.rmtree(d, ignore_errors=True)
        log("    gazette cold %.2f s %.0f MB, warm %.2f s %.0f MB (answers %s)" % (
            cold["wall"], cold["rss_mb"], warm["wall"], warm["rss_mb"], warm["answers"]))
        return {"cold": cold, "warm": warm}
    return run


def refresh(ctx):
    """500 feeds × 50 stories (100 feeds in QUICK), cold then all-304 warm, 3 repetitions."""
    corpus, man = ctx.corpus("refresh")
    nb, gz = Side(newsboat_run(ctx, corpus, ctx.log)), Side(gazette_run(ctx, corpus, ctx.log))
    a, b = H.alternate(ctx.reps(3), nb, gz)
    case = "%d feeds × %d stories" % (man["feeds"], man["items_per_feed"])
    part = lambda rs, phase: [r[phase] if r else None for r in rs]
    rows = []
    for phase, floor in (("cold", "≥ 5× faster (issue 17)"), ("warm", "≥ 8× faster (issue 17)")):
        rows.append(row(case + ", " + phase, "wall time", "s", pick(part(b, phase), "wall"),
                        pick(part(a, phase), "wall"), floor=floor, gazette_note=gz.reason,
                        baseline_note=nb.reason))
        rows.append(row(case + ", " + phase, "peak RSS", "MB", pick(part(b, phase), "rss_mb"),
                        pick(part(a, phase), "rss_mb"), floor="≤ newsboat's (issue 17)", gazette_note=gz.reason,
                        baseline_note=nb.reason))
    notes = []
    primed = [r["warm"].get("primed") for r in a if r]
    if primed:
        notes.append("newsboat needed %s untimed priming run(s) before answering 304 everywhere "
                     "(it stores validators from the second fetch on)." % max(primed))
    answers = [r["warm"].get("answers") for r in b if r]
    if answers and not all(all_304(x) for x in answers):
        notes.append("Gazette's warm runs were not all 304: %s" % answers)
    return {"rows": rows, "baseline": "newsboat", "notes": notes}
