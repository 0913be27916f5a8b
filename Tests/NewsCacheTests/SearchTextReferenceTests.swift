import Testing
import TestSupport
@testable import NewsCache

/// `SearchText.plainText` copies runs of plain characters whole; these tests hold it to a reference written
/// character by character from the rules its documentation states, over generated text that mixes every
/// case the fast path must hand back to the general one (white space of every kind, tags, entities, CJK,
/// markers, two-, three- and four-byte characters) at many limits.
@Suite("Search text against its reference")
struct SearchTextReferenceTests {
    /// The pieces generated text is made of.
    static let pieces: [String] = [
        "word", "Quick", "a", "x1", "Ünïcödé", "ß", "Ωμέγα", "жизнь", "שלום", "مرحبا", "é", " ", "  ", "\t", "\n",
        " \n ", "<p>", "</b>", "<a href=\"x y\">", "<br/>", ">", "<", "a<b", "&amp;", "&lt;", "&#233;",
        "&#x4E2D;", "&nbsp;", "&#x2003;", "&#xE000;", "&bogus;", "&", "& ", "&#xZZ;", "中文", "日本語", "한국어",
        "ｶﾅ", "—", "€", "ﬁ", "😀", "𝒜", "\u{00A0}", "\u{0085}", "\u{3000}", "\u{1680}", "\u{E000}",
        "\u{E001}", "\u{E002}", "\u{7F}", "\u{01}", "!", "\"", "'", ";", "é ß", "a b c", "a\u{00A0}b",
    ]

    static func randomText(_ generator: inout SplitMix64) -> String {
        let count = Int.random(in: 0...24, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test("Generated text gives the reference's output, with and without CJK separators, tags kept or not")
    func matchesReference() {
        var generator = SplitMix64(seed: 17)
        var mismatches: [String] = []
        for _ in 0..<4_000 {
            let text = Self.randomText(&generator)
            let limit = Bool.random(using: &generator) ? Int.max : Int.random(in: 1...30, using: &generator)
            let cjk = Bool.random(using: &generator), tags = Bool.random(using: &generator)
            let fast = SearchText.plainText(text, limit: limit, separatingCJK: cjk, keepingTags: tags)
            let slow = Self.reference(text, limit: limit, separatingCJK: cjk, keepingTags: tags)
            if fast != slow { mismatches.append("\(text.debugDescription) limit \(limit) cjk \(cjk) tags \(tags)") }
        }
        let differing = mismatches.count
        #expect(differing == 0, "first: \(mismatches.prefix(3))")
    }

    @Test("Runs keep single spaces and stop at the limit, at folded white space and at what needs decoding")
    func runEdges() {
        #expect(SearchText.plainText("one two  three\u{00A0}four") == "one two three four")
        #expect(SearchText.plainText("one two three", limit: 5) == "one t")
        #expect(SearchText.plainText("ab cd", limit: 3) == "ab ")
        #expect(SearchText.plainText("Ωμ ég<i>a</i>&amp;b", limit: 100) == "Ωμ ég a &b")
        #expect(SearchText.plainText("ab 中c", separatingCJK: true) == "ab 中\u{E002}c")
        #expect(SearchText.plainText("a<b", keepingTags: true) == "a<b")
    }

    @Test("The eight-bytes-at-once check of plain words agrees with a byte-by-byte one")
    func plainWordsCheck() {
        let alphabet: [UInt8] = [0x20, 0x21, 0x41, 0x61, 0x7E, 0x7F, 0x3C, 0x3B, 0x3D, 0x26, 0x25, 0x27, 0x09, 0x0A,
                                 0x00, 0x1F, 0x80, 0xC3, 0xFF, 0xA0]
        var generator = SplitMix64(seed: 23)
        var differing = 0
        for _ in 0..<100_000 {
            let bytes = (0..<8).map { _ in alphabet.randomElement(using: &generator)! }
            let word = bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let plain = bytes.allSatisfy { $0 == 0x20 || ($0 > 0x20 && $0 < 0x7F && $0 != 0x3C && $0 != 0x26) }
                && !zip(bytes, bytes.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 } && bytes[7] != 0x20
            if SearchText.isPlainWords(word) != plain { differing += 1 }
        }
        #expect(differing == 0)
    }

    /// The rules, one Unicode scalar at a time: a tag (a `<` with a `>` after it) is a space unless tags are
    /// kept; an entity the index knows is its character; white space folds to one space, written before the
    /// next character if anything was written before; markers are dropped; with `separatingCJK` a separator
    /// goes between a CJK character and any neighbour not already parted from it by a space; a folded space
    /// counts as a character, a separator does not, and writing stops at `limit` characters.
    static func reference(_ html: String, limit: Int, separatingCJK: Bool, keepingTags: Bool) -> String {
        var output = String.UnicodeScalarView()
        var count = 0, pendingSpace = false, lastWasCJK = false
        func emit(_ scalar: Unicode.Scalar) {
            if SearchText.isWhitespace(scalar) { pendingSpace = true; return }
            if SearchMarkers.isMarker(scalar) { return }
            let isCJK = separatingCJK && SearchText.isCJK(scalar)
            if pendingSpace, !output.isEmpty {
                output.append(" "); count += 1
            } else if separatingCJK, isCJK || lastWasCJK, !output.isEmpty {
                output.append(SearchMarkers.separator)
            }
            pendingSpace = false
            lastWasCJK = isCJK
            guard count < limit else { return }
            output.append(scalar); count += 1
        }
        let scalars = Array(html.unicodeScalars)
        var index = 0
        while index < scalars.count, count < limit {
            let scalar = scalars[index]
            if scalar == "<", !keepingTags, let close = scalars[(index + 1)...].firstIndex(of: ">") {
                pendingSpace = true
                index = close + 1
            } else if scalar == "&", let (decoded, next) = entity(scalars, at: index) {
                emit(decoded)
                index = next
            } else {
                emit(scalar)
                index += 1
            }
        }
        return String(output)
    }

    /// The entities the generated text uses, decoded as the search index decodes them.
    static func entity(_ scalars: [Unicode.Scalar], at ampersand: Int) -> (Unicode.Scalar, Int)? {
        let names: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "nbsp": "\u{00A0}"]
        guard let semicolon = scalars[(ampersand + 1)...].prefix(12).firstIndex(of: ";") else { return nil }
        let name = String(String.UnicodeScalarView(scalars[(ampersand + 1)..<semicolon]))
        if let scalar = names[name] { return (scalar, semicolon + 1) }
        let number = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16)
            : name.hasPrefix("#") ? UInt32(name.dropFirst(), radix: 10) : nil
        guard let number, let scalar = Unicode.Scalar(number) else { return nil }
        return (scalar, semicolon + 1)
    }
}
