#!/usr/bin/env python3
"""Deterministic benchmark corpus generator (stdlib only).

Every byte is a pure function of (seed, feed index, item index): the same arguments always give the
same files, so a figure can be reproduced on another machine.

    genfeeds.py --out DIR --feeds 500 --items 50 [--big-items 20000] [--article]
                [--body-bytes 2500] [--seed 7] [--base-url http://127.0.0.1:PORT/]

Writes into DIR:
  feeds/fNNNN.xml   N feeds of M items, RSS 2.0 (even index) and Atom 1.0 (odd index) alternating
  big.xml           one RSS 2.0 feed of --big-items items (20,000 items with the default body ≈ 70 MB)
  article.html      a 1 MB HTML article (--article), for the rendering benchmark
  urls              newsboat's format, one feed URL per line (tags included), under --base-url
  feeds.opml        the same list as OPML 2.0
  manifest.json     what was generated: counts, bytes, the search word and how many items carry it

Items carry HTML bodies with entities, accents, CJK, emoji, and comment metadata (RSS <comments>,
slash:comments, wfw:commentRss; Atom link rel="replies" with thr:count and thr:total).
About 1 item in 100 has the word SEARCH_WORD in its title, so a 100,000-story cache has ~1,000 matches.
"""
import argparse
import json
import os
import random
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape, quoteattr

SEARCH_WORD = "zeppelin"
EPOCH = datetime(2026, 11, 1, 12, 0, 0, tzinfo=timezone.utc)

WORDS = ("market river council harbour election winter fishing budget island treaty school "
         "railway museum festival drought vaccine senate bridge export wool port copper "
         "minister rainfall tourism league archive energy coastline courthouse").split()
PHRASES = ("Café économique à Montréal", "Übergrößen-Straße in Köln", "Señor Núñez y la niña",
           "東京の市場で新しい試み", "北京大学的研究人员", "서울의 겨울 축제", "Ελληνικά νέα σήμερα",
           "Новости из Москвы", "مرحبا بالعالم", "Fish & chips < £5 > \"cheap\"",
           "Emoji 🎉 party 👩‍💻 at 🇫🇰", "Smørrebrød på Nørrebro", "Tiếng Việt có dấu")
ENTITY_BITS = ("&amp;", "&lt;b&gt;", "&#8217;", "&#x2014;", "&eacute;", "&nbsp;", "&hellip;",
               "&copy;", "&#147;quoted&#148;")


def rng_for(seed, feed, item):
    """One private random stream per (seed, feed, item): items never depend on each other."""
    return random.Random("%d:%d:%d" % (seed, feed, item))


def has_search_word(feed, item):
    """About 1 item in 100, spread over feeds and positions."""
    return (item * 31 + feed * 17) % 100 == 0


def item_date(feed, item):
    """Newest first: item 0 of every feed is the most recent; feeds interleave by minutes."""
    return EPOCH - timedelta(hours=item, minutes=feed % 60, seconds=feed // 60)


def html_body(r, target_bytes):
    """An HTML fragment of roughly target_bytes characters with entities and mixed scripts."""
    parts, size = [], 0
    while size < target_bytes:
        words = " ".join(r.choice(WORDS) for _ in range(r.randint(18, 40)))
        kind = r.random()
        if kind < 0.6:
            # Mostly absolute links, some relative (resolved against the feed URL by readers).
            href = ("/story/%d" if r.random() < 0.2 else "https://example.org/story/%d") % r.randint(1, 10**6)
            p = "<p>%s %s <a href=\"%s\">%s</a> %s %s.</p>" % (
                words.capitalize(), r.choice(ENTITY_BITS), href, r.choice(WORDS),
                r.choice(PHRASES).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
                r.choice(ENTITY_BITS))
        elif kind < 0.75:
            p = "<blockquote><p><em>%s</em> — %s</p></blockquote>" % (words, r.choice(PHRASES[:9]))
        elif kind < 0.9:
            p = "<ul><li>%s</li><li><strong>%s</strong></li><li>%s &amp; %s</li></ul>" % (
                r.choice(PHRASES[:9]), words[:60], r.choice(WORDS), r.choice(WORDS))
        else:
            p = "<figure><img src=\"/img/%d.jpg\" alt=\"%s\"><figcaption>%s</figcaption></figure>" % (
                r.randint(1, 9999), r.choice(WORDS), r.choice(PHRASES[:9]))
        parts.append(p)
        size += len(p)
    return "\n".join(parts)


def item_fields(seed, feed, item, base, body_bytes):
    """Everything one item needs, as plain Python values (the two formats render these)."""
    r = rng_for(seed, feed, item)
    word = (" " + SEARCH_WORD) if has_search_word(feed, item) else ""
    return {
        "id": "%sstory/%04d/%05d" % (base, feed, item),
        "title": "Headline %04d.%05d%s — %s" % (feed, item, word, r.choice(PHRASES)),
        "link": "%sstory/%04d/%05d?utm_source=rss&utm_medium=feed" % (base, feed, item),
        "author": r.choice(("Ana Núñez", "Zoë Brontë", "李小龙", "O'Brien & Sons", "Jörg Müller")),
        "date": item_date(feed, item),
        "summary": "<p>%s %s</p>" % (r.choice(PHRASES), r.choice(ENTITY_BITS)),
        "body": html_body(r, body_bytes),
        "comments": r.randint(0, 400),
        "category": r.choice(WORDS),
    }


def rss_item(f):
    d = f["date"].strftime("%a, %d %b %Y %H:%M:%S +0000")
    return ("<item><title>%s</title><link>%s</link><guid isPermaLink=\"false\">%s</guid>"
            "<pubDate>%s</pubDate><dc:creator>%s</dc:creator><category>%s</category>"
            "<description>%s</description><content:encoded><![CDATA[%s]]></content:encoded>"
            "<comments>%s#comments</comments><slash:comments>%d</slash:comments>"
            "<wfw:commentRss>%s/comments/feed</wfw:commentRss></item>\n" % (
                escape(f["title"]), escape(f["link"]), escape(f["id"]), d, escape(f["author"]),
                escape(f["category"]), escape(f["summary"]), f["body"], escape(f["id"]),
                f["comments"], escape(f["id"])))


def atom_entry(f):
    d = f["date"].strftime("%Y-%m-%dT%H:%M:%SZ")
    return ("<entry><title type=\"html\">%s</title><link rel=\"alternate\" href=%s/>"
            "<id>%s</id><published>%s</published><updated>%s</updated>"
            "<author><name>%s</name></author><category term=%s/>"
            "<summary type=\"html\">%s</summary><content type=\"html\">%s</content>"
            "<link rel=\"replies\" type=\"application/atom+xml\" href=%s thr:count=\"%d\"/>"
            "<thr:total>%d</thr:total></entry>\n" % (
                escape(escape(f["title"])), quoteattr(f["link"]), escape(f["id"]), d, d,
                escape(f["author"]), quoteattr(f["category"]), escape(f["summary"]),
                escape(f["body"]), quoteattr(f["id"] + "/comments/feed"), f["comments"],
                f["comments"]))


def write_feed(path, seed, feed, items, base, body_bytes, atom, title):
    """Stream one feed to disk; returns its size in bytes."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        if atom:
            out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                      "xmlns:thr=\"http://purl.org/syndication/thread/1.0\">\n"
                      "<title>%s</title><id>%sfeed/%04d</id><link href=\"%s\"/>"
                      "<updated>%s</updated>\n" % (escape(title), base, feed, base,
                                                   item_date(feed, 0).strftime("%Y-%m-%dT%H:%M:%SZ")))
            for i in range(items):
                out.write(atom_entry(item_fields(seed, feed, i, base, body_bytes)))
            out.write("</feed>\n")
        else:
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                      "xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\" "
                      "xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\">\n<channel>"
                      "<title>%s</title><link>%s</link><description>Benchmark feed %d — "
                      "Café &amp; 東京</description>\n" % (escape(title), base, feed))
            for i in range(items):
                out.write(rss_item(item_fields(seed, feed, i, base, body_bytes)))
            out.write("</channel></rss>\n")
    return os.path.getsize(path)


def article_html(seed, target=1_000_000):
    """A ~1 MB article mixing every construct the renderer handles."""
    r = rng_for(seed, 99999, 0)
    parts = ["<html><head><title>Long read</title><style>p{color:red}</style>"
             "<script>alert(1)</script></head><body><h1>A long read — 長い記事 🎉</h1>"]
    size, n = 0, 0
    while size < target:
        n += 1
        block = [html_body(r, 2500),
                 "<h2>Section %d: %s</h2>" % (n, escape(r.choice(PHRASES))),
                 "<ol><li>%s<ol><li>%s</li></ol></li><li>%s</li></ol>" % (
                     r.choice(WORDS), escape(r.choice(PHRASES)), r.choice(WORDS)),
                 "<pre><code>for i in range(%d):\n    print(i)  # 東京</code></pre>" % n,
                 "<table><tr><th>Year</th><th>Value</th></tr><tr><td>%d</td><td>%s</td></tr>"
                 "</table>" % (2000 + n % 26, r.choice(PHRASES[:9])),
                 "<dl><dt>%s</dt><dd>%s</dd></dl><hr>" % (r.choice(WORDS), r.choice(PHRASES[:9]))]
        chunk = "\n".join(block)
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--feeds", type=int, default=0)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--big-items", type=int, default=0)
    ap.add_argument("--body-bytes", type=int, default=2500,
                    help="approximate HTML body size per item (default %(default)s)")
    ap.add_argument("--article", action="store_true", help="also write article.html (1 MB)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--base-url", default="http://127.0.0.1:8765/",
                    help="URL the corpus is served under (the folder DIR itself)")
    a = ap.parse_args(argv)
    base = a.base_url if a.base_url.endswith("/") else a.base_url + "/"
    os.makedirs(os.path.join(a.out, "feeds"), exist_ok=True)
    files, total = [], 0
    for f in range(a.feeds):
        rel = "feeds/f%04d.xml" % f
        title = "Bench Feed %04d" % f
        total += write_feed(os.path.join(a.out, rel), a.seed, f, a.items, base, a.body_bytes,
                            atom=f % 2 == 1, title=title)
        files.append({"path": rel, "title": title, "items": a.items, "atom": f % 2 == 1})
    if a.big_items:
        title = "Bench Big Feed"
        size = write_feed(os.path.join(a.out, "big.xml"), a.seed, 9999, a.big_items, base,
                          a.body_bytes, atom=False, title=title)
        total += size
        files.append({"path": "big.xml", "title": title, "items": a.big_items, "atom": False})
    if a.article:
        with open(os.path.join(a.out, "article.html"), "w", encoding="utf-8") as out:
            out.write(article_html(a.seed))
    with open(os.path.join(a.out, "urls"), "w", encoding="utf-8") as out:
        out.write("# Gazette benchmark corpus (generated by Benchmarks/genfeeds.py)\n")
        for i, fl in enumerate(files):
            out.write("%s%s bench \"group %d\"\n" % (base, fl["path"], i % 10))
    with open(os.path.join(a.out, "feeds.opml"), "w", encoding="utf-8") as out:
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\"><head>"
                  "<title>Gazette benchmark corpus</title></head><body>\n")
        for fl in files:
            out.write("<outline type=\"rss\" text=%s xmlUrl=%s/>\n" % (
                quoteattr(fl["title"]), quoteattr(base + fl["path"])))
        out.write("</body></opml>\n")
    matches = sum(has_search_word(f, i) for f in range(a.feeds) for i in range(a.items))
    matches += sum(has_search_word(9999, i) for i in range(a.big_items))
    manifest = {"seed": a.seed, "base_url": base, "feeds": a.feeds, "items_per_feed": a.items,
                "big_items": a.big_items, "body_bytes": a.body_bytes,
                "stories": a.feeds * a.items + a.big_items, "bytes": total,
                "search_word": SEARCH_WORD, "search_matches": matches, "files": files}
    with open(os.path.join(a.out, "manifest.json"), "w", encoding="utf-8") as out:
        json.dump(manifest, out, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
