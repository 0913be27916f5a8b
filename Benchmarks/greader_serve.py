#!/usr/bin/env python3
"""A Google Reader API server (FreshRSS's api/greader.php shapes) on 127.0.0.1 for the sync benchmark.

    greader_serve.py --feeds F --items N [--lifetime 1800]

Prints `PORT <n>` once listening. Holds N items spread over F feeds (every third read, every tenth
starred) and answers what Gazette and newsboat ask: accounts/ClientLogin, reader/api/0/token,
subscription/list, stream/items/ids (s, xt, ot, n, c), stream/items/contents (POSTed i ids),
stream/contents/FEED and the Atom form reader/atom/FEED (n; one request per feed, as newsboat asks:
its 2.21 speaks the API as `urls-source "feedhq"`, with Atom), edit-tag. Any user and password are
accepted. Item JSON is rendered once at start, so the server's own cost stays small. /__stats counts
requests by path kind and items sent (and /__reset zeroes them).
"""
import argparse
import json
import threading
import time
from html import escape
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, unquote, urlsplit

from serve import serve_until_stopped

BASE = "/api/greader.php"
PREFIX = "tag:google.com,2005:reader/item/"


class Store:
    def __init__(self, feeds, items):
        now = int(time.time())
        self.feeds = ["feed/%d" % (i + 1) for i in range(feeds)]
        self.items = []  # newest first: (id, feed, crawled, read, starred, json bytes)
        for i in range(items - 1, -1, -1):
            feed = self.feeds[i % feeds]
            iid = 1_700_000_000_000_000 + i
            read, starred = i % 3 == 0, i % 10 == 0
            cats = ["user/-/state/com.google/reading-list", "user/-/label/Bench"]
            if read:
                cats.append("user/-/state/com.google/read")
            if starred:
                cats.append("user/-/state/com.google/starred")
            crawled = now - (items - i)
            body = json.dumps({
                "id": PREFIX + "%016x" % iid, "crawlTimeMsec": str(crawled * 1000),
                "timestampUsec": str(crawled * 1_000_000), "published": crawled,
                "title": "Benchmark story %d" % i,
                "canonical": [{"href": "https://stories.example/%d" % i}],
                "alternate": [{"href": "https://stories.example/%d" % i, "type": "text/html"}],
                "categories": cats,
                "origin": {"streamId": feed, "title": "Bench feed %s" % feed[5:], "htmlUrl": "https://site.example/"},
                "summary": {"content": "<p>Story %d: a paragraph of benchmark text with <a href=\"https://a.example/%d\">"
                                       "a link</a> and some words to index for search.</p>" % (i, i)},
                "author": "Bench Author"}).encode()
            self.items.append([iid, feed, crawled, read, starred, body])
        self.by_id = {it[0]: it for it in self.items}
        self.atom = {}
        for i in range(items - 1, -1, -1):
            iid = 1_700_000_000_000_000 + i
            it = self.by_id[iid]
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(it[2]))
            cats = "".join('<category term="user/-/state/com.google/%s" scheme="http://www.google.com/reader/" label="%s"/>'
                           % (c, c) for c, on in (("read", it[3]), ("starred", it[4])) if on)
            self.atom[iid] = ('<entry><id>%s%016x</id><title type="html">Benchmark story %d</title>'
                              '<published>%s</published><updated>%s</updated><link rel="alternate" '
                              'href="https://stories.example/%d" type="text/html"/>%s<author><name>Bench Author</name>'
                              '</author><content type="html">%s</content></entry>' % (
                                  PREFIX, iid, i, stamp, stamp, i, cats,
                                  escape("<p>Story %d: a paragraph of benchmark text with <a href=\"https://a.example/%d\">"
                                         "a link</a> and some words to index for search.</p>" % (i, i)))).encode()
        self.lock = threading.Lock()
        self.counts = {}

    def count(self, key, n=1):
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + n


def item_id(text):
    if text.startswith(PREFIX):
        return int(text[len(PREFIX):], 16)
    try:
        return int(text)
    except ValueError:
        return None


def make_handler(store):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send(self, body, ctype="application/json", status=200):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def contents(self, items):
            store.count("items-sent", len(items))
            return b'{"id":"user/-/state/com.google/reading-list","items":[' + b",".join(it[5] for it in items) + b"]}"

        def route(self, fields):
            parts = urlsplit(self.path)
            path = unquote(parts.path)
            fields = parse_qsl(parts.query) + fields
            get = lambda k, d=None: next((v for n, v in fields if n == k), d)
            if path in ("/__stats", "/__reset"):
                with store.lock:
                    body = json.dumps(store.counts).encode()
                    if path == "/__reset":
                        store.counts = {}
                return self.send(body)
            if not path.startswith(BASE):
                return self.send(b"not found", "text/plain", 404)
            route = path[len(BASE):]
            store.count(route.split("/reader/api/0/")[-1].split("/feed")[0])
            if route == "/accounts/ClientLogin":
                return self.send(b"SID=s\nLSID=null\nAuth=bench/token\n", "text/plain")
            if route == "/reader/api/0/token":
                return self.send(b"BENCHTOKEN\n", "text/plain")
            if route == "/reader/api/0/subscription/list":
                subs = [{"id": f, "title": "Bench feed %s" % f[5:], "url": "https://feeds.example/%s.xml" % f[5:],
                         "htmlUrl": "https://site.example/", "categories": [{"id": "user/-/label/Bench", "label": "Bench"}]}
                        for f in store.feeds]
                return self.send(json.dumps({"subscriptions": subs}).encode())
            if route == "/reader/api/0/stream/items/ids":
                s, xt, ot = get("s", ""), get("xt"), get("ot")
                n = min(int(get("n", "20")), 10000)
                c = get("c")
                out = []
                more = None
                for it in store.items:
                    if s.endswith("/starred") and not it[4]:
                        continue
                    if xt and xt.endswith("/read") and it[3]:
                        continue
                    if ot and it[2] < int(ot):
                        continue
                    if c and it[0] > int(c):
                        continue
                    if len(out) == n:
                        more = str(it[0])
                        break
                    out.append({"id": str(it[0])})
                answer = {"itemRefs": out}
                if more:
                    answer["continuation"] = more
                return self.send(json.dumps(answer).encode())
            if route == "/reader/api/0/stream/items/contents":
                wanted = [item_id(v) for k, v in fields if k == "i"]
                return self.send(self.contents([store.by_id[i] for i in wanted if i in store.by_id]))
            if route.startswith("/reader/api/0/stream/contents/"):
                feed = route[len("/reader/api/0/stream/contents/"):]
                n = int(get("n", "20"))
                return self.send(self.contents([it for it in store.items if it[1] == feed][:n]))
            if route.startswith("/reader/atom/"):
                feed = route[len("/reader/atom/"):]
                n = int(get("n", "20"))
                chosen = [it for it in store.items if it[1] == feed][:n]
                store.count("items-sent", len(chosen))
                body = (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                        b'<id>tag:google.com,2005:reader/' + feed.encode() + b'</id><title>Bench feed ' +
                        feed[5:].encode() + b'</title>' + b"".join(store.atom[it[0]] for it in chosen) + b"</feed>")
                return self.send(body, "application/atom+xml; charset=utf-8")
            if route in ("/reader/api/0/edit-tag", "/reader/api/0/mark-all-as-read"):
                return self.send(b"OK", "text/plain")
            return self.send(b"Bad Request", "text/plain", 400)

        def do_GET(self):
            self.route([])

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace")
            self.route(parse_qsl(body))

    return Handler


def corpus_server_main(doc, handler_for, argv=None):
    """The command line of the sync benchmark's servers: --feeds F --items N [--lifetime S]; `handler_for(F, N)`
    is the request handler serving that corpus."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--feeds", type=int, default=100)
    ap.add_argument("--items", type=int, default=10000)
    ap.add_argument("--lifetime", type=float, default=1800)
    a = ap.parse_args(argv)
    return serve_until_stopped(handler_for(a.feeds, a.items), 0, a.lifetime)


def main(argv=None):
    return corpus_server_main(__doc__, lambda feeds, items: make_handler(Store(feeds, items)), argv)


if __name__ == "__main__":
    raise SystemExit(main())
