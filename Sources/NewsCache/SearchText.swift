/// Turns a story's HTML body into the plain text the search index holds.
///
/// NewsCache does not depend on ArticleText, so this is a small tag stripper of its own: the bodies it sees
/// are already sanitised fragments, and the index only needs the words, not a faithful layout.
enum SearchText {
    /// The indexed body is capped so one huge page cannot blow up the trigram index (about 3 index entries
    /// per character); the first 16,000 characters hold the words a search is for.
    static let maximumBodyLength = 16_000

    /// The plain text of the best body available, as `Story.bodyHTML` chooses it.
    static func body(extracted: String?, content: String?, summary: String?) -> String {
        guard let html = extracted ?? content ?? summary else { return "" }
        return plainText(html, limit: maximumBodyLength)
    }

    /// Tags removed (block-ish tags become a space), common entities decoded, white space folded, and the
    /// private-use characters that mark matches in snippets dropped.
    static func plainText(_ html: String, limit: Int = .max) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var count = 0
        var scalars = html.unicodeScalars[...]
        func emit(_ scalar: Unicode.Scalar) {
            // ASCII first: the Unicode property lookup was the largest single cost of a refresh's writes.
            let isSpace = scalar.isASCII
                ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar.value == 0x0C
                   || scalar.value == 0x0B)
                : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = true
                return
            }
            if scalar == SearchMarkers.open || scalar == SearchMarkers.close { return }
            if pendingSpace, !out.isEmpty { out.append(" "); count += 1 }
            pendingSpace = false
            out.append(scalar)
            count += 1
        }
        while let scalar = scalars.first, count < limit {
            scalars = scalars.dropFirst()
            switch scalar {
            case "<":
                // Skip to the end of the tag; a tag boundary separates words (`<p>a</p><p>b</p>` is "a b").
                if let end = scalars.firstIndex(of: ">") {
                    scalars = scalars[scalars.index(after: end)...]
                    pendingSpace = true
                } else {
                    emit(scalar)
                }
            case "&":
                if let (decoded, rest) = decodeEntity(scalars) {
                    decoded.forEach(emit)
                    scalars = rest
                } else {
                    emit(scalar)
                }
            default:
                emit(scalar)
            }
        }
        return String(out)
    }

    /// Decodes the entity starting just after `&`, returning its text and the input after the `;`.
    private static func decodeEntity(_ input: Substring.UnicodeScalarView)
        -> (String.UnicodeScalarView, Substring.UnicodeScalarView)? {
        guard let semicolon = input.prefix(12).firstIndex(of: ";") else { return nil }
        let name = String(String.UnicodeScalarView(input[..<semicolon]))
        let rest = input[input.index(after: semicolon)...]
        let named: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
            "mdash": "—", "ndash": "–", "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
        ]
        if let text = named[name] { return (text.unicodeScalars, rest) }
        var value: UInt32?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            value = UInt32(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#") {
            value = UInt32(name.dropFirst(), radix: 10)
        }
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return (String(scalar).unicodeScalars, rest)
    }
}

/// The characters `snippet()` and `highlight()` put around matches: private-use code points, which
/// `SearchText` strips from indexed text so that they can only come from the index itself.
enum SearchMarkers {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"
}
