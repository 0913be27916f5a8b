#!/usr/bin/env python3
"""A Tiny Tiny RSS JSON API server (tt-rss's api/ shapes) on 127.0.0.1 for the sync benchmark.

    ttrss_serve.py --feeds F --items N [--lifetime 1800]

Prints `PORT <n>` once listening. Holds N articles spread over F feeds, one a minute back from now
(every third read, every tenth starred), and answers what Gazette asks at `/tt-rss/api/`: login,
getCategories, getFeeds (with each feed's unread count), getHeadlines (feed_id -4 all, -1 starred or a
feed; view_mode, since_id, skip, limit cut to 200 as tt-rss does, order_by, show_content), getArticle and
updateArticle. Any user and password are accepted. /__stats counts calls by op and articles sent
(/__reset zeroes them).
"""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

from greader_serve import corpus_server_main

API = "/tt-rss/api/"


class Store:
    def __init__(self, feeds, items):
        now = int(time.time())
        self.feeds = list(range(1, feeds + 1))
        # (id, feed, updated, unread, marked), oldest first
        self.items = [[i + 1, self.feeds[i % feeds], now - 60 * (items - i), i % 3 != 0, i % 10 == 0]
                      for i in range(items)]
        self.by_id = {it[0]: it for it in self.items}
        self.lock = threading.Lock()
        self.counts = {}

    def count(self, key, n=1):
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + n


def article(it, content):
    out = {"id": it[0], "guid": "SHA1:%d" % it[0], "unread": it[3], "marked": it[4], "published": False,
           "updated": it[2], "is_updated": False, "title": "Benchmark article %d" % it[0],
           "link": "https://articles.example/%d" % it[0], "feed_id": str(it[1]), "tags": [""], "labels": [],
           "feed_title": "Bench feed %d" % it[1], "comments_count": 0, "comments_link": "",
           "always_display_attachments": False, "author": "Bench Author", "score": 0, "note": None, "lang": "en"}
    if content:
        out["content"] = ("<p>Article %d: a paragraph of benchmark text with <a href=\"https://a.example/%d\">"
                          "a link</a> and some words to index for search.</p>" % (it[0], it[0]))
    return out


def make_handler(store):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send(self, obj, status=0):
            body = json.dumps({"seq": 0, "status": status, "content": obj}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            path = urlsplit(self.path).path
            if path in ("/__stats", "/__reset"):
                with store.lock:
                    body = json.dumps(store.counts).encode()
                    if path == "/__reset":
                        store.counts = {}
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if urlsplit(self.path).path != API:
                return self.send_error(404)
            call = json.loads(body or b"{}")
            op = call.get("op", "")
            store.count(op)
            if op == "login":
                return self.send({"session_id": "bench", "api_level": 18})
            if op == "getCategories":
                return self.send([{"id": 1, "title": "Bench", "unread": 0}])
            if op == "getFeeds":
                unread = {}
                for it in store.items:
                    if it[3]:
                        unread[it[1]] = unread.get(it[1], 0) + 1
                return self.send([{"id": f, "title": "Bench feed %d" % f, "feed_url": "https://feeds.example/%d" % f,
                                   "cat_id": 1, "unread": unread.get(f, 0)} for f in store.feeds])
            if op == "getHeadlines":
                feed = int(call.get("feed_id", -4))
                found = [it for it in store.items if feed == -4 or (feed == -1 and it[4]) or it[1] == feed]
                if call.get("view_mode") == "unread":
                    found = [it for it in found if it[3]]
                since = int(call.get("since_id") or 0)
                if since:
                    found = [it for it in found if it[0] > since]
                if call.get("order_by") != "date_reverse":
                    found = found[::-1]
                limit = int(call.get("limit") or 200)
                limit = 200 if limit <= 0 or limit > 200 else limit
                skip = int(call.get("skip") or 0)
                page = found[skip:skip + limit]
                store.count("articles-sent", len(page))
                return self.send([article(it, bool(call.get("show_content"))) for it in page])
            if op == "getArticle":
                ids = [int(x) for x in str(call.get("article_id", "")).split(",") if x.strip()]
                page = [store.by_id[i] for i in ids if i in store.by_id]
                store.count("articles-sent", len(page))
                return self.send([article(it, True) for it in page])
            if op == "updateArticle":
                ids = [int(x) for x in str(call.get("article_ids", "")).split(",") if x.strip()]
                return self.send({"status": "OK", "updated": len(ids)})
            return self.send({"error": "UNKNOWN_METHOD"}, status=1)

    return Handler


def main(argv=None):
    return corpus_server_main(__doc__, lambda feeds, items: make_handler(Store(feeds, items)), argv)


if __name__ == "__main__":
    raise SystemExit(main())
