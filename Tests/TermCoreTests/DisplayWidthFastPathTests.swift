import Testing
@testable import TermCore
import TestSupport

/// The byte-level fast path (`DisplayWidth.simpleCluster`) against `Character` segmentation and the
/// per-cluster width, over every scalar of the Basic Multilingual Plane.
@Suite("Display width fast path agrees with grapheme segmentation")
struct DisplayWidthFastPathTests {
    /// Scalars that join the cluster before them, or stand next to one that does, in every way Unicode
    /// knows, plus plain letters of several scripts.
    static let followers: [String] = [
        "a", " ", "\n", "é", "中", "가", "ا", "\u{301}", "\u{200D}", "\u{200C}", "\u{FE0F}", "\u{1161}", "\u{11A8}",
        "\u{1100}", "\u{093F}", "\u{094D}", "\u{0E33}", "\u{FF9E}", "\u{1F3FB}", "\u{1F1E6}", "\u{0600}", "😀",
        "\u{AD}", "\u{200B}", "\u{E0067}", "\u{0915}",
    ]
    static let leads: [String] = [
        "a", "é", "中", "가", "각", "\u{0915}", "\u{094D}", "\u{0E01}", "ا", "\u{AD}", "\u{200B}", "\u{3042}",
        "\u{1100}", "\u{0600}", "\u{0D4E}", "\r", "\u{1F1E6}", "❤", "\u{2764}", "☝",
    ]

    /// Whether the fast path's answer for the first cluster of `text` is the truth, when it gives one.
    static func agrees(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let simple = DisplayWidth.simpleCluster(bytes, at: 0) else { return true }
            guard let first = text.first else { return false }
            return first.utf8.count == simple.length
                && first.unicodeScalars.first!.value == simple.value
                && DisplayWidth.width(of: first) == simple.width
        }
    }

    static func hexScalars(_ text: String) -> String { text.unicodeScalars.map { hex($0.value) }.joined(separator: " ") }

    @Test("Every BMP scalar as the lead of a cluster, before every kind of follower")
    func everyLead() {
        var failures: [String] = []
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for follower in Self.followers where !Self.agrees(String(scalar) + follower) {
                failures.append("U+\(hex(value)) + \(Self.hexScalars(follower))")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test("Every BMP scalar as a follower, after every kind of lead")
    func everyFollower() {
        var failures: [String] = []
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for lead in Self.leads where !Self.agrees(lead + String(scalar)) {
                failures.append("\(Self.hexScalars(lead)) + U+\(hex(value))")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test("The fast path is taken for the letters of common scripts")
    func coversCommonScripts() {
        for text in ["ab", "éa", "Жa", "λa", "ếa", "中a", "あa", "가a", "اa", "שa", "กa", "—a", "“a"] {
            var copy = text
            let simple = copy.withUTF8 { DisplayWidth.simpleCluster($0, at: 0) }
            #expect(simple != nil, "\(text)")
        }
        // …and not where something joins.
        for text in ["e\u{301}", "क\u{93F}", "가\u{11A8}", "\u{1100}\u{1161}", "❤\u{FE0F}", "a\u{200D}b", "\r\n"] {
            var copy = text
            let simple = copy.withUTF8 { DisplayWidth.simpleCluster($0, at: 0) }
            #expect(simple == nil, "\(text)")
        }
    }

    @Test("A string's width equals the sum over its characters, on mixed text of every kind")
    func wholeStrings() {
        var generator = SplitMix64(seed: 42)
        let pieces = Self.followers + Self.leads + [
            "hello", "Ünïcödé", "日本語", "한국어", "👩‍💻", "👍🏽", "🇫🇰", "\t", "\u{7F}", "\u{1B}", "हिन्दी", "ไทย",
            "مَرْحَبًا", "e\u{301}\u{302}", "\r\n", "\u{FF76}\u{FF9E}", "Ａ", "…",
        ]
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 12) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let reference = text.reduce(0) { $0 + DisplayWidth.width(of: $1) }
            #expect(DisplayWidth.width(of: text) == reference, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            let substring = text.dropFirst()
            #expect(DisplayWidth.width(of: substring) == substring.reduce(0) { $0 + DisplayWidth.width(of: $1) })
        }
    }
}

func hex(_ value: UInt32) -> String { String(value, radix: 16, uppercase: true) }

