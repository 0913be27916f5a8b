import GRDB

/// A search typed by a reader, turned into SQL over the trigram index.
///
/// Every white-space separated word must occur (AND), as a substring, case-insensitively; `"…"` quotes are
/// dropped. The trigram tokenizer indexes every 3-character window, so words of 3 or more characters (any
/// script: `北京大学`, `Swift`) go to FTS5 `MATCH` as phrases. Words of 1–2 characters (`北京`, `東京`,
/// `Go`) cannot be looked up in a trigram index; they are checked with `LIKE` on the candidate rows, or,
/// when the whole query is short words, by scanning the index's text newest first until `limit` rows match.
struct SearchPlan {
    /// The FTS5 query for the long words, nil when there are none.
    let match: String?
    /// `LIKE` patterns for the short words, `%` and `_` escaped with `\`.
    let likePatterns: [String]
    /// The short words themselves, for marking matches in Swift when FTS5 cannot.
    let shortWords: [String]

    init?(_ text: String) {
        let words = text.split(whereSeparator: { $0.isWhitespace })
            .map { $0.replacingOccurrences(of: "\"", with: "") }
            .filter { !$0.isEmpty }
        guard !words.isEmpty else { return nil }
        let long = words.filter { $0.unicodeScalars.count >= 3 }
        let short = words.filter { $0.unicodeScalars.count < 3 }
        match = long.isEmpty ? nil : long.map { "\"\($0)\"" }.joined(separator: " ")
        shortWords = short
        likePatterns = short.map { word in
            "%" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
        }
    }

    /// The WHERE clause over `stories_fts` and its arguments.
    func ftsCondition() -> (String, StatementArguments) {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let match {
            clauses.append("stories_fts MATCH ?")
            arguments += [match]
        }
        for pattern in likePatterns {
            clauses.append("(stories_fts.title LIKE ? ESCAPE '\\' OR stories_fts.body LIKE ? ESCAPE '\\')")
            arguments += [pattern, pattern]
        }
        return (clauses.joined(separator: " AND "), arguments)
    }

    /// A subquery listing the story ids that match.
    func matchingRowIDs() -> (String, StatementArguments) {
        let (condition, arguments) = ftsCondition()
        return ("SELECT rowid FROM stories_fts WHERE \(condition)", arguments)
    }
}
