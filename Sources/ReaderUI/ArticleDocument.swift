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
        for line in TextFit.wrap(title.isEmpty ? "(untitled)" : title, width: width) {
            lines.append(StyledLine(line, traits: .heading))
        }
        var byline = [Sanitizer.cleanLine(story.feedTitle)]
        if let author = story.author.map(Sanitizer.cleanLine), !author.isEmpty { byline.append("by \(author)") }
        byline.append(DateText.absolute(story.displayDate, timeZone: timeZone))
        for line in TextFit.wrap(byline.filter { !$0.isEmpty }.joined(separator: " · "), width: width) {
            lines.append(StyledLine(line, traits: .muted))
        }
        if let link = story.link.map(Sanitizer.cleanLine), !link.isEmpty {
            // A URL has no spaces, so wrapping breaks it between characters.
            for line in TextFit.wrap(link, width: width) { lines.append(StyledLine(line, traits: .link)) }
        }
        lines.append(StyledLine())
        let body = fallbackLayout(html: story.bodyHTML ?? "", width: width, baseURL: story.link)
        if body.isEmpty {
            lines.append(StyledLine("This story has no text in the feed; its link leads to the full page.",
                                    traits: .muted))
        } else {
            lines += body
        }
        return lines
    }
}
