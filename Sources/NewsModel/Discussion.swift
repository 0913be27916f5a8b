import Foundation

/// A discussion of a web page on an aggregator.
public struct Discussion: Sendable, Equatable, Hashable, Codable {
    /// "Hacker News" or "Lobsters".
    public var site: String
    public var title: String
    /// The discussion page (what the comment sources take as a story's comments URL).
    public var url: String
    public var commentCount: Int
    public var score: Int?
    public var date: Date?

    public init(site: String, title: String, url: String, commentCount: Int, score: Int? = nil, date: Date? = nil) {
        self.site = site; self.title = title; self.url = url; self.commentCount = commentCount; self.score = score
        self.date = date
    }
}
