"""How the benchmarks drive newsboat, the baseline reader (Debian package).

newsboat is given its faster case everywhere: `ANALYZE` on its cache before anything is timed on a
cache it has already filled (without index statistics its per-feed query scans the whole items table,
which costs it seconds at 25,000 stories and a minute at 100,000).
"""
import os
import shutil
import sqlite3
import subprocess

from gazette_cli import CONCURRENCY


def available():
    """Why newsboat cannot run, or None."""
    return None if shutil.which("newsboat") else "newsboat is not installed (apt-get install newsboat)"


def version():
    try:
        out = subprocess.run(["newsboat", "--version"], capture_output=True, text=True).stdout
        return out.split(" - ")[0].strip()
    except OSError:
        return "newsboat (unknown version)"


def write_config(path):
    """Same fetch concurrency as Gazette; nothing else changed from the defaults."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("reload-threads %d\n" % CONCURRENCY)


def refresh_argv(urls, cache, config):
    return ["newsboat", "-u", urls, "-c", cache, "-C", config, "-x", "reload"]


def reader_argv(urls, cache, config):
    return ["newsboat", "-u", urls, "-c", cache, "-C", config]


def analyze(cache):
    """Fill SQLite's index statistics on newsboat's cache (its fast case)."""
    if shutil.which("sqlite3"):
        subprocess.run(["sqlite3", cache, "ANALYZE;"], check=True)
    else:  # the CLI is only a convenience; the library does the same thing
        con = sqlite3.connect(cache)
        con.execute("ANALYZE")
        con.commit()
        con.close()


def count_items(cache):
    try:
        con = sqlite3.connect("file:%s?mode=ro" % cache, uri=True)
        try:
            return con.execute("SELECT COUNT(*) FROM rss_item").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return None
