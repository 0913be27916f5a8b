import ArticleText
import NewsModel
import ReaderCore
import TermCore

/// Highlighting a search's matched words in the headline list.
extension Painter {
    /// Redraws the parts of the shown `title` (already cut to fit, at `x`) that are matched words of the
    /// headline's story, in the match style. Matching is case-insensitive on characters, so it survives the
    /// sanitiser and truncation.
    mutating func highlightMatches(in title: String, words: [String]?, x: Int, y: Int, maxWidth: Int) {
        guard let words, !words.isEmpty else { return }
        let characters = Array(title)
        for range in Self.matchRanges(of: words, in: characters) {
            let before = String(characters[..<range.lowerBound])
            let column = DisplayWidth.width(of: before)
            guard column < maxWidth else { continue }
            screen.put(String(characters[range]), x: x + column, y: y, style: theme[.match],
                       maxWidth: maxWidth - column)
        }
    }

    /// The character ranges of `characters` where any of `words` occurs, ignoring case.
    static func matchRanges(of words: [String], in characters: [Character]) -> [Range<Int>] {
        MatchRanges.of(words, in: characters)
    }
}

extension Painter {
    /// What an empty headline list says: a search found nothing, a filter left nothing, or there is nothing.
    var emptyListMessage: String {
        switch state.list.query.scope {
        case .search: return " No matches. Esc goes back."
        case .starred: return " No starred stories yet: s stars the selected story."
        default: return state.list.query.unreadOnly ? " No unread stories here: u shows them all." : " No stories here yet."
        }
    }
}
