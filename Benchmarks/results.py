"""Result rows and the one-side-may-be-missing logic every benchmark shares.

A row compares Gazette with a baseline on one metric. The ratio is always "how many times better
Gazette is" (baseline ÷ Gazette for times and memory, Gazette ÷ baseline for throughput), so a
ratio above 1 favours Gazette whatever the unit.
"""
import harness as H


class Side:
    """One program's part of a benchmark. The first Skip disables it for the rest of the benchmark
    (a missing command does not get retried five times) and keeps the reason for the report."""

    def __init__(self, fn, reason=None):
        self.fn = fn
        self.reason = reason

    def __call__(self):
        if self.reason:
            return None
        try:
            return self.fn()
        except H.Skip as e:
            self.reason = str(e)
            return None

    @property
    def active(self):
        return self.reason is None


def pick(results, key, scale=1.0):
    """The `key` field of each result dict (None for failed runs), times scale."""
    return [r[key] * scale if r and r.get(key) is not None else None for r in results]


def row(case, metric, unit, gazette, baseline, higher_is_better=False, floor=None,
        gazette_note=None, baseline_note=None):
    """One table row: summaries of both sides, the ratio of medians, the floor from the issues."""
    g, b = H.summary(gazette or []), H.summary(baseline or [])
    ratio = None
    if g and b and g["median"] and b["median"]:
        ratio = g["median"] / b["median"] if higher_is_better else b["median"] / g["median"]
    return {"case": case, "metric": metric, "unit": unit, "gazette": g, "baseline": b,
            "ratio": ratio, "floor": floor, "gazette_note": gazette_note,
            "baseline_note": baseline_note}
