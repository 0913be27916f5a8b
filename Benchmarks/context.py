"""The state one benchmark run shares: work folder, loopback server, corpora and caches built once.

Corpora are generated on first use (into the run's temporary folder, served by one serve.py for the
whole run); reader caches are built on first use by each reader's own refresh from that server, so
every benchmark that needs "the 100k cache" gets the same one, built the product's way.
"""
import json
import os
import subprocess
import sys
import time

import harness as H
import newsboat_cli as NB
from gazette_cli import Gazette

# name: (feeds, items per feed, big-feed items, body bytes, article) for the full and the QUICK set.
# Cache corpora use short bodies so that 500k stories stay near 650 MB of feeds; the sizes differ
# only in the number of stories per feed.
CORPORA_FULL = {
    "big": (0, 0, 20000, 2500, True),
    "small": (500, 10, 0, 2500, False),
    "refresh": (500, 50, 0, 2500, False),
    "c10k": (500, 20, 0, 600, False),
    "c100k": (500, 200, 0, 600, False),
    "c500k": (500, 1000, 0, 600, False),
}
CORPORA_PROBE = (1, 2, 0, 300, False)  # a tiny corpus to learn whether `gazette refresh` exists
CORPORA_QUICK = {
    "big": (0, 0, 1000, 2500, True),
    "small": (100, 10, 0, 2500, False),
    "refresh": (100, 50, 0, 2500, False),
    "c10k": (500, 20, 0, 600, False),
}


class Context:
    """Everything the benchmark functions share; see bench.py for how it is made."""

    def __init__(self, work, gazette_bin, venv_python, quick, log):
        self.work = work
        self.quick = quick
        self.log = log
        self.gazette = Gazette(gazette_bin)
        self.venv_python = venv_python
        self.specs = CORPORA_QUICK if quick else CORPORA_FULL
        self.server = H.Server(os.path.join(work, "www"), lifetime=1500 if quick else 3000)
        self.env = H.private_env(os.path.join(work, "env"))
        self._corpora = {}
        self._caches = {}
        self.versions = {}

    def close(self):
        self.server.stop()

    def reps(self, default=5):
        return default

    def corpus(self, name):
        """Path of a generated corpus folder (generated on first use), with its manifest loaded."""
        if name not in self._corpora:
            spec = CORPORA_PROBE if name == "probe" else self.specs.get(name)
            if spec is None:
                raise H.Skip("corpus %s is not part of the %s set" % (name, "QUICK" if self.quick else "full"))
            feeds, items, big, body, article = spec
            out = os.path.join(self.work, "www", name)
            argv = [sys.executable, os.path.join(H.HERE, "genfeeds.py"), "--out", out,
                    "--feeds", str(feeds), "--items", str(items), "--big-items", str(big),
                    "--body-bytes", str(body), "--base-url", self.server.base + name + "/"]
            if article:
                argv.append("--article")
            t0 = time.perf_counter()
            subprocess.run(argv, check=True)
            with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
                man = json.load(f)
            self.log("  corpus %s: %d stories, %.1f MB, generated in %.1f s" % (
                name, man["stories"], man["bytes"] / 1e6, time.perf_counter() - t0))
            self._corpora[name] = (out, man)
        return self._corpora[name]

    def newsboat_cache(self, name):
        """newsboat's cache filled by `newsboat -x reload` from the server, then ANALYZEd."""
        key = ("newsboat", name)
        if key not in self._caches:
            why = NB.available()
            if why:
                raise H.Skip(why)
            corpus, man = self.corpus(name)
            d = os.path.join(self.work, "caches", "newsboat-" + name)
            os.makedirs(d, exist_ok=True)
            urls, cache, config = (os.path.join(d, n) for n in ("urls", "cache.db", "config"))
            with open(os.path.join(corpus, "urls"), encoding="utf-8") as s, open(urls, "w") as t:
                t.write(s.read())
            NB.write_config(config)
            r = H.run_measured(NB.refresh_argv(urls, cache, config), env=self.env, cwd=d,
                               timeout=900, log=os.path.join(d, "build.log"))
            if r["rc"] != 0:
                raise H.Skip("newsboat could not build the %s cache: %s" % (name, r["tail"]))
            NB.analyze(cache)
            self.log("  newsboat cache %s: %s stories, %.0f MB, built in %.1f s" % (
                name, NB.count_items(cache), os.path.getsize(cache) / 1e6, r["wall"]))
            self._caches[key] = {"urls": urls, "cache": cache, "config": config,
                                 "build_s": r["wall"], "bytes": os.path.getsize(cache)}
        return self._caches[key]

    def stories(self, name):
        """How many stories a corpus has, without generating it."""
        feeds, items, big, _, _ = self.specs[name]
        return feeds * items + big, feeds

    def gazette_cache(self, name):
        """Gazette's config and data folders filled by `gazette refresh` from the server.

        A failure is remembered, and a tiny corpus is tried first, so a missing command costs
        neither a big corpus generation nor a retry per benchmark."""
        key = ("gazette", name)
        if isinstance(self._caches.get(key), H.Skip):
            raise self._caches[key]
        if key not in self._caches:
            try:
                if name != "probe":
                    self.gazette_cache("probe")
                self._caches[key] = self._build_gazette_cache(name)
            except H.Skip as e:
                self._caches[key] = e
                raise
        return self._caches[key]

    def _build_gazette_cache(self, name):
        """One real `gazette refresh` into fresh folders (see gazette_cache)."""
        why = self.gazette.missing()
        if why:
            raise H.Skip(why)
        corpus, man = self.corpus(name)
        d = os.path.join(self.work, "caches", "gazette-" + name)
        conf, data = os.path.join(d, "config"), os.path.join(d, "data")
        os.makedirs(data, exist_ok=True)
        Gazette.write_config(conf, os.path.join(corpus, "urls"))
        r = H.run_measured(self.gazette.refresh_argv(conf, data), env=self.env, cwd=d,
                           timeout=900, log=os.path.join(d, "build.log"))
        if r["rc"] != 0:
            raise H.Skip("not available yet: `gazette refresh` (exit %s: %s)" % (
                r["rc"], H.first_line(r["tail"])))
        size = sum(os.path.getsize(os.path.join(p, f)) for p, _, fs in os.walk(data) for f in fs)
        self.log("  gazette cache %s: %.0f MB on disk, built in %.1f s" % (name, size / 1e6, r["wall"]))
        return {"config": conf, "data": data, "build_s": r["wall"], "bytes": size}
