
/// The byte ranges of one attribute of a tag: its name, and its value (empty when written without one),
/// both as written (not lower-cased, not decoded).
package struct HTMLAttributeRange: Sendable {
    package var nameStart: Int, nameEnd: Int, valueStart: Int, valueEnd: Int
}

/// What `HTMLTokenizer.scan` reports, as byte ranges of the input: a consumer decodes, lower-cases and
/// copies only what it keeps.
package protocol HTMLTokenSink {
    /// Text between tags, undecoded.
    mutating func text(_ start: Int, _ end: Int)
    /// A start tag. Returns whether the element's content is raw text (script, style, ...), which the
    /// scanner then skips to its end tag and hands to `rawText`.
    mutating func startTag(nameStart: Int, nameEnd: Int, attributes: [HTMLAttributeRange], selfClosing: Bool) -> Bool
    /// The content of a raw-text element (`start..<end`, undecoded), its end tag consumed.
    mutating func rawText(nameStart: Int, nameEnd: Int, _ start: Int, _ end: Int)
    mutating func endTag(nameStart: Int, nameEnd: Int)
}

/// A small, forgiving HTML tokenizer for the fragments feeds carry (summaries, bodies, HTML-typed titles).
/// It is not a tree builder: callers that need balance (the feed sanitiser) keep their own stack.
/// Script and style contents are one raw-text token, as in a browser, so `</p>` inside a script is not markup.
/// `scan` is the one set of tokenizing rules; the feed sanitiser consumes it as byte ranges, and
/// `tokenize` turns the same tokens into strings.
package enum HTMLTokenizer {
    package enum Token {
        case text(String)                      // entities already decoded
        case start(name: String, attributes: [(String, String)], selfClosing: Bool)
        case end(name: String)
        case rawText(name: String, content: String) // script/style/textarea/... contents, undecoded
    }

    package static let rawTextElements: Set<String> = ["script", "style", "textarea", "title", "xmp", "plaintext"]

    /// Calls `emit` for each token of `html`, in order.
    package static func tokenize(_ html: String, _ emit: (Token) -> Void) {
        var html = html
        withoutActuallyEscaping(emit) { emit in
            html.withUTF8 { bytes in
                var sink = StringTokens(b: bytes, emit: emit)
                scan(bytes, into: &sink)
            }
        }
    }

    /// Reports the tokens of `b` to `sink`, in order. Comments, doctypes and processing instructions are
    /// skipped; a `<` that starts no tag is text.
    @inlinable
    package static func scan<Sink: HTMLTokenSink>(_ b: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        let n = b.count
        var i = 0
        var textStart = 0
        var attributes: [HTMLAttributeRange] = []
        @inline(__always) func isNameStart(_ c: UInt8) -> Bool { let l = c | 0x20; return l >= 0x61 && l <= 0x7A }
        @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
        while i < n {
            guard b[i] == 0x3C else { i = ByteScan.first(0x3C, in: b, from: i, end: n); continue }
            guard i + 1 < n else { i += 1; continue }
            let next = b[i + 1]
            if next == 0x21 || next == 0x3F {
                if i > textStart { sink.text(textStart, i) }
                if i + 3 < n && b[i + 2] == 0x2D && b[i + 3] == 0x2D {
                    i = (findFolded(b, commentClose, from: i + 4) ?? n - 3) + 3
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
            guard nameStart < n, isNameStart(b[nameStart]) else { i += 1; continue }
            if i > textStart { sink.text(textStart, i) }
            var j = nameStart
            while j < n && !isSpace(b[j]) && b[j] != 0x3E && b[j] != 0x2F { j += 1 }
            let nameEnd = j
            attributes.removeAll(keepingCapacity: true)
            var selfClosing = false
            while j < n {
                if isSpace(b[j]) { j += 1; continue }
                if b[j] == 0x3E { j += 1; break }
                if b[j] == 0x2F { selfClosing = j + 1 < n && b[j + 1] == 0x3E; j += 1; continue }
                let attrStart = j
                while j < n && !isSpace(b[j]) && b[j] != 0x3D && b[j] != 0x3E && (b[j] != 0x2F || j == attrStart) { j += 1 }
                let attrEnd = j
                while j < n && isSpace(b[j]) { j += 1 }
                var valueStart = j, valueEnd = j
                if j < n && b[j] == 0x3D {
                    j += 1
                    while j < n && isSpace(b[j]) { j += 1 }
                    if j < n && (b[j] == 0x22 || b[j] == 0x27) {
                        let quote = b[j]
                        var e = j + 1
                        while e < n && b[e] != quote { e += 1 }
                        valueStart = j + 1; valueEnd = e
                        j = min(n, e + 1)
                    } else {
                        valueStart = j
                        while j < n && !isSpace(b[j]) && b[j] != 0x3E { j += 1 }
                        valueEnd = j
                    }
                }
                if attrEnd > attrStart {
                    attributes.append(HTMLAttributeRange(nameStart: attrStart, nameEnd: attrEnd, valueStart: valueStart,
                                                         valueEnd: valueEnd))
                }
            }
            i = j
            if closing {
                sink.endTag(nameStart: nameStart, nameEnd: nameEnd)
            } else if sink.startTag(nameStart: nameStart, nameEnd: nameEnd, attributes: attributes, selfClosing: selfClosing)
                        && !selfClosing {
                // `</` and the name as written: the search ignores case, as the end tag may differ in it.
                var closeTag: [UInt8] = [0x3C, 0x2F]
                closeTag.append(contentsOf: UnsafeBufferPointer(rebasing: b[nameStart..<nameEnd]))
                let close = findFolded(b, closeTag, from: i) ?? n
                sink.rawText(nameStart: nameStart, nameEnd: nameEnd, i, close)
                var e = close
                while e < n && b[e] != 0x3E { e += 1 }
                i = min(n, e + 1)
            }
            textStart = i
        }
        if n > textStart { sink.text(textStart, n) }
    }

    @usableFromInline static let commentClose = Array("-->".utf8)

    /// The first `pattern` in `b` at or after `from`, compared with bit 5 ignored (ASCII case folding).
    @usableFromInline
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

    /// The sink behind `tokenize`: names lower-cased, text and attribute values decoded, all as strings.
    private struct StringTokens: HTMLTokenSink {
        let b: UnsafeBufferPointer<UInt8>
        let emit: (Token) -> Void

        func string(_ start: Int, _ end: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self) }

        func text(_ start: Int, _ end: Int) {
            // Most text runs have no reference: skip the decoder's second pass and copy.
            let text = string(start, end)
            emit(.text(b[start..<end].contains(0x26) ? EntityText.decode(text) : text))
        }

        func startTag(nameStart: Int, nameEnd: Int, attributes: [HTMLAttributeRange], selfClosing: Bool) -> Bool {
            let name = string(nameStart, nameEnd).lowercased()
            if HTMLTokenizer.rawTextElements.contains(name) && !selfClosing { return true }
            emit(.start(name: name, attributes: attributes.map {
                (string($0.nameStart, $0.nameEnd).lowercased(), EntityText.decode(string($0.valueStart, $0.valueEnd)))
            }, selfClosing: selfClosing))
            return false
        }

        func rawText(nameStart: Int, nameEnd: Int, _ start: Int, _ end: Int) {
            emit(.rawText(name: string(nameStart, nameEnd).lowercased(), content: string(start, end)))
        }

        func endTag(nameStart: Int, nameEnd: Int) { emit(.end(name: string(nameStart, nameEnd).lowercased())) }
    }
}

/// Entity decoding and escaping for HTML text.
package enum EntityText {
    /// Decodes named (HTML 4 set), decimal and hex references; unknown ones and bare `&` stay as written.
    /// Works on UTF-8 bytes: this runs over every text run of every summary.
    package static func decode(_ text: String) -> String {
        var text = text
        return text.withUTF8 { b -> String in
            guard let first = b.firstIndex(of: 0x26) else { return String(decoding: b, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[..<first]))
            var i = first
            let n = b.count
            while i < n {
                let byte = b[i]
                if byte != 0x26 { out.append(byte); i += 1; continue }
                var k = i + 1
                while k < n && k - i <= 32 && b[k] != 0x3B && b[k] != 0x26 && !b[k].isXMLSpace && b[k] != 0x3C { k += 1 }
                if k < n && b[k] == 0x3B && k > i + 1,
                   let scalar = scalar(for: Substring(String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<k]), as: UTF8.self))) {
                    appendUTF8(scalar, to: &out)
                    i = k + 1
                } else {
                    out.append(byte); i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    package static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        for unit in UTF8.encode(scalar)! { out.append(unit) }
    }

    package static func scalar(for name: Substring) -> Unicode.Scalar? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" { value = UInt32(digits.dropFirst(), radix: 16) } else { value = UInt32(digits) }
            return value.map(HTMLEntities.scalar(forNumeric:))
        }
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        default: return HTMLEntities.named(name)?.unicodeScalars.first
        }
    }

    /// Escapes text for an HTML text node or a double-quoted attribute.
    package static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the escaped UTF-8 of `text` to `out` (no intermediate strings: the sanitiser's hot path).
    package static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { b in
            out.reserveCapacity(out.count + b.count)
            for byte in b { appendEscaped(byte, into: &out) }
        }
    }
}

/// HTML to plain text for one-line fields: tags removed (script and style with their content), entities
/// decoded. Callers pass the result through `Sanitizer.cleanLine`.
package enum HTMLText {
    package static let blockElements: Set<String> = ["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
                                             "blockquote", "pre", "hr", "table", "ul", "ol", "dl", "dt", "dd"]

    package static func plainText(fromHTML html: String) -> String {
        guard html.utf8.contains(0x3C) || html.utf8.contains(0x26) else { return html }
        var out = ""
        HTMLTokenizer.tokenize(html) { token in
            switch token {
            case .text(let text): out += text
            case .start(let name, _, _), .end(let name):
                if blockElements.contains(name) { out += " " }
            case .rawText(let name, let content):
                if name == "title" || name == "textarea" { out += EntityText.decode(content) }
            }
        }
        return out
    }

    /// Whether text from an element of unknown type reads as HTML (a closing tag, a known opening tag or an
    /// entity), the way feedparser guesses for RSS.
    package static func looksLikeHTML(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { looksLikeHTML(bytes: $0) }
    }

    package static func looksLikeHTML(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for (index, c) in bytes.enumerated() {
            defer { previous = c }
            if previous == 0x3C {
                let lower = c | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || c == 0x2F || c == 0x21 { return true }
            }
            if c == 0x26 {
                var k = index + 1
                if k < bytes.count && bytes[k] == 0x23 { k += 1 }
                let start = k
                while k < bytes.count && k - start < 32 && ((bytes[k] | 0x20) >= 0x61 && (bytes[k] | 0x20) <= 0x7A || (bytes[k] >= 0x30 && bytes[k] <= 0x39)) { k += 1 }
                if k > start && k < bytes.count && bytes[k] == 0x3B { return true }
            }
        }
        return false
    }
}
