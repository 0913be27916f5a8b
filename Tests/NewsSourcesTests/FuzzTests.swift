import Foundation
import Testing
import NewsModel
@testable import NewsSources
import TestSupport
import TextSafety

/// Mutations that imitate real damage: flipped, dropped, duplicated and inserted bytes, truncation, spliced
/// markup fragments.
enum Mutator {
    static let fragments: [[UInt8]] = ["<", ">", "&", "&#", "&#x", ";", "]]>", "<![CDATA[", "<!--", "-->", "</", "/>",
                                       "\"", "'", "&nbsp;", "&#0;", "&#xD800;", "<!DOCTYPE x [<!ENTITY a \"&a;\">]>",
                                       "xmlns:a=\"\"", "xml:base=\"javascript:x\"", "\u{0}", "\u{FEFF}", "\u{1B}[31m",
                                       "<item>", "</item>", "<entry>", "<content type=\"xhtml\">", "<div>", "&amp;amp;",
                                       "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "\u{FF}\u{FE}"].map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let edits = Int(rng.next() % 8) + 1
        for _ in 0..<edits {
            guard !bytes.isEmpty else { bytes = fragments[Int(rng.next() % UInt64(fragments.count))]; continue }
            let at = Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 6 {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1: bytes.remove(at: at)
            case 2: bytes.insert(contentsOf: fragments[Int(rng.next() % UInt64(fragments.count))], at: at)
            case 3: bytes.removeSubrange(at...)
            case 4:
                let end = min(bytes.count, at + Int(rng.next() % 64))
                bytes.insert(contentsOf: Array(bytes[at..<end]), at: at)
            default: bytes[at] = [0x3C, 0x3E, 0x26, 0x22, 0x00, 0x80, 0xC3][Int(rng.next() % 7)]
            }
        }
        return bytes
    }
}

/// Seeds for the property test: one of each format and of the tricky shapes.
enum FuzzSeeds {
    static let all: [String] = [
        CommentsAndMercoPressTests.mercoPressItem,
        rss("<item><title>a &amp; b</title><description>&lt;p&gt;x&lt;/p&gt;</description><pubDate>Wed, 31 Dec 2003 10:14:55 GMT</pubDate></item>"),
        atom("<entry xml:base=\"/b/\"><id>1</id><title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">x<b>y</b></div></title><link href=\"c\"/><content type=\"html\">&lt;a href=\"d\"&gt;e&lt;/a&gt;</content><thr:in-reply-to ref=\"0\"/></entry>"),
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel><title>r</title></channel><item rdf:about=\"x\"><title>i</title></item></rdf:RDF>",
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"j\",\"items\":[{\"id\":1,\"content_html\":\"<p>x</p>\"}]}",
        "<!DOCTYPE rss [<!ENTITY e \"ent\">]><rss><channel><title>&e;</title><item><title>t</title></item></channel></rss>",
        "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/f\"></head></html>",
    ]
}

@Suite("Property: the parser never crashes and keeps its output invariants on mutated feeds")
struct FuzzTests {
    /// Iterations per seed; raise with GAZETTE_FUZZ_ITERATIONS for a long session.
    static let iterations = ProcessInfo.processInfo.environment["GAZETTE_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 300
    /// The generator's seed; a long session runs many seeds (GAZETTE_FUZZ_SEED). The default is fixed.
    static let seed = ProcessInfo.processInfo.environment["GAZETTE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x6A7A_E77E

    @Test("mutated fixtures parse or fail with FeedParseError; output stays terminal-safe and links allowed")
    func mutatedFixtures() throws {
        var rng = SplitMix64(seed: Self.seed)
        var parsed = 0
        for seed in FuzzSeeds.all {
            let base = Array(seed.utf8)
            for _ in 0..<Self.iterations {
                let input = Mutator.mutate(base, using: &rng)
                do {
                    let result = try FeedParser.parse(data: Data(input), url: "https://example.org/f", contentType: nil,
                                                      fetchedAt: fetchTime, limits: ParseLimits(maxBytes: 1 << 20))
                    parsed += 1
                    try Self.checkInvariants(result.feed, input: input)
                } catch is FeedParseError {
                    continue
                }
            }
        }
        #expect(parsed > 0)
    }

    static func checkInvariants(_ feed: FeedDocument, input: [UInt8]) throws {
        let texts = [feed.title, feed.subtitle, feed.author] + feed.entries.flatMap { [$0.title, $0.author] + $0.categories.map { Optional($0) } }
        for case let text? in texts {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" },
                    "control character in \(text.debugDescription) from \(String(decoding: input, as: UTF8.self).debugDescription)")
        }
        for entry in feed.entries {
            for case let link? in [entry.link, entry.commentsURL, entry.repliesFeedURL] + entry.enclosures.map({ Optional($0.url) }) {
                #expect(URLResolver.isAllowedLink(link), "disallowed link \(link)")
            }
            for case let html? in [entry.summary, entry.content] {
                #expect(!html.lowercased().contains("<script"), "script in \(html)")
                #expect(!html.lowercased().contains("=\"javascript:"), "javascript: URL in \(html)")
                #expect(!html.unicodeScalars.contains { $0 == "\u{1B}" }, "ESC in \(html.debugDescription)")
            }
            if let published = entry.published { #expect(published <= fetchTime) }
        }
    }
}
