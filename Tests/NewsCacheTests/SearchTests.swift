import Foundation
import GRDB
import Testing
import NewsModel
@testable import NewsCache

@Suite("Search")
struct SearchTests {
    func cacheWith(_ items: [(String, String)]) throws -> (TemporaryDirectory, NewsCache) {
        let directory = try TemporaryDirectory()
        let cache = try NewsCache(path: directory.cachePath)
        let feed = try cache.addFeed(url: "https://example.org/feed")
        let entries = items.enumerated().map { index, item in
            FeedEntry(id: "s\(index)", title: item.0, published: referenceDate.addingTimeInterval(Double(index)),
                      content: item.1)
        }
        try cache.store(FeedDocument(entries: entries), feedID: feed, fetchedAt: referenceDate)
        return (directory, cache)
    }

    @Test("a stored story's search body is text, the same as SearchText.body gives, accents and CJK included")
    func storedBodyIsText() throws {
        let html = "<p>Café &amp; <b>東京</b> — naïve\u{00A0}text</p>"
        let (_, cache) = try cacheWith([("Title", html), ("Empty", "")])
        let rows = try cache.read { db in
            try Row.fetchAll(db, sql: "SELECT typeof(body) AS kind, body FROM stories_fts ORDER BY rowid")
        }
        #expect(rows.map { $0["kind"] as String } == ["text", "text"])
        #expect(rows.map { $0["body"] as String } == [SearchText.body(extracted: nil, content: html, summary: nil), ""])
        #expect(try cache.search("東京", limit: 5).map(\.headline.title) == ["Title"])
    }

    @Test("a word is found in titles and bodies, case-insensitively, title matches first")
    func ranked() throws {
        let (_, cache) = try cacheWith([
            ("Weather report", "<p>Rain over the <b>Falklands</b> today.</p>"),
            ("Falklands fisheries open", "<p>The season starts.</p>"),
            ("Unrelated", "<p>Nothing here.</p>"),
        ])
        let hits = try cache.search("falklands", limit: 10)
        #expect(hits.map(\.headline.title) == ["Falklands fisheries open", "Weather report"])
        #expect(hits[0].title.marked(open: "[", close: "]") == "[Falklands] fisheries open")
        #expect(hits[1].snippet.marked(open: "[", close: "]").contains("[Falklands]"))
        #expect(!hits[1].snippet.text.contains("<b>"))
    }

    @Test("a query matching more stories than the ranking limit lists the newest matches")
    func tooManyToRank() throws {
        let (_, cache) = try cacheWith([("Falklands old", "x"), ("Other", "y"), ("falklands newer", "z"),
                                        ("FALKLANDS newest", "w")])
        let ranked = try cache.search("falklands", limit: 2, rankingLimit: 10)
        #expect(ranked.count == 2)
        let newest = try cache.search("falklands", limit: 2, rankingLimit: 2)
        #expect(newest.map(\.headline.title) == ["FALKLANDS newest", "falklands newer"])
        #expect(newest[0].title.marked(open: "[", close: "]") == "[FALKLANDS] newest")
    }

    @Test("all words must occur")
    func allWords() throws {
        let (_, cache) = try cacheWith([("Swift on Linux", "x"), ("Swift on macOS", "y"), ("Rust on Linux", "z")])
        #expect(try cache.search("linux swift", limit: 10).map(\.headline.title) == ["Swift on Linux"])
        #expect(try cache.search("cobol", limit: 10).isEmpty)
    }

    @Test("Chinese and Japanese words are found inside unsegmented text, long and short")
    func cjk() throws {
        let (_, cache) = try cacheWith([
            ("北京大学发布新研究", "<p>研究人员在北京发现了新的化石。</p>"),
            ("東京で新しい展示会", "<p>東京都美術館で開催される。</p>"),
            ("上海天气", "<p>今天上海有雨。</p>"),
        ])
        #expect(try cache.search("北京大学", limit: 5).map(\.headline.title) == ["北京大学发布新研究"])
        #expect(try cache.search("北京", limit: 5).map(\.headline.title) == ["北京大学发布新研究"])
        #expect(try cache.search("美術館", limit: 5).map(\.headline.title) == ["東京で新しい展示会"])
        #expect(try cache.search("東京", limit: 5).map(\.headline.title) == ["東京で新しい展示会"])
        #expect(try cache.search("雨", limit: 5).map(\.headline.title) == ["上海天气"])
        let short = try #require(try cache.search("北京", limit: 5).first)
        #expect(short.title.marked(open: "[", close: "]") == "[北京]大学发布新研究")
        #expect(short.snippet.marked(open: "[", close: "]").contains("[北京]"))
        let mixed = try #require(try cache.search("研究 北京", limit: 5).first)
        #expect(mixed.title.marked(open: "[", close: "]") == "[北京]大学发布新[研究]")
    }

    @Test("a short Latin word combines with a long one")
    func shortLatin() throws {
        let (_, cache) = try cacheWith([("Go generics", "<p>Go 1.18 adds them.</p>"), ("Generics in Swift", "<p>Since 5.1</p>")])
        #expect(try cache.search("generics go", limit: 5).map(\.headline.title) == ["Go generics"])
        #expect(try cache.search("go", limit: 5).map(\.headline.title) == ["Go generics"])
    }

    @Test("quotes, operators and wildcards in a query are taken literally; punctuation alone matches nothing")
    func literal() throws {
        let (_, cache) = try cacheWith([("100% pure C++ AND more", "<p>a_b c*d</p>"), ("Other", "<p>x</p>")])
        #expect(try cache.search("C++ AND", limit: 5).count == 1)
        #expect(try cache.search("\"pure", limit: 5).count == 1)
        #expect(try cache.search("a_b", limit: 5).count == 1)
        #expect(try cache.search("c*d", limit: 5).count == 1)
        #expect(try cache.search("NOT OR", limit: 5).isEmpty)
        #expect(try cache.search("%", limit: 5).isEmpty)
        #expect(try cache.search("_ --", limit: 5).isEmpty)
        #expect(try cache.search("", limit: 5).isEmpty)
    }

    @Test("a word finds the words it begins, accents folded, but not text inside a word")
    func prefixes() throws {
        let (_, cache) = try cacheWith([("Zeppelins over Córdoba", "<p>An airship show.</p>"),
                                        ("Cordon bleu recipes", "<p>Cooking.</p>")])
        #expect(try cache.search("zepp", limit: 5).map(\.headline.title) == ["Zeppelins over Córdoba"])
        #expect(try cache.search("cordoba", limit: 5).map(\.headline.title) == ["Zeppelins over Córdoba"])
        #expect(try cache.search("córdoba", limit: 5).map(\.headline.title) == ["Zeppelins over Córdoba"])
        #expect(try cache.search("cordo", limit: 5).count == 2)
        #expect(try cache.search("pelin", limit: 5).isEmpty)
        let hit = try #require(try cache.search("zepp", limit: 5).first)
        #expect(hit.title.marked(open: "[", close: "]") == "[Zeppelins] over Córdoba")
    }

    @Test("CJK mixed with Latin letters and digits is found from either side, and results show no separators")
    func cjkMixed() throws {
        let (_, cache) = try cacheWith([("iPhone手机在东京发售", "<p>价格为999元，2024年上市。</p>")])
        #expect(try cache.search("iphone", limit: 5).count == 1)
        #expect(try cache.search("手机", limit: 5).count == 1)
        #expect(try cache.search("999元", limit: 5).count == 1)
        #expect(try cache.search("2024年", limit: 5).count == 1)
        #expect(try cache.search("京东", limit: 5).isEmpty)
        let hit = try #require(try cache.search("东京", limit: 5).first)
        #expect(hit.title.marked(open: "[", close: "]") == "iPhone手机在[东京]发售")
        let body = try #require(try cache.search("999元", limit: 5).first)
        #expect(!body.snippet.text.unicodeScalars.contains { $0.properties.generalCategory == .privateUse })
        #expect(body.snippet.text.contains("价格为999元"))
    }

    @Test("HTML is indexed as text: tags are not words, entities are decoded")
    func plainText() {
        #expect(SearchText.plainText("<p>a&amp;b</p><p>c&#233;&#x4E2D;</p>  <br/>d") == "a&b cé中 d")
        #expect(SearchText.plainText("x < y & z") == "x < y & z")
        #expect(SearchText.plainText("abcdef", limit: 3) == "abc")
        #expect(SearchText.plainText("a\u{E000}b\u{E002}c\u{00A0}d\u{3000}e") == "abc d e")
        let separator = "\u{E002}"
        #expect(SearchText.plainText("<b>東京</b>で iPhone", separatingCJK: true)
                == "東\(separator)京 で iPhone")
        #expect(SearchText.plainText("iPhone手机", separatingCJK: true) == "iPhone\(separator)手\(separator)机")
        #expect(SearchText.title("a <b> & c") == "a <b> & c")
    }

    @Test("the byte-level tag stripper agrees with a plain scalar-by-scalar reading on mixed input")
    func plainTextAgreesWithReference() {
        let pieces = ["a", "Word", " ", "\t", "\n", "<p>", "</b>", "<", ">", "&amp;", "&#233;", "&#x4E2D;", "&bogus;",
                      "&", "é", "東京", "\u{E000}", "\u{00A0}", "x_y", "1.5", "👩‍💻", "\u{7}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(SearchText.plainText(text) == Self.referencePlainText(text), "input: \(text.debugDescription)")
        }
    }

    /// The rule `SearchText.plainText` implements, written the slow and obvious way.
    static func referencePlainText(_ html: String) -> String {
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
                                       "mdash": "—", "ndash": "–", "hellip": "…", "rsquo": "’", "lsquo": "‘",
                                       "rdquo": "”", "ldquo": "“"]
        var out = ""
        var pendingSpace = false
        func emit(_ scalar: Unicode.Scalar) {
            if scalar.properties.isWhitespace { pendingSpace = true; return }
            if (0xE000...0xE002).contains(scalar.value) { return }
            if pendingSpace && !out.isEmpty { out += " " }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        var rest = Substring(html)
        while let first = rest.unicodeScalars.first {
            if first == "<", let end = rest.firstIndex(of: ">") {
                pendingSpace = true
                rest = rest[rest.index(after: end)...]
            } else if first == "&", let semicolon = rest.prefix(13).firstIndex(of: ";") {
                let name = String(rest[rest.index(after: rest.startIndex)..<semicolon])
                var decoded = named[name]
                if decoded == nil, name.hasPrefix("#") {
                    let number = name.dropFirst()
                    let value = number.first == "x" || number.first == "X" ? UInt32(number.dropFirst(), radix: 16)
                        : UInt32(number, radix: 10)
                    decoded = value.flatMap(Unicode.Scalar.init).map { String($0) }
                }
                if let decoded {
                    decoded.unicodeScalars.forEach(emit)
                    rest = rest[rest.index(after: semicolon)...]
                } else {
                    emit(first)
                    rest = Substring(rest.unicodeScalars.dropFirst())
                }
            } else {
                emit(first)
                rest = Substring(rest.unicodeScalars.dropFirst())
            }
        }
        return out
    }

    @Test("marked text merges overlapping matches and counts characters, not bytes")
    func markedText() {
        let text = MarkedText(markedWith: "é\u{E000}東京\u{E001}\u{E000}都\u{E001} x")
        #expect(text.text == "é東京都 x")
        #expect(text.matches == [1..<4])
        #expect(text.marked(open: "<", close: ">") == "é<東京都> x")
    }
}
