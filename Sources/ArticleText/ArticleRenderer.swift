/// An article laid out for one width: its rows (the numbered link list appended at the end) and the link
/// targets, where `links[n - 1]` is the target of the `[n]` shown in the text.
public struct RenderedArticle: Sendable, Equatable {
    public var lines: [StyledLine]
    public var links: [String]
    public init(lines: [StyledLine], links: [String]) { self.lines = lines; self.links = links }
}

/// The entry the panes call: HTML or plain text in, safe rows of at most `width` columns out.
///
/// For a pane that is resized, keep the `RichText` (`richText(fromHTML:baseURL:)`) and lay it out again
/// with `TextLayout.lines(for:width:)`: parsing is the expensive half.
public enum ArticleRenderer {
    /// Parses `html` (a whole page or a fragment) and lays it out at `width` columns. Relative links and
    /// image/video sources are resolved against `baseURL` when given.
    public static func render(html: String, width: Int, baseURL: String? = nil) -> RenderedArticle {
        if html.utf8.count >= PipelinedRenderer.minimumBytes && width > 0 {
            return PipelinedRenderer.render(html: html, width: width, baseURL: baseURL)
        }
        let text = richText(fromHTML: html, baseURL: baseURL)
        return RenderedArticle(lines: TextLayout.lines(for: text, width: width), links: text.links)
    }

    /// `html` as blocks, independent of width.
    public static func richText(fromHTML html: String, baseURL: String? = nil) -> RichText {
        StreamingHTMLReader.read(html: html, baseURL: baseURL)
    }

    /// Plain text (comments from sources that send text): sanitised, wrapped at `width`; no links.
    public static func renderPlainText(_ text: String, width: Int) -> RenderedArticle {
        RenderedArticle(lines: TextLayout.plainTextLines(text, width: width), links: [])
    }
}
