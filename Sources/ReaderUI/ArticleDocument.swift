import ArticleText
import Foundation
import NewsModel

/// A story as the article pane shows it: a header (title, source, author, date, link) and the body.
enum ArticleDocument {
    /// Text keeps one column free either side of the pane.
    static func textWidth(paneWidth: Int) -> Int { max(1, paneWidth - 2) }

    /// Header rows (title, byline, link), a blank row, then the body, all at most `width` columns.
    static func lines(for story: Story, width: Int, timeZone: TimeZone) -> [StyledLine] {
        var lines: [StyledLine] = []
        let title = Sanitizer.cleanLine(story.title)
        lines += TextFit.wrap(title.isEmpty ? "(untitled)" : title, width: width, traits: .heading)
        var byline = [Sanitizer.cleanLine(story.feedTitle)]
        if let author = story.author.map(Sanitizer.cleanLine), !author.isEmpty { byline.append("by \(author)") }
        byline.append(DateText.absolute(story.displayDate, timeZone: timeZone))
        lines += TextFit.wrap(byline.filter { !$0.isEmpty }.joined(separator: " · "), width: width, traits: .muted)
        if let link = story.link.map(Sanitizer.cleanLine), !link.isEmpty {
            // A URL has no spaces, so wrapping breaks it between characters.
            lines += TextFit.wrap(link, width: width, traits: .link)
        }
        lines.append(StyledLine())
        let body = ArticleRenderer.render(html: story.bodyHTML ?? "", width: width, baseURL: story.link).lines
        if body.isEmpty {
            lines.append(StyledLine("This story has no text in the feed; its link leads to the full page.",
                                    traits: .muted))
        } else {
            lines += body
        }
        return lines
    }
}
