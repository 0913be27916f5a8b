import ArticleText
import Foundation
@testable import ReaderUI
import TermCore
import Testing

@Suite("Text fitting and dates")
struct TextLayoutTests {
    @Test("truncation measures display width and ends in an ellipsis")
    func truncate() {
        #expect(TextFit.truncate("hello world", width: 20) == "hello world")
        #expect(TextFit.truncate("hello world", width: 6) == "hello…")
        #expect(TextFit.truncate("漢字漢字漢字", width: 6) == "漢字…")
        #expect(DisplayWidth.width(of: TextFit.truncate("漢字漢字漢字", width: 6)) <= 6)
        #expect(TextFit.truncate("abc", width: 0) == "")
    }

    @Test("one-line text wraps by display width with its traits, never overflowing")
    func wrap() {
        #expect(TextFit.wrap("the quick brown fox", width: 10).map(\.plainText) == ["the quick", "brown fox"])
        #expect(TextFit.wrap("abc", width: 10, traits: .heading).first?.spans.first?.traits == .heading)
        for line in TextFit.wrap("🎉🎉🎉 a 漢字漢字漢字 bcdefg", width: 5) { #expect(DisplayWidth.width(of: line.plainText) <= 5) }
    }

    @Test("relative dates use the largest whole unit")
    func relativeDates() {
        let now = Date(timeIntervalSince1970: 1_000_000_000)
        #expect(DateText.relative(now.addingTimeInterval(-30), now: now) == "now")
        #expect(DateText.relative(now.addingTimeInterval(-300), now: now) == "5m")
        #expect(DateText.relative(now.addingTimeInterval(-3 * 3600), now: now) == "3h")
        #expect(DateText.relative(now.addingTimeInterval(-2 * 86400), now: now) == "2d")
        #expect(DateText.relative(now.addingTimeInterval(-90 * 86400), now: now) == "3mo")
        #expect(DateText.relative(now.addingTimeInterval(-800 * 86400), now: now) == "2y")
        #expect(DateText.relative(now.addingTimeInterval(3600), now: now) == "now")
        #expect(DateText.absolute(now, timeZone: .utc).hasPrefix("2001-09-09 01:46"))
    }
}

/// `TextFit.truncate`'s byte-level shortcut against its general definition.
@Suite("Truncation shortcut agrees with the grapheme path")
struct TruncationShortcutTests {
    @Test("Every sample cut at every width gives the general path's text")
    func agrees() {
        let samples = [
            "Headline 0120.000 about the budget", "Señor Núñez y la niña", "漢字かなカナ 한국어 news", "e\u{301}cole e\u{301}te\u{301}",
            "👍🏽 thumbs up", "👨‍👩‍👧 family", "ZW\u{200B}SP and soft\u{AD}hyphen", "ab中cd中ef中", "नमस्ते दुनिया", "cr\r\nlf",
        ]
        var failures: [String] = []
        for text in samples {
            for width in 1...40 where DisplayWidth.width(of: text) > width {
                if TextFit.truncate(text, width: width) != TextFit.truncatedByCharacters(text, width: width) {
                    failures.append("\(text.debugDescription) at \(width)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }
}
