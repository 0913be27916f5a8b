import Testing
@testable import TermCore

@Suite("Display width per grapheme cluster")
struct DisplayWidthTests {
    @Test("ASCII and accented letters are one column, precomposed or decomposed")
    func latin() {
        #expect(DisplayWidth.width(of: "abc") == 3)
        #expect(DisplayWidth.width(of: "é") == 1)
        #expect(DisplayWidth.width(of: "e\u{301}") == 1)
        #expect(DisplayWidth.width(of: "Tænk") == 4)
    }

    @Test("CJK and full-width characters take two columns")
    func wide() {
        #expect(DisplayWidth.width(of: "中文") == 4)
        #expect(DisplayWidth.width(of: "日本語") == 6)
        #expect(DisplayWidth.width(of: "한") == 2)
        #expect(DisplayWidth.width(of: "Ａ") == 2)
    }

    @Test("Emoji clusters are reduced to a form every terminal draws two columns wide")
    func emoji() {
        #expect(DisplayWidth.width(of: "😀") == 2)
        #expect(DisplayWidth.width(of: "👍🏽") == 2)
        #expect(String(DisplayWidth.cellText("👍🏽")) == "👍")
        #expect(DisplayWidth.width(of: "👩‍💻") == 2)
        #expect(String(DisplayWidth.cellText("👩‍💻")) == "👩")
        #expect(DisplayWidth.width(of: "👨‍👩‍👧") == 2)
        #expect(DisplayWidth.width(of: "🇪🇸") == 2)
    }

    @Test("A VS16 sequence on a narrow base is drawn in text form, one column")
    func variationSelector() {
        #expect(String(DisplayWidth.cellText("❤️")) == "❤")
        #expect(DisplayWidth.width(of: "❤️") == 1)
    }

    @Test("Controls and lone marks take no column")
    func zeroWidth() {
        #expect(DisplayWidth.width(ofScalar: "\u{1B}") == 0)
        #expect(DisplayWidth.width(ofScalar: "\u{301}") == 0)
        #expect(DisplayWidth.width(ofScalar: "\u{200B}") == 0)
    }
}
