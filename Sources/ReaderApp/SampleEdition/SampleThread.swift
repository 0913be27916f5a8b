import Foundation
import NewsModel
import TextSafety

/// One comment of a sample thread as it is written down: how deep it sits, who wrote it, its score, how
/// many minutes after the story it was posted, and its text.
///
/// Text is plain: paragraphs are separated by a blank line, a paragraph whose lines all start with two
/// spaces is code (the Hacker News convention), and `&`, `<`, `>` are escaped when it becomes HTML.
struct SampleComment: Sendable {
    var depth: Int
    var author: String?
    var score: Int?
    var minutesAfterStory: Int
    var text: String
    var isDeleted: Bool

    init(_ depth: Int, _ author: String, _ score: Int?, after minutes: Int, _ text: String) {
        self.depth = depth; self.author = author; self.score = score; self.minutesAfterStory = minutes
        self.text = text; self.isDeleted = false
    }

    /// A comment its author deleted: it keeps its place (its replies still hang under it) but has no author,
    /// score or text, as Hacker News serves such items.
    static func deleted(_ depth: Int, after minutes: Int) -> SampleComment {
        var comment = SampleComment(depth, "", nil, after: minutes, "")
        comment.author = nil
        comment.isDeleted = true
        return comment
    }
}

/// Turns a written-down thread into the `FetchedComment`s a source would return.
enum SampleThread {
    /// Gives each comment a stable remote id (`<entry id>#c<n>`), its parent (the nearest earlier comment one
    /// level up) and its date. The rows must be in thread order with each depth at most one more than the
    /// previous row's; the edition is fixed data, so a violation is a programming error caught by the tests.
    static func build(entryID: String, published: Date, _ rows: [SampleComment]) -> [FetchedComment] {
        var ancestors: [String] = []   // remote ids of the open comments, index = depth
        var result: [FetchedComment] = []
        result.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            precondition(row.depth >= 0 && row.depth <= ancestors.count, "sample thread \(entryID): bad depth at row \(index)")
            ancestors.removeSubrange(row.depth...)
            let remoteID = "\(entryID)#c\(index + 1)"
            result.append(FetchedComment(
                remoteID: remoteID, parentRemoteID: ancestors.last, author: row.author,
                date: published.addingTimeInterval(TimeInterval(row.minutesAfterStory * 60)),
                score: row.score, body: row.isDeleted ? "" : html(fromPlainText: row.text),
                depth: row.depth, isDeleted: row.isDeleted))
            ancestors.append(remoteID)
        }
        return result
    }

    /// Plain comment text as a safe HTML fragment: `<p>` per paragraph, `<pre><code>` for indented ones.
    static func html(fromPlainText text: String) -> String {
        text.components(separatedBy: "\n\n").map { paragraph in
            let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.allSatisfy({ $0.hasPrefix("  ") }) {
                let code = lines.map { EntityText.escape(String($0.dropFirst(2))) }.joined(separator: "\n")
                return "<pre><code>\(code)</code></pre>"
            }
            return "<p>\(EntityText.escape(paragraph))</p>"
        }.joined()
    }
}
