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

@Suite("Display width of scripts and emoji forms")
struct DisplayWidthScriptTests {
    @Test("Arabic and Hebrew letters are one column each; their vowel marks take none")
    func rightToLeft() {
        #expect(DisplayWidth.width(of: "مرحبا") == 5)
        #expect(DisplayWidth.width(of: "שלום") == 4)
        #expect(DisplayWidth.width(of: "مَرْحَبًا") == 5)        // harakat are non-spacing marks
        #expect(DisplayWidth.width(of: "שָׁלוֹם") == 4)          // niqqud likewise
    }

    @Test("Several combining marks on one letter still take one column")
    func stackedMarks() {
        #expect(DisplayWidth.width(of: "e\u{301}\u{302}\u{323}") == 1)
        #expect(DisplayWidth.width(of: "Z\u{351}\u{36B}\u{343}\u{36A}") == 1)
    }

    @Test("A spacing mark adds a column, as wcwidth counts it, never more than two in all")
    func spacingMarks() {
        #expect(DisplayWidth.width(of: "कि") == 2)      // क + ि (Mc)
        #expect(DisplayWidth.width(of: "क्") == 1)      // virama is a non-spacing mark
        #expect(DisplayWidth.width(of: "கொ") == 2)
        #expect(DisplayWidth.width(of: "हिन्दी") == DisplayWidth.width(of: "हि") + DisplayWidth.width(of: "न्दी"))
    }

    @Test("Hangul syllables are wide; conjoining jamo form one wide cluster")
    func hangul() {
        #expect(DisplayWidth.width(of: "한국어") == 6)
        #expect(DisplayWidth.width(of: "\u{1112}\u{1161}\u{11AB}") == 2)
    }

    @Test("Full-width punctuation and the ideographic space are wide")
    func fullWidthPunctuation() {
        #expect(DisplayWidth.width(of: "、。「」") == 8)
        #expect(DisplayWidth.width(of: "\u{3000}") == 2)
    }

    @Test("Keycaps, flags and subdivision flags reduce to forms of known width")
    func emojiForms() {
        #expect(DisplayWidth.width(of: "1️⃣") == 1)
        #expect(String(DisplayWidth.cellText("1️⃣")) == "1\u{20E3}")
        #expect(DisplayWidth.width(of: "🇺🇾") == 2)
        let england = "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"
        #expect(england.count == 1)
        #expect(String(DisplayWidth.cellText(Character(england))) == "🏴")
        #expect(DisplayWidth.width(of: england) == 2)
    }

    @Test("Skin tones on every base and ZWJ families are two columns")
    func skinTonesAndFamilies() {
        for tone in 0x1F3FB...0x1F3FF {
            let hand = "👋" + String(Unicode.Scalar(UInt32(tone))!)
            #expect(DisplayWidth.width(of: hand) == 2)
        }
        #expect(DisplayWidth.width(of: "👩🏽‍🚀") == 2)
        #expect(DisplayWidth.width(of: "🧑‍🤝‍🧑") == 2)
        #expect(DisplayWidth.width(of: "🏳️‍🌈") == 1)  // the white flag has text presentation once VS16 goes
    }

    @Test("Text-presentation symbols stay narrow; their emoji form drops the selector")
    func variationSelectors() {
        #expect(DisplayWidth.width(of: "☀") == 1)
        #expect(DisplayWidth.width(of: "☀️") == 1)
        #expect(String(DisplayWidth.cellText("☀️")) == "☀")
        #expect(DisplayWidth.width(of: "✔︎") == 1)
    }

    @Test("Soft hyphen is counted as the column some terminals draw; zero-width space as none")
    func invisibles() {
        #expect(DisplayWidth.width(ofScalar: "\u{AD}") == 1)
        #expect(DisplayWidth.width(of: "a\u{200B}b") == 2)
        #expect(DisplayWidth.width(of: "a\u{200D}b") == 2)
    }

    @Test("The width of a string is the sum over its clusters, never its scalar or character count")
    func sums() {
        let mixed = "Tænk 中文 👍🏽 e\u{301}"
        #expect(DisplayWidth.width(of: mixed) == 4 + 1 + 4 + 1 + 2 + 1 + 1)
        #expect(mixed.count != DisplayWidth.width(of: mixed))
    }
}
