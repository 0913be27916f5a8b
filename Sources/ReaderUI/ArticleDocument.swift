import ArticleText
import Foundation
import NewsModel
import ReaderCore
import TermCore
import TextSafety

/// A story as the article pane shows it: a header (title, source and author, date, link, comment count),
/// the body, and the body's numbered link list.
enum ArticleDocument {
    /// Text keeps one column free either side of the pane (the rule is `update`'s too, so it lives there).
    static func textWidth(paneWidth: Int) -> Int { ScreenLayout.articleTextWidth(paneWidth: paneWidth) }

    /// The laid-out document and the body's numbered links (`[1]` first), for `o` and a number.
    struct Laid {
        var lines: [StyledLine]
        var links: [String]
    }

    /// Header rows, a blank row, then the body, all at most `width` columns. `now` makes the relative date;
    /// `note` (reader mode: which text is shown) ends the header.
    /// `body` is the story's body laid out at `width` (`ArticleBodyCache.body(for:)`).
    static func layout(_ story: Story, note: String? = nil, width: Int, timeZone: DisplayZone, now: Date,
                       body: RenderedArticle) -> Laid {
        var lines = header(for: story, width: width, timeZone: timeZone, now: now)
        if let note { lines += TextFit.wrap(note, width: width, traits: .muted) }
        lines.append(StyledLine())
        if body.lines.isEmpty {
            lines.append(StyledLine("This story has no text in the feed; its link leads to the full page.",
                                    traits: .muted))
        } else {
            lines += body.lines
        }
        return Laid(lines: lines, links: body.links)
    }

    /// Title; `source · by author`; `2022-03-08 09:54 UTC · 4 years ago · 2 comments`; the link.
    static func header(for story: Story, width: Int, timeZone: DisplayZone, now: Date) -> [StyledLine] {
        var lines: [StyledLine] = []
        // Title, feed title and author are `SafeLine`s: cleaned when the story was made.
        let title = story.title.text
        lines += TextFit.wrap(title.isEmpty ? "(untitled)" : title, width: width, traits: .heading)
        var byline = [story.feedTitle.text]
        if let author = story.author?.text, !author.isEmpty { byline.append("by \(author)") }
        lines += wrapItems(byline.filter { !$0.isEmpty }, width: width)
        var dateline = [DateText.absolute(story.displayDate, timeZone: timeZone),
                        DateText.spelledRelative(story.displayDate, now: now)]
        if let count = story.commentCount { dateline.append(commentCountText(count)) }
        lines += wrapItems(dateline, width: width)
        if let link = story.link.map(Sanitizer.cleanLine), !link.isEmpty {
            // A URL has no spaces, so wrapping breaks it between characters.
            lines += TextFit.wrap(link, width: width, traits: .link)
        }
        return lines
    }

    /// Muted rows of `items` joined by ` · `, broken between items rather than inside one where possible,
    /// so a narrow pane shows `… · 3 hours ago` over `2 comments` rather than `… · 2` over `comments`.
    static func wrapItems(_ items: [String], width: Int) -> [StyledLine] {
        var rows: [String] = []
        for item in items {
            if let last = rows.last, DisplayWidth.width(of: last + " · " + item) <= width {
                rows[rows.count - 1] = last + " · " + item
            } else {
                rows.append(item)
            }
        }
        return rows.flatMap { TextFit.wrap($0, width: width, traits: .muted) }
    }

    /// `no comments`, `1 comment`, `1,234 comments`.
    static func commentCountText(_ count: Int) -> String {
        switch count {
        case ..<1: "no comments"
        case 1: "1 comment"
        default: "\(NumberText.grouped(count)) comments"
        }
    }
}
