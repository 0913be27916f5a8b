import Testing
import TermCore
@testable import ArticleText

/// Wrapping by display width per grapheme cluster.
@Suite("Wrapping by display width")
struct WrappingTests {
    private func wrap(_ text: String, _ width: Int) -> [String] {
        LineWrapper.wrap([StyledSpan(text)], width: width).map { $0.map(\.text).joined() }
    }

    @Test("Words wrap at spaces and rows carry no trailing spaces")
    func words() {
        #expect(wrap("the quick brown fox jumps", 10) == ["the quick", "brown fox", "jumps"])
        #expect(wrap("a  b", 2) == ["a", "b"])
    }

    @Test("A word longer than the row is cut at the row's end")
    func longWord() {
        #expect(wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"])
    }

    @Test("A long URL breaks after a slash where it can, else anywhere")
    func longURL() {
        #expect(wrap("see https://example.com/path/to/page", 20) == ["see", "https://example.com/", "path/to/page"])
        #expect(wrap("https://example.com/averyveryverylongsegment", 12).allSatisfy { DisplayWidth.width(of: $0) <= 12 })
    }

    @Test("Text breaks after a hyphen inside a word")
    func hyphen() {
        #expect(wrap("state-of-the-art design", 9) == ["state-of-", "the-art", "design"])
    }

    @Test("A soft hyphen is a break drawn as '-' only where the row ends, and never drawn otherwise")
    func softHyphen() {
        #expect(wrap("extra\u{AD}ordinary", 8) == ["extra-", "ordinary"])
        #expect(wrap("extra\u{AD}ordinary", 20) == ["extraordinary"])
    }

    @Test("A zero-width space is a break that is never drawn")
    func zeroWidthSpace() {
        #expect(wrap("alpha\u{200B}beta", 6) == ["alpha", "beta"])
        #expect(wrap("alpha\u{200B}beta", 20) == ["alphabeta"])
    }

    @Test("CJK breaks between any two characters, two columns each")
    func cjk() {
        let rows = wrap("日本語のテキストを折り返す", 10)
        #expect(rows == ["日本語のテ", "キストを折", "り返す"])
    }

    @Test("Closing punctuation never starts a row and opening brackets never end one")
    func kinsoku() {
        let rows = wrap("今日は晴れ。明日は「雨」です", 10)
        #expect(rows.allSatisfy { DisplayWidth.width(of: $0) <= 10 })
        #expect(!rows.contains { $0.hasPrefix("。") || $0.hasPrefix("」") })
        #expect(!rows.contains { $0.hasSuffix("「") })
        #expect(rows.joined() == "今日は晴れ。明日は「雨」です")
    }

    @Test("Emoji sequences are never split and fit their rows", arguments: [
        "👩‍👩‍👧‍👦👍🏽🇺🇾❤️🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}1️⃣👨🏿‍🦰",
    ])
    func emoji(text: String) {
        for width in 2...12 {
            let rows = wrap(text, width)
            #expect(rows.joined() == text, "width \(width)")
            #expect(rows.allSatisfy { DisplayWidth.width(of: $0) <= width }, "width \(width)")
        }
    }

    @Test("Combining marks stay with their letter")
    func combining() {
        let text = "e\u{301}e\u{301}e\u{301}e\u{301}"
        let rows = wrap(text, 2)
        #expect(rows == ["e\u{301}e\u{301}", "e\u{301}e\u{301}"])
    }

    @Test("Arabic and Hebrew wrap in logical order, without any bidi control added")
    func rightToLeft() {
        let arabic = "مرحبا بكم في الأخبار اليومية من مونتيفيديو"
        let rows = wrap(arabic, 12)
        #expect(rows.first == "مرحبا بكم في")
        #expect(rows.joined(separator: " ") == arabic)
        #expect(rows.allSatisfy { DisplayWidth.width(of: $0) <= 12 })
        let hebrew = wrap("שלום עולם, חדשות היום", 10)
        #expect(hebrew == ["שלום עולם,", "חדשות היום"])
        for row in rows + hebrew {
            #expect(!row.unicodeScalars.contains { [0x200E, 0x200F, 0x2066, 0x2067, 0x2068, 0x2069, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E].contains($0.value) })
        }
    }

    @Test("A wide character that cannot fit a one-column row is left out rather than overflow")
    func tooNarrow() {
        #expect(wrap("a中b", 1) == ["a", "b"])
    }

    @Test("Traits follow their text across rows")
    func traitsAcrossRows() {
        let rows = LineWrapper.wrap([StyledSpan("plain "), StyledSpan("bold words here", traits: .bold)], width: 10)
        #expect(rows.count == 2)
        #expect(rows[0] == [StyledSpan("plain "), StyledSpan("bold", traits: .bold)] || rows[0] == [StyledSpan("plain"), StyledSpan(" bold", traits: .bold)] || rows[0].map(\.text).joined() == "plain bold")
        #expect(rows[1] == [StyledSpan("words here", traits: .bold)])
    }

    @Test("Plain text keeps line breaks, folds blank lines into one and expands tabs")
    func plainText() {
        let rendered = ArticleRenderer.renderPlainText("first line\nsecond\n\n\n\nnext\tcol\r\nend", width: 40)
        #expect(rendered.lines.map(\.plainText) == ["first line", "second", "", "next    col", "end"])
        #expect(rendered.links.isEmpty)
    }

    @Test("Plain text from outside is sanitised")
    func plainTextSanitised() {
        let rendered = ArticleRenderer.renderPlainText("ok\u{1B}[2J\rFAKE \u{202E}txt", width: 40)
        #expect(rendered.lines.map(\.plainText) == ["ok[2J", "FAKE txt"])
    }
}

/// The wrapper measures some scalars without `DisplayWidth`; it must agree with it.
@Suite("Wrapper fast paths")
struct WrapperFastPathTests {
    @Test("Latin letters and punctuation are one column and CJK two, as DisplayWidth says")
    func fastWidthsAgree() {
        for value in UInt32(0xA0)...0x2FF where value != 0xAD {
            #expect(DisplayWidth.width(of: Character(Unicode.Scalar(value)!)) == 1, "U+\(String(value, radix: 16))")
        }
        for value in UInt32(0x2010)...0x2027 {
            #expect(DisplayWidth.width(of: Character(Unicode.Scalar(value)!)) == 1, "U+\(String(value, radix: 16))")
        }
        for value in Array(UInt32(0x3001)...0x3029) + Array(UInt32(0x4E00)...0x9FFF) + Array(UInt32(0xFF01)...0xFF60) {
            #expect(DisplayWidth.width(of: Character(Unicode.Scalar(value)!)) == 2, "U+\(String(value, radix: 16))")
        }
    }

    @Test("A combining mark after an accented or CJK letter stays with it")
    func combiningAfterFastScalar() {
        let rows = LineWrapper.wrap([StyledSpan("ée\u{301}\u{301} 中\u{301}文")], width: 3).map { $0.map(\.text).joined() }
        #expect(rows == ["ée\u{301}\u{301}", "中\u{301}", "文"])
    }
}

@Suite("Line-breaking rules written as switches")
struct KinsokuTableTests {
    @Test("The characters that may not start or end a row are exactly the documented ones")
    func kinsokuSets() {
        let noStart = Set("、。，．！？：；）」』】〕〉》〗〙ー々・…‥ゝゞヽヾぁぃぅぇぉっゃゅょァィゥェォッャュョ,.!?:;)]}”’%".unicodeScalars.map(\.value))
        let noEnd = Set("（「『【〔〈《〖〘([{“‘".unicodeScalars.map(\.value))
        for value in UInt32(0)..<0x10000 {
            #expect(LineWrapper.mayNotStartRow(value) == noStart.contains(value), "U+\(String(value, radix: 16))")
            #expect(LineWrapper.mayNotEndRow(value) == noEnd.contains(value), "U+\(String(value, radix: 16))")
        }
    }

    @Test("A repeated rule character is the same string String(repeating:) gives")
    func repeatedRule() {
        for count in [0, 1, 2, 17, 200] {
            #expect(TextLayout.repeated("─", count: count) == String(repeating: "─", count: count))
            #expect(TextLayout.repeated(" ", count: count) == String(repeating: " ", count: count))
        }
    }
}
