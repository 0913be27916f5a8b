import Testing
import TermCore
import TextSafety
@testable import ArticleText
import TestSupport

/// The shortcuts that make a long article cheap to lay out, each held to the general code it stands in
/// for: the plain-row scan, the letters it takes without a lookup, white-space folding eight bytes at a
/// time, laying out on a second thread, rows kept in one shared storage, the wrapper's reused buffers,
/// link markers written as bytes and the common character references.
@Suite("Layout shortcuts give exactly what the general code gives")
struct LayoutShortcutTests {
    /// Pieces of text that exercise every branch of the wrapper: ASCII words, letters taken without a
    /// lookup, letters that need one, wide characters, marks, break characters and spaces.
    static let pieces = ["word", "a", "longerword", "Café", "économique", "Новости", "Tiếng", "Việt", "“q”", "—",
                         "…", "e\u{301}", "東京", "漢字かな", "👍🏽", "🇺🇾", "a-b", "x/y", "http://a.example/b/c", "a\u{AD}b",
                         "zero\u{200B}width", "×÷", "Ωμέγα", "ё", " ", "  ", "\n", "%", "(", "„", "\u{A0}", "ſ", "Ѡ"]

    static func randomText(_ generator: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...40, using: &generator)).map { _ in
            pieces.randomElement(using: &generator)! + (Bool.random(using: &generator) ? " " : "")
        }.joined()
    }

    static func wrapped(_ text: String, width: Int, shortcuts: Bool) -> [String] {
        var rows = RowBuilder()
        LineWrapper.wrap([StyledSpan(text)], width: width, shortcuts: shortcuts, into: &rows)
        return rows.finish().map(\.plainText)
    }

    @Test("Rows found by the plain-row scan are the rows the general scan finds")
    func plainRowsMatchGeneralScan() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<3_000 {
            let text = Self.randomText(&generator)
            let width = Int.random(in: 1...60, using: &generator)
            #expect(Self.wrapped(text, width: width, shortcuts: true) == Self.wrapped(text, width: width, shortcuts: false),
                    "width \(width): \(text.debugDescription)")
        }
    }

    @Test("Every letter taken without a lookup is a one-column cluster of its own, as the lookup says")
    func knownLettersAgreeWithLookup() {
        var checked = 0
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for follower in ["a", "é", "Ж"] {
                var text = String(scalar) + follower
                text.withUTF8 { bytes in
                    guard let length = LineWrapper.knownLetterLength(bytes, at: 0) else { return }
                    checked += 1
                    let simple = DisplayWidth.simpleCluster(bytes, at: 0)
                    #expect(simple?.length == length && simple?.width == 1, "U+\(String(value, radix: 16))")
                    #expect(![0xAD, 0x2D, 0x2F, 0x7F].contains(value))
                }
            }
        }
        #expect(checked == 3 * (0x180 - 0xC0 + 0x480 - 0x400 + 0x1F00 - 0x1E00 + 0x2028 - 0x2010))
    }

    @Test("White space folded eight bytes at a time folds as byte by byte does")
    func foldingMatchesReference() {
        let parts = ["a", "bc", "defghij", "é", " ", "  ", "\t", "\n", "\r\n", "\u{C}", "xyz ", " q"]
        var generator = SplitMix64(seed: 5)
        for _ in 0..<3_000 {
            let chunks = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                (0..<Int.random(in: 0...12, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined()
            }
            var buffer = InlineBuffer()
            var reference = ""
            var atSpace = true
            for chunk in chunks {
                buffer.append(folding: chunk, traits: [])
                for scalar in chunk.unicodeScalars {
                    if [" ", "\t", "\n", "\r", "\u{C}"].contains(scalar) {
                        if !atSpace { reference += " "; atSpace = true }
                    } else {
                        reference.unicodeScalars.append(scalar)
                        atSpace = false
                    }
                }
            }
            while reference.last == " " { reference.removeLast() }
            #expect(buffer.take().map(\.text).joined() == reference, "\(chunks)")
        }
    }

    @Test("A long article laid out on a second thread gives the rows and links of one thread", arguments: [1, 30, 57, 100, 200])
    func pipelineMatchesOneThread(width: Int) {
        let html = SampleArticle.html(bytes: 300_000)
        #expect(html.utf8.count >= PipelinedRenderer.minimumBytes)
        let text = ArticleRenderer.richText(fromHTML: html, baseURL: "https://example.com/")
        let expected = TextLayout.lines(for: text, width: width)
        let rendered = ArticleRenderer.render(html: html, width: width, baseURL: "https://example.com/")
        #expect(rendered.links == text.links)
        #expect(rendered.lines.count == expected.count)
        #expect(rendered.lines == expected)
    }

    @Test("Long articles without blocks or without links render as on one thread")
    func pipelineEdgeCases() {
        let blank = String(repeating: " \n", count: 40_000)
        #expect(ArticleRenderer.render(html: blank, width: 40).lines.isEmpty)
        let noLinks = String(repeating: "<p>just text here</p>", count: 4_000)
        let expected = TextLayout.lines(for: ArticleRenderer.richText(fromHTML: noLinks), width: 40)
        #expect(ArticleRenderer.render(html: noLinks, width: 40).lines == expected)
        let onlyLinks = String(repeating: "<a href='https://e.example/x'>x</a>", count: 3_000)
        let rendered = ArticleRenderer.render(html: onlyLinks, width: 40)
        #expect(rendered.links == ["https://e.example/x"])
        #expect(rendered.lines == TextLayout.lines(for: ArticleRenderer.richText(fromHTML: onlyLinks), width: 40))
    }

    @Test("Rows in a shared storage read back as the spans they were made from, empty spans included")
    func sharedRowsReadBack() {
        var rows = RowBuilder()
        rows.appendRow([StyledSpan("a", traits: .bold), StyledSpan(""), StyledSpan("│ ", traits: .muted)])
        rows.appendRow([])
        rows.appendRow([StyledSpan("dropped")])
        rows.removeLastRow()
        rows.appendRow([StyledSpan("é東", traits: .italic)], after: [StyledSpan("• ")])
        let lines = rows.finish()
        #expect(lines.map(\.spans) == [
            [StyledSpan("a", traits: .bold), StyledSpan(""), StyledSpan("│ ", traits: .muted)],
            [],
            [StyledSpan("• "), StyledSpan("é東", traits: .italic)],
        ])
        #expect(lines[2] == StyledLine([StyledSpan("• "), StyledSpan("é東", traits: .italic)]))
    }

    @Test("One builder reused for many paragraphs gives the rows a new builder gives each", arguments: [1, 9, 40])
    func reusedBuffersMatchFreshBuilders(width: Int) {
        let prefixes: [[StyledSpan]] = [[], [StyledSpan("│ ", traits: .quote)], [StyledSpan("│ "), StyledSpan("1. ", traits: .muted)],
                                        [StyledSpan("    ")], [StyledSpan(""), StyledSpan("• ")]]
        var generator = SplitMix64(seed: 23)
        var shared = RowBuilder()
        var expected: [[StyledSpan]] = []
        for _ in 0..<400 {
            let spans = (0..<Int.random(in: 1...4, using: &generator)).map { index in
                StyledSpan(Self.randomText(&generator), traits: index % 2 == 0 ? [] : .bold)
            }
            let first = prefixes.randomElement(using: &generator)!, rest = prefixes.randomElement(using: &generator)!
            var fresh = RowBuilder()
            LineWrapper.wrap(spans, width: width, traits: .italic, first: first, rest: rest, into: &fresh)
            expected += fresh.finish().map(\.spans)
            LineWrapper.wrap(spans, width: width, traits: .italic, first: first, rest: rest, into: &shared)
        }
        #expect(shared.finish().map(\.spans) == expected)
    }

    @Test("Link markers written as bytes are the markers joined from strings")
    func linkMarkersMatchJoinedStrings() {
        for number in Array(1...1_200) + [9_999, 10_000, 123_456] {
            let digits = String(number).utf8.count
            for width in digits + 3...digits + 6 {
                let joined = String(repeating: " ", count: width - 3 - digits) + "[" + String(number) + "] "
                #expect(Writer.linkMarker(number, width: width) == joined, "\(number) in \(width)")
            }
        }
    }

    @Test("Common character references decode as the full table decodes them, and no other name is taken")
    func commonReferencesMatchTable() {
        for name in CommonReference.names {
            let packed = Array(name.utf8).withUnsafeBufferPointer { CommonReference.pack($0) }
            let scalar = packed.flatMap(CommonReference.scalar(packed:)).flatMap(Unicode.Scalar.init)
            #expect(scalar.map { String($0) } == HTMLEntities.named(name), "\(name)")
            // And the reader decodes it so, in text and in an attribute.
            let html = "<p>a&" + name + ";b<img alt='c&" + name + ";d'></p>"
            let expected = "a" + HTMLEntities.named(name)! + "b[image: c" + HTMLEntities.named(name)! + "d]"
            #expect(ArticleRenderer.richText(fromHTML: html).blocks.first.map(Self.plainText) == expected, "\(name)")
        }
        for name in HTMLEntities.legacyNames + ["Amp", "AMP", "ampx", "hellipsis", "x"] where !CommonReference.names.contains(name) {
            let packed = Array(name.utf8).withUnsafeBufferPointer { CommonReference.pack($0) }
            #expect(packed.flatMap(CommonReference.scalar(packed:)) == nil, "\(name)")
        }
    }

    static func plainText(_ block: Block) -> String {
        guard case .paragraph(let spans) = block else { return "" }
        return spans.map(\.text).joined()
    }
}
