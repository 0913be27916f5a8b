/// The byte ranges of one attribute of a tag: its name, and its value (empty when written without one),
/// both as written (not lower-cased, not decoded).
package struct HTMLAttributeRange: Sendable, Equatable {
    package var nameStart: Int, nameEnd: Int, valueStart: Int, valueEnd: Int

    package init(nameStart: Int, nameEnd: Int, valueStart: Int, valueEnd: Int) {
        self.nameStart = nameStart; self.nameEnd = nameEnd; self.valueStart = valueStart; self.valueEnd = valueEnd
    }
}

/// What `HTMLScanner.next()` finds, as byte ranges of the input: a consumer decodes, lower-cases and copies
/// only what it keeps.
package enum HTMLScanToken: Sendable, Equatable {
    /// Text between tags, undecoded.
    case text(start: Int, end: Int)
    /// A start tag, its name as written; its attributes are the scanner's `attributes` until the next call.
    case startTag(nameStart: Int, nameEnd: Int, selfClosing: Bool)
    case endTag(nameStart: Int, nameEnd: Int)
}

/// The tokenizing rules for the HTML fragments feeds carry (summaries, bodies, HTML-typed titles), written
/// once: the feed sanitiser and `HTMLTokenizer.tokenize` both pull their tokens from it. It is not a tree
/// builder: callers that need balance keep their own stack. Comments, doctypes and processing
/// instructions are skipped; a `<` that starts no tag is text. Which elements hold raw text (script,
/// style, ...) is the caller's to say, by calling `skipRawText` after their start tag, so `</p>` inside
/// a script is not markup.
///
/// A concrete iterator rather than a generic scan over a sink protocol: a generic function is only fast
/// once specialised for its sink, which across a module boundary the optimiser did not do (parsing a
/// 17 MB feed went 8–10 % slower), while this compiled code is the same for every caller.
package struct HTMLScanner {
    let b: UnsafeBufferPointer<UInt8>
    /// Where scanning resumes.
    var i = 0
    /// The start of the text not yet returned.
    var textStart = 0
    /// The attributes of the tag last returned, in order; names and values as written.
    package private(set) var attributes: [HTMLAttributeRange] = []

    package init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    static let commentClose = Array("-->".utf8)

    @inline(__always) static func isNameStart(_ c: UInt8) -> Bool { let l = c | 0x20; return l >= 0x61 && l <= 0x7A }
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }

    /// The next token, or nil at the end. Text before a tag or a comment is returned first; the markup is
    /// read on the next call.
    package mutating func next() -> HTMLScanToken? {
        let n = b.count
        while i < n {
            guard b[i] == 0x3C else { i = ByteScan.first(0x3C, in: b, from: i, end: n); continue }
            guard i + 1 < n else { i += 1; continue }
            let next = b[i + 1]
            if next == 0x21 || next == 0x3F {
                if let text = takeText(upTo: i) { return text }
                if i + 3 < n && b[i + 2] == 0x2D && b[i + 3] == 0x2D {
                    i = (Self.findFolded(b, Self.commentClose, from: i + 4) ?? n - 3) + 3
                } else {
                    var j = i + 2
                    while j < n && b[j] != 0x3E { j += 1 }
                    i = j + 1
                }
                textStart = min(i, n)
                continue
            }
            let closing = next == 0x2F
            let nameStart = closing ? i + 2 : i + 1
            guard nameStart < n, Self.isNameStart(b[nameStart]) else { i += 1; continue }
            if let text = takeText(upTo: i) { return text }
            var j = nameStart
            while j < n && !Self.isSpace(b[j]) && b[j] != 0x3E && b[j] != 0x2F { j += 1 }
            let nameEnd = j
            let selfClosing = readAttributes(from: &j)
            i = j
            textStart = i
            return closing ? .endTag(nameStart: nameStart, nameEnd: nameEnd)
                : .startTag(nameStart: nameStart, nameEnd: nameEnd, selfClosing: selfClosing)
        }
        return takeText(upTo: n)
    }

    /// The text from `textStart` to `end` as a token, if there is any, and `end` as the new text start.
    @inline(__always)
    mutating func takeText(upTo end: Int) -> HTMLScanToken? {
        guard end > textStart else { return nil }
        defer { textStart = end }
        return .text(start: textStart, end: end)
    }

    /// Reads a tag's attributes into `attributes`, from `j` up to and past its `>`; returns whether the tag
    /// ended with `/>`.
    mutating func readAttributes(from j: inout Int) -> Bool {
        let n = b.count
        attributes.removeAll(keepingCapacity: true)
        var selfClosing = false
        while j < n {
            if Self.isSpace(b[j]) { j += 1; continue }
            if b[j] == 0x3E { j += 1; break }
            if b[j] == 0x2F { selfClosing = j + 1 < n && b[j + 1] == 0x3E; j += 1; continue }
            let attrStart = j
            while j < n && !Self.isSpace(b[j]) && b[j] != 0x3D && b[j] != 0x3E && (b[j] != 0x2F || j == attrStart) { j += 1 }
            let attrEnd = j
            while j < n && Self.isSpace(b[j]) { j += 1 }
            var valueStart = j, valueEnd = j
            if j < n && b[j] == 0x3D {
                j += 1
                while j < n && Self.isSpace(b[j]) { j += 1 }
                if j < n && (b[j] == 0x22 || b[j] == 0x27) {
                    let quote = b[j]
                    var e = j + 1
                    while e < n && b[e] != quote { e += 1 }
                    valueStart = j + 1; valueEnd = e
                    j = min(n, e + 1)
                } else {
                    valueStart = j
                    while j < n && !Self.isSpace(b[j]) && b[j] != 0x3E { j += 1 }
                    valueEnd = j
                }
            }
            if attrEnd > attrStart {
                attributes.append(HTMLAttributeRange(nameStart: attrStart, nameEnd: attrEnd, valueStart: valueStart,
                                                     valueEnd: valueEnd))
            }
        }
        return selfClosing
    }

    /// Called right after a start tag whose content is raw text (named by `nameStart..<nameEnd`): skips to
    /// past its end tag, found ignoring case (or to the end of the input), and returns the content,
    /// undecoded.
    @discardableResult
    package mutating func skipRawText(nameStart: Int, nameEnd: Int) -> (start: Int, end: Int) {
        let n = b.count
        // `</` and the name as written: the search ignores case, as the end tag may differ in it.
        var closeTag: [UInt8] = [0x3C, 0x2F]
        closeTag.append(contentsOf: UnsafeBufferPointer(rebasing: b[nameStart..<nameEnd]))
        let close = Self.findFolded(b, closeTag, from: i) ?? n
        let content = (start: i, end: close)
        var e = close
        while e < n && b[e] != 0x3E { e += 1 }
        i = min(n, e + 1)
        textStart = i
        return content
    }

    /// The first `pattern` in `b` at or after `from`, compared with bit 5 ignored (ASCII case folding).
    static func findFolded(_ b: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], from: Int) -> Int? {
        var j = from
        while j + pattern.count <= b.count {
            var k = 0
            while k < pattern.count && (b[j + k] | 0x20) == (pattern[k] | 0x20) { k += 1 }
            if k == pattern.count { return j }
            j += 1
        }
        return nil
    }
}
