"""The machine and program versions a run measured, read from the run itself (for BENCHMARKS.md)."""
import os
import platform
import subprocess

import newsboat_cli as NB


def _read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return ""


def _first(cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
        return (r.stdout or r.stderr).strip().splitlines()[0] if r.returncode == 0 else None
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return None


def describe(gazette_bin):
    """Cores, memory, OS, CPU, load, and the versions of everything compared."""
    mem_kb = next((int(l.split()[1]) for l in _read("/proc/meminfo").splitlines()
                   if l.startswith("MemTotal:")), 0)
    os_name = next((l.split("=", 1)[1].strip('"') for l in _read("/etc/os-release").splitlines()
                    if l.startswith("PRETTY_NAME=")), platform.system())
    cpu = next((l.split(":", 1)[1].strip() for l in _read("/proc/cpuinfo").splitlines()
                if l.startswith("model name")), platform.processor())
    here = os.path.dirname(os.path.abspath(__file__))
    return {"cores": os.cpu_count(), "memory_gb": round(mem_kb / 1024 / 1024, 1), "os": os_name,
            "kernel": platform.release(), "cpu": cpu,
            "load": _read("/proc/loadavg").split()[:3],
            "commit": _first(["git", "-C", here, "rev-parse", "--short", "HEAD"]),
            "versions": {"gazette": _first([gazette_bin, "--version"]) or "not built",
                         "newsboat": NB.version() if not NB.available() else "not installed",
                         "feedparser": None, "python": platform.python_version()}}


def load():
    """The 1-minute load average now (runnable processes; compare with the core count)."""
    parts = _read("/proc/loadavg").split()
    return float(parts[0]) if parts else None


def one_line(info):
    return "%s cores (%s), %.1f GB, %s, kernel %s, load %s" % (
        info["cores"], info["cpu"], info["memory_gb"], info["os"], info["kernel"],
        " ".join(info["load"]))
