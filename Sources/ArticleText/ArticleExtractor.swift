import CGumbo
import TextSafety

/// The article of a web page, as reader mode shows it: its body (as safe HTML for the article pane and as
/// plain text) and what the page says about it.
public struct ExtractedArticle: Sendable, Equatable {
    public var title: String?
    public var byline: String?
    /// The publication date as the page writes it (usually ISO 8601).
    public var published: String?
    /// The lead image's caption, shown above the body and therefore left out of it.
    public var leadCaption: String?
    /// The body as plain text: paragraphs separated by blank lines, sanitised.
    public var text: String
    /// The body as a safe HTML fragment (`ArticleWriter`; empty when not asked for).
    public var html: String
    /// True when the body came from the page's JSON-LD `articleBody` rather than its markup.
    public var fromStructuredData: Bool

    public init(title: String? = nil, byline: String? = nil, published: String? = nil, leadCaption: String? = nil,
                text: String = "", html: String = "", fromStructuredData: Bool = false) {
        self.title = title; self.byline = byline; self.published = published; self.leadCaption = leadCaption
        self.text = text; self.html = html; self.fromStructuredData = fromStructuredData
    }

    /// Whether nothing readable was found (a script-only page, a paywall stub, not an article).
    public var isEmpty: Bool { text.isEmpty }
}

/// Reader mode: finds a web page's article among its menus, share bars, related links and comments.
///
/// Mozilla Readability's method on gumbo's HTML5 tree, kept flat (`PageOutline`): page furniture is
/// dropped by tag, ARIA role and class/id words; every paragraph scores its containers by its commas and
/// length; the best container (scaled by its link density), its ancestors when they score better, and
/// its well-scoring siblings make the article; boxes inside that look like furniture by their links,
/// images and controls are cleaned out. An article shorter than `minimumLength` is looked for again with
/// the rules relaxed one by one, and a page that carries its text only in JSON-LD gets that text.
public enum ArticleExtractor {
    /// Below this many characters the rules are relaxed and the page tried again (Readability's 500).
    static let minimumLength = 500

    /// The article of `html`. `url` is the page's address, for relative links and images; the HTML body is
    /// written only when `includeHTML` is true (the command-line extraction needs the text alone).
    public static func extract(html: String, url: String?, includeHTML: Bool = true) -> ExtractedArticle {
        guard let tree = HTMLTree(html: html, takesOutText: true) else { return ExtractedArticle() }
        let metadata = PageMetadata(root: tree.root)
        var best: (writer: ArticleWriter, length: Int)?
        let attempts = [
            PageOutline.Rules(),
            PageOutline.Rules(stripUnlikely: false),
            PageOutline.Rules(stripUnlikely: false, weighClasses: false),
            PageOutline.Rules(stripUnlikely: false, weighClasses: false, cleanConditionally: false),
        ]
        for rules in attempts {
            var outline = PageOutline(root: tree.root, rules: rules)
            let parts = outline.selectArticle()
            var writer = ArticleWriter(writesHTML: includeHTML, baseURL: url)
            writer.excluded = outline.captions(in: parts, matching: metadata.leadCaption)
            writer.write(parts, of: outline)
            let length = writer.text.count
            if best == nil || length > best!.length { best = (writer, length) }
            if length >= minimumLength { break }
        }
        var article = ExtractedArticle(title: metadata.title, byline: metadata.byline, published: metadata.published,
                                       leadCaption: metadata.leadCaption)
        if let structured = metadata.structuredBody.map(Sanitizer.clean),
           structured.utf8.count > 200, structured.utf8.count * 2 > (best?.length ?? 0) * 3 {
            article.text = paragraphs(of: structured).joined(separator: "\n\n")
            if includeHTML {
                let escaped = paragraphs(of: structured).map { "<p>" + EntityText.escape($0) + "</p>" }
                article.html = escaped.joined()
            }
            article.fromStructuredData = true
            return article
        }
        guard let writer = best?.writer else { return article }
        article.text = Sanitizer.clean(String(decoding: writer.text, as: UTF8.self))
        if includeHTML && !article.text.isEmpty {
            article.html = String(decoding: writer.html, as: UTF8.self)
        }
        return article
    }

    /// The paragraphs of plain text: its lines, trimmed, without the empty ones.
    static func paragraphs(of text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
    }
}
