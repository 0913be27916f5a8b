import Testing
@testable import TermCore

/// `Screen.put`'s byte-level fast path against its general definition, `putCharacters`: the same screens
/// for text in many scripts, with marks, joiners, controls, emoji and wide characters, drawn at every
/// offset and clip onto rows that already hold wide characters.
@Suite("Screen.put fast path agrees with the grapheme path")
struct ScreenPutFastPathTests {
    static let samples: [String] = [
        "", "plain ASCII headline", "Señor Núñez y la niña", "漢字かなカナ 한국어", "e\u{301}cole", "a\u{301}\u{302}b",
        "Новости из России", "العربية والعبرية", "नमस्ते दुनिया", "👍🏽 thumbs", "👨‍👩‍👧 family", "🇦🇷 flag",
        "tab\there", "bell\u{7}x", "cr\r\nlf", "\r", "\u{301}leading mark", "ZW\u{200B}SP", "soft\u{AD}hyphen",
        "mixed ASCII then 中文 then e\u{301} then ok", "x\u{FE0F}", "❤\u{FE0F} heart", "ｆｕｌｌ", "\u{1100}\u{1161}\u{11A8}",
        "\u{7F}del", "a\u{200D}b", "trailing 中", "中", "ab中cd中ef",
    ]

    /// A row of wide characters and plain ones, so overwriting halves is exercised.
    static func backdrop(width: Int) -> Screen {
        var screen = Screen(width: width, height: 1)
        var general = screen
        _ = general.putCharacters("中a中b中c中d中e中f中g中"[...], from: 0, column: 0, y: 0, style: .plain, limit: width)
        screen = general
        return screen
    }

    @Test("Every sample at every offset and clip gives the general path's screen and width")
    func agrees() {
        var failures: [String] = []
        for text in Self.samples {
            for x in -2...8 {
                for maxWidth in [nil, 0, 1, 2, 3, 5, 9, 40] {
                    var fast = Self.backdrop(width: 24)
                    var general = fast
                    let used = fast.put(text, x: x, y: 0, maxWidth: maxWidth)
                    let limit = min(general.width, x + (maxWidth ?? general.width))
                    let expected = x < general.width
                        ? general.putCharacters(text[...], from: x, column: x, y: 0, style: .plain, limit: limit) : 0
                    if fast != general || used != expected {
                        failures.append("\(text.debugDescription) x=\(x) max=\(String(describing: maxWidth))")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test("A substring (no contiguous storage of its own) draws like the string")
    func substrings() {
        let text = "prefix: Señor 中文 e\u{301}"
        var whole = Screen(width: 30, height: 1)
        var part = whole
        whole.put(String(text.dropFirst(8)), x: 1, y: 0)
        part.put(text.dropFirst(8), x: 1, y: 0)
        #expect(whole == part)
        #expect(whole.line(0).hasPrefix(" Señor 中文 é") || whole.line(0).hasPrefix(" Señor 中文 e\u{301}"))
    }
}
