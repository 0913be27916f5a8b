import ArticleText
import NewsModel
import ReaderCore
import TermCore
import TextSafety

/// The article pane: the laid-out story from the cache, from the scroll offset down.
extension Painter {
    /// The story from `articleScroll` down, or a line saying what is being loaded.
    mutating func drawArticle(in rect: Rect) {
        guard !rect.isEmpty else { return }
        guard let story = state.shownStory else {
            let message: String
            if let headline = state.list.selectedHeadline, headline.id == state.articleStoryID {
                message = "Loading “\(Sanitizer.cleanLine(headline.title))”…"
            } else if state.articleStoryID != nil {
                message = "Loading the story…"
            } else {
                message = state.list.hasLoaded ? "No story selected." : "Loading…"
            }
            for (row, line) in TextFit.wrap(message, width: max(1, rect.width - 2)).prefix(rect.height).enumerated() {
                screen.put(line.plainText, x: rect.x + 1, y: rect.y + row, style: theme[.muted], maxWidth: rect.width - 2)
            }
            return
        }
        let width = ArticleDocument.textWidth(paneWidth: rect.width)
        let lines = layouts.article(story, width: width, timeZone: state.timeZone, now: state.now)
        let first = max(0, min(state.articleScroll, max(0, lines.count - rect.height)))
        for row in 0..<rect.height where first + row < lines.count {
            put(lines[first + row], x: rect.x + 1, y: rect.y + row, width: width, base: theme[.text])
        }
    }
}
