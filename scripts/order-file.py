#!/usr/bin/env python3
"""Writes scripts/gazette.order: the functions of the `gazette` binary that a cold refresh and the reader's
start (first frame, five `j`, `q`) run, for the release link to place together (see the Makefile).

Why: the kernel maps code 64 KB around every page a process touches (fault-around), so a few thousand
functions scattered over 20 MB of code kept ~12.5 MB of it resident during a refresh; placed together,
~6 MB (the rest is code of the static Swift libraries that was not compiled one function per section).

How: both runs go under valgrind's callgrind against a local corpus (Benchmarks/genfeeds.py served by
Benchmarks/serve.py on 127.0.0.1); every function callgrind saw run that the binary defines is listed —
first those both runs share, then the refresh's own, then the reader's, each group by name so the file
diffs well. Needs valgrind, tmux and binutils (`strip`, `nm`).

usage: scripts/order-file.py [--binary .build/release/gazette] [--out scripts/gazette.order]
Run it after `make release` when the code a refresh or the reader's start runs has changed much; a stale
file costs memory only (names it lists that no longer exist are skipped by the linker).
"""
import argparse, os, re, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FEEDS, ITEMS = 40, 50


def executed(callgrind_out):
    """Names of the functions callgrind recorded as run (names are compressed to `(id)` after first use)."""
    names, ran = {}, set()
    with open(callgrind_out, errors="replace") as f:
        for line in f:
            m = re.match(r"^(fn|cfn)=\((\d+)\)(?: (.*))?", line)
            if not m:
                continue
            if m.group(3):
                names[m.group(2)] = m.group(3).strip()
            if m.group(1) == "fn":
                ran.add(names[m.group(2)])
    return ran


def with_async_parts(names, defined):
    """`names` and, for each async function among them, all its parts: callgrind attributes a resumed
    async function to the part that runs (`...TY2_`), so a part not sampled would be left scattered."""
    bases = set()
    for name in names:
        m = re.match(r"^(.*F)(TY\d+_|TQ\d+_)$", name)
        if m:
            bases.add(m.group(1))
    parts = {d for d in defined if re.match(r"^(.*F)(TY\d+_|TQ\d+_)$", d) and re.sub(r"(TY\d+_|TQ\d+_)$", "", d) in bases}
    return names | parts | (bases & defined)


def defined_functions(binary):
    out = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
    return {p[2] for p in (l.split() for l in out.splitlines()) if len(p) == 3 and p[1] in "tTwW"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/gazette"))
    ap.add_argument("--out", default=os.path.join(HERE, "gazette.order"))
    args = ap.parse_args()
    for tool in ("valgrind", "tmux", "strip", "nm"):
        if not shutil.which(tool):
            sys.exit("order-file: %s is needed" % tool)
    work = tempfile.mkdtemp(prefix="gazette-order-")
    server = None
    try:
        # valgrind cannot read the DWARF of the Swift toolchain's output; the symbol table is enough.
        binary = os.path.join(work, "gazette")
        subprocess.run(["strip", "--strip-debug", "-o", binary, args.binary], check=True)
        server = subprocess.Popen([sys.executable, os.path.join(ROOT, "Benchmarks/serve.py"), "--port", "0",
                                   "--lifetime", "600", os.path.join(work, "www")], stdout=subprocess.PIPE, text=True)
        port = int(server.stdout.readline().split()[1])
        corpus = os.path.join(work, "www", "feeds")
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/genfeeds.py"), "--out", corpus,
                        "--feeds", str(FEEDS), "--items", str(ITEMS),
                        "--base-url", "http://127.0.0.1:%d/feeds/" % port], check=True)
        conf, data = os.path.join(work, "config"), os.path.join(work, "data")
        os.makedirs(conf)
        os.makedirs(data)
        shutil.copy(os.path.join(corpus, "urls"), os.path.join(conf, "urls"))
        dirs = ["--config-dir", conf, "--data-dir", data]
        refresh_out, reader_out = os.path.join(work, "refresh.cg"), os.path.join(work, "reader.cg")
        subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", "--callgrind-out-file=" + refresh_out,
                        binary] + dirs + ["refresh", "--quiet"], check=True, stderr=subprocess.DEVNULL)
        socket = "gazette-order-%d" % os.getpid()
        command = " ".join(["valgrind", "--tool=callgrind", "--demangle=no",
                            "--callgrind-out-file=" + reader_out, binary] + dirs + ["2>/dev/null"])
        subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-x", "200", "-y", "60", command], check=True)
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                screen = subprocess.run(["tmux", "-L", socket, "capture-pane", "-p"], capture_output=True,
                                        text=True).stdout
                if "Headlines" in screen:
                    break
                time.sleep(1)
            else:
                sys.exit("order-file: the reader drew no frame under valgrind")
            time.sleep(5)
            for key in "jjjjjq":
                subprocess.run(["tmux", "-L", socket, "send-keys", key], check=True)
                time.sleep(1)
            deadline = time.monotonic() + 60
            while not os.path.exists(reader_out) and time.monotonic() < deadline:
                time.sleep(1)
            time.sleep(2)
        finally:
            subprocess.run(["tmux", "-L", socket, "kill-server"], stderr=subprocess.DEVNULL)
        defined = defined_functions(binary)
        refresh = with_async_parts(executed(refresh_out) & defined, defined)
        reader = with_async_parts(executed(reader_out) & defined, defined)
        groups = [sorted(refresh & reader), sorted(refresh - reader), sorted(reader - refresh)]
        with open(args.out, "w") as f:
            for group in groups:
                f.writelines(name + "\n" for name in group)
        print("order-file: %d functions (%d shared, %d refresh, %d reader) -> %s"
              % (sum(map(len, groups)), len(groups[0]), len(groups[1]), len(groups[2]), args.out))
    finally:
        if server:
            server.terminate()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
