import Testing
import TestSupport
@testable import NewsSources

/// `UrlsFile.asciiTokens` splits plain ASCII lines on their bytes; these tests hold it to the general
/// tokenizer, which every other line goes through, on generated lines.
@Suite("urls-file tokens on bytes")
struct UrlsFileTokenTests {
    static let pieces = ["https://example.org/feed", "http://a.b/c?d=e&f", " ", "  ", "\t", "\r", "\u{0B}", "\u{0C}",
                         "\"", "\"group 0\"", "tag", "~Title", "!hidden", "extract:always", "x\"y", "\\", "\\\"",
                         "é", "\u{3000}", "\u{A0}", "東京", "\"a \\\"b\\\" c\"", "\"unclosed", "#", "\u{7F}", "\u{1}"]

    @Test("Generated lines give the general tokenizer's tokens and open quote, or go to it")
    func matchesGeneral() {
        var generator = SplitMix64(seed: 47)
        var differing: [String] = []
        var taken = 0
        for _ in 0..<5_000 {
            let line = (0..<Int.random(in: 0...7, using: &generator)).map { _ in
                Self.pieces.randomElement(using: &generator)!
            }.joined()
            let general = UrlsFile.generalTokens(of: line)
            guard let fast = UrlsFile.asciiTokens(of: line) else { continue }
            taken += 1
            if fast.tokens != general.tokens || fast.unclosed != general.unclosed { differing.append(line) }
        }
        let count = differing.count
        #expect(count == 0, "first: \(differing.prefix(3).map(\.debugDescription))")
        #expect(taken > 1_000)
    }

    @Test("Only ASCII lines without backslashes are split on bytes")
    func declines() {
        #expect(UrlsFile.asciiTokens(of: "https://example.org/feed \"Café\"") == nil)
        #expect(UrlsFile.asciiTokens(of: "https://example.org/feed \"a \\\" b\"") == nil)
        #expect(UrlsFile.asciiTokens(of: "https://example.org/feed \"group 0\" ~Name")?.tokens
                == ["https://example.org/feed", "group 0", "~Name"])
    }
}
