import Foundation
import Testing
import TestSupport
@testable import NewsSources

/// `HeaderValue.trimmed` trims header lines on bytes where it can; these tests hold it to Foundation's
/// `trimmingCharacters(in:)`, which it replaces, on generated text with every kind of white space at its ends.
@Suite("Header line trimming")
struct HeaderTrimTests {
    static let pieces = [" ", "\t", "\r", "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{2028}",
                         "\u{2029}", "\u{3000}", "\u{200B}", "\u{FEFF}", "a", "é", "ETag", ":", "x y", "\"v1\"", "😀"]

    @Test("Generated lines and parts of lines trim as trimmingCharacters(in:) trims them", arguments: [false, true])
    func matchesFoundation(newlines: Bool) {
        var generator = SplitMix64(seed: newlines ? 41 : 43)
        var differing: [String] = []
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                Self.pieces.randomElement(using: &generator)!
            }.joined()
            // A part cut from a longer line, as a header's name and value are.
            let line = "<" + text + ">"
            let part = line.dropFirst().dropLast()
            let expected = part.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
            if HeaderValue.trimmed(part, newlines: newlines) != expected { differing.append(text) }
        }
        let count = differing.count
        #expect(count == 0, "first: \(differing.prefix(3).map(\.debugDescription))")
    }

    @Test("A status line and header fields lose their line ends and optional white space")
    func headerParts() {
        #expect(HeaderValue.trimmed("HTTP/1.1 304 Not Modified\r\n", newlines: true) == "HTTP/1.1 304 Not Modified")
        #expect(HeaderValue.trimmed(" \t\"abc\" ", newlines: false) == "\"abc\"")
        #expect(HeaderValue.trimmed("\r\n", newlines: true) == "")
        #expect(HeaderValue.trimmed("\u{A0}value\u{A0}", newlines: false) == "value")
    }
}
