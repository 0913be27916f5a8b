import ArticleText
import TermCore

/// Fitting one-line text into columns and wrapping it, measured by display width per grapheme
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

    /// Wraps one-line text (a title, a byline, a URL, a message) into rows of at most `width` columns with
    /// one set of traits, through ArticleText's wrapper: the same break rules as story bodies.
    static func wrap(_ text: String, width: Int, traits: TextTraits = []) -> [StyledLine] {
        TextLayout.plainTextLines(text, width: width).map { StyledLine($0.plainText, traits: traits) }
    }
}
