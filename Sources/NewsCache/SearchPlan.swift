import GRDB

/// A search typed by a reader, turned into an FTS5 query over the word index.
///
/// Every white-space separated word must occur (AND), case-insensitively and without regard to accents.
/// A word matches the words of the text that start with it (`swif` finds "Swift"); a word in Chinese or
/// Japanese matches its characters in a row anywhere, because the index holds each CJK character as a word
/// of its own (`SearchText.plainText`). Quotes, operators and wildcards are taken literally: each word goes
/// to FTS5 as a quoted phrase, so `AND`, `NOT`, `*` or `"` in a query cannot change its meaning. Words with
/// no letters or digits (`%`, `--`) are dropped.
struct SearchPlan {
    /// The FTS5 query.
    let match: String

    init?(_ text: String) {
        let phrases = text.split(whereSeparator: { $0.isWhitespace }).compactMap { Self.phrase(String($0)) }
        guard !phrases.isEmpty else { return nil }
        match = phrases.joined(separator: " ")
    }

    /// The FTS5 phrase for one query word: its indexed form in double quotes (inner quotes doubled), and a
    /// prefix star unless it ends in a CJK character (those are whole words already). Nil for a word without
    /// letters or digits, which the tokenizer would reduce to nothing.
    static func phrase(_ word: String) -> String? {
        let scalars = word.unicodeScalars
        guard let last = scalars.last(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        else { return nil }
        let indexed = SearchText.plainText(word, separatingCJK: true, keepingTags: true)
        let quoted = "\"" + indexed.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return SearchText.isCJK(last) ? quoted : quoted + "*"
    }

    /// The WHERE clause over `stories_fts` and its arguments.
    func ftsCondition() -> (String, StatementArguments) {
        ("stories_fts MATCH ?", [match])
    }

    /// A subquery listing the story ids that match.
    func matchingRowIDs() -> (String, StatementArguments) {
        let (condition, arguments) = ftsCondition()
        return ("SELECT rowid FROM stories_fts WHERE \(condition)", arguments)
    }
}
