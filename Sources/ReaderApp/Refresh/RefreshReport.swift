import Foundation
import NewsCache
import NewsModel
import ReaderCore

/// How one feed's refresh ended.
public struct FeedRefreshOutcome: Sendable, Equatable {
    /// What happened, in the order a user cares about.
    public enum Status: Sendable, Equatable {
        /// New or changed stories were stored (possibly none), with the parser's non-fatal warnings.
        case updated(StoreSummary, warnings: [String])
        /// The server said 304 Not Modified.
        case notModified
        /// The server asked us to wait (Retry-After) and that time has not come.
        case deferred(until: Date)
        case failed(String)
    }

    public var feedID: FeedID
    public var url: String
    public var title: String
    public var status: Status
    /// Set when the feed answered from a new permanent address: the subscription can be updated.
    public var movedTo: String?

    public init(feedID: FeedID, url: String, title: String, status: Status, movedTo: String? = nil) {
        self.feedID = feedID; self.url = url; self.title = title; self.status = status; self.movedTo = movedTo
    }

    public var isFailure: Bool { if case .failed = status { true } else { false } }
    public var newStories: Int { if case .updated(let s, _) = status { s.inserted } else { 0 } }
}

/// Progress while a refresh runs: `refreshing 37/120` in the status bar, a bar on a terminal.
public struct RefreshProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public var newStories: Int
    public var errors: Int
    public init(done: Int, total: Int, newStories: Int, errors: Int) {
        self.done = done; self.total = total; self.newStories = newStories; self.errors = errors
    }
}

/// The outcome of refreshing a set of feeds.
public struct RefreshReport: Sendable, Equatable {
    public var outcomes: [FeedRefreshOutcome]
    public var seconds: Double

    public init(outcomes: [FeedRefreshOutcome], seconds: Double) {
        self.outcomes = outcomes; self.seconds = seconds
    }

    public var newStories: Int { outcomes.reduce(0) { $0 + $1.newStories } }
    public var failures: [FeedRefreshOutcome] { outcomes.filter(\.isFailure) }

    /// `500 feeds, 1,234 new stories, 3 errors in 4.2 s`.
    public var summary: String {
        let feeds = outcomes.count
        let errors = failures.count
        let new = newStories
        return "\(Self.count(feeds, "feed")), \(Self.count(new, "new story", plural: "new stories")), "
            + "\(Self.count(errors, "error")) in \(String(format: "%.1f", seconds)) s"
    }

    static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        return "\(NumberText.grouped(n)) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
