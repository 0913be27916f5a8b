import Foundation
import NewsModel
import Testing
import TestSupport
@testable import NewsCache

/// The values a refresh derives for every stored story, made cheaper without changing them: the stored
/// fingerprints and hash identities of existing caches must still match, and search text must fold the
/// same white space.
@Suite("Derived story values")
struct DerivedValueTests {
    /// FNV-1a, byte by byte, as the hasher was first written: the reference the faster one must equal.
    static func referenceFNV(_ parts: [String?]) -> Int64 {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        func byte(_ b: UInt8) { state = (state ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        for part in parts {
            guard let part else { byte(0xFF); continue }
            for b in Array(part.utf8) { byte(b) }
            byte(0)
        }
        return Int64(bitPattern: state)
    }

    @Test("The string hasher gives FNV-1a's values, for ASCII, non-ASCII, empty and missing text")
    func hasherMatchesReference() {
        let samples: [[String?]] = [
            ["a"], [""], [nil], ["Café économique", nil, "東京で iPhone 🎉"],
            [String(repeating: "long body <p>text</p> ", count: 500), "x"],
            // A bridged-looking substring turned String, and a string built by appending.
            [String("prefix-and-rest".dropFirst(7)), "ab" + String(repeating: "é", count: 3)],
        ]
        for parts in samples {
            var hasher = StableHasher()
            for part in parts { hasher.combine(part) }
            #expect(hasher.value == Self.referenceFNV(parts), "parts: \(parts)")
        }
        // The published FNV-1a test vector for "a", before the terminating zero byte is mixed in.
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        state = (state ^ 0x61) &* 0x0000_0100_0000_01B3
        #expect(state == 0xaf63_dc4c_8601_ec8c)
    }

    @Test("A story without id or link keeps the hash identity it was stored under")
    func hashIdentityUnchanged() {
        let entry = FeedEntry(title: "Sans lien", published: Date(timeIntervalSince1970: 1_700_000_000),
                              summary: "<p>Résumé</p>")
        let expected = UInt64(bitPattern: Self.referenceFNV(["Sans lien"])
            .combinedReference(double: 1_700_000_000).combinedReference(double: nil)
            .combinedReferenceString("<p>Résumé</p>"))
        #expect(StoryIdentity.of(entry) == "hash:" + String(expected, radix: 16))
    }

    @Test("White space is Unicode's White_Space, for every scalar")
    func whitespaceMatchesProperty() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if SearchText.isWhitespace(scalar) != scalar.properties.isWhitespace { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "differ at \(mismatches.prefix(10).map { String($0, radix: 16) })")
        #expect(SearchText.trimmed("\u{3000}\u{00A0} mot \u{2029}") == "mot")
        #expect(SearchText.plainText("a\u{1680}b\u{202F}c\u{0085}d") == "a b c d")
    }

    @Test("A story's categories are the JSON that JSONEncoder writes, for any text")
    func categoriesJSONMatchesEncoder() {
        /// The general path: in a generic context the `[String]` overload is not chosen.
        func viaEncoder<T: Encodable & Collection>(_ value: T) -> String? { StoryValues.json(value) }
        let pieces = ["a", "Tech", "", " ", "\"", "\\", "/", "</b>", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\n", "\u{B}",
                      "\u{C}", "\r", "\u{1F}", "\u{7F}", "é", "東京", "😀", "\u{2028}", "\u{FEFF}", "&amp;", "'"]
        var generator = SplitMix64(seed: 29)
        var differing: [[String]] = []
        for _ in 0..<3_000 {
            let list = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            if StoryValues.json(list) != viaEncoder(list) { differing.append(list) }
        }
        let count = differing.count
        #expect(count == 0, "first: \(differing.prefix(3))")
        #expect(StoryValues.json(["a/b", "x"]) == #"["a\/b","x"]"#)
    }

    @Test("Search text keeps every non-ASCII character, of two, three and four UTF-8 bytes")
    func nonASCIIKept() {
        let text = "é ß ĳ — € ﬁ 😀 𝒜 \u{10FFFD} ñ"
        #expect(SearchText.plainText("<p>\(text)</p>") == text)
        #expect(SearchText.plainText(text, limit: 3) == "é ß")
    }
}

private extension Int64 {
    /// Continues a reference FNV-1a state with a number's eight little-endian bytes (0xFE when nil).
    func combinedReference(double: Double?) -> Int64 {
        var state = UInt64(bitPattern: self)
        func byte(_ b: UInt8) { state = (state ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        if let double {
            withUnsafeBytes(of: double.bitPattern.littleEndian) { $0.forEach(byte) }
        } else {
            byte(0xFE)
        }
        return Int64(bitPattern: state)
    }

    /// Continues a reference FNV-1a state with a string's UTF-8 and a zero byte.
    func combinedReferenceString(_ text: String) -> Int64 {
        var state = UInt64(bitPattern: self)
        for b in Array(text.utf8) + [0] { state = (state ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return Int64(bitPattern: state)
    }
}
