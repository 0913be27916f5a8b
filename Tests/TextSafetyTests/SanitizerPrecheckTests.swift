import Testing
@testable import TextSafety
import TestSupport

/// The byte-level pre-checks that let fields skip `Sanitizer` work must only skip when it changes nothing.
@Suite("Pre-checks agree with the Sanitizer")
struct PrecheckTests {
    static let pieces = ["a", "Z", " ", "  ", "\t", "\n", "\r", "\u{0}", "\u{7F}", "\u{85}", "\u{9C}", "\u{A0}", "\u{AD}",
                         "é", "東京", "\u{61C}", "\u{1680}", "\u{180E}", "\u{2000}", "\u{200B}", "\u{200D}", "\u{200E}",
                         "—", "’", "…", "\u{2028}", "\u{202A}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{2066}", "\u{206F}",
                         "\u{3000}", "\u{3002}", "ế", "£", "\u{A1}", "\u{BF}", "\u{9F}", "م", "\u{600}", "\u{63F}", "\u{200C}", "\u{200A}", "👩‍💻", "\u{1E00}", "\u{1FFF}", "\u{FEFF}", "\u{FFFA}", "\u{FFFD}", "😀", "e\u{301}", "x"]

    @Test("a line the byte check calls clean is one cleanLine returns unchanged")
    func cleanLine() {
        var rng = SplitMix64(seed: 0xC1EA_711E)
        var clean = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 6) { text += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            #expect(Sanitizer.cleanLine(text) == Sanitizer.cleanLineByScalars(text), "\(text.unicodeScalars.map { $0.value })")
            if Sanitizer.isCleanLine(text) {
                clean += 1
                #expect(Sanitizer.cleanLineByScalars(text) == text)
            }
        }
        #expect(clean > 1000)
        #expect(Sanitizer.isCleanLine("Headline 9999.00000 — 北京大学的研究人员"))
        #expect(Sanitizer.isCleanLine("Tiếng Việt có dấu"))
        for title in ["مرحبا بالعالم", "Fish & chips < £5 > \"cheap\"", "Emoji 🎉 party 👩‍💻 at 🇫🇰"] {
            #expect(Sanitizer.isCleanLine(title), "\(title)")
        }
        #expect(!Sanitizer.isCleanLine("two  spaces"))
    }

    @Test("needsCleaning's word-at-a-time skip finds controls anywhere in a long line")
    func needsCleaning() {
        for line in [String(repeating: "abcdefgh", count: 4), String(repeating: "東京 Café — ", count: 3)] {
            for offset in 0..<line.count {
                for bad in ["\u{1B}", "\u{7F}", "\u{85}", "\r", "\u{202E}", "\u{2066}"] {
                    var text = line
                    text.insert(contentsOf: bad, at: text.index(text.startIndex, offsetBy: offset))
                    #expect(Sanitizer.needsCleaning(text), "\(bad) at \(offset)")
                }
            }
            #expect(!Sanitizer.needsCleaning(line + "\t\n" + line))
        }
    }

    @Test("decoding and escaping from bytes equals escape(decode(text)) for every ASCII byte at every offset in a word")
    func decodeAndEscapeEveryByte() {
        for value in UInt8(1)...UInt8(0x7F) {
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + String(UnicodeScalar(value)) + "é &amp;&lt;b&gt; \"q\"" + String(repeating: "z", count: 9)
                for escaping in [true, false] {
                    var out: [UInt8] = []
                    Array(text.utf8).withUnsafeBufferPointer { bytes in
                        EntityText.appendDecoded(bytes, from: 0, to: bytes.count, escaping: escaping, into: &out)
                    }
                    let expected = escaping ? EntityText.escape(EntityText.decode(text)) : EntityText.decode(text)
                    #expect(String(decoding: out, as: UTF8.self) == expected, "\(value) at \(offset), escaping \(escaping)")
                }
            }
        }
    }

    @Test("the common named references resolve as the full table does, case and all")
    func commonEntities() {
        #expect(EntityText.commonNamed.count > 40)
        for (html, expected) in [("&nbsp;", "\u{A0}"), ("&Auml;&auml;", "Ää"), ("&hellip;&AMP;", "…&"), ("&NBSP;", "&NBSP;")] {
            var out: [UInt8] = []
            Array(html.utf8).withUnsafeBufferPointer { bytes in
                EntityText.appendDecoded(bytes, from: 0, to: bytes.count, escaping: false, into: &out)
            }
            #expect(String(decoding: out, as: UTF8.self) == expected)
            #expect(EntityText.decode(html) == expected)
        }
    }
}

