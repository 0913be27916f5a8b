#!/usr/bin/env python3
"""Time to first frame: start gazette on a fresh pseudo-terminal of a fixed size, measure the time from
spawning it until MARKER appears in its output, send QUIT, and wait for it to exit. Repeats and prints the
median. No tmux involved, so tmux's own refresh delay is not counted.

usage: scripts/first-frame.py [--runs N] [--size COLSxROWS] [--marker TEXT] [--quit KEYS] -- BINARY [ARGS...]
example: scripts/first-frame.py --marker 'Surprise turnaround' -- .build/release/gazette --demo
"""
import argparse, fcntl, os, pty, select, signal, statistics, struct, sys, tempfile, termios, time


def one_run(argv, cols, rows, marker, quit_keys, timeout):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.kill(pid, signal.SIGWINCH)  # the size was set after fork; make sure the child sees it
    start = time.monotonic()
    seen = b""
    first = None
    needle = marker.encode()
    while time.monotonic() - start < timeout:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if first is None and needle in seen:
                first = time.monotonic() - start
                break
    os.write(fd, quit_keys.encode())
    deadline = time.monotonic() + timeout
    status = None
    while time.monotonic() < deadline:
        try:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                os.read(fd, 65536)
        except OSError:
            pass
        done, raw = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(raw)
            break
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    return first, status


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--size", default="160x48")
    parser.add_argument("--marker", default="Gazette")
    parser.add_argument("--quit", default="q")
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()
    cols, rows = (int(v) for v in args.size.lower().split("x"))
    argv = args.command
    argv[0] = os.path.abspath(argv[0])
    times = []
    for _ in range(args.runs):
        first, status = one_run(argv, cols, rows, args.marker, args.quit, args.timeout)
        if first is None:
            print(f"marker {args.marker!r} never appeared (exit status {status})", file=sys.stderr)
            return 1
        if status != 0:
            print(f"warning: exit status {status}", file=sys.stderr)
        times.append(first * 1000)
    print(f"time to first frame ({args.size}, {args.runs} runs): median {statistics.median(times):.1f} ms, "
          f"min {min(times):.1f} ms, max {max(times):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
