import TermCore
@testable import ArticleText

/// The rows of `html` rendered at `width`, as plain strings.
func rows(_ html: String, width: Int = 30, baseURL: String? = "https://example.com/news/") -> [String] {
    ArticleRenderer.render(html: html, width: width, baseURL: baseURL).lines.map(\.plainText)
}

/// The widest row of a rendering, in display columns.
func widestRow(_ lines: [StyledLine]) -> Int {
    lines.map { DisplayWidth.width(of: $0.plainText) }.max() ?? 0
}

/// The traits of the first span whose text contains `text`.
func traits(of text: String, in lines: [StyledLine]) -> TextTraits? {
    for line in lines { for span in line.spans where span.text.contains(text) { return span.traits } }
    return nil
}
