import ArticleText
import TermCore

/// Fitting one-line text into columns and wrapping it, measured by display width per grapheme
/// cluster (a CJK character or an emoji takes two columns, a combining accent none).
enum TextFit {
    /// `text` cut to at most `width` columns, ending in `…` when something was cut.
    static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.width(of: text) <= width { return text }
        if let cut = truncatedSimply(text, width: width) { return cut }
        return truncatedByCharacters(text, width: width)
    }

    /// `truncate` for text that is too wide, on the UTF-8 bytes while every cluster up to the cut is one
    /// scalar of known width (`DisplayWidth.simpleCluster`): a headline row is cut on every frame, and
    /// segmenting it into `Character`s was most of drawing the list. Nil when a cluster needs segmenting.
    static func truncatedSimply(_ text: String, width: Int) -> String? {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            var used = 0
            var index = 0
            while index < bytes.count {
                guard let simple = DisplayWidth.simpleCluster(bytes, at: index) else { return nil }
                if used + simple.width > width - 1 {
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<index]), as: UTF8.self) + "…"
                }
                used += simple.width
                index += simple.length
            }
            return nil
        }
    }

    /// `truncate`'s general definition for text wider than `width`: whole grapheme clusters while they fit
    /// in `width - 1` columns, then `…`.
    static func truncatedByCharacters(_ text: String, width: Int) -> String {
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

    /// Wraps one-line text (a title, a byline, a URL, a message) into rows of at most `width` columns with
    /// one set of traits, through ArticleText's wrapper: the same break rules as story bodies.
    static func wrap(_ text: String, width: Int, traits: TextTraits = []) -> [StyledLine] {
        TextLayout.plainTextLines(text, width: width).map { StyledLine($0.plainText, traits: traits) }
    }
}
