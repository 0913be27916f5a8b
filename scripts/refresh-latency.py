#!/usr/bin/env python3
"""Key-to-frame latency while the reader refreshes many feeds (issue 5's floor: under 50 ms).

Serves FEEDS feeds of STORIES stories each from 127.0.0.1 (a threaded HTTP server in this process), starts
gazette on a fresh pseudo-terminal with a temporary config (urls listing those feeds) and data directory,
and then, before and during a refresh started with R, repeatedly presses `?` and measures the time from
writing the key until the help overlay ("Keys: Headlines") arrives in the program's output; a second `?`
closes it. A sample counts as "during the refresh" when the server has answered some but not all feeds
before and after it. No tmux involved, so tmux's own redraw delay is not counted.

usage: scripts/refresh-latency.py [--feeds 500] [--stories 50] [--gap 0.15] -- BINARY
example: scripts/refresh-latency.py -- .build/debug/gazette
"""
import argparse, fcntl, http.server, os, pty, re, select, shutil, signal, statistics, struct, sys, tempfile
import termios, threading, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Benchmarks"))
from serve import BenchServer  # noqa: E402

CSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78M]")


def feed_xml(n, stories):
    items = "".join(
        f"<item><title>Feed {n} story {i} headline</title><link>http://127.0.0.1/{n}/{i}</link>"
        f"<guid>f{n}-s{i}</guid><pubDate>Sun, 29 Nov 2026 {i % 24:02d}:{n % 60:02d}:00 GMT</pubDate>"
        f"<description>&lt;p&gt;Story {i} of feed {n}, a paragraph of text.&lt;/p&gt;</description></item>"
        for i in range(stories))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench feed {n}</title>{items}'
            "</channel></rss>").encode()


class Server:
    def __init__(self, feeds, stories):
        bodies = {f"/feed/{n}.xml": feed_xml(n, stories) for n in range(feeds)}
        self.lock = threading.Lock()
        self.served = 0
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                body = bodies.get(self.path)
                if body is None:
                    self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers(); return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                with outer.lock:
                    outer.served += 1

            def log_message(self, *args):
                pass

        self.httpd = BenchServer(("127.0.0.1", 0), Handler)  # a backlog for every connection at once
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.urls = [f"http://127.0.0.1:{self.port}{path}" for path in bodies]

    def count(self):
        with self.lock:
            return self.served


def read_until(fd, needle, timeout):
    """Reads the program's output until `needle` shows in it (escape sequences removed); returns seconds."""
    start = time.monotonic()
    seen = b""
    while time.monotonic() - start < timeout:
        ready, _, _ = select.select([fd], [], [], 0.002)
        if ready:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return None
            seen += chunk
            if needle in CSI.sub(b"", seen):
                return time.monotonic() - start
    return None


def drain(fd, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.005)
        if ready:
            try:
                os.read(fd, 1 << 20)
            except OSError:
                return


def sample(fd):
    os.write(fd, b"?")
    elapsed = read_until(fd, b"Keys: Headlines", 5.0)
    os.write(fd, b"?")
    return elapsed


def summary(name, values):
    if not values:
        return f"{name}: no samples"
    ms = sorted(v * 1000 for v in values)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return (f"{name}: {len(ms)} samples, median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, "
            f"max {ms[-1]:.1f} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--stories", type=int, default=50)
    parser.add_argument("--gap", type=float, default=0.15, help="seconds between samples")
    parser.add_argument("--size", default="160x48")
    parser.add_argument("binary")
    args = parser.parse_args()
    cols, rows = (int(v) for v in args.size.lower().split("x"))
    server = Server(args.feeds, args.stories)
    root = tempfile.mkdtemp(prefix="gazette-latency-")
    config, data = os.path.join(root, "config"), os.path.join(root, "data")
    os.makedirs(config); os.makedirs(data)
    with open(os.path.join(config, "urls"), "w") as urls:
        urls.write("\n".join(server.urls) + "\n")
    argv = [os.path.abspath(args.binary), "--config-dir", config, "--data-dir", data]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    try:
        if read_until(fd, b"Headlines", 20) is None:
            print("the reader did not start", file=sys.stderr)
            return 1
        drain(fd, 0.5)
        idle = []
        for _ in range(15):
            value = sample(fd)
            if value is not None:
                idle.append(value)
            drain(fd, args.gap)
        os.write(fd, b"R")
        started = time.monotonic()
        during, missed = [], 0
        while server.count() < args.feeds and time.monotonic() - started < 600:
            before = server.count()
            value = sample(fd)
            after = server.count()
            if value is None:
                missed += 1
            elif 0 < before and after < args.feeds:
                during.append(value)
            drain(fd, args.gap)
        refresh_seconds = time.monotonic() - started
        print(f"{args.feeds} feeds x {args.stories} stories from 127.0.0.1; all served {refresh_seconds:.1f} s after R")
        print(summary("idle, before the refresh", idle))
        print(summary("during the refresh", during))
        if missed:
            print(f"{missed} samples saw no frame within 5 s")
        return 0
    finally:
        os.write(fd, b"\x1bq")
        time.sleep(0.3)
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
        server.httpd.shutdown()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
