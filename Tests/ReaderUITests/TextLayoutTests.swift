import ArticleText
import Foundation
@testable import ReaderUI
import TermCore
import Testing

@Suite("Text fitting and the interim body layout")
struct TextLayoutTests {
    @Test("truncation measures display width and ends in an ellipsis")
    func truncate() {
        #expect(TextFit.truncate("hello world", width: 20) == "hello world")
        #expect(TextFit.truncate("hello world", width: 6) == "hello…")
        #expect(TextFit.truncate("漢字漢字漢字", width: 6) == "漢字…")
        #expect(DisplayWidth.width(of: TextFit.truncate("漢字漢字漢字", width: 6)) <= 6)
        #expect(TextFit.truncate("abc", width: 0) == "")
    }

    @Test("wrapping breaks at spaces, and breaks words longer than a line")
    func wrap() {
        #expect(TextFit.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextFit.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextFit.wrap("漢字漢字漢", width: 4) == ["漢字", "漢字", "漢"])
        for line in TextFit.wrap("🎉🎉🎉 a 漢字漢字漢字 bcdefg", width: 5) { #expect(DisplayWidth.width(of: line) <= 5) }
    }

    @Test("the interim layout strips tags, keeps paragraphs and decodes entities")
    func interim() {
        let lines = fallbackLayout(html: "<h2>Title</h2><p>One &amp; two&nbsp;three</p><p>Four<br>five</p>", width: 40)
        #expect(lines.map(\.plainText) == ["Title", "", "One & two three", "", "Four", "", "five"])
        #expect(lines[0].spans[0].traits.contains(.heading))
    }

    @Test("entities that decode to control characters are removed")
    func interimSanitises() {
        let lines = fallbackLayout(html: "<p>a&#27;[2Jb&#155;c</p>", width: 40)
        #expect(lines.map(\.plainText) == ["a[2Jbc"])
    }

    @Test("plain text keeps its blank-line paragraphs")
    func plainText() {
        #expect(fallbackLayout(html: "first\nline\n\nsecond", width: 40).map(\.plainText) == ["first line", "", "second"])
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
        #expect(DateText.absolute(now, timeZone: TimeZone(identifier: "UTC")!).hasPrefix("2001-09-09 01:46"))
    }
}
