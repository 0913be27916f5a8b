#!/usr/bin/env python3
"""Serve a corpus folder on 127.0.0.1 with ETag / Last-Modified validators and 304 answers.

    serve.py ROOT [--port 0] [--lifetime 1800]

Prints `PORT <n>` on stdout once listening (port 0 picks a free one), then answers quietly (no log
lines) from one thread per connection, HTTP/1.1 with keep-alive. Files are read per request, so the
folder may be filled after the server starts. It stops by itself after --lifetime seconds, so a
crashed driver never leaves it behind; the driver normally stops it with SIGTERM.

Only 127.0.0.1 is ever bound. Two extra paths help the driver check what a run did:
  /__stats   JSON counts of answers by status since the last reset
  /__reset   the same, then zeroes the counts
"""
import argparse
import email.utils
import json
import os
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit


class Counters:
    """Answer counts by status, shared by the handler threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}

    def add(self, status):
        with self.lock:
            self.counts[status] = self.counts.get(status, 0) + 1

    def snapshot(self, reset):
        with self.lock:
            out = {str(k): v for k, v in sorted(self.counts.items())}
            if reset:
                self.counts = {}
        return out


def make_handler(root, counters):
    """A request handler class bound to ROOT (never serves outside it)."""
    root = os.path.realpath(root)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "GazetteBench/1"

        def log_message(self, *args):  # quiet: the benchmark output is the driver's
            pass

        def answer(self, status, body=b"", headers=()):
            self.send_response(status)
            for k, v in headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body and self.command != "HEAD":
                self.wfile.write(body)
            counters.add(status)

        def do_HEAD(self):
            self.do_GET()

        def do_GET(self):
            path = unquote(urlsplit(self.path).path)
            if path in ("/__stats", "/__reset"):
                body = json.dumps(counters.snapshot(reset=path == "/__reset")).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            full = os.path.realpath(os.path.join(root, path.lstrip("/")))
            if not full.startswith(root + os.sep) or not os.path.isfile(full):
                self.answer(404, b"not found\n", [("Content-Type", "text/plain")])
                return
            st = os.stat(full)
            etag = '"%x-%x"' % (st.st_mtime_ns, st.st_size)
            modified = email.utils.formatdate(int(st.st_mtime), usegmt=True)
            validators = [("ETag", etag), ("Last-Modified", modified)]
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            if inm is not None:
                fresh = etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
            elif ims is not None:
                try:
                    fresh = email.utils.parsedate_to_datetime(ims).timestamp() >= int(st.st_mtime)
                except (TypeError, ValueError):
                    fresh = False
            else:
                fresh = False
            if fresh:
                self.answer(304, b"", validators)
                return
            with open(full, "rb") as f:
                body = f.read()
            ctype = ("application/xml; charset=utf-8" if full.endswith(".xml") else
                     "text/html; charset=utf-8" if full.endswith(".html") else "text/plain")
            self.answer(200, body, validators + [("Content-Type", ctype)])

    return Handler


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--lifetime", type=float, default=1800, help="seconds before stopping by itself")
    a = ap.parse_args(argv)
    counters = Counters()
    return serve_until_stopped(make_handler(a.root, counters), a.port, a.lifetime)


class BenchServer(ThreadingHTTPServer):
    """A threading server whose listen backlog holds every connection the readers open at once (8 each):
    with the standard library's 5, a connection beyond it waited for the client's SYN retransmission, a
    second later, whenever the accepting thread fell behind. The backlog is passed to `listen` by the
    constructor, so it must be the class's, not set on the instance afterwards."""
    request_queue_size = 128
    daemon_threads = True


def serve_until_stopped(handler, port, lifetime):
    """Serves `handler` on 127.0.0.1:`port` (0: any free port, printed as `PORT n`) until SIGTERM, SIGINT or
    `lifetime` seconds; the benchmark servers' one way of running."""
    server = BenchServer(("127.0.0.1", port), handler)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdout.write("PORT %d\n" % server.server_address[1])
    sys.stdout.flush()
    stop.wait(lifetime)
    server.shutdown()
    server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
