import ArticleText
import Foundation
import NewsModel

/// A story as the article pane shows it: a header (title, source and author, date, link, comment count),
/// the body, and the body's numbered link list.
enum ArticleDocument {
    /// Text keeps one column free either side of the pane.
    static func textWidth(paneWidth: Int) -> Int { max(1, paneWidth - 2) }

    /// The laid-out document and the body's numbered links (`[1]` first), for `o` and a number.
    struct Laid {
        var lines: [StyledLine]
        var links: [String]
    }

    /// Header rows, a blank row, then the body, all at most `width` columns. `now` makes the relative date.
    static func layout(_ story: Story, width: Int, timeZone: TimeZone, now: Date) -> Laid {
        var lines = header(for: story, width: width, timeZone: timeZone, now: now)
        lines.append(StyledLine())
        let body = ArticleRenderer.render(html: story.bodyHTML ?? "", width: width, baseURL: story.link)
        if body.lines.isEmpty {
            lines.append(StyledLine("This story has no text in the feed; its link leads to the full page.",
                                    traits: .muted))
        } else {
            lines += body.lines
        }
        return Laid(lines: lines, links: body.links)
    }

    /// Header and body lines (see `layout`).
    static func lines(for story: Story, width: Int, timeZone: TimeZone, now: Date) -> [StyledLine] {
        layout(story, width: width, timeZone: timeZone, now: now).lines
    }

    /// Title; `source · by author`; `2022-03-08 09:54 UTC · 4 years ago · 2 comments`; the link.
    static func header(for story: Story, width: Int, timeZone: TimeZone, now: Date) -> [StyledLine] {
        var lines: [StyledLine] = []
        let title = Sanitizer.cleanLine(story.title)
        lines += TextFit.wrap(title.isEmpty ? "(untitled)" : title, width: width, traits: .heading)
        var byline = [Sanitizer.cleanLine(story.feedTitle)]
        if let author = story.author.map(Sanitizer.cleanLine), !author.isEmpty { byline.append("by \(author)") }
        let source = byline.filter { !$0.isEmpty }.joined(separator: " · ")
        if !source.isEmpty { lines += TextFit.wrap(source, width: width, traits: .muted) }
        var dateline = [DateText.absolute(story.displayDate, timeZone: timeZone),
                        DateText.spelledRelative(story.displayDate, now: now)]
        if let count = story.commentCount { dateline.append(commentCountText(count)) }
        lines += TextFit.wrap(dateline.joined(separator: " · "), width: width, traits: .muted)
        if let link = story.link.map(Sanitizer.cleanLine), !link.isEmpty {
            // A URL has no spaces, so wrapping breaks it between characters.
            lines += TextFit.wrap(link, width: width, traits: .link)
        }
        return lines
    }

    /// `no comments`, `1 comment`, `1,234 comments`.
    static func commentCountText(_ count: Int) -> String {
        switch count {
        case ..<1: "no comments"
        case 1: "1 comment"
        default: "\(count.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) comments"
        }
    }
}
