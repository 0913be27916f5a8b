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
        guard let story = state.displayedStory else {
            let message: String
            if let headline = state.list.selectedHeadline, headline.id == state.articleStoryID {
                message = "Loading “\(headline.title.text)”…"
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
        let lines = layouts.article(story, note: state.readerModeLine, width: width, timeZone: state.timeZone,
                                    now: state.now)
        let first = max(0, min(state.articleScroll, max(0, lines.count - rect.height)))
        let words = searchWords(for: story)
        for row in 0..<rect.height where first + row < lines.count {
            put(lines[first + row], x: rect.x + 1, y: rect.y + row, width: width, base: theme[.text])
            if !words.isEmpty {
                highlight(words, in: lines[first + row].plainText, x: rect.x + 1, y: rect.y + row, maxWidth: width)
            }
        }
    }

    /// In search results, the words to highlight in the story: what the search matched in its title and
    /// the words typed (so `zepp` lights up in Zeppelin wherever it is).
    private func searchWords(for story: Story) -> [String] {
        guard case .search(let text) = state.list.query.scope else { return [] }
        var words = state.views.titleMatches[story.id] ?? []
        for word in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where !words.contains(String(word)) {
            words.append(String(word))
        }
        return words
    }

    /// Redraws the occurrences of `words` in a drawn line in the match style.
    private mutating func highlight(_ words: [String], in text: String, x: Int, y: Int, maxWidth: Int) {
        let characters = Array(text)
        for range in MatchRanges.of(words, in: characters) {
            let column = DisplayWidth.width(of: String(characters[..<range.lowerBound]))
            guard column < maxWidth else { continue }
            screen.put(String(characters[range]), x: x + column, y: y, style: theme[.match], maxWidth: maxWidth - column)
        }
    }
}
