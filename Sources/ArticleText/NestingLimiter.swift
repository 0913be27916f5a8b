/// Keeps hostile nesting away from gumbo, whose tree construction is quadratic in the depth of open
/// elements: 20 000 nested `<div>`s (100 KB) take 1.5 s to parse, 100 000 take most of a minute.
///
/// A single byte scan estimates the depth (start tags minus end tags, ignoring void elements and those
/// whose end tag is usually implied, such as `<p>` and `<li>`); start tags beyond `maxDepth` are removed
/// before parsing. Their content stays, so nothing is lost but structure nobody could see at that depth.
/// Input that never gets that deep is returned as is, without a copy.
enum NestingLimiter {
    static let maxDepth = 256

    static func limit(_ html: String, maxDepth: Int = NestingLimiter.maxDepth) -> String {
        var html = html
        let rewritten: [UInt8]? = html.withUTF8 { bytes in scan(bytes, maxDepth: maxDepth) }
        guard let rewritten else { return html }
        return String(decoding: rewritten, as: UTF8.self)
    }

    /// nil when the depth never exceeds `maxDepth`; else the bytes without the excess start tags.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) -> [UInt8]? {
        var depth = 0
        var output: [UInt8]? = nil
        var copiedUpTo = 0
        var i = 0
        let count = bytes.count
        while i < count {
            guard bytes[i] == 0x3C, i + 1 < count else { i += 1; continue }  // "<"
            let isEnd = bytes[i + 1] == 0x2F
            let nameStart = isEnd ? i + 2 : i + 1
            guard nameStart < count, isLetter(bytes[nameStart]) else { i += 1; continue }
            var nameEnd = nameStart
            while nameEnd < count, isLetter(bytes[nameEnd]) || (bytes[nameEnd] >= 0x30 && bytes[nameEnd] <= 0x39) {
                nameEnd += 1
            }
            var tagEnd = nameEnd
            while tagEnd < count, bytes[tagEnd] != 0x3E { tagEnd += 1 }  // ">"
            let selfClosing = tagEnd > nameStart && tagEnd < count && bytes[tagEnd - 1] == 0x2F
            if !counts(UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd])) || selfClosing {
                i = tagEnd
                continue
            }
            if isEnd {
                depth = max(0, depth - 1)
            } else if depth >= maxDepth {
                // Too deep: drop this start tag (its content stays).
                if output == nil { output = []; output!.reserveCapacity(count) }
                output!.append(contentsOf: bytes[copiedUpTo..<i])
                copiedUpTo = min(count, tagEnd + 1)
            } else {
                depth += 1
            }
            i = tagEnd
        }
        guard var output else { return nil }
        output.append(contentsOf: bytes[copiedUpTo..<count])
        return output
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Elements that nest: not void, and not one whose end tag the parser usually implies.
    private static func counts(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let lower = String(decoding: name, as: UTF8.self).lowercased()
        return !uncounted.contains(lower)
    }

    private static let uncounted: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr", "keygen", "command", "basefont", "frame", "isindex", "spacer",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup",
        "rb", "rt", "rp", "rtc", "html", "head", "body",
    ]
}
