import TermCore

/// Fitting one-line text into columns and wrapping paragraphs, measured by display width per grapheme
/// cluster (a CJK character or an emoji takes two columns, a combining accent none).
enum TextFit {
    /// `text` cut to at most `width` columns, ending in `…` when something was cut.
    static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.width(of: text) <= width { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.width(of: character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// Word-wraps one paragraph (no newlines) into lines of at most `width` columns. Words wider than a
    /// line are broken between characters, so nothing is ever lost or overflows.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = DisplayWidth.width(of: word)
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
            if wordWidth <= width {
                line = String(word); lineWidth = wordWidth
                continue
            }
            // A word longer than the line (a URL, a run of CJK text without spaces): break it.
            for character in word {
                let w = DisplayWidth.width(of: character)
                if lineWidth + w > width, lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
                line.append(character); lineWidth += w
            }
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}
