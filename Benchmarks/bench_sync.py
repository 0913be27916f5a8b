"""Syncing from a Google Reader API server (issue 19): `gazette sync` vs newsboat syncing from it.

Both read the same server (greader_serve.py: 10,000 stories over 100 feeds, 2,000 over 20 in QUICK),
first into empty folders, then again with nothing changed on the server. newsboat 2.21 (Debian 12) has
no `urls-source "freshrss"` (it came in 2.22); its Google Reader API client with a configurable server
is `urls-source "feedhq"`, which asks each feed for its newest `feedhq-min-items` items as Atom
(`reader/atom/FEED`, one request per feed), set here to the stories per feed so that it gets them all
(a newer newsboat's "freshrss" source makes the same one request per feed, as JSON). Gazette asks for the ids of unread, starred and recent items,
then for the contents it lacks, 250 at a time. Same concurrency for newsboat's reloads as for Gazette's
fetches. Wall time and peak RSS of the process.
"""
import json
import os
import shutil
import subprocess
import sys
import urllib.request

import harness as H
import newsboat_cli as NB
from gazette_cli import CONCURRENCY
from results import Side, pick, row

HERE = os.path.dirname(os.path.abspath(__file__))


class GReaderServer:
    """greader_serve.py (or, with kind "ttrss", ttrss_serve.py) on a free 127.0.0.1 port for this benchmark."""

    def __init__(self, feeds, items, kind="greader"):
        self.kind = kind
        script = "%s_serve.py" % kind
        self.proc = subprocess.Popen([sys.executable, os.path.join(HERE, script), "--feeds", str(feeds),
                                      "--items", str(items), "--lifetime", "2400"],
                                     stdout=subprocess.PIPE, text=True)
        words = self.proc.stdout.readline().split()
        if len(words) != 2 or words[0] != "PORT":
            self.stop()
            raise H.Skip("%s did not start" % script)
        self.base = "http://127.0.0.1:%s" % words[1]
        self.api = self.base + ("/tt-rss/" if kind == "ttrss" else "/api/greader.php")

    def stats(self, reset=False):
        with urllib.request.urlopen(self.base + ("/__reset" if reset else "/__stats"), timeout=10) as r:
            return json.loads(r.read())

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)


def gazette_run(ctx, server, log):
    def run():
        why = ctx.gazette.missing()
        if why:
            raise H.Skip(why)
        d = H.fresh_dir(ctx.work, "gz-sync-")
        conf, data = os.path.join(d, "config"), os.path.join(d, "data")
        os.makedirs(conf)
        os.makedirs(data)
        path = os.path.join(conf, "config.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write('[refresh]\njobs = %d\nper-host = %d\n\n[[sync]]\nname = "bench"\ntype = "%s"\n'
                    'url = "%s"\nuser = "bench"\npassword = "bench"\n' % (CONCURRENCY, CONCURRENCY, server.kind,
                                                                          server.api))
        os.chmod(path, 0o600)
        argv = ctx.gazette.dirs(conf, data) + ["sync", "--quiet"]
        server.stats(reset=True)
        first = H.run_measured(argv, env=ctx.env, cwd=d, timeout=900, log=os.path.join(d, "first.log"))
        if first["rc"] != 0:
            raise H.Skip("not available yet: `gazette sync` (exit %s: %s)" % (first["rc"], H.first_line(first["tail"])))
        first["answers"] = server.stats(reset=True)
        again = H.run_measured(argv, env=ctx.env, cwd=d, timeout=900, log=os.path.join(d, "again.log"))
        again["answers"] = server.stats()
        shutil.rmtree(d, ignore_errors=True)
        log("    gazette first %.2f s %.0f MB %s, unchanged %.2f s %.0f MB %s" % (
            first["wall"], first["rss_mb"], first["answers"], again["wall"], again["rss_mb"], again["answers"]))
        return {"first": first, "unchanged": again}
    return run


def newsboat_run(ctx, server, per_feed, log):
    def run():
        why = NB.available()
        if why:
            raise H.Skip(why)
        d = H.fresh_dir(ctx.work, "nb-sync-")
        urls, cache, config = (os.path.join(d, n) for n in ("urls", "cache.db", "config"))
        open(urls, "w").close()
        with open(config, "w", encoding="utf-8") as f:
            f.write('urls-source "feedhq"\nfeedhq-url "%s"\nfeedhq-login "bench"\nfeedhq-password "bench"\n'
                    'feedhq-min-items %d\nreload-threads %d\n' % (server.api, per_feed, CONCURRENCY))
        argv = NB.refresh_argv(urls, cache, config)
        server.stats(reset=True)
        first = H.run_measured(argv, env=ctx.env, cwd=d, timeout=900, log=os.path.join(d, "first.log"))
        if first["rc"] != 0:
            raise H.Skip("newsboat sync failed: %s" % H.squeeze(first["tail"]))
        first["answers"] = server.stats(reset=True)
        first["stored"] = NB.count_items(cache)
        NB.analyze(cache)
        again = H.run_measured(argv, env=ctx.env, cwd=d, timeout=900, log=os.path.join(d, "again.log"))
        again["answers"] = server.stats()
        shutil.rmtree(d, ignore_errors=True)
        log("    newsboat first %.2f s %.0f MB (%s stories stored) %s, unchanged %.2f s %.0f MB" % (
            first["wall"], first["rss_mb"], first["stored"], first["answers"], again["wall"], again["rss_mb"]))
        return {"first": first, "unchanged": again}
    return run


def sync(ctx):
    """10,000 stories over 100 feeds (2,000 over 20 in QUICK): first sync, then unchanged; 3 repetitions. The
    same from a Tiny Tiny RSS server, Gazette alone."""
    feeds, items = (20, 2000) if ctx.quick else (100, 10000)
    server = GReaderServer(feeds, items)
    try:
        nb = Side(newsboat_run(ctx, server, items // feeds, ctx.log))
        gz = Side(gazette_run(ctx, server, ctx.log))
        a, b = H.alternate(ctx.reps(3), nb, gz)
    finally:
        server.stop()
    case = "%d stories over %d feeds" % (items, feeds)
    part = lambda rs, phase: [r[phase] if r else None for r in rs]
    rows = []
    for phase, floor in (("first", "≥ 3× faster"), ("unchanged", "< 1 s and ≥ 10× faster")):
        rows.append(row(case + ", " + phase, "wall time", "s", pick(part(b, phase), "wall"),
                        pick(part(a, phase), "wall"), floor=floor, gazette_note=gz.reason, baseline_note=nb.reason))
        rows.append(row(case + ", " + phase, "peak RSS", "MB", pick(part(b, phase), "rss_mb"),
                        pick(part(a, phase), "rss_mb"), gazette_note=gz.reason, baseline_note=nb.reason))
    # Tiny Tiny RSS (ttrss_serve.py), Gazette alone: its unchanged sync lists unread articles only of feeds
    # whose counts moved, and its first sync takes 30 days of read articles.
    tt_server = GReaderServer(feeds, items, kind="ttrss")
    try:
        tt = Side(gazette_run(ctx, tt_server, ctx.log))
        t = [tt() for _ in range(ctx.reps(3))]
    finally:
        tt_server.stop()
    tt_case = "Tiny Tiny RSS, %d articles over %d feeds" % (items, feeds)
    for phase in ("first", "unchanged"):
        rows.append(row(tt_case + ", " + phase, "wall time", "s", pick(part(t, phase), "wall"), None,
                        gazette_note=tt.reason, baseline_note="no baseline run"))
    notes = []
    stored = [r["first"].get("stored") for r in a if r]
    if stored:
        notes.append("newsboat stored %s stories on its first sync." % stored[0])
    answers = [r["unchanged"].get("answers") for r in b if r]
    if answers:
        notes.append("Gazette's unchanged sync asked the server: %s." % answers[0])
    tt_answers = [r["unchanged"].get("answers") for r in t if r]
    if tt_answers:
        notes.append("Gazette's unchanged Tiny Tiny RSS sync asked: %s." % tt_answers[0])
    return {"rows": rows, "baseline": "newsboat", "notes": notes}
