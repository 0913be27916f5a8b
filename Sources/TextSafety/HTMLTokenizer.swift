/// HTML fragments as string tokens: names lower-cased, text and attribute values decoded. The tokenizing
/// rules are `HTMLScanner`'s, the ones the feed sanitiser runs on; this is for `HTMLText` and the tests.
/// Script and style contents are one raw-text token, as in a browser, so `</p>` inside a script is not markup.
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
        html.withUTF8 { b in
            func string(_ start: Int, _ end: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
            }
            var scanner = HTMLScanner(b)
            while let token = scanner.next() {
                switch token {
                case .text(let start, let end):
                    // Most text runs have no reference: skip the decoder's second pass and copy.
                    let text = string(start, end)
                    emit(.text(b[start..<end].contains(0x26) ? EntityText.decode(text) : text))
                case .startTag(let nameStart, let nameEnd, let selfClosing):
                    let name = string(nameStart, nameEnd).lowercased()
                    if rawTextElements.contains(name) && !selfClosing {
                        let content = scanner.skipRawText(nameStart: nameStart, nameEnd: nameEnd)
                        emit(.rawText(name: name, content: string(content.start, content.end)))
                    } else {
                        emit(.start(name: name, attributes: scanner.attributes.map {
                            (string($0.nameStart, $0.nameEnd).lowercased(), EntityText.decode(string($0.valueStart, $0.valueEnd)))
                        }, selfClosing: selfClosing))
                    }
                case .endTag(let nameStart, let nameEnd):
                    emit(.end(name: string(nameStart, nameEnd).lowercased()))
                }
            }
        }
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
