"""Reader benchmarks in tmux (issues 4 and 17): time to first frame, peak RSS, key-to-frame latency,
bytes written to the terminal per key.

Caches are built once per size by each reader's own refresh from the loopback server (newsboat's then
ANALYZEd). First frame is timed from launch until tmux shows it: for Gazette a story headline; for
newsboat its first screen, the feed list (it shows no headline before a feed is opened).
"""
import os

import harness as H
import newsboat_cli as NB
from results import Side, pick, row

GAZETTE_HEADLINE = r"Headline \d{4}\.\d{5}"
NEWSBOAT_FEEDS = r"Bench (Big )?Feed"
SIZES_FULL = (("c10k", True), ("c100k", True), ("c500k", False))  # (corpus, newsboat measured)
SIZES_QUICK = (("c10k", True),)


def clear_lock(cache):
    """newsboat refuses a cache whose lock file survived a killed run."""
    try:
        os.remove(cache + ".lock")
    except OSError:
        pass


def no_record():
    return None


def recording(ctx, side):
    """A new file for each run's pipe-pane recording."""
    count = [0]

    def path():
        count[0] += 1
        p = os.path.join(ctx.work, "pipe-%s-%d.out" % (side, count[0]))
        if os.path.exists(p):
            os.remove(p)
        return p
    return path


def newsboat_tui(ctx, name, steps=(), width=200, height=60, record=no_record, control=False):
    def run():
        c = ctx.newsboat_cache(name)
        clear_lock(c["cache"])
        return H.tmux_first_frame(NB.reader_argv(c["urls"], c["cache"], c["config"]), ctx.env,
                                  NEWSBOAT_FEEDS, width, height, steps=steps, record=record(),
                                  control=control)
    return run


def gazette_tui(ctx, name, steps=(), width=200, height=60, record=no_record, control=False):
    def run():
        c = ctx.gazette_cache(name)
        try:
            return H.tmux_first_frame(ctx.gazette.reader_argv(c["config"], c["data"]), ctx.env,
                                      GAZETTE_HEADLINE, width, height, steps=steps, record=record(),
                                      control=control)
        except H.Skip as e:
            raise H.Skip("not available yet: the reader showed no headline (%s)" % e)
    return run


def first_frame(ctx):
    """First frame and peak RSS at 10k / 100k / 500k cached stories (newsboat at 10k and 100k)."""
    rows = []
    for name, with_newsboat in (SIZES_QUICK if ctx.quick else SIZES_FULL):
        stories, feeds = ctx.stories(name)
        nb = Side(newsboat_tui(ctx, name)) if with_newsboat else None
        gz = Side(gazette_tui(ctx, name))
        a, b = H.alternate(ctx.reps(5), nb, gz)
        case = "%dk stories, %d feeds" % (stories // 1000, feeds)
        nb_note = nb.reason if nb else "not measured at this size (issue 4)"
        rows.append(row(case, "first frame", "ms", pick(b, "startup", 1000), pick(a, "startup", 1000),
                        floor="≤ 150 ms and ≥ 10× faster" if name == "c100k" else None,
                        gazette_note=gz.reason, baseline_note=nb_note))
        rows.append(row(case, "peak RSS", "MB", pick(b, "rss_mb"), pick(a, "rss_mb"),
                        floor="≤ newsboat's (issue 17)" if with_newsboat else None,
                        gazette_note=gz.reason, baseline_note=nb_note))
    return {"rows": rows, "baseline": "newsboat (after ANALYZE)",
            "notes": ["newsboat's first screen is its feed list; Gazette's is the headline list."]}


def open_big_feed_newsboat(ctx):
    """newsboat: Enter on the one 20,000-story feed until its article list is drawn (tmux)."""
    run = newsboat_tui(ctx, "big", steps=[(["Enter"], r"Articles in feed")])
    return lambda: {"ms": run()["steps"][0] * 1000}


def search_newsboat(ctx, name, word):
    """newsboat: `/`, the word, Enter, until its search result list is drawn (tmux)."""
    run = newsboat_tui(ctx, name, steps=[(["/"], r"Search for"),
                                         ([word, "Enter"], r"Search result")])
    return lambda: {"ms": run()["steps"][1] * 1000}


def frame_time(ctx):
    """Key-to-frame latency at 200×60 on the 10k cache: Down (next line) 10 times per launch (5 in
    QUICK). Keys go through a tmux control-mode client, which also reports when the program's output
    reaches tmux: key to frame is the time to the first output after the key (an ncurses frame is one
    write), key to last output includes what follows it (Gazette's article pane for the new story). Each
    step also waits until a screen capture shows the change (styles included), the older measure, whose
    resolution is one capture (~5 ms)."""
    presses = [(["Down"], None)] * (5 if ctx.quick else 10)
    nb = Side(newsboat_tui(ctx, "c10k", steps=presses, control=True))
    gz = Side(gazette_tui(ctx, "c10k", steps=presses, control=True))
    a, b = H.alternate(ctx.reps(5), nb, gz)

    def flat(results, pick_one):
        return [pick_one(r, i) * 1000 for r in results if r for i in range(len(r["steps"]))
                if pick_one(r, i) is not None]
    first = lambda r, i: r["outputs"][i][0] if i < len(r["outputs"]) else None
    last = lambda r, i: r["outputs"][i][1] if i < len(r["outputs"]) else None
    seen = lambda r, i: r["steps"][i]
    case = "10k stories, 200×60, Down × %d per launch" % len(presses)
    rows = [row(case, "key to frame", "ms", flat(b, first), flat(a, first), floor="≤ newsboat's (issue 17)",
                gazette_note=gz.reason, baseline_note=nb.reason),
            row(case, "key to last output", "ms", flat(b, last), flat(a, last),
                gazette_note=gz.reason, baseline_note=nb.reason),
            row(case, "key to changed capture", "ms", flat(b, seen), flat(a, seen),
                gazette_note=gz.reason, baseline_note=nb.reason)]
    return {"rows": rows, "baseline": "newsboat (after ANALYZE)",
            "notes": ["Key to frame and key to last output: from writing `send-keys` to a tmux control-mode "
                      "client until tmux reported the program's first / last output after the key (under "
                      "0.1 ms of overhead). Key to changed capture: until a `capture-pane` differed, the "
                      "measure used before 2026-12-05, whose resolution is one capture (5–10 ms)."]}


def frame_bytes(ctx):
    """Bytes written to the terminal per action at 200×60 on the 10k cache, recorded with tmux's
    pipe-pane: the selection moved down 10 times (per move), a held move key (up again: 10 repeats 40 ms
    apart, as a terminal repeats a held key at 25 a second; per repeat), a page down, opening the selected story,
    and a resize to 160×50. Each action's bytes are counted until the output has been still for 0.4 s,
    so Gazette's article, drawn just after the list moved, counts with its key. newsboat is first taken
    into its first feed (Enter, not counted), so both move through a list of stories (its feed has 20,
    hence back up for the held key); it moves with Down and Up (its `j` and `k` are not bound to moves
    by default), Gazette with `j` and `k`."""
    moves, repeats = 10, 10
    actions = [("move down (j)", moves), ("held move key (k), 25 repeats a second", repeats), ("page down", 1),
               ("open story", 1), ("resize 160×50", 1)]

    def steps(move, back, page):
        return ([([move], None)] * moves + [(("repeat", back, repeats, 0.04), None), ([page], None),
                                            (["Enter"], None), (("resize", 160, 50), None)])
    nb = Side(newsboat_tui(ctx, "c10k", steps=[(["Enter"], r"Articles in feed")] + steps("Down", "Up", "NPage"),
                           record=recording(ctx, "newsboat"), control=True))
    gz = Side(gazette_tui(ctx, "c10k", steps=steps("j", "k", "NPage"), record=recording(ctx, "gazette"),
                          control=True))
    a, b = H.alternate(ctx.reps(3), nb, gz)

    def per_action(results, skip):
        """For each action, one figure per run: bytes per press for the moves and the repeats, else the
        step's bytes."""
        out = [[] for _ in actions]
        for r in results:
            if not r or len(r["bytes"]) < skip + moves + len(actions) - 1:
                continue
            written = r["bytes"][skip:]
            out[0].append(sum(written[:moves]) / moves)
            out[1].append(written[moves] / repeats)
            for i in range(2, len(actions)):
                out[i].append(written[moves + i - 1])
        return out
    nb_bytes, gz_bytes = per_action(a, 1), per_action(b, 0)
    rows = []
    for i, (name, _) in enumerate(actions):
        rows.append(row("10k stories, 200×60, " + name, "bytes written", "B", gz_bytes[i], nb_bytes[i],
                        floor="≤ newsboat's" if i == 0 else None,
                        gazette_note=gz.reason, baseline_note=nb.reason))
    return {"rows": rows, "baseline": "newsboat (after ANALYZE)",
            "notes": ["Recorded with `tmux pipe-pane`: what a terminal over SSH receives. Gazette's "
                      "move also redraws the article pane beside the list; newsboat's list has none. "
                      "While a key repeats, Gazette moves the list at every repeat and draws the story "
                      "the selection stops on once (a key less than 100 ms after the previous one is a "
                      "repeat)."]}
