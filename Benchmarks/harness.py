"""Measurement primitives shared by the benchmarks (stdlib only).

Everything here measures one thing the same way for every program: wall time and peak RSS of a child
process (os.wait4, so no /usr/bin/time is needed), A/B alternation, summaries, the loopback server,
and first-frame timing in a private tmux server.
"""
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import json
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


class Skip(Exception):
    """A benchmark (or one side of it) cannot run; the message says why, and no number is reported."""


def summary(values):
    """Median, min, max and count of the measured values (None entries are failed runs)."""
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    return {"median": statistics.median(vals), "min": min(vals), "max": max(vals), "n": len(vals),
            "values": vals}


def alternate(reps, first, second):
    """Run first() and second() alternately (A B A B …) reps times; either may be None (skipped).

    Alternation spreads machine noise (other builds, thermal drift) evenly over both sides.
    Returns the two lists of results."""
    a, b = [], []
    for _ in range(reps):
        if first:
            a.append(first())
        if second:
            b.append(second())
    return a, b


def private_env(tmp):
    """An environment whose HOME and XDG folders live in tmp: nothing reads the user's real files."""
    home = os.path.join(tmp, "home")
    os.makedirs(home, exist_ok=True)
    env = dict(os.environ)
    env.pop("TMUX", None)
    env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local", "share"),
               XDG_CACHE_HOME=os.path.join(home, ".cache"), LANG="C.UTF-8", LC_ALL="C.UTF-8",
               TERM="xterm-256color", no_proxy="127.0.0.1", NO_PROXY="127.0.0.1")
    for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        env.pop(k, None)
    return env


def run_measured(argv, env=None, cwd=None, timeout=600, log=None, split_stderr=False):
    """Run argv to completion; returns dict(wall s, rss_mb peak, rc, out tail).

    Output goes to `log` (stderr too, or to log + ".err" with split_stderr). Peak RSS comes from the
    kernel's rusage of that one child (ru_maxrss, KiB on Linux)."""
    out = open(log, "wb") if log else subprocess.DEVNULL
    err = (open(log + ".err", "wb") if split_stderr else subprocess.STDOUT) if log else subprocess.DEVNULL
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out,
                         stderr=err, start_new_session=True)
    deadline = t0 + timeout
    rc, ru = None, None
    while rc is None:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            rc = os.waitstatus_to_exitcode(status)
            break
        if time.perf_counter() > deadline:
            os.killpg(p.pid, signal.SIGKILL)  # the child's own session only
            _, status, ru = os.wait4(p.pid, 0)
            rc = "timeout"
            break
        time.sleep(0.005)
    wall = time.perf_counter() - t0
    p.returncode = rc if isinstance(rc, int) else -9
    if log:
        out.close()
        if split_stderr:
            err.close()
    tail = ""
    if log and rc != 0:
        with open(log, "rb") as f:
            tail = f.read()[-600:].decode("utf-8", "replace")
    return {"wall": wall, "rss_mb": ru.ru_maxrss / 1024.0 if ru else None, "rc": rc, "tail": tail}


def run_capture(argv, env=None, timeout=120, cwd=None):
    """Run argv and return (rc, stdout, stderr) as text; rc is 'timeout' or 'missing' when it did not run."""
    try:
        r = subprocess.run(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=timeout, text=True, errors="replace")
    except subprocess.TimeoutExpired:
        return "timeout", "", ""
    except OSError as e:
        return "missing", "", str(e)
    return r.returncode, r.stdout, r.stderr


class Server:
    """serve.py on a free 127.0.0.1 port for the whole run; stopped by its own PID."""

    def __init__(self, root, lifetime):
        self.proc = subprocess.Popen([sys.executable, os.path.join(HERE, "serve.py"), root,
                                      "--lifetime", str(int(lifetime))],
                                     stdout=subprocess.PIPE, text=True)
        words = self.proc.stdout.readline().split()
        if len(words) != 2 or words[0] != "PORT":
            self.stop()
            raise RuntimeError("serve.py did not start")
        self.base = "http://127.0.0.1:%s/" % words[1]

    def stats(self, reset=False):
        """Answer counts by status since the last reset (to check that a warm run was all 304)."""
        with urllib.request.urlopen(self.base + ("__reset" if reset else "__stats"), timeout=10) as r:
            return json.loads(r.read())

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def vm_hwm_kb(pid):
    """Peak resident set (VmHWM) of a live process, from /proc."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except OSError:
        return False


class ControlClient:
    """A tmux control-mode client (`tmux -C attach`) on the benchmark's session: keys go to the pane through
    it without starting a tmux process per key, and tmux reports each chunk of the pane's output to it as
    a `%output` line the moment it reads it from the program. The time from writing `send-keys` to the first
    `%output` after it is the program's key-to-output time with well under a millisecond of overhead, the
    same for every program (a screen capture costs ~5 ms, which hid differences below that)."""

    def __init__(self, tmux, env, session):
        import threading
        self.session = session
        self.proc = subprocess.Popen(tmux + ["-C", "attach", "-t", session], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, bufsize=0)
        self.outputs = []  # perf_counter() time of each %output chunk, in order
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        pending = b""
        fd = self.proc.stdout.fileno()
        while True:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return
            if not data:
                return
            now = time.perf_counter()
            pending += data
            *lines, pending = pending.split(b"\n")
            with self.lock:
                self.outputs.extend(now for line in lines if line.startswith(b"%output "))

    def mark(self):
        """How many output chunks have been seen so far (the start of a step's window)."""
        with self.lock:
            return len(self.outputs)

    def command(self, words):
        """Sends one tmux command (words quoted for tmux's parser); returns the time it was written."""
        line = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words) + "\n"
        t = time.perf_counter()
        self.proc.stdin.write(line.encode())
        return t

    def first_output(self, since, limit):
        """Waits (sleeping in small steps) until an output chunk after mark `since` came, at most `limit` s."""
        end = time.perf_counter() + limit
        while self.mark() <= since and time.perf_counter() < end:
            time.sleep(0.0002)

    def output_times(self, since, start, quiet=0.05, limit=5.0):
        """Waits until the output has been quiet for `quiet` s (at most `limit`), then returns the times
        from `start` to the first and to the last output chunk after mark `since` (None when nothing came)."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            with self.lock:
                chunks = self.outputs[since:]
            if chunks and time.perf_counter() - chunks[-1] >= quiet:
                break
            time.sleep(0.005)
        with self.lock:
            chunks = self.outputs[since:]
        if not chunks:
            return None, None
        return chunks[0] - start, chunks[-1] - start

    def close(self):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def tmux_first_frame(argv, env, expect, width=200, height=60, timeout=120, steps=(), poll=0.01,
                     step_timeout=60, record=None, settle=0.4, control=False):
    """Launch argv in a private tmux server and time it until the screen matches `expect` (regex).

    Returns dict(startup s, rss_mb peak seen, steps [s…], screen) or raises Skip with the last screen
    when the text never appears. Each step is (keys, regex): keys are sent with send-keys (or, as
    ("resize", w, h), the window is resized), and the time runs until the screen changed and matches
    regex. Polling costs ~5 ms per capture, which is the resolution of these figures. A step
    ("repeat", key, count, gap) presses key `count` times, `gap` seconds apart (a held key).

    With `record` (a file path), the pane's output is recorded with `pipe-pane` from the first frame on,
    and the result also has "bytes": what the program wrote to the terminal for each step, counted
    once its output has been still for `settle` seconds (so a frame that follows the first one, like
    an article drawn after the list moved, is counted with its key).

    With `control`, keys and resizes go through a tmux control-mode client (`ControlClient`), and the
    result also has "outputs": for each step, the seconds from the key to the program's first output and
    to its last output (None, None when it wrote nothing)."""
    sock = "gzbench-%d-%d" % (os.getpid(), int(time.time() * 1000) % 10**6)
    tmux = ["tmux", "-L", sock, "-f", "/dev/null"]

    def t(*args):
        return subprocess.run(tmux + list(args), env=env, capture_output=True, text=True,
                              errors="replace").stdout

    pid, hwm, client = None, 0, None
    try:
        subprocess.run(tmux + ["new-session", "-d", "-s", "b", "-x", str(width), "-y", str(height),
                               "sleep 3600"], env=env, check=True, capture_output=True)
        t("set-option", "-t", "b", "status", "off")
        before = t("capture-pane", "-p", "-t", "b")
        cmd = "exec " + " ".join(shlex_quote(x) for x in argv)
        t0 = time.perf_counter()
        t("respawn-pane", "-k", "-t", "b", cmd)
        pid = int(t("display-message", "-p", "-t", "b", "#{pane_pid}").strip() or 0)

        def capture(styled):
            return t("capture-pane", "-p", "-t", "b", *(["-e"] if styled else []))

        def wait(regex, previous, start, limit):
            """Until the screen differs from previous and matches regex (None: any change, styles
            included, so a moved highlight counts)."""
            nonlocal hwm
            rx = re.compile(regex) if regex else None
            screen = ""
            while time.perf_counter() - start < limit:
                screen = capture(rx is None)
                hwm = max(hwm, vm_hwm_kb(pid) or 0)
                if screen != previous and (rx is None or rx.search(screen)):
                    return time.perf_counter() - start, screen
                if not alive(pid):
                    raise Skip("exited before showing %r; screen: %s" % (regex, squeeze(screen)))
                time.sleep(poll)
            raise Skip("no %r within %d s; screen: %s" % (regex, limit, squeeze(screen)))

        def recorded():
            try:
                return os.path.getsize(record)
            except OSError:
                return 0

        def still(limit):
            """Until the recording has not grown for `settle` seconds."""
            size, since, end = recorded(), time.perf_counter(), time.perf_counter() + limit
            while time.perf_counter() < end:
                time.sleep(poll)
                now = recorded()
                if now != size:
                    size, since = now, time.perf_counter()
                elif time.perf_counter() - since >= settle:
                    break
            return size

        startup, screen = wait(expect, before, t0, timeout)
        if record:
            time.sleep(settle)
            t("pipe-pane", "-o", "-t", "b", "cat >> " + shlex_quote(record))
        if control:
            client = ControlClient(tmux, env, "b")
            time.sleep(0.2)  # attached before the first key
        times, written, outputs = [], [], []
        for keys, regex in steps:
            time.sleep(0.3)
            start_bytes = still(step_timeout) if record else 0
            previous = capture(regex is None)
            if keys and keys[0] == "resize":
                words = ["resize-window", "-t", "b", "-x", str(keys[1]), "-y", str(keys[2])]
            elif keys and keys[0] == "repeat":
                words = ["send-keys", "-t", "b", keys[1]]
            else:
                words = ["send-keys", "-t", "b"] + list(keys)
            if keys and keys[0] == "repeat":
                # A held key: `count` presses `gap` seconds apart, as a terminal's key repeat sends them.
                since, ts = (client.mark() if client else 0), time.perf_counter()
                for _ in range(keys[2]):
                    client.command(words) if client else t(*words)
                    time.sleep(keys[3])
            elif client:
                since = client.mark()
                ts = client.command(words)
                # No capture (a new tmux process) runs until the first output came: it would compete
                # with the program and with the reading thread for the two cores.
                client.first_output(since, step_timeout)
            else:
                ts = time.perf_counter()
                t(*words)
            dt, screen = wait(regex, previous, ts, step_timeout)
            times.append(dt)
            if client:
                outputs.append(client.output_times(since, ts))
            if record:
                written.append(still(step_timeout) - start_bytes)
        hwm = max(hwm, vm_hwm_kb(pid) or 0)
        t("send-keys", "-t", "b", "q")  # a polite quit first; killed below if still running
        for _ in range(100):
            if not alive(pid):
                break
            time.sleep(0.02)
        return {"startup": startup, "rss_mb": hwm / 1024.0 if hwm else None, "steps": times,
                "bytes": written, "outputs": outputs, "screen": screen}
    finally:
        if client:
            client.close()
        if pid and alive(pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        subprocess.run(tmux + ["kill-server"], env=env, capture_output=True)


def shlex_quote(s):
    import shlex
    return shlex.quote(s)


def squeeze(screen, limit=300):
    """A screen capture on one short line, for skip reasons and logs."""
    return re.sub(r"\s+", " ", screen or "").strip()[:limit]


def first_line(text):
    """The first non-empty line of a program's output (its error, usually), shortened."""
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()[:200]
    return "no output"


def fresh_dir(parent, prefix):
    return tempfile.mkdtemp(prefix=prefix, dir=parent)


def copy_tree(src, dst):
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst)
